// The fields of a plan request for forms and the JSON API (see plan_fields.hpp).
#include "app/staffing/plan_fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <variant>

#include <fmt/format.h>

#include "app/forms/typed_number.hpp"
#include "ccteam/core/iso_codes.hpp"
#include "io/base/number_text.hpp"
#include "io/staffing/plan_text.hpp"

namespace ccteam::app {

using namespace ccteam::staffing;
using json = nlohmann::json;

namespace {

constexpr std::array k_interval_choices = {
    FieldChoice{"", MsgId::web_plan_field_interval_file}, FieldChoice{"15", std::nullopt},
    FieldChoice{"30", std::nullopt}, FieldChoice{"60", std::nullopt}};
constexpr std::array k_source_choices = {FieldChoice{"profile", MsgId::web_plan_source_profile},
                                         FieldChoice{"csv", MsgId::web_plan_source_csv}};
constexpr std::array k_sl_definitions = {
    FieldChoice{"offered", MsgId::plan_sl_over_offered},
    FieldChoice{"answered", MsgId::plan_sl_over_answered},
    FieldChoice{"offered-minus-short", MsgId::plan_sl_over_offered_minus_short}};
constexpr std::array k_asa_definitions = {FieldChoice{"answered", MsgId::plan_asa_over_answered},
                                          FieldChoice{"all", MsgId::plan_asa_over_all_callers}};
constexpr std::array k_modes = {FieldChoice{"live", MsgId::web_plan_mode_live},
                                FieldChoice{"deferred", MsgId::web_plan_mode_deferred}};

using P = PlanSection;
using K = FieldKind;

// The ranges of the fields, as the command line's options check them (cli/plan_options.cpp).
constexpr double k_inf = std::numeric_limits<double>::infinity();
constexpr ValueRange k_above_0{0, k_inf, true, true};
constexpr ValueRange k_at_least_0{0, k_inf, false, true};
constexpr ValueRange k_at_least_1{1, k_inf, false, true};
constexpr ValueRange k_share{0, 1, false, false};
constexpr ValueRange k_share_above_0{0, 1, true, false};
constexpr ValueRange k_share_below_1{0, 1, false, true};
constexpr ValueRange k_week_hours{0, 168, true, false};
constexpr ValueRange k_week_days{1, 7, false, false};
constexpr ValueRange k_agents{0, k_max_agents, false, false};

constexpr std::array k_fields = std::to_array<PlanField>({
    {"/forecast/source", P::forecast, K::choice, MsgId::web_plan_field_source, k_any_value,
     k_source_choices},
    {"/forecast/profile/calls_per_day", P::forecast, K::number, MsgId::web_plan_field_calls_per_day,
     k_above_0},
    {"/forecast/profile/hours", P::forecast, K::text, MsgId::web_plan_field_hours},
    {"/forecast/profile/handle_time", P::forecast, K::number, MsgId::web_plan_field_aht, k_above_0},
    {"/forecast/profile/day", P::forecast, K::text, MsgId::web_plan_field_day},
    {"/forecast/csv", P::forecast, K::csv, MsgId::web_plan_field_csv},
    {"/forecast/interval", P::forecast, K::choice, MsgId::web_plan_field_interval, k_any_value,
     k_interval_choices},
    {"/forecast/agents", P::forecast, K::integer, MsgId::web_plan_field_agents, k_agents},
    {"/options/targets/service_level", P::targets, K::text, MsgId::web_plan_field_sl},
    {"/options/targets/max_asa", P::targets, K::number, MsgId::web_plan_field_max_asa, k_above_0},
    {"/options/targets/max_abandon", P::targets, K::share, MsgId::web_plan_field_max_abandon,
     k_share_above_0},
    {"/options/targets/max_occupancy", P::targets, K::share, MsgId::web_plan_field_max_occupancy,
     k_share_above_0},
    {"/options/model/patience", P::targets, K::number, MsgId::web_plan_field_patience, k_above_0},
    {"/options/model/definitions/service_level", P::targets, K::choice,
     MsgId::web_plan_field_sl_definition, k_any_value, k_sl_definitions},
    {"/options/model/definitions/asa", P::targets, K::choice, MsgId::web_plan_field_asa_definition,
     k_any_value, k_asa_definitions},
    {"/options/shrinkage", P::fte, K::share, MsgId::web_plan_field_shrinkage, k_share_below_1},
    {"/options/paid_hours_per_fte", P::fte, K::number, MsgId::web_plan_field_hours_per_fte,
     k_week_hours},
    {"/options/days_per_week", P::fte, K::integer, MsgId::web_plan_field_days_per_week,
     k_week_days},
    {"/options/part_time_share", P::fte, K::share, MsgId::web_plan_field_part_time_share, k_share},
    {"/options/part_time_fte", P::fte, K::number, MsgId::web_plan_field_part_time_fte,
     k_share_above_0},
    {"/options/team_lead_span", P::team, K::integer, MsgId::web_plan_field_span, k_at_least_1},
    {"/options/manager_span", P::team, K::integer, MsgId::web_plan_field_manager_span,
     k_at_least_1},
    {"/options/escalation/share", P::team, K::share, MsgId::web_plan_field_escalation_share,
     k_share},
    {"/options/escalation/handle_time", P::team, K::number, MsgId::web_plan_field_escalation_aht,
     k_above_0},
    {"/options/escalation/phone_share", P::team, K::share, MsgId::web_plan_field_lead_phone_share,
     k_share_above_0},
    {"/options/escalation/mode", P::team, K::choice, MsgId::web_plan_field_escalation_mode,
     k_any_value, k_modes},
    {"/options/escalation/deadline", P::team, K::number, MsgId::web_plan_field_escalation_deadline,
     k_above_0},
    {"/options/manager_escalation/share", P::team, K::share,
     MsgId::web_plan_field_manager_escalation_share, k_share},
    {"/options/manager_escalation/handle_time", P::team, K::number,
     MsgId::web_plan_field_manager_escalation_aht, k_above_0},
    {"/options/manager_escalation/phone_share", P::team, K::share,
     MsgId::web_plan_field_manager_phone_share, k_share_above_0},
    {"/options/manager_escalation/mode", P::team, K::choice,
     MsgId::web_plan_field_manager_escalation_mode, k_any_value, k_modes},
    {"/options/manager_escalation/deadline", P::team, K::number,
     MsgId::web_plan_field_manager_escalation_deadline, k_above_0},
    {"/costing/country", P::cost, K::text, MsgId::web_plan_field_country},
    {"/costing/on_cost_factor", P::cost, K::share, MsgId::web_plan_field_on_cost, k_at_least_0},
    {"/costing/use_market_reference", P::cost, K::flag, MsgId::web_plan_field_market_reference},
    {"/cost_view/waiting_cost", P::cost, K::number, MsgId::web_plan_field_waiting_cost,
     k_at_least_0},
    {"/cost_view/abandon_cost", P::cost, K::number, MsgId::web_plan_field_abandon_cost,
     k_at_least_0},
    {"/cost_view/agent_hour_cost", P::cost, K::number, MsgId::web_plan_field_agent_hour_cost,
     k_at_least_0},
    {"/cost_view/currency", P::cost, K::text, MsgId::web_plan_field_currency},
});

// A field's value between its text and the request: a number (in the field's unit, shares as
// 0..1), a text, or a flag.
using Value = std::variant<double, std::string, bool>;
using Getter = std::optional<Value> (*)(const PlanRequest&);
using Setter = Result<void> (*)(PlanRequest&, const Value&, std::string_view pointer);

struct Access {
  Getter get;
  Setter set;
};

double number(const Value& v) { return std::get<double>(v); }
const std::string& text(const Value& v) { return std::get<std::string>(v); }

// The profile the request's forecast uses (created from the defaults when it has none).
DailyProfile& profile(PlanRequest& r) {
  if (!r.forecast.profile) r.forecast.profile = daily_profile();
  return *r.forecast.profile;
}
DailyProfile profile_of(const PlanRequest& r) {
  return r.forecast.profile ? *r.forecast.profile : daily_profile();
}

Error bad_value(std::string_view pointer, std::string_view shown) {
  Error e = Error::usage(msg(MsgId::plan_bad_argument, pointer, shown));
  e.where.json_pointer = std::string(pointer);
  return e;
}

// The range of the field at 'pointer' (k_any_value when there is none).
const ValueRange& range_of(std::string_view pointer);

// An integer field's value that is no whole number in its range (MsgId::plan_bad_whole): the
// value as typed or as the reader writes numbers ("12,5" in German), the range as words.
Error not_whole(std::string_view pointer, LocalizedText shown) {
  Error e = Error::usage(msg(MsgId::plan_bad_whole, pointer, std::move(shown),
                             localized_words(range_words(range_of(pointer)))));
  e.where.json_pointer = std::string(pointer);
  return e;
}

// A whole number that fits an int, or the error (MsgId::plan_bad_whole).
Result<int> whole(double value, std::string_view pointer) {
  constexpr double k_max_whole = 1'000'000'000;
  if (!std::isfinite(value) || value != std::floor(value) || std::abs(value) > k_max_whole) {
    return tl::unexpected(not_whole(pointer, grouped_text(value, 6)));
  }
  return static_cast<int>(value);
}

std::optional<Value> hours(Seconds s) { return Value(s.count() / 3600); }
std::optional<Value> seconds(const std::optional<Seconds>& s) {
  return s ? std::optional<Value>(s->count()) : std::nullopt;
}
std::optional<Value> share(const std::optional<double>& s) {
  return s ? std::optional<Value>(*s) : std::nullopt;
}
std::optional<Value> amount(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto v = io::parse_decimal(*s);
  return v ? std::optional<Value>(*v) : std::nullopt;
}
std::string amount_text(double value) { return fmt::format("{}", value); }

Result<void> done() { return {}; }

Escalation& tier(PlanRequest& r, bool manager) {
  return manager ? r.options.manager_escalation : r.options.escalation;
}

// The accessors, in the order of k_fields.
const std::array<Access, k_fields.size()> k_access = {{
    // /forecast/source
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(std::string(forecast_source(r)));
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       if (text(v) == "csv") {
         if (!r.forecast.csv) r.forecast.csv = ForecastText{};
         r.forecast.profile.reset();
       } else {
         r.forecast.csv.reset();
         profile(r);
       }
       return done();
     }},
    // /forecast/profile/calls_per_day
    {[](const PlanRequest& r) -> std::optional<Value> {
       if (!r.forecast.profile || r.forecast.profile->calls_per_day <= 0) return std::nullopt;
       return Value(r.forecast.profile->calls_per_day);
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       profile(r).calls_per_day = number(v);
       return done();
     }},
    // /forecast/profile/hours
    {[](const PlanRequest& r) -> std::optional<Value> {
       DailyProfile p = profile_of(r);
       return Value(io::opening_hours_text(p.open, p.close));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(io::OpeningHours h, io::parse_opening_hours(text(v), pointer));
       profile(r).open = h.open;
       profile(r).close = h.close;
       return {};
     }},
    // /forecast/profile/handle_time
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(profile_of(r).handle_time.count());
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       profile(r).handle_time = Seconds{number(v)};
       return done();
     }},
    // /forecast/profile/day: empty for the default (2000-01-03, a Monday that stands for any
    // day), which a form would otherwise show as a made-up date.
    {[](const PlanRequest& r) -> std::optional<Value> {
       if (profile_of(r).day == daily_profile().day) return std::nullopt;
       return Value(io::local_day_text(profile_of(r).day));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(profile(r).day, io::parse_local_day(text(v), pointer));
       return {};
     }},
    // /forecast/csv
    {[](const PlanRequest& r) -> std::optional<Value> {
       if (!r.forecast.csv) return std::nullopt;
       return Value(r.forecast.csv->text);
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       if (!r.forecast.csv) r.forecast.csv = ForecastText{};
       r.forecast.csv->text = text(v);
       return done();
     }},
    // /forecast/interval (minutes)
    {[](const PlanRequest& r) -> std::optional<Value> {
       if (!r.forecast.interval) return std::nullopt;
       return Value(fmt::format("{}", std::lround(r.forecast.interval->count() / 60)));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       const std::string& minutes = text(v);
       if (minutes != "15" && minutes != "30" && minutes != "60") {
         return tl::unexpected(io::unreadable_value(pointer, minutes, "15, 30, 60"));
       }
       r.forecast.interval = Seconds{std::stod(minutes) * 60};
       return {};
     }},
    // /forecast/agents
    {[](const PlanRequest& r) -> std::optional<Value> {
       if (!r.forecast.agents) return std::nullopt;
       return Value(static_cast<double>(*r.forecast.agents));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(r.forecast.agents, whole(number(v), pointer));
       return {};
     }},
    // /options/targets/service_level
    {[](const PlanRequest& r) -> std::optional<Value> {
       const auto& sl = r.options.targets.service_level;
       if (!sl) return std::nullopt;
       // Rounded to 10 digits: 0.8 x 100 is 80.00000000000001 in binary floating point.
       return Value(fmt::format("{}/{}", std::round(sl->fraction * 100 * 1e10) / 1e10,
                                sl->answer_time.count()));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(r.options.targets.service_level, io::parse_service_level(text(v), pointer));
       return {};
     }},
    // /options/targets/max_asa
    {[](const PlanRequest& r) { return seconds(r.options.targets.max_asa); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.options.targets.max_asa = Seconds{number(v)};
       return done();
     }},
    // /options/targets/max_abandon
    {[](const PlanRequest& r) { return share(r.options.targets.max_abandon); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.options.targets.max_abandon = number(v);
       return done();
     }},
    // /options/targets/max_occupancy
    {[](const PlanRequest& r) { return share(r.options.targets.max_occupancy); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.options.targets.max_occupancy = number(v);
       return done();
     }},
    // /options/model/patience
    {[](const PlanRequest& r) { return seconds(r.options.model.patience); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.options.model.patience = Seconds{number(v)};
       return done();
     }},
    // /options/model/definitions/service_level
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(std::string(io::sl_definition_text(r.options.model.definitions.service_level)));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(r.options.model.definitions.service_level,
                  io::parse_sl_definition(text(v), pointer));
       return {};
     }},
    // /options/model/definitions/asa
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(std::string(io::asa_definition_text(r.options.model.definitions.asa)));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(r.options.model.definitions.asa, io::parse_asa_definition(text(v), pointer));
       return {};
     }},
    // /options/shrinkage
    {[](const PlanRequest& r) -> std::optional<Value> { return Value(r.options.shrinkage); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.options.shrinkage = number(v);
       return done();
     }},
    // /options/paid_hours_per_fte
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(r.options.paid_hours_per_fte);
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.options.paid_hours_per_fte = number(v);
       return done();
     }},
    // /options/days_per_week
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(static_cast<double>(r.options.days_per_week));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(r.options.days_per_week, whole(number(v), pointer));
       return {};
     }},
    // /options/part_time_share
    {[](const PlanRequest& r) -> std::optional<Value> { return Value(r.options.part_time_share); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.options.part_time_share = number(v);
       return done();
     }},
    // /options/part_time_fte
    {[](const PlanRequest& r) -> std::optional<Value> { return Value(r.options.part_time_fte); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.options.part_time_fte = number(v);
       return done();
     }},
    // /options/team_lead_span
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(static_cast<double>(r.options.team_lead_span));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(r.options.team_lead_span, whole(number(v), pointer));
       return {};
     }},
    // /options/manager_span
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(static_cast<double>(r.options.manager_span));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(r.options.manager_span, whole(number(v), pointer));
       return {};
     }},
    // /options/escalation/{share,handle_time,phone_share,mode,deadline}
    {[](const PlanRequest& r) -> std::optional<Value> { return Value(r.options.escalation.share); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       tier(r, false).share = number(v);
       return done();
     }},
    {[](const PlanRequest& r) { return seconds(r.options.escalation.handle_time); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       tier(r, false).handle_time = Seconds{number(v)};
       return done();
     }},
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(r.options.escalation.phone_share);
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       tier(r, false).phone_share = number(v);
       return done();
     }},
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(std::string(r.options.escalation.mode == TierMode::live ? "live" : "deferred"));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(tier(r, false).mode, io::parse_tier_mode(text(v), pointer, TierMode::live));
       return {};
     }},
    {[](const PlanRequest& r) { return hours(r.options.escalation.deadline); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       tier(r, false).deadline = Seconds{number(v) * 3600};
       return done();
     }},
    // /options/manager_escalation/{share,handle_time,phone_share,mode,deadline}
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(r.options.manager_escalation.share);
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       tier(r, true).share = number(v);
       return done();
     }},
    {[](const PlanRequest& r) { return seconds(r.options.manager_escalation.handle_time); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       tier(r, true).handle_time = Seconds{number(v)};
       return done();
     }},
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(r.options.manager_escalation.phone_share);
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       tier(r, true).phone_share = number(v);
       return done();
     }},
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(
           std::string(r.options.manager_escalation.mode == TierMode::live ? "live" : "deferred"));
     },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       CCTEAM_TRY(tier(r, true).mode, io::parse_tier_mode(text(v), pointer, TierMode::deferred));
       return {};
     }},
    {[](const PlanRequest& r) { return hours(r.options.manager_escalation.deadline); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       tier(r, true).deadline = Seconds{number(v) * 3600};
       return done();
     }},
    // /costing/country
    {[](const PlanRequest& r) -> std::optional<Value> { return Value(r.costing.country); },
     [](PlanRequest& r, const Value& v, std::string_view pointer) -> Result<void> {
       if (!is_iso_country(text(v))) {
         Error e = Error::usage(msg(MsgId::catalog_bad_country, text(v)), msg(MsgId::hint_country));
         e.where.json_pointer = std::string(pointer);
         return tl::unexpected(std::move(e));
       }
       r.costing.country = text(v);
       return {};
     }},
    // /costing/on_cost_factor
    {[](const PlanRequest& r) -> std::optional<Value> { return Value(r.costing.on_cost_factor); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.costing.on_cost_factor = number(v);
       return done();
     }},
    // /costing/use_market_reference
    {[](const PlanRequest& r) -> std::optional<Value> {
       return Value(r.costing.use_market_reference);
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.costing.use_market_reference = std::get<bool>(v);
       return done();
     }},
    // /cost_view/{waiting_cost,abandon_cost,agent_hour_cost,currency}
    {[](const PlanRequest& r) { return amount(r.cost_view.waiting_cost); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.cost_view.waiting_cost = amount_text(number(v));
       return done();
     }},
    {[](const PlanRequest& r) { return amount(r.cost_view.abandon_cost); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.cost_view.abandon_cost = amount_text(number(v));
       return done();
     }},
    {[](const PlanRequest& r) { return amount(r.cost_view.agent_hour_cost); },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.cost_view.agent_hour_cost = amount_text(number(v));
       return done();
     }},
    {[](const PlanRequest& r) -> std::optional<Value> {
       if (r.cost_view.currency.empty()) return std::nullopt;
       return Value(r.cost_view.currency);
     },
     [](PlanRequest& r, const Value& v, std::string_view) {
       r.cost_view.currency = text(v);
       return done();
     }},
}};

