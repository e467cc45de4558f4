#include "ccteam/lint/units.hpp"

#include <algorithm>

namespace ccteam::lint {

namespace {

void finish(Unit& unit) {
  unit.folded = text::fold_with_origin(unit.text);
  unit.words = words(unit.folded.text);
}

}  // namespace

std::pair<std::size_t, std::size_t> Unit::position(std::size_t at) const {
  auto next = std::upper_bound(offsets.begin(), offsets.end(), at);
  auto k = static_cast<std::size_t>(std::distance(offsets.begin(), next));
  k = k == 0 ? 0 : k - 1;
  return {lines[k], at - offsets[k]};
}

std::pair<std::size_t, std::size_t> Unit::folded_position(std::size_t at) const {
  return position(folded.origin_of(at, text.size()));
}

std::string Unit::original(std::size_t start, std::size_t end) const {
  std::size_t from = folded.origin_of(start, text.size());
  std::size_t to = folded.origin_of(end, text.size());
  // 'end' may fall inside a character whose folding is longer than its original: take it whole.
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  return from < to ? text.substr(from, to - from) : std::string();
}

std::vector<Unit> split_units(const PostingText& text, std::size_t title) {
  std::vector<Unit> out;
  // Hard-wrapped: no line longer than a wrapping editor or mail client leaves.
  std::size_t longest = 0;
  for (const TextLine& line : text.lines) longest = std::max(longest, line.text.size());
  const bool wrapped = longest <= k_wrapped_max_bytes;
  bool open = false;
  for (std::size_t i = 0; i < text.lines.size(); ++i) {
    const TextLine& line = text.lines[i];
    if (line.text.find_first_not_of(" \t") == std::string::npos) {
      open = false;
      continue;
    }
    bool joins = wrapped && open && i != title && !line.heading && !line.bullet &&
                 !out.back().heading && !out.back().bullet && out.back().lines.back() != title &&
                 text.lines[out.back().lines.back()].text.size() >= k_wrapped_min_bytes;
    if (!joins) {
      if (!out.empty()) finish(out.back());
      out.push_back(Unit{});
      out.back().heading = line.heading;
      out.back().bullet = line.bullet;
    } else {
      out.back().text += ' ';
    }
    Unit& unit = out.back();
    unit.lines.push_back(i);
    unit.offsets.push_back(unit.text.size());
    unit.text += line.text;
    open = true;
  }
  if (!out.empty()) finish(out.back());
  return out;
}

}  // namespace ccteam::lint
