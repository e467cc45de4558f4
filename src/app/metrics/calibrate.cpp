#include "app/metrics/calibrate.hpp"

#include <filesystem>

#include "io/metrics/calibration_writers.hpp"
#include "io/metrics/metrics_text.hpp"

namespace ccteam::app {

Result<void> check_calibration(const metrics::CalibrationOptions& options) {
  const auto minutes = options.interval.count() / 60;
  if (options.interval.count() % 60 != 0 || (minutes != 15 && minutes != 30 && minutes != 60)) {
    return tl::unexpected(
        io::not_one_of("/options/interval", std::to_string(minutes), "15, 30, 60"));
  }
  return {};
}

Result<CalibrationRun> calibrate(const CalibrationRequest& request, const RecordTick& tick) {
  if (auto ok = check_calibration(request.options); !ok) return tl::unexpected(ok.error());
  CalibrationRun run;
  metrics::Calibrator calibrator(request.options);
  run.calls = read_calls(
      request.calls, [&](const metrics::CallRecord& r) { calibrator.add(r); }, tick);
  if (!run.calls.unusable) run.calibration = calibrator.finish();
  return run;
}

std::optional<Error> too_few_calls(const CalibrationRun& run, const CalibrationRequest& request) {
  if (run.calibration.handle_time.calls >= 1) return std::nullopt;
  return Error::invalid_input(msg(MsgId::calibrate_too_few, run.calibration.handle_time.calls),
                              SourcePos{request.calls.file, 0, 0, ""});
}

std::vector<std::pair<std::string, std::string>> calibration_files(const metrics::Calibration& c,
                                                                   const std::string& source,
                                                                   Lang lang) {
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("forecast.csv", io::forecast_csv_text(c));
  for (unsigned wd = 0; wd < 7; ++wd) {
    if (c.weekdays[wd].offered == 0) continue;
    files.emplace_back("scenario-" + io::weekday_abbreviation(wd) + ".yaml",
                       io::scenario_yaml_text(c, wd, source, lang));
  }
  files.emplace_back("calibration.json", io::calibration_json(c).dump(2) + "\n");
  return files;
}

}  // namespace ccteam::app