std::size_t index_of(const PlanField& field) {
  return static_cast<std::size_t>(&field - k_fields.data());
}

const ValueRange& range_of(std::string_view pointer) {
  for (const PlanField& f : k_fields) {
    if (f.pointer == pointer) return f.range;
  }
  return k_any_value;
}

// A number field's value outside its range (MsgId::plan_out_of_range), or nothing. The value and
// the range in the units of 'style': a share in percent in a form ("120 %"), as 0..1 in JSON.
std::optional<Error> out_of_range(const PlanField& field, const Value& value, ValueStyle style) {
  const double* n = std::get_if<double>(&value);
  if (n == nullptr || field.range.contains(*n)) return std::nullopt;
  const bool percent = field.kind == FieldKind::share && style == ValueStyle::form;
  const double scale = percent ? 100 : 1;
  const std::string_view unit = percent ? " %" : "";
  LocalizedText shown = grouped_text(*n * scale, 6);
  shown.en += unit;
  shown.de += unit;
  // A value the planner cannot use, as the planner's own range errors: invalid input (422).
  return Error::invalid_input(msg(MsgId::plan_out_of_range, field.pointer, std::move(shown),
                                  localized_words(range_words(field.range, scale, unit))),
                              SourcePos{{}, 0, 0, std::string(field.pointer)});
}

