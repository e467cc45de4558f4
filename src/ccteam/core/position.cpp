#include "ccteam/core/position.hpp"

namespace ccteam {

std::string to_string(const SourcePos& pos) {
  std::string out = pos.file;
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column > 0) out += ':' + std::to_string(pos.column);
  }
  if (!pos.json_pointer.empty()) {
    if (!out.empty()) out += ' ';
    out += '(' + pos.json_pointer + ')';
  }
  return out;
}

std::string json_pointer_append(const std::string& pointer, const std::string& token) {
  std::string out = pointer + '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string json_pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + '/' + std::to_string(index);
}

}  // namespace ccteam
