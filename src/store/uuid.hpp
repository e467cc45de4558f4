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

// A new version-7 UUID for the instant 'unix_millis' with 74 random bits from the operating
// system's generator. Ids made in the same millisecond by one process still sort in order.
Uuid new_uuid_v7(std::int64_t unix_millis);

}  // namespace ccteam::store
