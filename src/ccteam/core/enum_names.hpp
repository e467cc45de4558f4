#pragma once
// Closed vocabularies written as words in files ("full_time", "C1", "transposed"): one table of
// names per enum, in the enum's order, and the two look-ups every vocabulary needs.
//
//   constexpr std::array<std::string_view, 2> k_contract = {"permanent", "fixed_term"};
//   enum_from_name<Contract>(k_contract, "fixed_term")  // Contract::fixed_term
//   enum_name(k_contract, Contract::permanent)           // "permanent"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace ccteam {

// The enum value whose name is 'text' (exact, case-sensitive); nullopt for any other text.
template <class Enum, std::size_t N>
constexpr std::optional<Enum> enum_from_name(const std::array<std::string_view, N>& names,
                                             std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

// The name of 'value'; "?" for a value outside the table (never for a valid enum).
template <class Enum, std::size_t N>
constexpr std::string_view enum_name(const std::array<std::string_view, N>& names, Enum value) {
  auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view("?");
}

}  // namespace ccteam
