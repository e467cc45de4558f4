#pragma once
// Use case of calibration (`ccteam calibrate`): a plan's and a simulation's inputs estimated from
// call records (metrics/calibrate.hpp), as the files a client writes or offers for download.

#include <string>
#include <utility>
#include <vector>

#include "app/metrics/call_source.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/metrics/calibrate.hpp"
#include "io/metrics/call_records.hpp"

namespace ccteam::app {

struct CalibrationRequest {
  CallSource calls;
  metrics::CalibrationOptions options;  // interval 15, 30 or 60 min; defaults there
};

struct CalibrationRun {
  metrics::Calibration calibration;  // valid unless calls.unusable
  io::ReadSummary calls;             // rows read, skipped (warnings) and their errors
};

// Error: MsgId::metrics_interval_choices at "/options/interval" (usage) for an interval other than
// 15, 30 or 60 minutes.
Result<void> check_calibration(const metrics::CalibrationOptions& options);

// Reads the calls and estimates. Errors: check_calibration's. An unusable file is no error here:
// the summary says so (calls.unusable) and the client reports its errors.
Result<CalibrationRun> calibrate(const CalibrationRequest& request, const RecordTick& tick = {});

// MsgId::calibrate_too_few (invalid_input, at the call file) when no handled call has a handle
// time; nullopt otherwise.
std::optional<Error> too_few_calls(const CalibrationRun& run, const CalibrationRequest& request);

// The files of a calibration, named as `ccteam calibrate` writes them into its folder:
// forecast.csv (for `ccteam plan`), scenario-<weekday>.yaml per weekday with calls (for
// `ccteam simulate`; 'source' is the call file's name written into their names, which are in
// 'lang') and calibration.json.
std::vector<std::pair<std::string, std::string>> calibration_files(
    const metrics::Calibration& calibration, const std::string& source, Lang lang);

}  // namespace ccteam::app
