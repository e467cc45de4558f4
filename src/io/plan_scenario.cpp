#include "io/plan_scenario.hpp"

#include <nlohmann/json.hpp>

#include "io/files.hpp"

namespace ccteam::io {

namespace {

using nlohmann::json;
using namespace ccteam::sim;

struct PlanError {
  std::string pointer;
  std::string what;
};

const json& field(const json& parent, const std::string& pointer, std::string_view key) {
  if (!parent.is_object() || !parent.contains(key))
    throw PlanError{pointer + "/" + std::string(key), "missing"};
  return parent.at(key);
}

double number(const json& parent, const std::string& pointer, std::string_view key, double min) {
  const json& v = field(parent, pointer, key);
  if (!v.is_number() || v.get<double>() < min)
    throw PlanError{pointer + "/" + std::string(key),
                    "expected a number >= " + fmt::format("{:g}", min)};
  return v.get<double>();
}

std::optional<double> optional_number(const json& parent, const std::string& pointer,
                                      std::string_view key) {
  const json& v = field(parent, pointer, key);
  if (v.is_null()) return std::nullopt;
  return number(parent, pointer, key, 0);
}

Scenario build(const json& plan) {
  const json& format = field(plan, "", "format");
  if (format != "ccteam-plan/1") throw PlanError{"/format", "expected \"ccteam-plan/1\""};
  Scenario s;
  s.name = "plan";
  s.interval = Seconds{number(plan, "", "interval_seconds", 1)};
  const json& targets = field(plan, "", "targets");
  const json& assumptions = field(plan, "", "assumptions");
  const json& escalation = field(assumptions, "/assumptions", "escalation");
  const json& levels = field(plan, "", "levels");
  const json& intervals = field(plan, "", "intervals");
  if (!intervals.is_array() || intervals.empty() || intervals.size() > k_max_intervals)
    throw PlanError{"/intervals", "expected 1 to 100000 intervals"};
  if (!levels.is_array() || levels.size() < 2) throw PlanError{"/levels", "expected 3 levels"};

  Distribution patience;
  if (auto p = optional_number(targets, "/targets", "patience_seconds"); p && *p > 0)
    patience = Distribution{DistKind::exponential, *p, 0, {}};
  double sl_seconds = 20;
  const json& sl = field(targets, "/targets", "service_level");
  if (sl.is_object()) sl_seconds = number(sl, "/targets/service_level", "answer_seconds", 0);
  double share = number(escalation, "/assumptions/escalation", "share", 0);
  double phone_share = number(escalation, "/assumptions/escalation", "phone_share", 0);
  auto escalation_aht = optional_number(escalation, "/assumptions/escalation", "handle_seconds");

  Tier agents, leads;
  agents.id = "agents";
  agents.role = RoleId(field(levels[0], "/levels/0", "role").get<std::string>());
  leads.id = "team-leads";
  leads.role = RoleId(field(levels[1], "/levels/1", "role").get<std::string>());
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
    s.calls_per_interval.push_back(number(row, at, "calls_offered", 0));
    double aht = number(row, at, "aht_seconds", 0);
    if (aht <= 0) throw PlanError{at + "/aht_seconds", "expected a number > 0"};
    agents.staff.push_back(static_cast<int>(number(row, at, "agents", 0)));
    agents.off_phone_share.push_back(0);
    agents.handle_time.push_back(Distribution{DistKind::exponential, aht, 0, {}});
    leads.staff.push_back(static_cast<int>(number(row, at, "team_leads_on_duty", 0)));
    leads.off_phone_share.push_back(1 - std::clamp(phone_share, 0.0, 1.0));
    leads.handle_time.push_back(
        Distribution{DistKind::exponential, escalation_aht.value_or(aht), 0, {}});
  }
  s.intervals = static_cast<int>(intervals.size());
  s.tiers.push_back(std::move(agents));
  if (share > 0) {
    if (phone_share <= 0) throw PlanError{"/assumptions/escalation/phone_share", "expected > 0"};
    s.tiers.push_back(std::move(leads));
  }
  CostSettings cost;
  cost.paid_hours_per_fte = number(assumptions, "/assumptions", "paid_hours_per_fte", 1);
  cost.shrinkage = number(assumptions, "/assumptions", "shrinkage", 0);
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
  auto fail = [&](std::string pointer, std::string what) {
    Error e;
    e.message = msg(MsgId::sim_bad_plan, std::move(what));
    e.where.file = file;
    e.where.json_pointer = std::move(pointer);
    return tl::unexpected(Errors{e});
  };
  json plan;
  try {
    plan = json::parse(text);
  } catch (const json::parse_error& e) {
    return fail("", e.what());
  }
  Scenario s;
  try {
    s = build(plan);
  } catch (const PlanError& e) {
    return fail(e.pointer, e.what);
  } catch (const json::exception& e) {
    return fail("", e.what());
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
