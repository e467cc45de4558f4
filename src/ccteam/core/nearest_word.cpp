#include "ccteam/core/nearest_word.hpp"

#include <algorithm>
#include <vector>

namespace ccteam {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // One row of the dynamic programme; row[j] is the distance of a[0, i) and b[0, j).
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::size_t typo_distance(std::string_view word) {
  return std::max<std::size_t>(2, word.size() / 3);
}

}  // namespace ccteam
