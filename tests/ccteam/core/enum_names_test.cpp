#include "ccteam/core/enum_names.hpp"

#include <gtest/gtest.h>

namespace ccteam {
namespace {

enum class Colour { red, green };
constexpr std::array<std::string_view, 2> k_colours = {"red", "green"};

TEST(EnumNames, NamesAndValuesRoundTrip) {
  EXPECT_EQ(enum_from_name<Colour>(k_colours, "green"), Colour::green);
  EXPECT_EQ(enum_from_name<Colour>(k_colours, "Green"), std::nullopt);  // case-sensitive
  EXPECT_EQ(enum_from_name<Colour>(k_colours, ""), std::nullopt);
  EXPECT_EQ(enum_name(k_colours, Colour::red), "red");
  EXPECT_EQ(enum_name(k_colours, static_cast<Colour>(7)), "?");
  static_assert(enum_from_name<Colour>(k_colours, "red") == Colour::red);
}

}  // namespace
}  // namespace ccteam
