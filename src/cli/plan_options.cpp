// The planner's options shared by `ccteam plan` and `ccteam simulate` (see plan_options.hpp).
#include "cli/plan_options.hpp"

#include <utility>

#include <fmt/format.h>

#include "ccteam/core/messages.hpp"
#include "cli/help_text.hpp"
#include "cli/option_checks.hpp"
#include "io/staffing/plan_text.hpp"

namespace ccteam::cli {

using namespace ccteam::staffing;

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

namespace {

Seconds hours(double h) { return Seconds{h * 3600}; }

// The targets, model and FTE assumptions.
Result<PlanOptions> to_options(const PlanArgs& a) {
  PlanOptions o = a.request.options;
  if (!a.sl.empty()) {
    CCTEAM_TRY(o.targets.service_level,
               io::parse_service_level(a.sl, "/options/targets/service_level"));
  }
  if (a.asa_seconds) o.targets.max_asa = Seconds{*a.asa_seconds};
  if (a.max_abandon) o.targets.max_abandon = *a.max_abandon;
  if (a.max_occupancy) o.targets.max_occupancy = *a.max_occupancy;
  if (a.patience_seconds) o.model.patience = Seconds{*a.patience_seconds};
  if (a.sl_definition) {
    CCTEAM_TRY(
        o.model.definitions.service_level,
        io::parse_sl_definition(*a.sl_definition, "/options/model/definitions/service_level"));
  }
  if (a.asa_definition) {
    CCTEAM_TRY(o.model.definitions.asa,
               io::parse_asa_definition(*a.asa_definition, "/options/model/definitions/asa"));
  }
  if (a.escalation_aht) o.escalation.handle_time = Seconds{*a.escalation_aht};
  if (a.escalation_mode) {
    CCTEAM_TRY(o.escalation.mode,
               io::parse_tier_mode(*a.escalation_mode, "/options/escalation/mode", TierMode::live));
  }
  if (a.escalation_deadline_hours) o.escalation.deadline = hours(*a.escalation_deadline_hours);
  if (a.manager_escalation_aht)
    o.manager_escalation.handle_time = Seconds{*a.manager_escalation_aht};
  if (a.manager_escalation_mode) {
    CCTEAM_TRY(o.manager_escalation.mode,
               io::parse_tier_mode(*a.manager_escalation_mode, "/options/manager_escalation/mode",
                                   TierMode::deferred));
  }
  if (a.manager_escalation_deadline_hours) {
    o.manager_escalation.deadline = hours(*a.manager_escalation_deadline_hours);
  }
  return o;
}

// The daily profile of --calls/--hours/--aht/--date.
Result<DailyProfile> to_profile(const PlanArgs& a) {
  DailyProfile p = app::daily_profile();
  CCTEAM_TRY(p.calls_per_day, io::parse_calls_per_day(a.calls, "/forecast/profile/calls_per_day"));
  if (a.hours) {
    CCTEAM_TRY(io::OpeningHours h, io::parse_opening_hours(*a.hours, "/forecast/profile/open"));
    p.open = h.open;
    p.close = h.close;
  }
  if (a.aht_seconds) p.handle_time = Seconds{*a.aht_seconds};
  if (a.date) {
    CCTEAM_TRY(p.day, io::parse_local_day(*a.date, "/forecast/profile/day"));
  }
  return p;
}

}  // namespace

Result<app::PlanRequest> to_request(const PlanArgs& a) {
  app::PlanRequest r = a.request;
  // The daily profile's options would be ignored next to a forecast file: say so.
  if (!r.forecast.files.empty()) {
    for (const auto& [given, option] :
         {std::pair{!a.calls.empty(), "--calls"}, std::pair{a.hours.has_value(), "--hours"},
          std::pair{a.aht_seconds.has_value(), "--aht"}, std::pair{a.date.has_value(), "--date"}}) {
      if (given) {
        return tl::unexpected(
            Error::usage(msg(MsgId::cli_profile_with_forecast, option, r.forecast.files.front())));
      }
    }
  }
  CCTEAM_TRY(r.options, to_options(a));
  if (a.interval_minutes) r.forecast.interval = Seconds{*a.interval_minutes * 60.0};
  if (r.forecast.files.empty() && !a.calls.empty()) {
    CCTEAM_TRY(r.forecast.profile, to_profile(a));
  }
  return r;
}

std::vector<CLI::Option*> add_plan_options(CLI::App& cmd, PlanArgs& args, Lang lang) {
  const PlanOptions defaults;
  const DailyProfile profile = app::daily_profile();
  auto help = [lang](MsgId id, const auto&... values) { return help_text(id, lang, values...); };
  auto hours_of = [](Seconds s) { return s.count() / 3600; };
  PlanOptions& o = args.request.options;
  std::vector<CLI::Option*> opts;
  opts.push_back(cmd.add_option(tr(MsgId::cli_ph_forecast, lang), args.request.forecast.files,
                                tr(MsgId::plan_opt_forecast, lang)));
  opts.push_back(cmd.add_option("--sl", args.sl, tr(MsgId::plan_opt_sl, lang))
                     ->option_text("PCT/SECONDS")
                     ->check(service_level(lang)));
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
      cmd.add_option("--sl-definition", args.sl_definition,
                     help(MsgId::plan_opt_sl_definition,
                          io::sl_definition_text(defaults.model.definitions.service_level)))
          ->option_text("offered|answered|offered-minus-short"));
  opts.push_back(cmd.add_option("--asa-definition", args.asa_definition,
                                help(MsgId::plan_opt_asa_definition,
                                     io::asa_definition_text(defaults.model.definitions.asa)))
                     ->option_text("answered|all"));
  opts.push_back(cmd.add_option("--shrinkage", o.shrinkage,
                                help(MsgId::plan_opt_shrinkage, defaults.shrinkage))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang, End::closed, End::open)));
  opts.push_back(cmd.add_option("--hours-per-fte", o.paid_hours_per_fte,
                                help(MsgId::plan_opt_hours_per_fte, defaults.paid_hours_per_fte))
                     ->option_text("HOURS")
                     ->check(in_range(0, 168, lang, End::open)));
  opts.push_back(cmd.add_option("--days-per-week", o.days_per_week,
                                help(MsgId::plan_opt_days_per_week, defaults.days_per_week))
                     ->option_text("1..7")
                     ->check(in_range(1, 7, lang)));
  opts.push_back(cmd.add_option("--part-time-share", o.part_time_share,
                                help(MsgId::plan_opt_part_time_share, defaults.part_time_share))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang)));
  opts.push_back(cmd.add_option("--part-time-fte", o.part_time_fte,
                                help(MsgId::plan_opt_part_time_fte, defaults.part_time_fte))
                     ->option_text("FTE")
                     ->check(in_range(0, 1, lang, End::open)));
  opts.push_back(cmd.add_option("--span", o.team_lead_span,
                                help(MsgId::plan_opt_span, defaults.team_lead_span))
                     ->option_text("AGENTS")
                     ->check(at_least(1, lang)));
  opts.push_back(cmd.add_option("--manager-span", o.manager_span,
                                help(MsgId::plan_opt_manager_span, defaults.manager_span))
                     ->option_text("TEAM_LEADS")
                     ->check(at_least(1, lang)));
  opts.push_back(cmd.add_option("--escalation-share", o.escalation.share,
                                help(MsgId::plan_opt_escalation_share, defaults.escalation.share))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang)));
  opts.push_back(cmd.add_option("--escalation-aht", args.escalation_aht,
                                tr(MsgId::plan_opt_escalation_aht, lang))
                     ->option_text("SECONDS")
                     ->check(above(0, lang)));
  opts.push_back(
      cmd.add_option("--lead-phone-share", o.escalation.phone_share,
                     help(MsgId::plan_opt_lead_phone_share, defaults.escalation.phone_share))
          ->option_text("SHARE")
          ->check(in_range(0, 1, lang, End::open)));
  opts.push_back(cmd.add_option("--escalation-mode", args.escalation_mode,
                                tr(MsgId::plan_opt_escalation_mode, lang))
                     ->option_text("live|deferred"));
  opts.push_back(cmd.add_option("--escalation-deadline-hours", args.escalation_deadline_hours,
                                help(MsgId::plan_opt_escalation_deadline,
                                     hours_of(defaults.escalation.deadline)))
                     ->option_text("HOURS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--manager-escalation-share", o.manager_escalation.share,
                                help(MsgId::plan_opt_manager_escalation_share,
                                     defaults.manager_escalation.share))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang)));
  opts.push_back(cmd.add_option("--manager-escalation-mode", args.manager_escalation_mode,
                                tr(MsgId::plan_opt_manager_escalation_mode, lang))
                     ->option_text("deferred|live"));
  opts.push_back(cmd.add_option("--manager-escalation-deadline-hours",
                                args.manager_escalation_deadline_hours,
                                help(MsgId::plan_opt_manager_escalation_deadline,
                                     hours_of(defaults.manager_escalation.deadline)))
                     ->option_text("HOURS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--manager-escalation-aht", args.manager_escalation_aht,
                                tr(MsgId::plan_opt_manager_escalation_aht, lang))
                     ->option_text("SECONDS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--manager-phone-share", o.manager_escalation.phone_share,
                                help(MsgId::plan_opt_manager_phone_share,
                                     defaults.manager_escalation.phone_share))
                     ->option_text("SHARE")
                     ->check(in_range(0, 1, lang, End::open)));
  opts.push_back(
      cmd.add_option("--interval", args.interval_minutes, tr(MsgId::plan_opt_interval, lang))
          ->option_text("15|30|60")
          ->check(one_of({"15", "30", "60"}, lang)));
  opts.push_back(cmd.add_option("--calls", args.calls, tr(MsgId::plan_opt_calls, lang))
                     ->option_text("N/day")
                     ->check(calls_per_day(lang)));
  opts.push_back(cmd.add_option("--hours", args.hours,
                                help(MsgId::plan_opt_hours,
                                     io::opening_hours_text(profile.open, profile.close)))
                     ->option_text("HH:MM-HH:MM"));
  opts.push_back(cmd.add_option("--aht", args.aht_seconds,
                                help(MsgId::plan_opt_aht, profile.handle_time.count()))
                     ->option_text("SECONDS")
                     ->check(above(0, lang)));
  opts.push_back(cmd.add_option("--date", args.date,
                                help(MsgId::plan_opt_date, io::local_day_text(profile.day)))
                     ->option_text("YYYY-MM-DD")
                     ->check(iso_date(lang)));
  return opts;
}

}  // namespace ccteam::cli
