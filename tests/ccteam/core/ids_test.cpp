#include "ccteam/core/ids.hpp"

#include <gtest/gtest.h>

namespace ccteam {
namespace {

TEST(Ids, AcceptLowercaseKebabCase) {
  for (std::string_view good : {"agent", "team-lead", "quality-analyst", "tier2", "a"}) {
    EXPECT_TRUE(is_valid_id(good)) << good;
  }
}

TEST(Ids, RejectOtherForms) {
  for (std::string_view bad : {"", "Agent", "team_lead", "team--lead", "-agent", "agent-",
                               "2nd-level", "team lead", "tëam"}) {
    EXPECT_FALSE(is_valid_id(bad)) << bad;
  }
  EXPECT_FALSE(is_valid_id(std::string(65, 'a')));
  EXPECT_TRUE(is_valid_id(std::string(64, 'a')));
}

TEST(Ids, CompareByValue) {
  EXPECT_EQ(RoleId("agent"), RoleId("agent"));
  EXPECT_LT(RoleId("agent"), RoleId("manager"));
}

}  // namespace
}  // namespace ccteam
