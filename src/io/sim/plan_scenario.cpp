#include "io/sim/plan_scenario.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "io/base/files.hpp"
#include "io/staffing/plan_levels.hpp"

namespace ccteam::io {

namespace {

using nlohmann::json;
using namespace ccteam::sim;

// A value of the plan that cannot be used: its JSON pointer, what is wrong, how to fix it.
struct PlanError {
  std::string pointer;
  Message message;
  std::optional<Message> hint = std::nullopt;
};

// The kind of a JSON value as the messages name it ("a number", "a string", ...).
MsgId type_word(const json& v) {
  if (v.is_object()) return MsgId::type_object;
  if (v.is_array()) return MsgId::type_array;
  if (v.is_string()) return MsgId::type_string;
  if (v.is_boolean()) return MsgId::type_bool;
  if (v.is_null()) return MsgId::type_null;
  return v.is_number_integer() ? MsgId::type_integer : MsgId::type_number;
}

// "expected <expected> here, found <what 'found' is>" at 'pointer'.
PlanError wrong_type(std::string pointer, MsgId expected, const json& found) {
  return PlanError{std::move(pointer), msg(MsgId::yaml_wrong_type, expected, type_word(found))};
}

// "<key> must be above 0" at 'pointer'/'key'.
PlanError not_positive(const std::string& pointer, std::string_view key) {
  return PlanError{pointer + "/" + std::string(key), msg(MsgId::sim_not_positive, key)};
}

const json& field(const json& parent, const std::string& pointer, std::string_view key) {
  if (!parent.is_object() || !parent.contains(key)) {
    throw PlanError{pointer + "/" + std::string(key), msg(MsgId::yaml_missing_key, key),
                    msg(MsgId::hint_missing_key, key)};
  }
  return parent.at(key);
}

// A number from 'min' to 'max'; outside, MsgId::yaml_out_of_range with the range as hint, as
// the scenario reader says it.
double number(const json& parent, const std::string& pointer, std::string_view key, double min,
              double max) {
  const json& v = field(parent, pointer, key);
  std::string at = pointer + "/" + std::string(key);
  if (!v.is_number()) throw wrong_type(at, MsgId::type_number, v);
  double value = v.get<double>();
  if (!(value >= min && value <= max)) {
    throw PlanError{at, msg(MsgId::yaml_out_of_range, value, min, max),
                    msg(MsgId::hint_range, min, max)};
  }
  return value;
}

// A text value (a role id), never empty.
std::string text(const json& parent, const std::string& pointer, std::string_view key) {
  const json& v = field(parent, pointer, key);
  if (!v.is_string()) throw wrong_type(pointer + "/" + std::string(key), MsgId::type_string, v);
  if (v.get_ref<const std::string&>().empty()) {
    throw PlanError{pointer + "/" + std::string(key), msg(MsgId::yaml_bad_choice, "")};
  }
  return v.get<std::string>();
}

// A head count on duty: a whole number from 0 to k_max_staff. (A cast of a larger double to
// int is undefined: 1e30 agents came out as nobody on the phone.)
int staff_count(const json& parent, const std::string& pointer, std::string_view key) {
  double v = number(parent, pointer, key, 0, static_cast<double>(k_max_staff));
  if (v != std::floor(v)) {
    throw wrong_type(pointer + "/" + std::string(key), MsgId::type_integer, json(v));
  }
  return static_cast<int>(v);
}

std::optional<double> optional_number(const json& parent, const std::string& pointer,
                                      std::string_view key) {
  const json& v = field(parent, pointer, key);
  if (v.is_null()) return std::nullopt;
  return number(parent, pointer, key, 0, k_max_seconds);
}

// "mode": "deferred" (plans that have it) makes the tier a callback/ticket tier with the plan's
// deadline; live is the default.
void apply_mode(const json& escalation, const std::string& at, Tier& tier) {
  if (!escalation.contains("mode") || escalation.at("mode") == "live") return;
  if (escalation.at("mode") != "deferred") {
    const json& mode = escalation.at("mode");
    throw PlanError{
        at + "/mode",
        msg(MsgId::yaml_bad_choice, mode.is_string() ? mode.get<std::string>() : mode.dump()),
        msg(MsgId::hint_one_of, "live, deferred")};
  }
  auto deadline = optional_number(escalation, at, "deadline_seconds");
  if (!deadline || *deadline <= 0) throw not_positive(at, "deadline_seconds");
  tier.kind = TierKind::deferred;
  tier.deadline = Seconds{*deadline};
  tier.patience = Distribution{};
}

Scenario build(const json& plan) {
  const json& format = field(plan, "", "format");
  if (format != "ccteam-plan/1") {
    throw PlanError{
        "/format",
        msg(MsgId::sim_bad_plan, format.is_string() ? format.get<std::string>() : format.dump()),
        msg(MsgId::hint_one_of, "ccteam-plan/1")};
  }
  Scenario s;
  s.name = "plan";
  s.interval = Seconds{number(plan, "", "interval_seconds", 1, k_max_seconds)};
  const json& targets = field(plan, "", "targets");
  const json& assumptions = field(plan, "", "assumptions");
  const json& escalation = field(assumptions, "/assumptions", "escalation");
  const json& levels = field(plan, "", "levels");
  const json& intervals = field(plan, "", "intervals");
  if (!intervals.is_array()) throw wrong_type("/intervals", MsgId::type_array, intervals);
  if (intervals.empty() || intervals.size() > k_max_intervals) {
    throw PlanError{"/intervals",
                    msg(MsgId::yaml_out_of_range, intervals.size(), 1, k_max_intervals),
                    msg(MsgId::hint_range, 1, k_max_intervals)};
  }
  if (!levels.is_array()) throw wrong_type("/levels", MsgId::type_array, levels);
  if (levels.size() < 2) {  // agents and team leads at least; a plan has its three levels
    throw PlanError{"/levels", msg(MsgId::yaml_out_of_range, levels.size(), 2, 3),
                    msg(MsgId::hint_range, 2, 3)};
  }

  Distribution patience;
  if (auto p = optional_number(targets, "/targets", "patience_seconds"); p && *p > 0)
    patience = Distribution{DistKind::exponential, *p, 0, {}};
  double sl_seconds = 20;
  const json& sl = field(targets, "/targets", "service_level");
  if (sl.is_object())
    sl_seconds = number(sl, "/targets/service_level", "answer_seconds", 0, k_max_seconds);
  double share = number(escalation, "/assumptions/escalation", "share", 0, 1);
  double phone_share = number(escalation, "/assumptions/escalation", "phone_share", 0, 1);
  auto escalation_aht = optional_number(escalation, "/assumptions/escalation", "handle_seconds");

  Tier agents, leads;
  agents.id = "agents";
  agents.role = RoleId(text(levels[0], "/levels/0", "role"));
  leads.id = "team-leads";
  leads.role = RoleId(text(levels[1], "/levels/1", "role"));
  agents.service_level_target = leads.service_level_target = Seconds{sl_seconds};
  agents.patience = leads.patience = patience;
  agents.escalate = share;
  for (std::size_t i = 0; i < intervals.size(); ++i) {
    std::string at = fmt::format("/intervals/{}", i);
    const json& row = intervals[i];
    if (i == 0) {
      const json& start = field(row, at, "start");
      std::string text = start.is_string() ? start.get<std::string>() : "";
      if (text.size() >= 16) {
        int h = std::atoi(text.substr(11, 2).c_str()), m = std::atoi(text.substr(14, 2).c_str());
        s.start_minute = h * 60 + m;
      }
    }
    s.calls_per_interval.push_back(number(row, at, "calls_offered", 0, k_max_calls));
    double aht = number(row, at, "aht_seconds", 0, k_max_seconds);
    if (aht <= 0) throw not_positive(at, "aht_seconds");
    agents.staff.push_back(staff_count(row, at, "agents"));
    agents.off_phone_share.push_back(0);
    agents.handle_time.push_back(Distribution{DistKind::exponential, aht, 0, {}});
    leads.staff.push_back(staff_count(row, at, "team_leads_on_duty"));
    leads.off_phone_share.push_back(1 - phone_share);
    leads.handle_time.push_back(
        Distribution{DistKind::exponential, escalation_aht.value_or(aht), 0, {}});
  }
  s.intervals = static_cast<int>(intervals.size());
  s.tiers.push_back(std::move(agents));
  if (share > 0) {
    if (phone_share <= 0) throw not_positive("/assumptions/escalation", "phone_share");
    apply_mode(escalation, "/assumptions/escalation", leads);
    // Plans with a manager escalation tier (team leads -> managers) add it as a third tier.
    if (assumptions.contains("manager_escalation")) {
      const json& up = assumptions.at("manager_escalation");
      const std::string at = "/assumptions/manager_escalation";
      double up_share = number(up, at, "share", 0, 1);
      if (up_share > 0) {
        Tier managers;
        managers.id = "managers";
        if (levels.size() > 2) managers.role = RoleId(text(levels[2], "/levels/2", "role"));
        managers.service_level_target = Seconds{sl_seconds};
        managers.patience = patience;
        double up_phone = number(up, at, "phone_share", 0, 1);
        if (up_phone <= 0) throw not_positive(at, "phone_share");
        auto up_aht = optional_number(up, at, "handle_seconds");
        for (std::size_t i = 0; i < intervals.size(); ++i) {
          std::string row = fmt::format("/intervals/{}", i);
          managers.staff.push_back(staff_count(intervals[i], row, "managers_on_duty"));
          managers.off_phone_share.push_back(1 - up_phone);
          const Distribution& below = leads.handle_time[i];
          managers.handle_time.push_back(
              Distribution{DistKind::exponential, up_aht.value_or(below.mean_seconds), 0, {}});
        }
        apply_mode(up, at, managers);
        leads.escalate = up_share;
        s.tiers.push_back(std::move(leads));
        s.tiers.push_back(std::move(managers));
      } else {
        s.tiers.push_back(std::move(leads));
      }
    } else {
      s.tiers.push_back(std::move(leads));
    }
  }
  CostSettings cost;
  cost.paid_hours_per_fte =
      number(assumptions, "/assumptions", "paid_hours_per_fte", 1, k_max_paid_hours_per_fte);
  cost.shrinkage = number(assumptions, "/assumptions", "shrinkage", 0, k_max_shrinkage);
  for (const json& level : levels) {
    if (level.is_object() && level.contains("cost") && level["cost"].is_object() &&
        level["cost"].value("market_reference", false))
      cost.market_reference = true;
  }
  s.cost = cost;
  return s;
}

}  // namespace

Checked<Scenario> scenario_from_plan_json(std::string_view text, const std::string& file) {
  auto parsed = parse_plan_json(text, file);
  if (!parsed) return tl::unexpected(std::move(parsed).error());
  const json& plan = *parsed;
  Scenario s;
  try {
    s = build(plan);
  } catch (const PlanError& e) {
    return tl::unexpected(
        Errors{Error::invalid_input(e.message, SourcePos{file, 0, 0, e.pointer}, e.hint)});
  } catch (const json::exception& e) {
    // Not expected (build checks each type before it reads a value); the library's text
    // without its "[json.exception...]" prefix rather than an abort.
    std::string what = e.what();
    if (std::size_t bracket = what.find("] "); bracket != std::string::npos)
      what.erase(0, bracket + 2);
    return tl::unexpected(Errors{Error::invalid_input(msg(MsgId::sim_bad_plan, std::move(what)),
                                                      SourcePos{file, 0, 0, ""})});
  }
  Errors errors = validate(s);
  for (Error& e : errors) e.where.file = file;
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return s;
}

Checked<Scenario> load_plan_scenario(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(Errors{text.error()});
  return scenario_from_plan_json(*text, path == "-" ? std::string() : path);
}

}  // namespace ccteam::io
