// The planner's options shared by `ccteam plan` and `ccteam simulate` (see plan_options.hpp).
#include "cli/plan_options.hpp"

#include <charconv>
#include <chrono>

#include "ccteam/core/messages.hpp"
#include "ccteam/staffing/profile.hpp"
#include "cli/option_checks.hpp"
#include "io/staffing/forecast_csv.hpp"

namespace ccteam::cli {

using namespace ccteam::staffing;

std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

static std::optional<std::chrono::minutes> clock_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto h = parse_number(s.substr(0, 2)), m = parse_number(s.substr(3, 2));
  if (!h || !m || *h < 0 || *h > 24 || *m < 0 || *m > 59) return std::nullopt;
  if (*h == 24 && *m > 0) return std::nullopt;  // 24:00 closes the day; 24:30 is no time
  return std::chrono::minutes{static_cast<int>(*h) * 60 + static_cast<int>(*m)};
}

Error bad_argument(std::string_view option, std::string_view value) {
  return Error{ErrorKind::usage, msg(MsgId::plan_bad_argument, option, value), {}, {}};
}

Error bad_argument(std::string_view option, std::string_view value, std::string_view expected) {
  return Error{
      ErrorKind::usage, msg(MsgId::plan_bad_argument_expected, option, value, expected), {}, {}};
}

Result<Definitions> parse_definitions(std::string_view sl_definition,
                                      std::string_view asa_definition) {
  Definitions d;
  if (sl_definition == "offered") {
    d.service_level = SlDefinition::over_offered;
  } else if (sl_definition == "answered") {
    d.service_level = SlDefinition::over_answered;
  } else if (sl_definition == "offered-minus-short") {
    d.service_level = SlDefinition::over_offered_minus_short_abandons;
  } else {
    return tl::unexpected(
        bad_argument("--sl-definition", sl_definition, "offered, answered, offered-minus-short"));
  }
  if (asa_definition == "answered") {
    d.asa = AsaDefinition::over_answered;
  } else if (asa_definition == "all") {
    d.asa = AsaDefinition::over_all_callers;
  } else {
    return tl::unexpected(bad_argument("--asa-definition", asa_definition, "answered, all"));
  }
  return d;
}

MsgId sl_definition_words(SlDefinition definition) {
  switch (definition) {
    case SlDefinition::over_answered:
      return MsgId::plan_sl_over_answered;
    case SlDefinition::over_offered_minus_short_abandons:
      return MsgId::plan_sl_over_offered_minus_short;
    case SlDefinition::over_offered:
      break;
  }
  return MsgId::plan_sl_over_offered;
}

MsgId asa_definition_words(AsaDefinition definition) {
  return definition == AsaDefinition::over_all_callers ? MsgId::plan_asa_over_all_callers
                                                       : MsgId::plan_asa_over_answered;
}

Result<PlanOptions> to_options(const PlanArgs& a) {
  PlanOptions o;
  if (!a.sl.empty()) {
    auto slash = a.sl.find('/');
    auto pct = parse_number(std::string_view(a.sl).substr(0, slash));
    auto sec = slash == std::string::npos ? std::nullopt
                                          : parse_number(std::string_view(a.sl).substr(slash + 1));
    if (!pct || !sec) return tl::unexpected(bad_argument("--sl", a.sl, "80/20"));
    o.targets.service_level = ServiceLevelTarget{*pct / 100, Seconds{*sec}};
  }
  if (a.asa_seconds) o.targets.max_asa = Seconds{*a.asa_seconds};
  if (a.max_abandon) o.targets.max_abandon = *a.max_abandon;
  if (a.max_occupancy) o.targets.max_occupancy = *a.max_occupancy;
  if (a.patience_seconds) o.model.patience = Seconds{*a.patience_seconds};
  auto definitions = parse_definitions(a.sl_definition, a.asa_definition);
  if (!definitions) return tl::unexpected(definitions.error());
  o.model.definitions = *definitions;
  o.shrinkage = a.shrinkage;
  o.paid_hours_per_fte = a.hours_per_fte;
  o.days_per_week = a.days_per_week;
  o.part_time_share = a.part_time_share;
  o.part_time_fte = a.part_time_fte;
  o.team_lead_span = a.span;
  o.manager_span = a.manager_span;
  o.escalation.share = a.escalation_share;
  o.escalation.phone_share = a.lead_phone_share;
  if (a.escalation_aht) o.escalation.handle_time = Seconds{*a.escalation_aht};
  auto mode = [](const std::string& text) -> std::optional<TierMode> {
    if (text == "live") return TierMode::live;
    if (text == "deferred") return TierMode::deferred;
    return std::nullopt;
  };
  auto lead_mode = mode(a.escalation_mode);
  if (!lead_mode)
    return tl::unexpected(bad_argument("--escalation-mode", a.escalation_mode, "live, deferred"));
  o.escalation.mode = *lead_mode;
  o.escalation.deadline = Seconds{a.escalation_deadline_hours * 3600};
  o.manager_escalation.share = a.manager_escalation_share;
  o.manager_escalation.phone_share = a.manager_phone_share;
  if (a.manager_escalation_aht)
    o.manager_escalation.handle_time = Seconds{*a.manager_escalation_aht};
  auto manager_mode = mode(a.manager_escalation_mode);
  if (!manager_mode) {
    return tl::unexpected(
        bad_argument("--manager-escalation-mode", a.manager_escalation_mode, "deferred, live"));
  }
  o.manager_escalation.mode = *manager_mode;
  o.manager_escalation.deadline = Seconds{a.manager_escalation_deadline_hours * 3600};
  return o;
}