std::string number_text(double value, ValueStyle style, Lang lang) {
  std::string s = fmt::format("{}", value);
  if (style == ValueStyle::form && lang == Lang::de) {
    for (char& c : s) {
      if (c == '.') c = ',';
    }
  }
  return s;
}

// The value of 'field' read from a form's text; nullopt for an empty text (the default).
Result<std::optional<Value>> form_value(const PlanField& field, std::string_view typed, Lang lang) {
  if (field.kind == FieldKind::flag) return std::optional<Value>(Value(!typed.empty()));
  std::string_view trimmed = typed;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) {
    trimmed.remove_prefix(1);
  }
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) {
    trimmed.remove_suffix(1);
  }
  if (trimmed.empty()) return std::optional<Value>();
  switch (field.kind) {
    case FieldKind::number:
    case FieldKind::integer:
    case FieldKind::share: {
      auto n = typed_number(trimmed, lang);
      if (!n && field.kind == FieldKind::integer) {
        const std::string typed_text(trimmed);
        return tl::unexpected(not_whole(field.pointer, LocalizedText{typed_text, typed_text}));
      }
      if (!n) return tl::unexpected(bad_value(field.pointer, trimmed));
      return std::optional<Value>(Value(field.kind == FieldKind::share ? *n / 100 : *n));
    }
    case FieldKind::csv:
      return std::optional<Value>(Value(std::string(typed)));
    default:
      return std::optional<Value>(Value(std::string(trimmed)));
  }
}

