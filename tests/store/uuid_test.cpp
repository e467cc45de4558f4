// UUIDs: the text form, the version-7 layout of RFC 9562 and the order of new ids.
#include "store/uuid.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

namespace ccteam::store {
namespace {

// RFC 9562, appendix A.6: the example UUIDv7 for Tuesday, February 22, 2022 2:22:22.00 PM
// GMT-05:00, i.e. 1645557742000 ms = 0x017F22E279B0.
constexpr std::string_view k_rfc_example = "017f22e2-79b0-7cc3-98c4-dc0c0c07398f";
constexpr std::int64_t k_rfc_example_millis = 1645557742000;

// The generator is monotonic per process, so the tests below use instants in the past and in
// ascending order: the same binary makes ids with the real clock afterwards.

TEST(Uuid, ParsesAndPrintsTheRfcExample) {
  auto id = Uuid::parse(k_rfc_example);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->to_string(), k_rfc_example);
  EXPECT_EQ(id->bytes[0], 0x01);
  EXPECT_EQ(id->bytes[15], 0x8f);
  EXPECT_EQ(id->bytes[6] >> 4, 7);     // version
  EXPECT_EQ(id->bytes[8] >> 6, 0b10);  // variant
  EXPECT_EQ(uuid_v7_millis(*id), k_rfc_example_millis);
}

TEST(Uuid, ParsesUpperCaseAndPrintsLowerCase) {
  auto id = Uuid::parse("017F22E2-79B0-7CC3-98C4-DC0C0C07398F");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->to_string(), k_rfc_example);
}

TEST(Uuid, RejectsAnythingButTheCanonicalForm) {
  for (std::string_view bad :
       {"", "017f22e279b07cc398c4dc0c0c07398f", "017f22e2-79b0-7cc3-98c4-dc0c0c07398",
        "017f22e2-79b0-7cc3-98c4-dc0c0c07398f0", "017f22e2-79b0-7cc3-98c4_dc0c0c07398f",
        "017f22e2-79b0-7cc3-98c4-dc0c0c07398g", "{017f22e2-79b0-7cc3-98c4-dc0c0c0739}",
        "017f22e-279b0-7cc3-98c4-dc0c0c07398f"}) {
    EXPECT_FALSE(Uuid::parse(bad).has_value()) << bad;
  }
}

TEST(Uuid, NewIdsHaveTheVersion7LayoutAndTheirInstant) {
  Uuid id = new_uuid_v7(k_rfc_example_millis);
  EXPECT_EQ(uuid_v7_millis(id), k_rfc_example_millis);
  EXPECT_EQ(id.to_string().substr(0, 13), "017f22e2-79b0");
  EXPECT_EQ(id.bytes[6] >> 4, 7);
  EXPECT_EQ(id.bytes[8] >> 6, 0b10);
  auto round_trip = Uuid::parse(id.to_string());
  ASSERT_TRUE(round_trip.has_value());
  EXPECT_EQ(*round_trip, id);
}

TEST(Uuid, NewIdsSortByTime) {
  Uuid earlier = new_uuid_v7(1'650'000'000'000);
  Uuid later = new_uuid_v7(1'650'000'000'001);
  EXPECT_LT(earlier, later);
  EXPECT_LT(earlier.to_string(), later.to_string());  // the text sorts the same way
}

TEST(Uuid, IdsOfOneMillisecondStillSortInTheOrderMade) {
  constexpr std::int64_t k_millis = 1'660'000'000'000;
  std::vector<Uuid> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(new_uuid_v7(k_millis));  // more than rand_a holds
  for (std::size_t i = 1; i < ids.size(); ++i) ASSERT_LT(ids[i - 1], ids[i]) << i;
  // A clock that steps back does not break the order either.
  Uuid after_step_back = new_uuid_v7(k_millis - 1000);
  EXPECT_LT(ids.back(), after_step_back);
}

TEST(Uuid, ThreadsMakeDistinctIds) {
  constexpr int k_threads = 4;
  constexpr int k_each = 2000;
  std::vector<std::vector<Uuid>> made(k_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&made, t] {
      for (int i = 0; i < k_each; ++i)
        made[static_cast<std::size_t>(t)].push_back(new_uuid_v7(1'670'000'000'000));
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<Uuid> all;
  for (const auto& ids : made) {
    for (std::size_t i = 1; i < ids.size(); ++i) ASSERT_LT(ids[i - 1], ids[i]);
    all.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(all.size(), static_cast<std::size_t>(k_threads * k_each));
}

}  // namespace
}  // namespace ccteam::store
