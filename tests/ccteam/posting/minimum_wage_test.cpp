#include "ccteam/posting/minimum_wage.hpp"

#include <gtest/gtest.h>

namespace ccteam::posting {
namespace {

using namespace std::chrono;
using catalog::PayPeriod;

// Hand calculation: 3,000.00 EUR a month at 40 h a week = 3000 * 3 / 13 / 40 = 17.3076.. EUR/h.
TEST(MinimumWage, MonthlyToHourlyUsesThirteenThirdsWeeksPerMonth) {
  EXPECT_EQ(hourly_minor(300000, PayPeriod::month, 40), 1730);
  // 52,000 USD a year at 40 h: 52000 / 52 / 40 = 25.00 exactly.
  EXPECT_EQ(hourly_minor(5200000, PayPeriod::year, 40), 2500);
  EXPECT_EQ(hourly_minor(1390, PayPeriod::hour, 40), 1390);
}

TEST(MinimumWage, InForcePicksTheLatestEntryPerJurisdictionAndTheHigherOfTwo) {
  Currency usd = *Currency::parse("USD");
  MinimumWages w;
  w.entries = {{"US", 2009y / July / 24, {725, usd}, {"FLSA", "FLSA"}, {}},
               {"US-CO", 2025y / January / 1, {1481, usd}, {"CO 2025", "CO 2025"}, {}},
               {"US-CO", 2026y / January / 1, {1516, usd}, {"CO 2026", "CO 2026"}, {}}};
  EXPECT_EQ(w.in_force(Place{"US", "CO", {}}, 2025y / December / 31)->per_hour.minor, 1481);
  EXPECT_EQ(w.in_force(Place{"US", "CO", {}}, 2026y / January / 1)->per_hour.minor, 1516);
  EXPECT_EQ(w.in_force(Place{"US", "TX", {}}, 2026y / January / 1)->source.en, "FLSA");
  EXPECT_FALSE(w.in_force(Place{"US", "", {}}, 2000y / January / 1));
  EXPECT_FALSE(w.in_force(Place{"FR", "", {}}, 2026y / January / 1));
}

}  // namespace
}  // namespace ccteam::posting
