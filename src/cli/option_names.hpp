#pragma once
// How the CLI words a field of a use case's request: as its option. Use cases and the domain name
// a bad field by JSON pointer, in Error::where.json_pointer and, where the message names the
// field, as its first argument ("option {0} is out of range: {1}" with "/options/shrinkage");
// the server keeps the pointer, the CLI names the option ("option --shrinkage is out of range").

#include <span>
#include <string_view>

#include "ccteam/core/error.hpp"

namespace ccteam::cli {

struct OptionName {
  std::string_view pointer;  // a field of the request, "/options/shrinkage"
  std::string_view option;   // the option that fills it, "--shrinkage"
};

// The fields of app::PlanRequest (`plan`, and `simulate`'s planner options).
std::span<const OptionName> plan_option_names();
// The fields of app::MetricsRequest (`metrics`).
std::span<const OptionName> metrics_option_names();
// The fields of app::CalibrationRequest (`calibrate`).
std::span<const OptionName> calibrate_option_names();

// 'error' worded for the command line when its pointer is one of 'names' (a pointer below one,
// "/options/targets/service_level/fraction", counts as the field "/options/targets/service_level"
// when only that is listed): a first message argument equal to the pointer becomes the option,
// and the pointer is dropped (the message then says where). Other errors are returned unchanged.
Error as_option(Error error, std::span<const OptionName> names);
Errors as_option(Errors errors, std::span<const OptionName> names);

}  // namespace ccteam::cli
