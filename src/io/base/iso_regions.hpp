#pragma once
// ISO 3166-2 subdivisions ("US-CO", "DE-BY") from Debian's iso-codes data
// (/usr/share/iso-codes/json/iso_3166-2.json, package iso-codes): ICU knows countries but not
// their subdivisions.

#include <string_view>

namespace ccteam::io {

// True when 'code' ("US-CO") is a subdivision in the iso-codes list, read once per process. When
// the list cannot be read (iso-codes not installed), every code of the right form
// (is_iso_place) counts as known: a check that cannot be made does not refuse.
bool is_iso_subdivision(std::string_view code);

}  // namespace ccteam::io
