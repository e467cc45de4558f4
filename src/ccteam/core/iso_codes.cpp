#include "ccteam/core/iso_codes.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include "ccteam/core/messages.hpp"

namespace ccteam {

namespace {

std::set<std::string> read_list(const char* const* list) {
  std::set<std::string> out;
  for (; list != nullptr && *list != nullptr; ++list) out.insert(*list);
  return out;
}

}  // namespace

bool is_iso_country(std::string_view code) {
  static const std::set<std::string> countries = read_list(uloc_getISOCountries());
  return code.size() == 2 && countries.contains(std::string(code));
}

bool is_iso_language(std::string_view code) {
  static const std::set<std::string> languages = read_list(uloc_getISOLanguages());
  return code.size() == 2 && languages.contains(std::string(code));
}

bool is_iso_region(std::string_view code) {
  return !code.empty() && code.size() <= 3 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

bool is_iso_place(std::string_view code) {
  std::size_t dash = code.find('-');
  if (dash == std::string_view::npos) return is_iso_country(code);
  return is_iso_country(code.substr(0, dash)) && is_iso_region(code.substr(dash + 1));
}

std::string country_name(std::string_view code, Lang lang) {
  if (code == "*") return tr(MsgId::any_other_country, lang);
  const std::string country(code);
  icu::Locale in(lang == Lang::de ? "de" : "en");
  icu::UnicodeString name;
  icu::Locale("", country.c_str()).getDisplayCountry(in, name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? country : out;
}

}  // namespace ccteam
