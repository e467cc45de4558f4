#include "ccteam/posting/mail_template.hpp"

#include <algorithm>
#include <optional>

namespace ccteam::posting {

namespace {

// The field a placeholder's name stands for, or nullptr.
const std::string* field_of(std::string_view name, const MailFields& fields) {
  if (name == "name") return &fields.name;
  if (name == "position") return &fields.position;
  if (name == "employer") return &fields.employer;
  if (name == "date") return &fields.date;
  if (name == "link") return &fields.link;
  return nullptr;
}

// Walks 'text': calls plain(piece) for text and brace(name, written) for each "{name}"
// ("written" is the placeholder as written; an unclosed '{' gives the name "{").
template <class Plain, class Brace>
void walk(std::string_view text, Plain plain, Brace brace) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t next = text.find_first_of("{}", at);
    if (next == std::string_view::npos) {
      plain(text.substr(at));
      return;
    }
    plain(text.substr(at, next - at));
    if (next + 1 < text.size() && text[next + 1] == text[next]) {  // "{{" or "}}"
      plain(text.substr(next, 1));
      at = next + 2;
      continue;
    }
    if (text[next] == '}') {  // a lone closing brace is text
      plain(text.substr(next, 1));
      at = next + 1;
      continue;
    }
    std::size_t close = text.find_first_of("{}\n", next + 1);
    if (close == std::string_view::npos || text[close] != '}') {
      brace(std::string_view("{"), text.substr(next, 1));
      at = next + 1;
      continue;
    }
    brace(text.substr(next + 1, close - next - 1), text.substr(next, close - next + 1));
    at = close + 1;
  }
}

}  // namespace

std::vector<std::string> unknown_placeholders(std::string_view text, std::size_t cap) {
  std::vector<std::string> out;
  MailFields none;
  walk(
      text, [](std::string_view) {},
      [&](std::string_view name, std::string_view written) {
        if (field_of(name, none) != nullptr || out.size() >= cap) return;
        std::string shown = name == "{" ? std::string("{") : std::string(written.substr(0, 60));
        if (std::find(out.begin(), out.end(), shown) == out.end()) out.push_back(std::move(shown));
      });
  return out;
}

std::string fill_mail_template(std::string_view text, const MailFields& fields) {
  std::string out;
  out.reserve(text.size() + 256);
  walk(
      text, [&](std::string_view piece) { out.append(piece); },
      [&](std::string_view name, std::string_view written) {
        const std::string* value = field_of(name, fields);
        out.append(value != nullptr ? std::string_view(*value) : written);
      });
  return out;
}

}  // namespace ccteam::posting