static std::optional<Seconds> interval_of(const PlanArgs& a) {
  if (!a.interval_minutes) return std::nullopt;
  return Seconds{*a.interval_minutes * 60.0};
}

Checked<Forecast> load_forecast(const PlanArgs& a) {
  if (!a.forecasts.empty()) {
    std::vector<Forecast> all;
    for (const std::string& path : a.forecasts) {
      auto f = io::read_forecast_csv(path, interval_of(a));
      if (!f) return f;
      all.push_back(std::move(*f));
    }
    auto pooled = pool_forecasts(all);
    if (!pooled) {
      // Name the file that does not fit the first one (the domain only knows its number).
      Error e = pooled.error();
      for (std::size_t k = 1; k < all.size(); ++k) {
        if (pool_forecasts({all.front(), all[k]})) continue;
        e.where.file = a.forecasts[k];
        break;
      }
      return tl::unexpected(Errors{std::move(e)});
    }
    return *pooled;
  }
  auto fail_usage = [](Error e) { return tl::unexpected(Errors{std::move(e)}); };
  if (a.calls.empty()) {
    return fail_usage(Error{ErrorKind::usage, msg(MsgId::plan_no_forecast), {}, {}});
  }
  DailyProfile p;
  auto slash = a.calls.find('/');
  auto calls = parse_number(std::string_view(a.calls).substr(0, slash));
  if (!calls || slash == std::string::npos || a.calls.substr(slash) != "/day") {
    return fail_usage(bad_argument("--calls", a.calls, "1200/day"));
  }
  p.calls_per_day = *calls;
  auto dash = a.hours.find('-');
  auto open = clock_time(std::string_view(a.hours).substr(0, dash));
  auto close = dash == std::string::npos ? std::nullopt
                                         : clock_time(std::string_view(a.hours).substr(dash + 1));
  if (!open || !close) return fail_usage(bad_argument("--hours", a.hours, "08:00-20:00"));
  if (*open >= *close) {
    // A profile is one calendar day; night shifts across midnight need a forecast CSV.
    return fail_usage(Error{ErrorKind::usage,
                            msg(MsgId::plan_hours_order, a.hours),
                            {},
                            msg(MsgId::hint_plan_hours_order)});
  }
  p.open = *open;
  p.close = *close;
  p.handle_time = Seconds{a.aht_seconds};
  p.interval = interval_of(a).value_or(Seconds{1800});
  const auto step = std::chrono::duration_cast<std::chrono::minutes>(p.interval);
  if (step.count() > 0 &&
      (p.open % step != std::chrono::minutes{0} || p.close % step != std::chrono::minutes{0})) {
    return fail_usage(Error{ErrorKind::usage,
                            msg(MsgId::plan_hours_grid, a.hours, std::to_string(step.count())),
                            {},
                            {}});
  }
  auto day =
      io::parse_forecast_csv("interval_start,calls_offered,aht_seconds\n" + a.date + "T00:00,0,1\n",
                             "--date", Seconds{1800});
  if (!day) return fail_usage(bad_argument("--date", a.date, "2026-01-05"));
  p.day = std::chrono::floor<std::chrono::days>(day->intervals.front().start);
  auto f = forecast_from_profile(p);
  if (!f) return tl::unexpected(Errors{f.error()});
  return *f;
}

