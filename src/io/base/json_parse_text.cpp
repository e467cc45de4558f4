#include "io/base/json_parse_text.hpp"

#include <string_view>
#include <utility>

namespace ccteam::io {

// nlohmann-json's description of a parse error ("syntax error while parsing object -
// unexpected end of input; expected '}'"), in English as it is and in German: its fixed
// phrases are translated one by one, the quoted input and tokens are kept.
LocalizedText json_parse_text(const std::string& english) {
  static constexpr std::pair<std::string_view, std::string_view> k_german[] = {
      {"syntax error while parsing object key", "Syntaxfehler in einem Objektschlüssel"},
      {"syntax error while parsing object separator", "Syntaxfehler nach einem Objektschlüssel"},
      {"syntax error while parsing object", "Syntaxfehler in einem Objekt"},
      {"syntax error while parsing array", "Syntaxfehler in einem Array"},
      {"syntax error while parsing value", "Syntaxfehler in einem Wert"},
      {"unexpected end of input", "unerwartetes Ende der Eingabe"},
      {"ill-formed UTF-8 byte", "fehlerhaftes UTF-8-Byte"},
      {"invalid string: control character", "ungültige Zeichenkette: Steuerzeichen"},
      {"must be escaped to", "muss maskiert werden als"},
      {"invalid string: missing closing quote", "ungültige Zeichenkette: schließendes \" fehlt"},
      {"invalid string", "ungültige Zeichenkette"},
      {"invalid literal", "ungültiges Literal"},
      {"string literal", "Zeichenkette"},
      {"invalid number", "ungültige Zahl"},
      {"number overflow parsing", "Zahl zu groß:"},
      {"surrogate", "Surrogat"},
      {"unexpected", "unerwartet"},
      {"expected", "erwartet"},
      {"last read", "zuletzt gelesen"},
      {" or ", " oder "},
  };
  std::string german;
  for (std::size_t i = 0; i < english.size();) {
    bool replaced = false;
    if (english[i] != '\'' && english[i] != '"') {
      for (const auto& [from, to] : k_german) {
        if (english.compare(i, from.size(), from) == 0) {
          german += to;
          i += from.size();
          replaced = true;
          break;
        }
      }
    } else if (std::size_t close = english.find(english[i], i + 1); close != std::string::npos) {
      german.append(english, i, close + 1 - i);  // quoted input stays as it is
      i = close + 1;
      replaced = true;
    }
    if (!replaced) german += english[i++];
  }
  return LocalizedText{english, std::move(german)};
}

}  // namespace ccteam::io
