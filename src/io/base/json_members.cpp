#include "io/base/json_members.hpp"

namespace ccteam::io {

const nlohmann::json& json_member(const nlohmann::json& object, const char* key) {
  static const nlohmann::json k_null;
  if (!object.is_object()) return k_null;
  auto found = object.find(key);
  return found != object.end() ? *found : k_null;
}

std::string json_text(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = json_member(object, key);
  return value.is_string() ? value.get<std::string>() : std::string();
}

std::optional<double> json_number(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = json_member(object, key);
  if (!value.is_number()) return std::nullopt;
  return value.get<double>();
}

const nlohmann::json& json_array(const nlohmann::json& object, const char* key) {
  static const nlohmann::json k_empty = nlohmann::json::array();
  const nlohmann::json& value = json_member(object, key);
  return value.is_array() ? value : k_empty;
}

}  // namespace ccteam::io
