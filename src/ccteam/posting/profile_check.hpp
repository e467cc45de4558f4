#pragma once
// Checks an employer profile for missing or contradictory data before anything is published.

#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/posting/employer.hpp"
#include "ccteam/posting/minimum_wage.hpp"
#include "ccteam/posting/severity.hpp"

namespace ccteam::posting {

// A problem in a profile; error.where names the field (file:line:col and JSON pointer).
struct ProfileIssue {
  Severity severity = Severity::error;
  Error error;
};

// Every problem of 'profile', in file order of the checks below:
// - error   profile_valid_before_posting: valid_through is before posting_date;
// - error   profile_unknown_role: a position names a role the catalog lacks;
// - warning profile_no_pay: a position has neither pay nor adopt_market_reference (pay laws in
//           the EU, Directive 2023/970 art. 5, and many US states require a range);
// - error   profile_no_market_reference: adopt_market_reference for a role without one;
// - warning profile_open_ended_pay: a range without an upper bound (unlawful where a pay-range
//           law applies; `posting lint` decides per jurisdiction);
// - error   catalog_pay_min_gt_max: the range's minimum above its maximum (at pay/max);
// - error   profile_remote_without_places: remote or hybrid without remote.allowed;
// - error   profile_pay_currency: the pay's currency is not the one of a place's minimum wage
//           (a German posting states pay in EUR);
// - warning profile_german_pay_period: pay per year for a place in Germany (German practice
//           states a monthly or hourly gross amount);
// - error   profile_below_minimum_wage: the hourly equivalent of the range's minimum is below
//           the minimum wage in force at a place on the posting date (MinimumWages::in_force).
//           Apprenticeships in Germany are exempt (MiLoG § 22 (3)).
std::vector<ProfileIssue> check_profile(const EmployerProfile& profile,
                                        const catalog::Catalog& catalog, const MinimumWages& wages);

// True when any issue is an error.
bool has_errors(const std::vector<ProfileIssue>& issues);

}  // namespace ccteam::posting
