#pragma once
// The closed vocabularies of the catalog (CEFR, ISCED 2011, experience kinds, ...), each with
// its written form in catalog files and JSON, and a parser that accepts exactly that form.

#include <optional>
#include <span>
#include <string_view>

namespace ccteam::catalog {

enum class Importance { required, preferred };

// Common European Framework of Reference for Languages (Council of Europe 2001), A1 to C2.
enum class Cefr { a1, a2, b1, b2, c1, c2 };

// ISCED 2011 levels (UNESCO Institute for Statistics 2012), 0 to 8.
enum class IscedLevel {
  early_childhood = 0,
  primary = 1,
  lower_secondary = 2,
  upper_secondary = 3,
  post_secondary_non_tertiary = 4,
  short_cycle_tertiary = 5,
  bachelor = 6,
  master = 7,
  doctoral = 8,
};

// The kinds of experience the article distinguishes.
enum class ExperienceKind { customer_service, team_leadership, operations_management };

enum class PayPeriod { hour, month, year };

enum class LevelName { entry, mid, senior, executive };

enum class KpiUnit { percent, seconds, ratio, currency, score, hours, count };
enum class KpiDirection { higher_is_better, lower_is_better, target_band };

// Written forms: "required", "C1", "customer_service", "year", "entry", "percent", ...
std::string_view to_string(Importance value);
std::string_view to_string(Cefr value);
std::string_view to_string(ExperienceKind value);
std::string_view to_string(PayPeriod value);
std::string_view to_string(LevelName value);
std::string_view to_string(KpiUnit value);
std::string_view to_string(KpiDirection value);
inline int to_int(IscedLevel level) { return static_cast<int>(level); }
std::optional<IscedLevel> isced_from_int(long long value);

// Each parser accepts exactly the written forms above (CEFR also in lower case) and returns
// nullopt for anything else. all_*() lists the written forms, for error hints.
std::optional<Importance> parse_importance(std::string_view text);
std::optional<Cefr> parse_cefr(std::string_view text);
std::optional<ExperienceKind> parse_experience_kind(std::string_view text);
std::optional<PayPeriod> parse_pay_period(std::string_view text);
std::optional<LevelName> parse_level_name(std::string_view text);
std::optional<KpiUnit> parse_kpi_unit(std::string_view text);
std::optional<KpiDirection> parse_kpi_direction(std::string_view text);

std::span<const std::string_view> all_importances();
std::span<const std::string_view> all_cefr_levels();
std::span<const std::string_view> all_experience_kinds();
std::span<const std::string_view> all_pay_periods();
std::span<const std::string_view> all_level_names();
std::span<const std::string_view> all_kpi_units();
std::span<const std::string_view> all_kpi_directions();

}  // namespace ccteam::catalog

#include "ccteam/core/messages.hpp"

namespace ccteam::catalog {

// The user-facing name of each term, for rendering in the user's language.
MsgId label(Importance value);
MsgId label(LevelName value);
MsgId label(ExperienceKind value);
MsgId label(PayPeriod value);  // "per year"

}  // namespace ccteam::catalog
