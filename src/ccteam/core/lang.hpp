#pragma once
// The languages ccteam speaks to its users, and text that exists in each of them.

#include <optional>
#include <string>
#include <string_view>

namespace ccteam {

enum class Lang { en, de };

inline constexpr Lang k_all_langs[] = {Lang::en, Lang::de};

// "en" or "de".
std::string_view to_string(Lang lang);

// Accepts a bare ISO 639-1 code ("de", "EN") or a POSIX locale name as found in LANG or
// LC_ALL ("de_DE.UTF-8", "en_US", "de-AT"). Returns nullopt for any other language, for "C"
// and "POSIX", and for an empty string.
std::optional<Lang> parse_lang(std::string_view text);

// A user-facing text in every language ccteam ships. Catalog validation requires both.
struct LocalizedText {
  std::string en;
  std::string de;

  const std::string& get(Lang lang) const { return lang == Lang::de ? de : en; }
  std::string& get(Lang lang) { return lang == Lang::de ? de : en; }
  bool operator==(const LocalizedText&) const = default;
};

}  // namespace ccteam