const char* json_type_wanted(FieldKind kind) {
  switch (kind) {
    case FieldKind::number:
    case FieldKind::integer:
    case FieldKind::share:
      return "number";
    case FieldKind::flag:
      return "boolean";
    default:
      return "string";
  }
}

// The value of 'field' read from JSON; nullopt for null.
Result<std::optional<Value>> json_value(const PlanField& field, const json& value) {
  if (value.is_null()) return std::optional<Value>();
  auto wrong_type = [&field]() {
    Error e =
        Error::usage(msg(MsgId::plan_field_type, field.pointer, json_type_wanted(field.kind)));
    e.where.json_pointer = std::string(field.pointer);
    return tl::unexpected(e);
  };
  switch (field.kind) {
    case FieldKind::number:
    case FieldKind::integer:
    case FieldKind::share:
      if (!value.is_number()) return wrong_type();
      return std::optional<Value>(Value(value.get<double>()));
    case FieldKind::flag:
      if (!value.is_boolean()) return wrong_type();
      return std::optional<Value>(Value(value.get<bool>()));
    default:
      if (!value.is_string()) return wrong_type();
      return std::optional<Value>(Value(value.get<std::string>()));
  }
}

// A choice field's value is one of its choices.
Result<void> check_choice(const PlanField& field, const Value& value) {
  if (field.kind != FieldKind::choice) return {};
  const std::string& chosen = std::get<std::string>(value);
  std::string allowed;
  for (const FieldChoice& c : field.choices) {
    if (c.value == chosen) return {};
    if (c.value.empty()) continue;
    allowed += (allowed.empty() ? "" : ", ") + std::string(c.value);
  }
  return tl::unexpected(io::unreadable_value(field.pointer, chosen, allowed));
}

