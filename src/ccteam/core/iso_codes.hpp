#pragma once
// Checks of ISO country and language codes against ICU's tables.

#include <string_view>

namespace ccteam {

// True for an ISO 3166-1 alpha-2 country code in upper case ("DE", "US").
bool is_iso_country(std::string_view code);

// True for an ISO 639-1 two-letter language code in lower case ("de", "en").
bool is_iso_language(std::string_view code);

}  // namespace ccteam
