#include "ccteam/core/iso_codes.hpp"

#include <gtest/gtest.h>

namespace ccteam {
namespace {

// ISO 3166-1 alpha-2 countries and ISO 3166-2 subdivisions ("US-CO" Colorado, "DE-BY" Bavaria).
TEST(IsoCodes, PlacesAreACountryOrACountryAndASubdivision) {
  for (const char* good : {"DE", "US", "US-CO", "DE-BY", "FR-75"})
    EXPECT_TRUE(is_iso_place(good)) << good;
  for (const char* bad : {"", "de", "XX", "XX-YY", "US-", "US-co", "DE-toolong", "EU"}) {
    EXPECT_FALSE(is_iso_place(bad)) << bad;
  }
  EXPECT_TRUE(is_iso_region("CO"));
  EXPECT_FALSE(is_iso_region("COLO"));
}

TEST(IsoCodes, CountryNamesFromIcu) {
  EXPECT_EQ(country_name("DE", Lang::de), "Deutschland");
  EXPECT_EQ(country_name("DE", Lang::en), "Germany");
}

}  // namespace
}  // namespace ccteam