// Applies the values found (one per field, by index) to the default request, in the order of
// the fields: the source first, so that a profile's values fill the profile. Adds the errors of
// the values to 'errors' (after those found while reading them; ranges in the units of 'style')
// and returns them all, if any.
Checked<PlanRequest> apply_values(const std::array<std::optional<Value>, k_fields.size()>& values,
                                  Errors errors, ValueStyle style) {
  PlanRequest request = default_plan_request();
  for (std::size_t i = 0; i < k_fields.size(); ++i) {
    if (!values[i]) continue;
    const PlanField& field = k_fields[i];
    const bool profile_field = field.pointer.starts_with("/forecast/profile/");
    // Values of the forecast the request does not use are kept out of it.
    if (profile_field && request.forecast.csv) continue;
    if (field.kind == FieldKind::csv && !request.forecast.csv) continue;
    if (auto chosen = check_choice(field, *values[i]); !chosen) {
      errors.push_back(std::move(chosen).error());
      continue;
    }
    if (std::optional<Error> outside = out_of_range(field, *values[i], style)) {
      errors.push_back(std::move(*outside));
      continue;
    }
    if (auto set = k_access[i].set(request, *values[i], field.pointer); !set) {
      errors.push_back(std::move(set).error());
    }
  }
  // A profile without its calls would plan an empty day (calls that did not read have their
  // error already).
  std::size_t calls = 0;
  while (k_fields[calls].pointer != "/forecast/profile/calls_per_day") ++calls;
  const bool unreadable = std::ranges::any_of(
      errors, [&](const Error& e) { return e.where.json_pointer == k_fields[calls].pointer; });
  if (!request.forecast.csv && !values[calls] && !unreadable) {
    Error e = Error::usage(msg(MsgId::term_required));
    e.where.json_pointer = std::string(k_fields[calls].pointer);
    errors.push_back(std::move(e));
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return request;
}

}  // namespace

