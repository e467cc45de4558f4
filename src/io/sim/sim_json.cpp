#include "io/sim/sim_json.hpp"

#include <cmath>

namespace ccteam::io {

namespace {

using nlohmann::ordered_json;
using namespace ccteam::sim;

ordered_json number_or_null(double v) {
  return std::isfinite(v) ? ordered_json(v) : ordered_json();
}

ordered_json estimate(const Estimate& e) {
  return {
      {"mean", number_or_null(e.mean)}, {"half_width", number_or_null(e.half_width)}, {"n", e.n}};
}

ordered_json metrics(const TierMetrics& m, TierKind kind) {
  ordered_json out = {{"offered", estimate(m.offered)}};
  if (kind == TierKind::live) {
    out["service_level"] = estimate(m.service_level);
    out["asa_seconds"] = estimate(m.asa_seconds);
    out["abandonment"] = estimate(m.abandonment);
  } else {
    out["start_seconds"] = estimate(m.asa_seconds);
    out["deadline_missed"] = estimate(m.deadline_missed);
  }
  out["utilisation"] = estimate(m.utilisation);
  return out;
}

}  // namespace

ordered_json simulation_to_json(const Scenario& scenario, const SimReport& report,
                                std::uint64_t seed, Lang lang) {
  ordered_json out;
  out["format"] = "ccteam-simulation/1";
  out["name"] = scenario.name;
  out["replications"] = {{"requested", report.replications_requested},
                         {"done", report.replications_done},
                         {"stopped", report.stopped}};
  out["seed"] = seed;
  out["start"] = report.start == Start::empty ? "empty" : "warmed-up";
  out["warm_up_seconds"] = report.warm_up.count();
  out["interval_seconds"] = scenario.interval.count();
  out["calls"] = report.calls;
  out["events"] = report.events;
  out["drain_seconds"] = estimate(report.drain_seconds);
  ordered_json tiers = ordered_json::array();
  for (std::size_t k = 0; k < report.tiers.size(); ++k) {
    const TierReport& t = report.tiers[k];
    const Tier& spec = scenario.tiers[k];
    ordered_json tier;
    tier["id"] = t.id;
    tier["kind"] = t.kind == TierKind::live ? "live" : "deferred";
    tier["role"] = spec.role ? ordered_json(spec.role->str()) : ordered_json();
    if (t.kind == TierKind::live)
      tier["service_level_seconds"] = spec.service_level_target.count();
    else
      tier["deadline_seconds"] = spec.deadline ? spec.deadline->count() : 0.0;
    tier["horizon"] = metrics(t.horizon, t.kind);
    ordered_json intervals = ordered_json::array();
    for (std::size_t i = 0; i < t.intervals.size(); ++i) {
      ordered_json row = {{"interval", interval_label(scenario, static_cast<int>(i))},
                          {"staff", spec.staff[i]}};
      row.update(metrics(t.intervals[i], t.kind));
      intervals.push_back(std::move(row));
    }
    tier["intervals"] = std::move(intervals);
    tiers.push_back(std::move(tier));
  }
  out["tiers"] = std::move(tiers);
  const JourneyReport& j = report.journeys;
  ordered_json resolved = ordered_json::object();
  for (std::size_t k = 0; k < j.resolved_at.size(); ++k)
    resolved[report.tiers[k].id] = estimate(j.resolved_at[k]);
  out["journeys"] = {
      {"customers", estimate(j.journeys)},   {"total_wait_seconds", estimate(j.total_wait_seconds)},
      {"transfers", estimate(j.transfers)},  {"calls", estimate(j.attempts)},
      {"resolved_at", std::move(resolved)},  {"gave_up", estimate(j.abandoned)},
      {"unfinished", estimate(j.unfinished)}};
  if (report.cost) {
    const CostReport& c = *report.cost;
    ordered_json notes = ordered_json::array();
    for (const Message& m : c.notes) notes.push_back(render(m, lang));
    out["cost"] = {{"currency", c.currency.empty() ? ordered_json() : ordered_json(c.currency)},
                   {"per_resolved_call_low", estimate(c.per_call_low)},
                   {"per_resolved_call_high", estimate(c.per_call_high)},
                   {"tiers_priced", c.tiers_priced},
                   {"notes", std::move(notes)}};
  } else {
    out["cost"] = nullptr;
  }
  return out;
}

}  // namespace ccteam::io
