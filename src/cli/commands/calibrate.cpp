// ccteam calibrate FILE -o DIR: estimates a plan's and a simulation's inputs from call records
// (app/metrics/calibrate.hpp) and writes DIR/forecast.csv (for `ccteam plan`), one
// DIR/scenario-<weekday>.yaml per weekday with calls (for `ccteam simulate`) and
// DIR/calibration.json (everything estimated).
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/metrics/calibrate.hpp"
#include "cli/app.hpp"
#include "cli/call_input.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/help_text.hpp"
#include "cli/option_checks.hpp"
#include "cli/option_names.hpp"
#include "cli/progress.hpp"
#include "io/base/files.hpp"

namespace ccteam::cli {

namespace {

struct CalibrateArgs {
  app::CalibrationRequest request;  // FILE
  CallInputArgs input;
  std::optional<int> interval_minutes;
  std::optional<double> short_call, sl_seconds;
};

Result<app::CalibrationRequest> to_request(const CalibrateArgs& a) {
  app::CalibrationRequest r = a.request;
  if (a.interval_minutes) r.options.interval = std::chrono::minutes{*a.interval_minutes};
  if (a.short_call) r.options.short_call = metrics::Seconds{*a.short_call};
  if (a.sl_seconds) r.options.service_target = metrics::Seconds{*a.sl_seconds};
  return r;
}

void run_calibrate(Context& ctx, const CalibrateArgs& args) {
  Lang lang = ctx.lang();
  auto fail = [&ctx](const Error& e) { ctx.fail(as_option(e, calibrate_option_names())); };
  const std::string& dir = ctx.options().output;
  if (dir == "-" || dir.empty()) return fail(Error::usage(msg(MsgId::calibrate_needs_output)));
  auto request = to_request(args);
  if (!request) return fail(request.error());
  if (auto ok = app::check_calibration(request->options); !ok) return fail(ok.error());
  auto source = to_call_source(request->calls.file, args.input);
  if (!source) return fail(source.error());
  request->calls = *source;
  auto run = [&] {
    Progress progress(tr(MsgId::metrics_progress_records, lang));
    return app::calibrate(*request, [&] { progress.tick(); });
  }();
  if (!run) return fail(run.error());
  ctx.report(run->calls.errors);
  if (run->calls.unusable) return ctx.errors_reported();
  if (auto too_few = app::too_few_calls(*run, *request)) return fail(*too_few);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string source_name = std::filesystem::path(request->calls.file).filename().string();
  for (const auto& [name, content] : app::calibration_files(run->calibration, source_name, lang)) {
    std::string path = (std::filesystem::path(dir) / name).string();
    if (auto written = io::write_file(path, content); !written) return ctx.fail(written.error());
    std::fprintf(stderr, "%s\n", render(msg(MsgId::calibrate_written, path), lang).c_str());
  }
  // Skipped rows are warnings, as in `metrics`: exit 0 (docs/call-records-format.md).
  std::fputs(summary_text(run->calls, lang).c_str(), stderr);
}

}  // namespace

void add_calibrate_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto a = std::make_shared<CalibrateArgs>();
  const metrics::CalibrationOptions defaults;
  auto help = [lang](MsgId id, const auto&... values) { return help_text(id, lang, values...); };
  CLI::App* cmd = app.add_subcommand("calibrate", tr(MsgId::cmd_calibrate, lang));
  cmd->footer(tr(MsgId::cli_calibrate_footer, lang));
  cmd->add_option(tr(MsgId::cli_ph_file, lang), a->request.calls.file,
                  tr(MsgId::arg_call_file, lang))
      ->required();
  cmd->add_option("--interval", a->interval_minutes, tr(MsgId::plan_opt_interval, lang))
      ->option_text("15|30|60")
      ->check(one_of({"15", "30", "60"}, lang));
  cmd->add_option("--short-call", a->short_call,
                  help(MsgId::calibrate_opt_short_call, defaults.short_call.count()))
      ->option_text("SECONDS")
      ->check(at_least(0, lang));
  cmd->add_option("--sl-seconds", a->sl_seconds,
                  help(MsgId::metrics_opt_sl_seconds, defaults.service_target.count()))
      ->option_text("SECONDS")
      ->check(at_least(0, lang));
  add_call_input_options(*cmd, a->input, lang);
  cmd->callback([&ctx, a] { run_calibrate(ctx, *a); });
}

}  // namespace ccteam::cli
