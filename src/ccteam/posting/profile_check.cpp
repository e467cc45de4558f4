#include "ccteam/posting/profile_check.hpp"

#include <algorithm>

#include "ccteam/core/money.hpp"

namespace ccteam::posting {

namespace {

struct Checker {
  const EmployerProfile& profile;
  std::vector<ProfileIssue> issues;

  void add(Severity severity, Message message, SourcePos where,
           std::optional<Message> hint = std::nullopt) {
    if (where.file.empty()) where.file = profile.file;
    issues.push_back(ProfileIssue{severity, Error{ErrorKind::invalid_input, std::move(message),
                                                  std::move(where), std::move(hint)}});
  }
};

// 'pos' (where the value was written) with the JSON pointer of the field the issue is about.
SourcePos field(SourcePos pos, const std::string& pointer) {
  pos.json_pointer = pointer;
  return pos;
}

void check_pay(Checker& c, const Position& position, std::size_t index,
               const catalog::Catalog& catalog, const MinimumWages& wages) {
  const EmployerProfile& p = c.profile;
  std::string pointer = "/positions/" + std::to_string(index);
  const catalog::Role* role = catalog.find(position.role);
  if (role == nullptr) {
    c.add(Severity::error, msg(MsgId::profile_unknown_role, position.role.str()),
          field(position.pos, pointer + "/role"));
    return;
  }
  const catalog::PayRange* range = nullptr;
  if (position.adopt_market_reference) {
    if (!role->market_reference) {
      c.add(Severity::error, msg(MsgId::profile_no_market_reference, position.role.str()),
            field(position.pos, pointer + "/adopt_market_reference"));
      return;
    }
    range = &role->market_reference->range;
  } else if (position.pay) {
    range = &*position.pay;
  } else {
    c.add(Severity::warning, msg(MsgId::profile_no_pay, position.role.str()),
          field(position.pos, pointer + "/pay"), msg(MsgId::hint_profile_pay));
    return;
  }
  SourcePos pay_pos = position.adopt_market_reference ? field(position.pos, pointer)
                                                      : field(range->pos, pointer + "/pay");
  if (!range->max) {
    c.add(Severity::warning, msg(MsgId::profile_open_ended_pay, position.role.str()),
          field(pay_pos, pointer + "/pay/max"), msg(MsgId::hint_profile_pay_max));
  } else if (range->min > *range->max) {
    c.add(Severity::error,
          msg(MsgId::catalog_pay_min_gt_max, format_money_localized(range->min),
              format_money_localized(*range->max)),
          field(pay_pos, pointer + "/pay/max"));
    return;
  }
  for (const Place& place : p.places()) {
    if (place.country == "DE" && range->period == catalog::PayPeriod::year) {
      // Advice, not law: no statute requires a monthly or hourly figure.
      c.add(Severity::info, msg(MsgId::profile_german_pay_period, position.role.str()),
            field(pay_pos, pointer + "/pay/period"), msg(MsgId::hint_profile_german_period));
    }
    auto wage = wages.in_force(place, p.posting_date);
    if (!wage) continue;
    if (!(wage->per_hour.currency == range->min.currency)) {
      c.add(Severity::error,
            msg(MsgId::profile_pay_currency, range->min.currency.code(), place.code(),
                wage->per_hour.currency.code()),
            field(pay_pos, pointer + "/pay/currency"));
      continue;
    }
    bool exempt = place.country == "DE" && p.employment_type == EmploymentType::apprenticeship;
    if (exempt) continue;
    std::int64_t hourly = hourly_minor(range->min.minor, range->period, p.weekly_hours);
    if (hourly < wage->per_hour.minor) {
      Money per_hour{hourly, range->min.currency};
      c.add(Severity::error,
            msg(MsgId::profile_below_minimum_wage, position.role.str(),
                format_money_localized(per_hour), place.code(),
                format_money_localized(wage->per_hour)),
            field(pay_pos, pointer + "/pay/min"), msg(MsgId::hint_minimum_wage, wage->source));
    }
  }
}

}  // namespace

std::vector<ProfileIssue> check_profile(const EmployerProfile& profile,
                                        const catalog::Catalog& catalog,
                                        const MinimumWages& wages) {
  Checker c{profile, {}};
  if (profile.valid_through < profile.posting_date) {
    c.add(Severity::error,
          msg(MsgId::profile_valid_before_posting, date_localized(profile.valid_through),
              date_localized(profile.posting_date)),
          field(profile.valid_through_pos, "/valid_through"));
  }
  if (profile.remote != RemotePolicy::on_site && profile.remote_allowed.empty()) {
    c.add(Severity::error, msg(MsgId::profile_remote_without_places, to_string(profile.remote)),
          field(profile.remote_pos, "/remote/allowed"), msg(MsgId::hint_profile_remote));
  }
  for (std::size_t i = 0; i < profile.positions.size(); ++i) {
    check_pay(c, profile.positions[i], i, catalog, wages);
  }
  return std::move(c.issues);
}

bool has_errors(const std::vector<ProfileIssue>& issues) {
  return std::any_of(issues.begin(), issues.end(),
                     [](const ProfileIssue& i) { return i.severity == Severity::error; });
}

}  // namespace ccteam::posting
