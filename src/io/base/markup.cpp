#include "io/base/markup.hpp"

namespace ccteam::io {

namespace {

std::string escape(std::string_view text, bool strict) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '`':
        out += strict ? "&#96;" : "`";
        break;
      case '=':
        out += strict ? "&#61;" : "=";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_markup(std::string_view text) { return escape(text, false); }

std::string escape_markup_strict(std::string_view text) { return escape(text, true); }

}  // namespace ccteam::io
