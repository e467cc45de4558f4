// The keys of possible duplicate applications. Expected values worked out by hand: E.164 is "+",
// the country calling code (49 Germany, 1 the NANP) and the national number without its trunk
// prefix 0 (ITU-T E.164; Bundesnetzagentur: Hannover's area code 511).
#include "io/workspace/contact_keys.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

TEST(NormalisedEmail, TrimmedAndLowerCased) {
  EXPECT_EQ(normalised_email("Anna.Berg@Example.ORG "), "anna.berg@example.org");
  EXPECT_EQ(normalised_email("\tanna.berg@example.org\r\n"), "anna.berg@example.org");
  // Nothing else is rewritten: a +tag or dots name other mailboxes.
  EXPECT_EQ(normalised_email("Anna+Jobs@example.org"), "anna+jobs@example.org");
  // Only ASCII is lower-cased (as SQL's lower() in SQLite): "Ä" (C3 84) stays.
  EXPECT_EQ(normalised_email("\xC3\x84nne@X.de"), "\xC3\x84nne@x.de");
  EXPECT_EQ(normalised_email(""), std::nullopt);
  EXPECT_EQ(normalised_email(" \t "), std::nullopt);
}

TEST(PhoneE164, NationalNumbersReadInTheRegion) {
  EXPECT_EQ(phone_e164("0511 1234567", "DE"), "+495111234567");
  EXPECT_EQ(phone_e164("0511/123 45 67", "de"), "+495111234567");
  EXPECT_EQ(phone_e164("(303) 555-0100", "US"), "+13035550100");
}

TEST(PhoneE164, InternationalNumbersWhateverTheRegion) {
  EXPECT_EQ(phone_e164("+1 303-555-0100", "DE"), "+13035550100");
  EXPECT_EQ(phone_e164("+49 (0)511 1234567", "US"), "+495111234567");
  EXPECT_EQ(phone_e164("0049 511 1234567", "DE"), "+495111234567");
  EXPECT_EQ(phone_e164("+1 303-555-0100", ""), "+13035550100");
}

TEST(PhoneE164, NoKeyForWhatIsNoPossibleNumber) {
  EXPECT_EQ(phone_e164("call me maybe", "DE"), std::nullopt);
  EXPECT_EQ(phone_e164("", "DE"), std::nullopt);
  EXPECT_EQ(phone_e164("12", "DE"), std::nullopt);
  EXPECT_EQ(phone_e164("1234567890123456789012", "DE"), std::nullopt);
  // A national number without a country to read it in.
  EXPECT_EQ(phone_e164("0511 1234567", ""), std::nullopt);
  EXPECT_EQ(phone_e164("0511 1234567", "XX"), std::nullopt);
  // No country has the calling code 999.
  EXPECT_EQ(phone_e164("+999 1234567", "DE"), std::nullopt);
}

}  // namespace
}  // namespace ccteam::io
