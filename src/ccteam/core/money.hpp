#pragma once
// Money: an exact amount in a currency's minor units (cents), never a bare double.

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam {

// An ISO 4217 currency, checked against ICU's list of current and historic currencies.
class Currency {
 public:
  // Parses a three-letter code ("EUR", "usd"). Fails with ErrorKind::invalid_input and
  // MsgId::unknown_currency when ISO 4217 (as ICU knows it) has no such code.
  static Result<Currency> parse(std::string_view code);

  std::string_view code() const { return {m_code.data(), 3}; }
  // Digits after the decimal point in the minor unit: 2 for EUR and USD, 0 for JPY.
  int minor_digits() const { return m_minor_digits; }

  bool operator==(const Currency& other) const { return code() == other.code(); }

 private:
  std::array<char, 4> m_code{};
  int m_minor_digits = 2;
};

struct Money {
  std::int64_t minor = 0;  // amount in minor units: 3'200'000 for USD 32,000.00
  Currency currency;

  // Compares amounts; both sides must have the same currency (checked by the caller).
  auto operator<=>(const Money& other) const { return minor <=> other.minor; }
  bool operator==(const Money& other) const {
    return minor == other.minor && currency == other.currency;
  }
};

// Parses a plain decimal amount in major units ("32000", "15.5", "12.82") into Money.
// Rejects signs, exponents, thousands separators, more decimals than the currency's minor
// unit, and amounts whose minor units overflow int64 (ErrorKind::invalid_input).
Result<Money> money_from_decimal(std::string_view text, Currency currency);

// The amount as a plain decimal in major units with 'decimal_mark': "2400.50" ('.'),
// "2400,50" (','), "2400" when the minor units are zero; no digit groups. Reads back with
// money_from_decimal (decimal_mark '.').
std::string decimal_text(const Money& money, char decimal_mark = '.');

// The amount in major units as a double, for computations that need one (budgets).
double to_major(const Money& money);

// Whether an amount shows its minor units when they are zero: not in prose and budgets
// ("32.000 $"), always in a column of amounts that have cents ("69,00 €" above "69,73 €").
enum class MinorUnits { when_not_zero, always };

// The amount formatted for people, by ICU, in the conventions of 'lang':
// en "$32,000", de "32.000 $"; minor units are shown only when not zero ("12,82 €"), or always.
std::string format_money(const Money& money, Lang lang,
                         MinorUnits minor = MinorUnits::when_not_zero);

// The amount formatted by format_money in every language, for a Message argument that render
// shows in the message's language ("USD 7.25" is never shown to a German reader).
LocalizedText format_money_localized(const Money& money);

}  // namespace ccteam
