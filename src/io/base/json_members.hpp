#pragma once
// Reading the members of JSON that ccteam wrote itself (a stored plan's JSON, a simulation
// report) for pages and exports: a member that is missing, null or of another type gives the
// fallback instead of throwing, so that a page shows a gap rather than failing on an old or
// damaged document. Every function takes any JSON value: a non-object has no members.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace ccteam::io {

// The member 'key' of 'object', or a null value (never throws).
const nlohmann::json& json_member(const nlohmann::json& object, const char* key);

// The string member 'key', or "" when it is missing or not a string.
std::string json_text(const nlohmann::json& object, const char* key);

// The number member 'key' as a double, or nullopt when it is missing or not a number.
std::optional<double> json_number(const nlohmann::json& object, const char* key);

// The array member 'key', or an empty array when it is missing or not an array.
const nlohmann::json& json_array(const nlohmann::json& object, const char* key);

}  // namespace ccteam::io
