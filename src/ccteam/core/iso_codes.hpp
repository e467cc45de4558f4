#pragma once
// Checks of ISO country and language codes against ICU's tables, and country names.

#include <string>
#include <string_view>

#include "ccteam/core/lang.hpp"

namespace ccteam {

// True for an ISO 3166-1 alpha-2 country code in upper case ("DE", "US").
bool is_iso_country(std::string_view code);

// True for an ISO 639-1 two-letter language code in lower case ("de", "en").
bool is_iso_language(std::string_view code);

// True for the subdivision part of an ISO 3166-2 code, without the country: 1 to 3 upper-case
// letters or digits ("CO" of "US-CO", "BY" of "DE-BY").
bool is_iso_region(std::string_view code);

// True for a place as the posting rules name it: a country ("DE") or a country and one of its
// subdivisions ("US-CO"), checked as is_iso_country and is_iso_region.
bool is_iso_place(std::string_view code);

// The country's name in 'lang' from ICU's locale data: "DE" -> "Germany" / "Deutschland";
// "*" -> "any other country" / "jedes andere Land". An unknown code comes back as given.
std::string country_name(std::string_view code, Lang lang);

}  // namespace ccteam