std::vector<CLI::Option*> add_plan_options(CLI::App& cmd, PlanArgs& args, Lang lang) {
  std::vector<CLI::Option*> opts;
  opts.push_back(cmd.add_option("FORECAST", args.forecasts, tr(MsgId::plan_opt_forecast, lang)));
  opts.push_back(
      cmd.add_option("--sl", args.sl, tr(MsgId::plan_opt_sl, lang))->option_text("PCT/SECONDS"));
  opts.push_back(cmd.add_option("--asa", args.asa_seconds, tr(MsgId::plan_opt_asa, lang))
                     ->option_text("SECONDS")
                     ->check(above(0, lang)));
  opts.push_back(
      cmd.add_option("--max-abandon", args.max_abandon, tr(MsgId::plan_opt_max_abandon, lang))
          ->option_text("SHARE")
          ->check(in_range(0, 1, lang, End::open, End::open)));
  opts.push_back(
      cmd.add_option("--max-occupancy", args.max_occupancy, tr(MsgId::plan_opt_max_occupancy, lang))
          ->option_text("SHARE")
          ->check(in_range(0, 1, lang, End::open)));
  opts.push_back(
      cmd.add_option("--patience", args.patience_seconds, tr(MsgId::plan_opt_patience, lang))
          ->option_text("SECONDS")
          ->check(above(0, lang)));
  opts.push_back(
      cmd.add_option("--sl-definition", args.sl_definition, tr(MsgId::plan_opt_sl_definition, lang))
          ->option_text("offered|answered|offered-minus-short"));
  opts.push_back(cmd.add_option("--asa-definition", args.asa_definition,
                                tr(MsgId::plan_opt_asa_definition, lang))
                     ->option_text("answered|all"));
  opts.push_back(cmd.add_option("--shrinkage", args.shrinkage, tr(MsgId::plan_opt_shrinkage, lang))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang, End::closed, End::open)));
  opts.push_back(
      cmd.add_option("--hours-per-fte", args.hours_per_fte, tr(MsgId::plan_opt_hours_per_fte, lang))
          ->option_text("HOURS")
          ->check(in_range(0, 168, lang, End::open)));
  opts.push_back(
      cmd.add_option("--days-per-week", args.days_per_week, tr(MsgId::plan_opt_days_per_week, lang))
          ->option_text("1..7")
          ->check(in_range(1, 7, lang)));
  opts.push_back(cmd.add_option("--part-time-share", args.part_time_share,
                                tr(MsgId::plan_opt_part_time_share, lang))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang)));
  opts.push_back(
      cmd.add_option("--part-time-fte", args.part_time_fte, tr(MsgId::plan_opt_part_time_fte, lang))
          ->option_text("FTE")
          ->check(in_range(0, 1, lang, End::open)));
  opts.push_back(cmd.add_option("--span", args.span, tr(MsgId::plan_opt_span, lang))
                     ->option_text("AGENTS")
                     ->check(at_least(1, lang)));
  opts.push_back(
      cmd.add_option("--manager-span", args.manager_span, tr(MsgId::plan_opt_manager_span, lang))
          ->option_text("TEAM_LEADS")
          ->check(at_least(1, lang)));
  opts.push_back(cmd.add_option("--escalation-share", args.escalation_share,
                                tr(MsgId::plan_opt_escalation_share, lang))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang)));
  opts.push_back(cmd.add_option("--escalation-aht", args.escalation_aht,
                                tr(MsgId::plan_opt_escalation_aht, lang))
                     ->option_text("SECONDS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--lead-phone-share", args.lead_phone_share,
                                tr(MsgId::plan_opt_lead_phone_share, lang))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang, End::open)));
  opts.push_back(cmd.add_option("--escalation-mode", args.escalation_mode,
                                tr(MsgId::plan_opt_escalation_mode, lang))
                     ->option_text("live|deferred"));
  opts.push_back(cmd.add_option("--escalation-deadline-hours", args.escalation_deadline_hours,
                                tr(MsgId::plan_opt_escalation_deadline, lang))
                     ->option_text("HOURS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--manager-escalation-share", args.manager_escalation_share,
                                tr(MsgId::plan_opt_manager_escalation_share, lang))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang)));
  opts.push_back(cmd.add_option("--manager-escalation-mode", args.manager_escalation_mode,
                                tr(MsgId::plan_opt_manager_escalation_mode, lang))
                     ->option_text("deferred|live"));
  opts.push_back(cmd.add_option("--manager-escalation-deadline-hours",
                                args.manager_escalation_deadline_hours,
                                tr(MsgId::plan_opt_manager_escalation_deadline, lang))
                     ->option_text("HOURS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--manager-escalation-aht", args.manager_escalation_aht,
                                tr(MsgId::plan_opt_manager_escalation_aht, lang))
                     ->option_text("SECONDS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--manager-phone-share", args.manager_phone_share,
                                tr(MsgId::plan_opt_manager_phone_share, lang))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang, End::open)));
  opts.push_back(
      cmd.add_option("--interval", args.interval_minutes, tr(MsgId::plan_opt_interval, lang))
          ->option_text("15|30|60"));
  opts.push_back(
      cmd.add_option("--calls", args.calls, tr(MsgId::plan_opt_calls, lang))->option_text("N/day"));
  opts.push_back(cmd.add_option("--hours", args.hours, tr(MsgId::plan_opt_hours, lang))
                     ->option_text("HH:MM-HH:MM"));
  opts.push_back(cmd.add_option("--aht", args.aht_seconds, tr(MsgId::plan_opt_aht, lang))
                     ->option_text("SECONDS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--date", args.date, tr(MsgId::plan_opt_date, lang))
                     ->option_text("YYYY-MM-DD"));
  return opts;
}

}  // namespace ccteam::cli
