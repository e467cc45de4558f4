#pragma once
// Statutory minimum wages per jurisdiction and date, and hourly equivalents of pay.
//
// The figures are data (data/posting/minimum-wages.yaml, each entry with its legal source),
// read by src/io/posting/posting_data_yaml.hpp. This file only chooses and compares.

#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/terms.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/core/money.hpp"
#include "ccteam/core/position.hpp"
#include "ccteam/posting/employer.hpp"

namespace ccteam::posting {

// One minimum wage: from 'from' on, at least 'per_hour' in 'jurisdiction' ("DE", "US",
// "US-CO"), by 'source' (the law or ordinance).
struct MinimumWage {
  std::string jurisdiction;
  Date from;
  Money per_hour;
  LocalizedText source;  // in English and German
  SourcePos pos;
  bool verified = true;   // false: the figure or its source could not be confirmed ('note')
  std::string note = {};  // what could not be confirmed
};

struct MinimumWages {
  std::vector<MinimumWage> entries;

  // The minimum wage that binds an employer at 'place' on 'date': of the entries for the
  // country and for the region (e.g. "US" and "US-CO") in force on that date (the latest
  // 'from' not after 'date' per jurisdiction), the highest, because where federal and state law
  // both set one the higher applies (FLSA, 29 U.S.C. 218(a)). nullopt when none is known.
  std::optional<MinimumWage> in_force(const Place& place, const Date& date) const;
};

// The hourly equivalent of 'amount' paid per 'period' for 'weekly_hours' a week, in minor units
// (rounded down, so that a pay at exactly the minimum is not reported). A month is 13/3 weeks
// (52 weeks / 12 months), the conversion German customs uses to check the Mindestlohn for
// monthly salaries (Zoll, "Mindestlohn: Berechnung bei Monatslohn"); a year is 52 weeks.
// weekly_hours must be > 0.
std::int64_t hourly_minor(std::int64_t amount_minor, catalog::PayPeriod period,
                          double weekly_hours);

}  // namespace ccteam::posting