std::span<const PlanField> plan_fields() { return k_fields; }

const PlanField* find_plan_field(std::string_view pointer) {
  for (const PlanField& f : k_fields) {
    if (f.pointer == pointer) return &f;
  }
  return nullptr;
}

const PlanField* field_of_error(std::string_view error_pointer) {
  if (const PlanField* exact = find_plan_field(error_pointer)) return exact;
  if (error_pointer == "/forecast/profile/open" || error_pointer == "/forecast/profile/close") {
    return find_plan_field("/forecast/profile/hours");
  }
  if (error_pointer == "/forecast/profile/interval") return find_plan_field("/forecast/interval");
  if (error_pointer.starts_with("/cost_view/rates/")) {
    std::string_view rate = error_pointer.substr(17);
    if (rate == "agent_hour") return find_plan_field("/cost_view/agent_hour_cost");
    if (rate == "caller_waiting_minute") return find_plan_field("/cost_view/waiting_cost");
    if (rate == "abandoned_call") return find_plan_field("/cost_view/abandon_cost");
  }
  // A part of a field's value ("/options/targets/service_level/fraction"): that field.
  const PlanField* within = nullptr;
  for (const PlanField& f : k_fields) {
    if (error_pointer.size() > f.pointer.size() && error_pointer.starts_with(f.pointer) &&
        error_pointer[f.pointer.size()] == '/' &&
        (within == nullptr || f.pointer.size() > within->pointer.size())) {
      within = &f;
    }
  }
  return within;
}

