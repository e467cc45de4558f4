#pragma once
// A posting as lines of plain text that remember where each byte came from, so that findings
// point at line:column of the original Markdown, text or HTML.

#include <string>
#include <vector>

namespace ccteam::lint {

struct TextLine {
  int number = 0;            // 1-based line in the original
  std::string text;          // markup removed, entities decoded
  std::vector<int> columns;  // columns[i]: 1-based byte column in the original of text[i]
  bool heading = false;      // Markdown "#", HTML <h1>-<h6>, bold-only line or line ending in ':'
  bool bullet = false;       // Markdown or text bullet, HTML <li>

  // Column of text[index] in the original; the column after the end for index == size().
  int column(std::size_t index) const;
};

struct PostingText {
  std::vector<TextLine> lines;
};

}  // namespace ccteam::lint
