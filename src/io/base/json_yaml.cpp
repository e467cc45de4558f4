#include "io/base/json_yaml.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include <yaml-cpp/yaml.h>

namespace ccteam::io {

namespace {

// True when a plain (unquoted) scalar with this text would be read back as something other
// than a string by a YAML 1.1 or 1.2 reader: null, a boolean or a number. yaml-cpp's emitter
// quotes only some of these ("null") and writes "yes" or "1.0" bare.
bool reads_as_non_string(const std::string& text) {
  static const std::set<std::string> words = {
      "",    "~",   "null", "Null", "NULL", "y",    "Y",     "yes",   "Yes",   "YES",  "n",   "N",
      "no",  "No",  "NO",   "true", "True", "TRUE", "false", "False", "FALSE", "on",   "On",  "ON",
      "off", "Off", "OFF",  ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan",  ".NaN", ".NAN"};
  if (words.contains(text)) return true;
  const char* begin = text.c_str();
  char* end = nullptr;
  std::strtod(begin, &end);
  if (end != begin && *end == '\0') return true;  // decimal, exponent, hex ("0x1F") numbers
  bool digits_and_separators = std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '_' || c == ':' || c == '.' ||
           c == '-' || c == '+';
  });
  return digits_and_separators;  // YAML 1.1 sexagesimal and underscored numbers, dates
}

void emit(YAML::Emitter& out, const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object:
      if (value.empty()) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.items()) {
        out << YAML::Key << key << YAML::Value;
        emit(out, item);
      }
      out << YAML::EndMap;
      break;
    case nlohmann::ordered_json::value_t::array:
      if (value.empty()) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : value) emit(out, item);
      out << YAML::EndSeq;
      break;
    case nlohmann::ordered_json::value_t::string: {
      const auto& text = value.get_ref<const std::string&>();
      if (reads_as_non_string(text)) out << YAML::DoubleQuoted;
      out << text;
      break;
    }
    case nlohmann::ordered_json::value_t::boolean:
      out << value.get<bool>();
      break;
    case nlohmann::ordered_json::value_t::number_integer:
      out << value.get<long long>();
      break;
    case nlohmann::ordered_json::value_t::number_unsigned:
      out << value.get<unsigned long long>();
      break;
    case nlohmann::ordered_json::value_t::number_float:
      out << value.dump();  // JSON's shortest round-trip form, not yaml-cpp's precision
      break;
    default:
      out << YAML::Null;
      break;
  }
}

}  // namespace

std::string json_to_yaml(const nlohmann::ordered_json& value) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, value);
  return std::string(out.c_str()) + "\n";
}

}  // namespace ccteam::io
