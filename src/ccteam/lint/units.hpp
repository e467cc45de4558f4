#pragma once
// A posting's paragraphs and bullets ("units") for the linter: the hard-wrapped lines of one
// paragraph are joined, so that a sentence or phrase split over lines is read whole and the same
// text scores the same wrapped or not.
//
// A posting is hard-wrapped when none of its lines is longer than k_wrapped_max_bytes. In such
// a posting a line continues the unit above it when both hold text, neither is a heading or a
// bullet, and the line above is at least k_wrapped_min_bytes long (a short line above, such as
// "Glückauf Versicherung, Essen", ends a line of its own). The title (the first line with text)
// is a unit by itself; blank lines belong to no unit. Known limit: the wrapped continuation of a
// bullet is not joined to it (the text no longer shows whether it was indented).

#include <cstddef>
#include <string>
#include <vector>

#include "ccteam/lint/patterns.hpp"
#include "ccteam/lint/text.hpp"
#include "ccteam/text/normalize.hpp"

namespace ccteam::lint {

inline constexpr std::size_t k_wrapped_min_bytes = 40;
inline constexpr std::size_t k_wrapped_max_bytes = 100;

struct Unit {
  std::vector<std::size_t> lines;    // indexes into PostingText::lines, in order
  std::vector<std::size_t> offsets;  // offsets[k]: where line lines[k] starts in 'text'
  std::string text;                  // the lines' texts joined by one space
  text::FoldedText folded;           // text::fold_with_origin(text)
  std::vector<Word> words;           // words(folded.text)
  bool heading = false;
  bool bullet = false;

  // The line index and the byte offset in that line's text of byte 'at' of 'text'.
  std::pair<std::size_t, std::size_t> position(std::size_t at) const;
  // The same for byte 'at' of folded.text.
  std::pair<std::size_t, std::size_t> folded_position(std::size_t at) const;
  // The original text of folded bytes [start, end).
  std::string original(std::size_t start, std::size_t end) const;
};

// The units of 'text'; 'title' is the index of its title line (text.lines.size() when none).
std::vector<Unit> split_units(const PostingText& text, std::size_t title);

}  // namespace ccteam::lint