PlanRequest default_plan_request() {
  PlanRequest r;
  r.forecast.profile = daily_profile();
  r.options.targets.service_level = ServiceLevelTarget{0.8, Seconds{20}};
  return r;
}

std::string_view forecast_source(const PlanRequest& request) {
  return request.forecast.csv ? "csv" : "profile";
}

std::string field_value(const PlanRequest& request, const PlanField& field, ValueStyle style,
                        Lang lang) {
  std::optional<Value> value = k_access[index_of(field)].get(request);
  if (!value) return {};
  if (const auto* flag = std::get_if<bool>(&*value)) {
    if (style == ValueStyle::form) return *flag ? "on" : "";
    return *flag ? "true" : "false";
  }
  if (const auto* n = std::get_if<double>(&*value)) {
    const bool percent = field.kind == FieldKind::share && style == ValueStyle::form;
    // Percent of a share: rounded to 10 digits, so that 0.07 shows 7, not 7.000000000000001.
    double shown = percent ? std::round(*n * 100 * 1e10) / 1e10 : *n;
    return number_text(shown, style, lang);
  }
  return std::get<std::string>(*value);
}

Checked<PlanRequest> plan_request_from_form(
    const std::vector<std::pair<std::string, std::string>>& values, Lang lang) {
  std::array<std::optional<Value>, k_fields.size()> found;
  std::array<bool, k_fields.size()> seen{};
  Errors errors;
  for (const auto& [name, typed] : values) {
    const PlanField* field = find_plan_field(name);
    if (field == nullptr) continue;
    std::size_t i = index_of(*field);
    if (seen[i]) continue;
    seen[i] = true;
    auto value = form_value(*field, typed, lang);
    if (!value) {
      errors.push_back(std::move(value).error());
      continue;
    }
    found[i] = std::move(*value);
  }
  // An unticked box sends nothing: a form without the flag means "no".
  for (std::size_t i = 0; i < k_fields.size(); ++i) {
    if (k_fields[i].kind == FieldKind::flag && !seen[i]) found[i] = Value(false);
  }
  return apply_values(found, std::move(errors), ValueStyle::form);
}

