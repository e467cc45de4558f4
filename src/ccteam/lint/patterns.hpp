#pragma once
// Word-level matching for the posting linter: words of case-folded text, word patterns from
// data/posting/phrases.yaml, and dates. Pure functions on text already folded by
// text::fold_with_origin (lower case, NFC).
//
// Pattern syntax (one pattern per phrase entry; words separated by spaces):
//   word        the whole word ("photo")
//   word*       any word starting with it ("muttersprach*": Muttersprache, muttersprachlich)
//   a|b|c*      any of the alternatives ("send*|attach*|include*")
//   #age        a number from 14 to 79 or a range of two ("35", "18-30", "25–35"): an age
//   ..          up to four words of any kind ("send* .. headshot*": "send your CV and a headshot")
// Punctuation between words is ignored, so "Max. 35 Jahre" matches "max #age jahre*" and
// "Alter: 25-35" matches "alter #age". A word is a run of letters and digits; "*", ":", "_"
// and "-" between two of them keep it one word ("Kund*innen", "accent-free", "18-30").

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ccteam::lint {

struct Word {
  std::size_t start;   // byte offset in the folded text
  std::string folded;  // the word's bytes
};

// The words of folded text, in order.
std::vector<Word> words(const std::string& folded);

// True when 'word' matches 'stem': the same word, or, for a stem ending in '*', a word that
// starts with the stem's other bytes.
bool stem_matches(std::string_view stem, std::string_view word);

// Byte offsets in 'folded' where 'phrase' starts at a word boundary and (unless it ends in
// '*') ends at one. A plain substring search for short fixed phrases.
std::vector<std::size_t> find_phrase(const std::string& folded, const std::string& phrase);

// A pattern match: words [first, last] of the text; byte range [start, end) in the folded text.
struct Match {
  std::size_t first;
  std::size_t last;
  std::size_t start;
  std::size_t end;
};

// Every match of 'pattern' (syntax above) in 'text', whose words are 'text_words', leftmost
// first; a match does not start inside an earlier one. An empty pattern matches nothing.
std::vector<Match> find_pattern(const std::vector<Word>& text_words, std::string_view pattern);

// Indexes into 'text_words' of the first word of each date: "January 31, 2027", "31 January
// 2027", "15. Februar 2027", "Jänner", "31.01.2027", "01/15/2027", "2027-01-15". Years 2000 to
// 2099.
std::vector<std::size_t> find_dates(const std::vector<Word>& text_words);

}  // namespace ccteam::lint
