#include "io/workspace/contact_keys.hpp"

#include <exception>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace ccteam::io {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

}  // namespace

std::optional<std::string> normalised_email(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<std::string> phone_e164(std::string_view text, std::string_view region) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  // The library reads at most 250 characters; a longer text is no phone number.
  if (text.empty() || text.size() > 250) return std::nullopt;
  std::string country(region.size() == 2 ? region : std::string_view("ZZ"));
  for (char& c : country) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  try {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(std::string(text), country, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
      return std::nullopt;
    }
    // Not IS_POSSIBLE_LOCAL_ONLY: a number without its area code would match the same local
    // number of another town.
    if (util.IsPossibleNumberWithReason(number) != PhoneNumberUtil::IS_POSSIBLE) {
      return std::nullopt;
    }
    std::string out;
    util.Format(number, PhoneNumberUtil::E164, &out);
    if (out.size() < 2 || out.front() != '+') return std::nullopt;
    return out;
  } catch (const std::exception&) {
    return std::nullopt;  // allocation failure inside the library: no key rather than no form
  }
}

}  // namespace ccteam::io
