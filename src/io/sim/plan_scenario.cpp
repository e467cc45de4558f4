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

// A head count on duty: a whole number from 0 to k_max_plan_staff. (A cast of a larger double
// to int is undefined: 1e30 agents came out as nobody on the phone.)
constexpr double k_max_plan_staff = 1'000'000;
int staff_count(const json& parent, const std::string& pointer, std::string_view key) {
  double v = number(parent, pointer, key, 0);
  if (v > k_max_plan_staff || v != std::floor(v)) {
    throw PlanError{pointer + "/" + std::string(key),
                    fmt::format("expected a whole number from 0 to {:g}", k_max_plan_staff)};
  }
  return static_cast<int>(v);
}

std::optional<double> optional_number(const json& parent, const std::string& pointer,
                                      std::string_view key) {
  const json& v = field(parent, pointer, key);
  if (v.is_null()) return std::nullopt;
  return number(parent, pointer, key, 0);
}

// "mode": "deferred" (plans that have it) makes the tier a callback/ticket tier with the plan's
// deadline; live is the default.
void apply_mode(const json& escalation, const std::string& at, Tier& tier) {
  if (!escalation.contains("mode") || escalation.at("mode") == "live") return;
  if (escalation.at("mode") != "deferred")
    throw PlanError{at + "/mode", "expected live or deferred"};
  auto deadline = optional_number(escalation, at, "deadline_seconds");
  if (!deadline || *deadline <= 0) throw PlanError{at + "/deadline_seconds", "expected > 0"};
  tier.kind = TierKind::deferred;
  tier.deadline = Seconds{*deadline};
  tier.patience = Distribution{};
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
    agents.staff.push_back(staff_count(row, at, "agents"));
    agents.off_phone_share.push_back(0);
    agents.handle_time.push_back(Distribution{DistKind::exponential, aht, 0, {}});
    leads.staff.push_back(staff_count(row, at, "team_leads_on_duty"));
    leads.off_phone_share.push_back(1 - std::clamp(phone_share, 0.0, 1.0));
    leads.handle_time.push_back(
        Distribution{DistKind::exponential, escalation_aht.value_or(aht), 0, {}});
  }
  s.intervals = static_cast<int>(intervals.size());
  s.tiers.push_back(std::move(agents));
  if (share > 0) {
    if (phone_share <= 0) throw PlanError{"/assumptions/escalation/phone_share", "expected > 0"};
    apply_mode(escalation, "/assumptions/escalation", leads);
    // Plans with a manager escalation tier (team leads -> managers) add it as a third tier.
    if (assumptions.contains("manager_escalation")) {
      const json& up = assumptions.at("manager_escalation");
      const std::string at = "/assumptions/manager_escalation";
      double up_share = number(up, at, "share", 0);
      if (up_share > 0) {
        Tier managers;
        managers.id = "managers";
        if (levels.size() > 2)
          managers.role = RoleId(field(levels[2], "/levels/2", "role").get<std::string>());
        managers.service_level_target = Seconds{sl_seconds};
        managers.patience = patience;
        double up_phone = number(up, at, "phone_share", 0);
        if (up_phone <= 0) throw PlanError{at + "/phone_share", "expected > 0"};
        auto up_aht = optional_number(up, at, "handle_seconds");
        for (std::size_t i = 0; i < intervals.size(); ++i) {
          std::string row = fmt::format("/intervals/{}", i);
          managers.staff.push_back(staff_count(intervals[i], row, "managers_on_duty"));
          managers.off_phone_share.push_back(1 - std::min(up_phone, 1.0));
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
  auto parsed = parse_plan_json(text, file);
  if (!parsed) return tl::unexpected(std::move(parsed).error());
  const json& plan = *parsed;
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
