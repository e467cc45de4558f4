#pragma once
// The fields of a plan request as clients other than the CLI fill them: the workspace's plan
// form and its JSON API (docs/openapi.yaml, PlanRequest). One table (plan_fields) names every
// field once, with its JSON pointer, its section of the form, its kind, its label and the range
// of its values (those the command line's options take); the defaults are those of PlanRequest
// (the domain structs), read through the same table, so no client keeps a second copy. Values
// outside a field's range are refused here, every one at once, with the range in the reader's
// units (MsgId::plan_out_of_range); what depends on several fields is checked by the planner
// (staffing::make_plan, check_targets, forecast_from_profile), whose errors carry the field's
// pointer.
//
// Two ways of writing a value:
// - JSON (ValueStyle::json): shares as 0..1, numbers as JSON numbers, texts in the grammars of
//   io/staffing/plan_text.hpp ("80/20", "08:00-20:00"), flags as true/false;
// - forms (ValueStyle::form): shares in percent ("30" for 0.3), numbers as typed by people of
//   the page's language ("0,5" and "1.200" in German; "0.5" and "1,200" in English), a flag
//   "on" when ticked.
// An empty value leaves the default (an optional value unset).
//
// The request JSON mirrors the pointers: {"forecast": {"source": "profile", "profile":
// {"calls_per_day": 1200, ...}}, "options": {"shrinkage": 0.3, ...}, "costing": {...},
// "cost_view": {...}}; "/forecast/csv" holds a forecast CSV's text (source "csv").

#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/staffing/plan.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/core/messages.hpp"
#include "ccteam/core/number_text.hpp"

namespace ccteam::app {

enum class PlanSection { forecast, targets, fte, team, cost };

enum class FieldKind {
  number,   // a decimal in the unit the label names (seconds, hours, an amount)
  integer,  // a whole number
  share,    // 0..1 in JSON, percent in forms
  text,     // a text in a grammar or a code ("80/20", "DE", "EUR")
  choice,   // one of the field's choices
  flag,     // yes or no
  csv,      // a forecast CSV's text (docs/forecast-format.md)
};

enum class ValueStyle { json, form };

// One choice of a choice field: the value written and its title for people (none: the value
// itself is shown, as for "15" minutes).
struct FieldChoice {
  std::string_view value;
  std::optional<MsgId> title;
};

// The values a number field takes, in its JSON unit (shares as 0..1); the whole line for a field
// the planner checks alone or a field of another kind.
inline constexpr ValueRange k_any_value{-std::numeric_limits<double>::infinity(),
                                        std::numeric_limits<double>::infinity(), true, true};

struct PlanField {
  std::string_view pointer;  // "/options/shrinkage": JSON pointer and form field name
  PlanSection section;
  FieldKind kind;
  MsgId label;
  ValueRange range = k_any_value;             // number, integer and share fields
  std::span<const FieldChoice> choices = {};  // choice fields only
};

// Every field, in the order of the form.
std::span<const PlanField> plan_fields();
// The field with this pointer; nullptr when there is none. Errors of the planner point below a
// field ("/forecast/profile/open" is the field "/forecast/profile/hours"): field_of_error finds
// the field an error's pointer belongs to.
const PlanField* find_plan_field(std::string_view pointer);
const PlanField* field_of_error(std::string_view error_pointer);

// The request a new plan starts from: the domain's defaults, the forecast from a daily profile
// (app::daily_profile) and a service level target of 80/20 (the industry's common target:
// 80 % of calls answered within 20 seconds).
PlanRequest default_plan_request();

// Whether the request's forecast is a CSV text ("csv") or a daily profile ("profile").
std::string_view forecast_source(const PlanRequest& request);

// The value of 'field' in 'request' written in 'style' (form: in 'lang'); empty when unset.
std::string field_value(const PlanRequest& request, const PlanField& field, ValueStyle style,
                        Lang lang);

// A request from form values (pointer -> text; other names are ignored, a pointer given twice
// counts once), starting from default_plan_request(). The forecast is the CSV when
// "/forecast/source" is "csv", else the profile. Every error found, at most one per field, each
// with where.json_pointer set to the field's pointer: plan_bad_argument (a number that does not
// read), plan_bad_whole (an integer field's text that is no whole number in its range: "'12,5'
// is not a whole number from 1 to 7"), plan_out_of_range (a number outside the field's range,
// shares in percent: "120 % is not allowed here; use a value from 0 % to below 100 %"),
// term_required (a daily profile without its calls, unless they were given but unreadable), the
// grammars' errors (io/staffing/plan_text.hpp), catalog_bad_country (a country that is no ISO
// 3166-1 code).
Checked<PlanRequest> plan_request_from_form(
    const std::vector<std::pair<std::string, std::string>>& values, Lang lang);

// A request from its JSON (see above), starting from default_plan_request(); 'null' leaves the
// default. Errors as plan_request_from_form (numbers and ranges in JSON units, shares 0..1), plus
// plan_unknown_field for a member that is no field, plan_field_type for a value of the wrong JSON
// type, plan_forecast_both for a CSV and a profile together (without "source").
Checked<PlanRequest> plan_request_from_json(const nlohmann::json& body);

// The request as JSON (every field, unset optional ones as null): read back by
// plan_request_from_json to the same request. Forecast files are not written (clients other
// than the CLI send the CSV's text).
nlohmann::ordered_json plan_request_to_json(const PlanRequest& request);

}  // namespace ccteam::app
