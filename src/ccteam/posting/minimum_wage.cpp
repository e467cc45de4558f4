#include "ccteam/posting/minimum_wage.hpp"

#include <cmath>

namespace ccteam::posting {

namespace {

// The entry of 'jurisdiction' in force on 'date': the latest 'from' not after it.
const MinimumWage* latest(const std::vector<MinimumWage>& entries, const std::string& jurisdiction,
                          const Date& date) {
  const MinimumWage* best = nullptr;
  for (const MinimumWage& w : entries) {
    if (w.jurisdiction != jurisdiction || w.from > date) continue;
    if (best == nullptr || w.from > best->from) best = &w;
  }
  return best;
}

}  // namespace

std::optional<MinimumWage> MinimumWages::in_force(const Place& place, const Date& date) const {
  const MinimumWage* national = latest(entries, place.country, date);
  const MinimumWage* regional =
      place.region.empty() ? nullptr : latest(entries, place.code(), date);
  if (national == nullptr && regional == nullptr) return std::nullopt;
  if (national == nullptr) return *regional;
  if (regional == nullptr) return *national;
  // Both bind; the higher one wins. Amounts of one country share its currency.
  return regional->per_hour.minor > national->per_hour.minor ? *regional : *national;
}

std::int64_t hourly_minor(std::int64_t amount_minor, catalog::PayPeriod period,
                          double weekly_hours) {
  double amount = static_cast<double>(amount_minor);
  switch (period) {
    case catalog::PayPeriod::hour:
      return amount_minor;
    case catalog::PayPeriod::month:
      // 12 months = 52 weeks: hourly = monthly * 3 / 13 / weekly hours.
      return static_cast<std::int64_t>(std::floor(amount * 3.0 / 13.0 / weekly_hours + 1e-9));
    case catalog::PayPeriod::year:
      return static_cast<std::int64_t>(std::floor(amount / 52.0 / weekly_hours + 1e-9));
  }
  return amount_minor;
}

}  // namespace ccteam::posting
