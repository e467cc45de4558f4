// ccteam simulate (--plan PLAN.json | --scenario FILE | [planner options]) [--model FILE]
// --replications N --seed S: the tiered team simulation. Reads the model, runs the replications on
// all cores (progress on a terminal, Ctrl-C stops cleanly and reports the replications done) and
// renders the report.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>

#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include "app/sim/simulate.hpp"
#include "app/staffing/plan.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_checks.hpp"
#include "cli/option_names.hpp"
#include "cli/plan_options.hpp"
#include "io/base/number_text.hpp"
#include "io/base/table.hpp"
#include "io/sim/sim_json.hpp"

namespace ccteam::cli {

namespace {

using namespace ccteam::sim;

struct SimulateArgs {
  std::string plan, scenario;
  std::string model;                          // --model: a scenario whose model the plan takes
  PlanArgs planner;                           // the third input: plan in memory
  std::vector<CLI::Option*> planner_options;  // to tell whether any was given
  app::SimulationRequest run;  // --replications, --seed, --threads, --country, --market-reference
};

// Set by SIGINT; the engine polls it.
std::atomic<bool> g_stop{false};
extern "C" void on_sigint(int) { g_stop.store(true); }

// Installs the SIGINT handler for the lifetime of the object and restores the previous one.
class StopOnInterrupt {
 public:
  StopOnInterrupt() {
    g_stop.store(false);
    m_previous = std::signal(SIGINT, on_sigint);
  }
  ~StopOnInterrupt() { std::signal(SIGINT, m_previous); }
  StopOnInterrupt(const StopOnInterrupt&) = delete;
  StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;

