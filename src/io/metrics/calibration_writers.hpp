#pragma once
// Writes a calibration (metrics/calibrate.hpp) in the formats other commands read:
//   - a forecast CSV for `ccteam plan` (docs/forecast-format.md): one typical week, Monday to
//     Sunday, starting on the Monday after the last record's date, each interval with the
//     weekday's mean calls offered and AHT;
//   - one simulation scenario per weekday with calls (docs/scenario-format.md of the simulation,
//     format ccteam-scenario/1) with the inferred staffing, a lognormal handle time with the
//     mean and standard deviation of all handled calls, and exponential patience;
//   - calibration.json (docs/calibration-format.md): everything estimated, including the
//     lognormal fit apart from short calls, the Kaplan-Meier curve and the observed service
//     level per weekday (to compare a simulation with).

#include <string>

#include <nlohmann/json.hpp>

#include "ccteam/core/lang.hpp"
#include "ccteam/metrics/calibrate.hpp"

namespace ccteam::io {

std::string forecast_csv_text(const metrics::Calibration& c);

// Lower-case English weekday abbreviation for file names: "mon", ..., "sun"; index as in
// Calibration::weekdays (0 = Sunday).
std::string weekday_abbreviation(unsigned c_encoding);

// The scenario of one weekday; its name (MsgId::calibrate_scenario_name: "calls.csv
// (Monday; days averaged: 12)") names the records ('source') and the weekday in 'lang'.
std::string scenario_yaml_text(const metrics::Calibration& c, unsigned c_encoding,
                               const std::string& source, Lang lang);

nlohmann::ordered_json calibration_json(const metrics::Calibration& c);

}  // namespace ccteam::io
