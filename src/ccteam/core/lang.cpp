#include "ccteam/core/lang.hpp"

#include <cctype>

namespace ccteam {

std::string_view to_string(Lang lang) { return lang == Lang::de ? "de" : "en"; }

std::optional<Lang> parse_lang(std::string_view text) {
  // The language is the part before any territory, codeset or modifier: "de_DE.UTF-8@euro".
  std::size_t end = text.find_first_of("_-.@");
  std::string_view code = text.substr(0, end);
  if (code.size() != 2) return std::nullopt;
  char a = static_cast<char>(std::tolower(static_cast<unsigned char>(code[0])));
  char b = static_cast<char>(std::tolower(static_cast<unsigned char>(code[1])));
  if (a == 'e' && b == 'n') return Lang::en;
  if (a == 'd' && b == 'e') return Lang::de;
  return std::nullopt;
}

}  // namespace ccteam
