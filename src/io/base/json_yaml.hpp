#pragma once
// Writes any JSON value as YAML, so that `--format yaml` has exactly the shape of
// `--format json` (and the same JSON Schema describes both).

#include <string>

#include <nlohmann/json.hpp>

namespace ccteam::io {

// Block-style YAML of 'value', ending in a newline. Strings that YAML would read as another
// type ("yes", "1.0", "null") are quoted by yaml-cpp's emitter.
std::string json_to_yaml(const nlohmann::ordered_json& value);

}  // namespace ccteam::io
