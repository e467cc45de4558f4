#include "io/base/json_yaml.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace ccteam::io {
namespace {

TEST(JsonToYaml, KeepsKeyOrderAndTypes) {
  auto value = nlohmann::ordered_json::parse(
      R"({"id": "agent", "rank": 1, "max": null, "open": true, "pay": 32000.5, "tags": ["a", "b"]})");
  EXPECT_EQ(json_to_yaml(value),
            "id: agent\nrank: 1\nmax: ~\nopen: true\npay: 32000.5\ntags:\n  - a\n  - b\n");
}

TEST(JsonToYaml, QuotesStringsThatYamlWouldReadAsOtherTypes) {
  auto value =
      nlohmann::ordered_json::parse(R"({"a": "yes", "b": "1.0", "c": "null", "d": "x: y"})");
  YAML::Node back = YAML::Load(json_to_yaml(value));
  EXPECT_EQ(back["a"].Scalar(), "yes");
  EXPECT_EQ(back["a"].Tag(), "!");  // quoted: a string, not a boolean
  EXPECT_EQ(back["d"].Scalar(), "x: y");
}

}  // namespace
}  // namespace ccteam::io