namespace {

// Whether 'pointer' is an object on the way to a field ("/options/targets").
bool leads_to_field(const std::string& pointer) {
  for (const PlanField& field : plan_fields()) {
    std::string_view path = field.pointer;
    if (path.size() > pointer.size() && path.starts_with(pointer) && path[pointer.size()] == '/') {
      return true;
    }
  }
  return false;
}

}  // namespace

Checked<PlanRequest> plan_request_from_json(const json& body) {
  std::array<std::optional<Value>, k_fields.size()> found;
  Errors errors;
  auto unknown = [&errors](const std::string& pointer) {
    if (errors.size() >= k_max_errors) return;
    Error e =
        Error::usage(msg(MsgId::plan_unknown_field, pointer), msg(MsgId::hint_plan_unknown_field));
    e.where.json_pointer = pointer;
    errors.push_back(std::move(e));
  };
  // Walks the objects; a leaf is a field's value.
  auto walk = [&](const auto& self, const json& node, const std::string& pointer) -> void {
    for (const auto& [key, value] : node.items()) {
      std::string here = pointer + "/" + key;
      if (const PlanField* field = find_plan_field(here)) {
        auto read = json_value(*field, value);
        if (!read) {
          if (errors.size() < k_max_errors) errors.push_back(std::move(read).error());
          continue;
        }
        found[index_of(*field)] = std::move(*read);
      } else if (value.is_object() && leads_to_field(here)) {
        self(self, value, here);  // as deep as the fields go (four levels), never deeper
      } else {
        unknown(here);
      }
    }
  };
  if (!body.is_object()) {
    Error e = Error::usage(msg(MsgId::http_json_not_object));
    return tl::unexpected(Errors{std::move(e)});
  }
  walk(walk, body, "");
  const std::size_t source = index_of(*find_plan_field("/forecast/source"));
  const std::size_t csv = index_of(*find_plan_field("/forecast/csv"));
  if (!found[source]) {
    bool profile_given = false;
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
      if (found[i] && k_fields[i].pointer.starts_with("/forecast/profile/")) profile_given = true;
    }
    if (found[csv] && profile_given) {
      Error e = Error::usage(msg(MsgId::plan_forecast_both));
      e.where.json_pointer = "/forecast/csv";
      errors.push_back(std::move(e));
    }
    found[source] = Value(std::string(found[csv] ? "csv" : "profile"));
  }
  return apply_values(found, std::move(errors), ValueStyle::json);
}

nlohmann::ordered_json plan_request_to_json(const PlanRequest& request) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  const bool from_csv = request.forecast.csv.has_value();
  for (std::size_t i = 0; i < k_fields.size(); ++i) {
    const PlanField& field = k_fields[i];
    if (from_csv && field.pointer.starts_with("/forecast/profile/")) continue;
    if (!from_csv && field.kind == FieldKind::csv) continue;
    std::optional<Value> value = k_access[i].get(request);
    nlohmann::ordered_json written;
    if (value) {
      std::visit([&written](const auto& v) { written = v; }, *value);
    }
    out[nlohmann::ordered_json::json_pointer(std::string(field.pointer))] = written;
  }
  return out;
}

}  // namespace ccteam::app
