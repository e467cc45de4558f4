#pragma once
// UUIDs (RFC 9562) as the workspace's ids. New ids are version 7: 48 bits of Unix milliseconds,
// then random bits, so they sort by creation time (good for B-tree indexes and keyset pages) and
// cannot be guessed or enumerated the way sequential ids can.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ccteam::store {

struct Uuid {
  std::array<std::uint8_t, 16> bytes{};

  // "0190f1a2-3b4c-7d5e-8f60-718293a4b5c6": lower-case, 36 characters.
  std::string to_string() const;
  // The canonical 36-character form (either case); nullopt for anything else.
  static std::optional<Uuid> parse(std::string_view text);

  friend bool operator==(const Uuid&, const Uuid&) = default;
  friend auto operator<=>(const Uuid&, const Uuid&) = default;
};

// A new version-7 UUID (RFC 9562, section 5.7) for the instant 'unix_millis' (milliseconds
// since 1970-01-01T00:00:00Z; clamped to the 48 bits the layout holds). Layout: 48 bits of
// milliseconds, version 7, a 12-bit counter (rand_a), variant 10, 62 random bits (rand_b).
// Ids made by one process sort in the order they were made (RFC 9562 section 6.2, method 1):
// the counter starts at a random value below 2048 in each new millisecond and counts up within
// it; an instant earlier than the last one used (the clock stepped back) and a counter that
// runs over both continue from the last millisecond, so the order holds. The random bits come
// from getrandom(2) (std::random_device when that fails). Thread-safe.
Uuid new_uuid_v7(std::int64_t unix_millis);

// The 48-bit millisecond timestamp of a version-7 UUID.
std::int64_t uuid_v7_millis(const Uuid& id);

}  // namespace ccteam::store