 private:
  void (*m_previous)(int) = SIG_DFL;
};

// "89.6 ± 3.1 %" (mean and the half-width of its 95 % interval), comma-decimal in German.
std::string pct(const Estimate& e, Lang lang) {
  if (!std::isfinite(e.mean)) return "-";
  if (!std::isfinite(e.half_width)) return io::percent_text(e.mean, lang);
  return io::decimal_text(e.mean * 100, 1, lang) + " ± " + io::percent_text(e.half_width, lang);
}

// "1.077,0 ± 24,3" (digit groups: a manager's ASA runs into thousands of seconds).
std::string num(const Estimate& e, Lang lang, int digits = 1) {
  if (!std::isfinite(e.mean)) return "-";
  auto text = [&](double v) { return io::decimal_text(v, digits, lang, io::Grouping::thousands); };
  if (!std::isfinite(e.half_width)) return text(e.mean);
  return text(e.mean) + " ± " + text(e.half_width);
}

std::string render_table(const Scenario& s, const SimReport& r, std::uint64_t seed, Lang lang) {
  std::string out;
  if (!s.name.empty()) out += s.name + "\n";
  // Counts grouped as the reader writes them ("31.125 Anrufe"), as the workspace shows them; the
  // seed is a value one types, so it stays plain.
  auto count = [](auto n) { return io::count_text(static_cast<std::int64_t>(n)); };
  out += render(msg(MsgId::sim_summary, count(r.replications_done), std::to_string(seed),
                    count(r.calls), count(r.events)),
                lang) +
         "\n";
  out += (r.start == Start::empty
              ? tr(MsgId::sim_start_empty, lang)
              : render(msg(MsgId::sim_start_warm, fmt::format("{:g}", r.warm_up.count())), lang)) +
         "\n";
  for (std::size_t k = 0; k < r.tiers.size(); ++k) {
    const TierReport& t = r.tiers[k];
    bool live = t.kind == TierKind::live;
    out += "\n" +
           render(msg(MsgId::sim_tier_title, t.id,
                      live ? MsgId::sim_kind_live : MsgId::sim_kind_deferred),
                  lang) +
           "\n";
    std::vector<std::string> headers{tr(MsgId::sim_col_interval, lang),
                                     tr(MsgId::sim_col_offered, lang)};
    if (live) {
      headers.push_back(tr(MsgId::sim_col_sl, lang));
      headers.push_back(tr(MsgId::sim_col_asa, lang));
      headers.push_back(tr(MsgId::sim_col_abandon, lang));
    } else {
      headers.push_back(tr(MsgId::sim_col_wait, lang));
      headers.push_back(tr(MsgId::sim_col_missed, lang));
    }
    headers.push_back(tr(MsgId::sim_col_utilisation, lang));
    io::TextTable table(headers);
    auto row = [&](const std::string& label, const TierMetrics& m) {
      std::vector<std::string> cells{label, num(m.offered, lang)};
      if (live) {
        cells.push_back(pct(m.service_level, lang));
        cells.push_back(num(m.asa_seconds, lang));
        cells.push_back(pct(m.abandonment, lang));
      } else {
        cells.push_back(num(m.asa_seconds, lang, 0));
        cells.push_back(pct(m.deadline_missed, lang));
      }
      cells.push_back(pct(m.utilisation, lang));
      table.add_row(std::move(cells));
    };
    for (std::size_t i = 0; i < t.intervals.size(); ++i)
      row(interval_label(s, static_cast<int>(i)), t.intervals[i]);
    row(tr(MsgId::sim_all, lang), t.horizon);
    out += table.render();
  }
  const JourneyReport& j = r.journeys;
  out += "\n" + tr(MsgId::sim_journeys_title, lang) + "\n";
  io::TextTable journeys({"", ""});
  journeys.add_row({tr(MsgId::sim_journey_count, lang), num(j.journeys, lang)});
  journeys.add_row({tr(MsgId::sim_journey_wait, lang), num(j.total_wait_seconds, lang)});
  journeys.add_row({tr(MsgId::sim_journey_transfers, lang), num(j.transfers, lang, 3)});
  journeys.add_row({tr(MsgId::sim_journey_attempts, lang), num(j.attempts, lang, 3)});
  for (std::size_t k = 0; k < j.resolved_at.size(); ++k)
    journeys.add_row({render(msg(MsgId::sim_journey_resolved, r.tiers[k].id), lang),
                      pct(j.resolved_at[k], lang)});
  journeys.add_row({tr(MsgId::sim_journey_abandoned, lang), pct(j.abandoned, lang)});
  journeys.add_row({tr(MsgId::sim_journey_unfinished, lang), pct(j.unfinished, lang)});
  out += journeys.render();
  if (std::isfinite(r.drain_seconds.mean))
    out += render(msg(MsgId::sim_drain, fmt::format("{:.0f}", r.drain_seconds.mean)), lang) + "\n";
  if (r.cost) {
    const CostReport& c = *r.cost;
    if (!c.tiers_priced.empty()) {
      std::string tiers;
      for (const std::string& id : c.tiers_priced) tiers += (tiers.empty() ? "" : ", ") + id;
      out += render(msg(MsgId::sim_cost_line, c.currency, num(c.per_call_low, lang, 2),
                        num(c.per_call_high, lang, 2), tiers),
                    lang) +
             "\n";
    }
    for (const Message& m : c.notes) out += "  " + render(m, lang) + "\n";
  }
  return out;
}

bool planner_given(const SimulateArgs& a) {
  return std::any_of(a.planner_options.begin(), a.planner_options.end(),
                     [](const CLI::Option* o) { return o->count() > 0; });
}

// The plan the planner options describe, as a scenario (app::scenario_from_plan).
Checked<Scenario> planned_scenario(Context& ctx, const PlanArgs& a) {
  auto request = to_request(a);
  if (!request) return tl::unexpected(Errors{as_option(request.error(), plan_option_names())});
  auto plan = app::make_staffing_plan(*request);
  if (!plan) return tl::unexpected(as_option(plan.error(), plan_option_names()));
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return tl::unexpected(Errors{});
  return app::scenario_from_plan(*plan, *catalog, ctx.lang());
}

Checked<Scenario> load(Context& ctx, const SimulateArgs& a) {
  int inputs = (a.plan.empty() ? 0 : 1) + (a.scenario.empty() ? 0 : 1) + (planner_given(a) ? 1 : 0);
  if (inputs > 1) return tl::unexpected(Errors{Error::usage(msg(MsgId::sim_both_inputs))});
  if (!a.scenario.empty()) {
    if (!a.model.empty())
      return tl::unexpected(Errors{Error::usage(msg(MsgId::sim_model_needs_plan))});
    return app::load_scenario(a.scenario);
  }
  Checked<Scenario> plan = tl::unexpected(Errors{Error::usage(msg(MsgId::sim_no_input))});
  if (!a.plan.empty())
    plan = app::load_plan_scenario(a.plan);
  else if (planner_given(a))
    plan = planned_scenario(ctx, a.planner);
  if (!plan || a.model.empty()) return plan;
  return app::with_model_file(std::move(*plan), a.model, ctx.lang());
}

void run_simulate(Context& ctx, const SimulateArgs& args) {
  std::string format = ctx.format({"table", "json"});
  if (format.empty()) return;
  auto scenario = load(ctx, args);
  if (!scenario) {
    ctx.fail(scenario.error());
    return;
  }
  app::apply_cost_choices(*scenario, args.run);
  const catalog::Catalog* catalog = nullptr;
  if (app::needs_catalog(*scenario)) {
    catalog = ctx.catalog();
    if (catalog == nullptr) {
      ctx.errors_reported();
      return;
    }
  }
  const RunOptions options = app::run_options(*scenario, args.run);

  bool terminal = ::isatty(2) == 1;
  SimReport report;
  {
    StopOnInterrupt guard;
    Lang lang = ctx.lang();
    report = app::simulate(*scenario, options, catalog, &g_stop, [&](int done, int total) {
      if (!terminal) return;
      std::fprintf(
          stderr, "\r%s",
          render(msg(MsgId::sim_progress, std::to_string(done), std::to_string(total)), lang)
              .c_str());
      std::fflush(stderr);
    });
    if (terminal) std::fputs("\r\033[K", stderr);
  }
  if (report.stopped) {
    std::fprintf(stderr, "%s\n",
                 render(msg(MsgId::sim_stopped, std::to_string(report.replications_done),
                            std::to_string(report.replications_requested)),
                        ctx.lang())
                     .c_str());
    ctx.found_problems();
  }
  if (format == "json") {
    ctx.print(io::simulation_to_json(*scenario, report, options.seed, ctx.lang()).dump(2) + "\n");
  } else {
    ctx.print(render_table(*scenario, report, options.seed, ctx.lang()));
  }
}

}  // namespace

void add_simulate_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto a = std::make_shared<SimulateArgs>();
  CLI::App* cmd = app.add_subcommand("simulate", tr(MsgId::cmd_simulate, lang));
  cmd->add_option("--plan", a->plan, tr(MsgId::sim_opt_plan, lang))->option_text("PLAN.json");
  cmd->add_option("--scenario", a->scenario, tr(MsgId::sim_opt_scenario, lang))
      ->option_text("FILE.yaml");
  cmd->add_option("--model", a->model, tr(MsgId::sim_opt_model, lang))->option_text("FILE.yaml");
  a->planner_options = add_plan_options(*cmd, a->planner, lang);
  cmd->add_option("--replications", a->run.replications, tr(MsgId::sim_opt_replications, lang))
      ->option_text("N")
      ->check(in_range(1, 100'000, lang));
  cmd->add_option("--seed", a->run.seed, tr(MsgId::sim_opt_seed, lang))
      ->option_text("S")
      ->check(at_least(0, lang));  // an unsigned number: "-1" would wrap round
  cmd->add_option("--threads", a->run.threads, tr(MsgId::sim_opt_threads, lang))
      ->option_text("N")
      ->check(in_range(0, 1024, lang));
  cmd->add_option("--country", a->run.country,
                  render(msg(MsgId::plan_opt_country, staffing::CostOptions{}.country), lang))
      ->option_text("CC")
      ->check(country_code(lang));
  cmd->add_flag("--market-reference", a->run.market_reference,
                tr(MsgId::plan_opt_market_reference, lang));
  cmd->callback([&ctx, a] { run_simulate(ctx, *a); });
}

}  // namespace ccteam::cli
