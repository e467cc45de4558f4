#pragma once
// The keys that find possible duplicate applications: an applicant's e-mail address and phone
// number written one way, so that two applications of the same person compare equal however the
// person typed them. The workspace stores them beside each application (Repository's
// email_key, phone_key) and never merges applications by them: equal keys are a warning for
// the recruiter, not a decision (docs/applications.md).
//
// Phone numbers go through Google's libphonenumber (Debian's libphonenumber-dev, the metadata
// of the version Debian ships); this file is the only one that includes it. Both functions are
// pure and thread-safe, and never throw.

#include <optional>
#include <string>
#include <string_view>

namespace ccteam::io {

// 'text' without leading and trailing blanks (space, tab, CR, LF, vertical tab, form feed) and
// with the ASCII letters A-Z in lower case; every other byte is kept as it is. nullopt when
// nothing is left. No other rewriting: dots and "+tags" in the local part stay, because they
// name other mailboxes at many providers.
//
// Only ASCII is lower-cased so that the key is the same as what SQL's lower() gives in SQLite
// (ASCII only) and translate() in PostgreSQL; the migration that added the keys computed those
// of older applications that way.
//
//   normalised_email("Anna.Berg@Example.ORG ")  -> "anna.berg@example.org"
//   normalised_email("  ")                      -> nullopt
std::optional<std::string> normalised_email(std::string_view text);

// The phone number in 'text' in E.164 ("+" and up to 15 digits, no blanks), read as a number of
// 'region' (ISO 3166-1 alpha-2, e.g. "DE"; upper or lower case) when it is not written with
// "+" or an international prefix. nullopt when libphonenumber cannot parse it (too few or too
// many digits, no digits, no country: a national number with an empty or unknown 'region') or
// when the parsed number is not a possible number (its length does not fit any number of its
// country; a local number without its area code is not one either). An extension ("ext. 12") is
// dropped. Whether the number is in service is not checked.
//
//   phone_e164("0511 1234567", "DE")      -> "+495111234567"
//   phone_e164("+1 303-555-0100", "DE")   -> "+13035550100"
//   phone_e164("(303) 555-0100", "US")    -> "+13035550100"
//   phone_e164("0511 1234567", "")        -> nullopt (no country)
//   phone_e164("call me", "DE")           -> nullopt
std::optional<std::string> phone_e164(std::string_view text, std::string_view region);

}  // namespace ccteam::io
