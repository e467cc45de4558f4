#include "io/base/json_members.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

TEST(JsonMembers, GiveTheMemberOrTheFallbackWithoutThrowing) {
  auto doc = nlohmann::json::parse(
      R"({"name": "Plan A", "agents": 14, "share": 0.5, "none": null, "levels": [1, 2],
          "cost": {"currency": "EUR"}})");
  EXPECT_EQ(json_text(doc, "name"), "Plan A");
  EXPECT_EQ(json_text(doc, "agents"), "");  // a number is no text
  EXPECT_EQ(json_text(doc, "missing"), "");
  EXPECT_EQ(json_number(doc, "agents"), 14.0);
  EXPECT_EQ(json_number(doc, "share"), 0.5);
  EXPECT_FALSE(json_number(doc, "name").has_value());
  EXPECT_FALSE(json_number(doc, "none").has_value());
  EXPECT_EQ(json_array(doc, "levels").size(), 2u);
  EXPECT_TRUE(json_array(doc, "cost").empty());  // an object is no array
  EXPECT_EQ(json_text(json_member(doc, "cost"), "currency"), "EUR");
  EXPECT_TRUE(json_member(doc, "missing").is_null());
  // A value that is no object has no members: an array, a string, null.
  for (const char* text : {"[1, 2]", "\"text\"", "null", "3"}) {
    auto other = nlohmann::json::parse(text);
    EXPECT_TRUE(json_member(other, "name").is_null()) << text;
    EXPECT_EQ(json_text(other, "name"), "") << text;
    EXPECT_FALSE(json_number(other, "name").has_value()) << text;
    EXPECT_TRUE(json_array(other, "name").empty()) << text;
  }
}

}  // namespace
}  // namespace ccteam::io
