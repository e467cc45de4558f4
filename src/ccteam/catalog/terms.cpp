#include "ccteam/catalog/terms.hpp"

#include <array>
#include <cctype>
#include <string>

#include "ccteam/core/enum_names.hpp"

namespace ccteam::catalog {

namespace {

// One table per vocabulary: the enum's values in order, as written.
constexpr std::array<std::string_view, 2> k_importance = {"required", "preferred"};
constexpr std::array<std::string_view, 6> k_cefr = {"A1", "A2", "B1", "B2", "C1", "C2"};
constexpr std::array<std::string_view, 3> k_kinds = {"customer_service", "team_leadership",
                                                     "operations_management"};
constexpr std::array<std::string_view, 3> k_periods = {"hour", "month", "year"};
constexpr std::array<std::string_view, 4> k_levels = {"entry", "mid", "senior", "executive"};
constexpr std::array<std::string_view, 7> k_units = {"percent", "seconds", "ratio", "currency",
                                                     "score",   "hours",   "count"};
constexpr std::array<std::string_view, 3> k_directions = {"higher_is_better", "lower_is_better",
                                                          "target_band"};

}  // namespace

std::string_view to_string(Importance v) { return enum_name(k_importance, v); }
std::string_view to_string(Cefr v) { return enum_name(k_cefr, v); }
std::string_view to_string(ExperienceKind v) { return enum_name(k_kinds, v); }
std::string_view to_string(PayPeriod v) { return enum_name(k_periods, v); }
std::string_view to_string(LevelName v) { return enum_name(k_levels, v); }
std::string_view to_string(KpiUnit v) { return enum_name(k_units, v); }
std::string_view to_string(KpiDirection v) { return enum_name(k_directions, v); }

std::optional<IscedLevel> isced_from_int(long long value) {
  if (value < 0 || value > 8) return std::nullopt;
  return static_cast<IscedLevel>(value);
}

std::optional<Importance> parse_importance(std::string_view t) {
  return enum_from_name<Importance>(k_importance, t);
}
std::optional<Cefr> parse_cefr(std::string_view t) {
  std::string upper(t);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return enum_from_name<Cefr>(k_cefr, upper);
}
std::optional<ExperienceKind> parse_experience_kind(std::string_view t) {
  return enum_from_name<ExperienceKind>(k_kinds, t);
}
std::optional<PayPeriod> parse_pay_period(std::string_view t) {
  return enum_from_name<PayPeriod>(k_periods, t);
}
std::optional<LevelName> parse_level_name(std::string_view t) {
  return enum_from_name<LevelName>(k_levels, t);
}
std::optional<KpiUnit> parse_kpi_unit(std::string_view t) {
  return enum_from_name<KpiUnit>(k_units, t);
}
std::optional<KpiDirection> parse_kpi_direction(std::string_view t) {
  return enum_from_name<KpiDirection>(k_directions, t);
}

std::span<const std::string_view> all_importances() { return k_importance; }
std::span<const std::string_view> all_cefr_levels() { return k_cefr; }
std::span<const std::string_view> all_experience_kinds() { return k_kinds; }
std::span<const std::string_view> all_pay_periods() { return k_periods; }
std::span<const std::string_view> all_level_names() { return k_levels; }
std::span<const std::string_view> all_kpi_units() { return k_units; }
std::span<const std::string_view> all_kpi_directions() { return k_directions; }

}  // namespace ccteam::catalog

namespace ccteam::catalog {

MsgId label(Importance value) {
  return value == Importance::required ? MsgId::term_required : MsgId::term_preferred;
}

MsgId label(LevelName value) {
  switch (value) {
    case LevelName::entry:
      return MsgId::level_entry;
    case LevelName::mid:
      return MsgId::level_mid;
    case LevelName::senior:
      return MsgId::level_senior;
    case LevelName::executive:
      return MsgId::level_executive;
  }
  return MsgId::level_entry;
}

MsgId label(ExperienceKind value) {
  switch (value) {
    case ExperienceKind::customer_service:
      return MsgId::kind_customer_service;
    case ExperienceKind::team_leadership:
      return MsgId::kind_team_leadership;
    case ExperienceKind::operations_management:
      return MsgId::kind_operations_management;
  }
  return MsgId::kind_customer_service;
}

MsgId label(PayPeriod value) {
  switch (value) {
    case PayPeriod::hour:
      return MsgId::per_hour;
    case PayPeriod::month:
      return MsgId::per_month;
    case PayPeriod::year:
      return MsgId::per_year;
  }
  return MsgId::per_year;
}

}  // namespace ccteam::catalog
