// ccteam calibrate FILE -o DIR: estimates a plan's and a simulation's inputs from call records
// (metrics/calibrate.hpp) and writes DIR/forecast.csv (for `ccteam plan`), one
// DIR/scenario-<weekday>.yaml per weekday with calls (for `ccteam simulate`) and
// DIR/calibration.json (everything estimated).
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "ccteam/metrics/calibrate.hpp"
#include "cli/app.hpp"
#include "cli/call_input.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "io/metrics/calibration_writers.hpp"
#include "io/base/files.hpp"

namespace ccteam::cli {

namespace {

struct CalibrateArgs {
  CallInputArgs input;
  int interval_minutes = 30;
  double short_call = 10;
  double sl_seconds = 20;
};

void run_calibrate(Context& ctx, const CalibrateArgs& args) {
  Lang lang = ctx.lang();
  const std::string& dir = ctx.options().output;
  if (dir == "-" || dir.empty()) {
    ctx.fail(Error{ErrorKind::usage, msg(MsgId::calibrate_needs_output), {}, {}});
    return;
  }
  if (args.interval_minutes != 15 && args.interval_minutes != 30 && args.interval_minutes != 60) {
    ctx.fail(Error{
        ErrorKind::usage,
        msg(MsgId::metrics_interval_choices, std::to_string(args.interval_minutes), "15, 30, 60"),
        {},
        {}});
    return;
  }
  metrics::CalibrationOptions options;
  options.interval = std::chrono::minutes{args.interval_minutes};
  options.short_call = metrics::Seconds{args.short_call};
  options.service_target = metrics::Seconds{args.sl_seconds};
  metrics::Calibrator calibrator(options);
  io::ReadSummary summary =
      read_calls(ctx, args.input, [&](const metrics::CallRecord& r) { calibrator.add(r); });
  if (summary.unusable) {
    ctx.errors_reported();
    return;
  }
  metrics::Calibration c = calibrator.finish();
  if (c.handle_time.calls < 1) {
    ctx.fail(Error{ErrorKind::invalid_input,
                     msg(MsgId::calibrate_too_few, c.handle_time.calls),
                     SourcePos{args.input.file, 0, 0, ""},
                     {}});
    return;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("forecast.csv", io::forecast_csv_text(c));
  std::string source = std::filesystem::path(args.input.file).filename().string();
  for (unsigned wd = 0; wd < 7; ++wd) {
    if (c.weekdays[wd].offered == 0) continue;
    files.emplace_back("scenario-" + io::weekday_abbreviation(wd) + ".yaml",
                       io::scenario_yaml_text(c, wd, source));
  }
  files.emplace_back("calibration.json", io::calibration_json(c).dump(2) + "\n");
  for (const auto& [name, content] : files) {
    std::string path = (std::filesystem::path(dir) / name).string();
    if (auto written = io::write_file(path, content); !written) {
      ctx.fail(written.error());
      return;
    }
    std::fprintf(stderr, "%s\n", render(msg(MsgId::calibrate_written, path), lang).c_str());
  }
  // Skipped rows are warnings, as in `metrics`: exit 0 (docs/call-records-format.md).
  std::fputs(summary_text(summary, lang).c_str(), stderr);
}

}  // namespace

void add_calibrate_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto a = std::make_shared<CalibrateArgs>();
  CLI::App* cmd = app.add_subcommand("calibrate", tr(MsgId::cmd_calibrate, lang));
  cmd->add_option("FILE", a->input.file, tr(MsgId::arg_call_file, lang))->required();
  cmd->add_option("--interval", a->interval_minutes, tr(MsgId::plan_opt_interval, lang))
      ->option_text("15|30|60");
  cmd->add_option("--short-call", a->short_call, tr(MsgId::calibrate_opt_short_call, lang))
      ->option_text("SECONDS");
  cmd->add_option("--sl-seconds", a->sl_seconds, tr(MsgId::metrics_opt_sl_seconds, lang))
      ->option_text("SECONDS");
  cmd->add_option("--utc-offset", a->input.utc_offset, tr(MsgId::metrics_opt_utc_offset, lang))
      ->option_text("+HH:MM");
  cmd->add_option("--input-format", a->input.input_format,
                  tr(MsgId::metrics_opt_input_format, lang))
      ->option_text("bank|csv");
  cmd->callback([&ctx, a] { run_calibrate(ctx, *a); });
}

}  // namespace ccteam::cli
