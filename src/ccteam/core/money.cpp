#include "ccteam/core/money.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <set>

#include <unicode/localpointer.h>
#include <unicode/numberformatter.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>

namespace ccteam {

namespace {

// ISO 4217 codes known to ICU, current and historic, read once.
const std::set<std::string>& iso_currencies() {
  static const std::set<std::string> codes = [] {
    std::set<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration* all = ucurr_openISOCurrencies(UCURR_ALL, &status);
    if (U_FAILURE(status)) return out;
    const char* code = nullptr;
    while ((code = uenum_next(all, nullptr, &status)) != nullptr && U_SUCCESS(status)) {
      out.insert(code);
    }
    uenum_close(all);
    return out;
  }();
  return codes;
}

}  // namespace

Result<Currency> Currency::parse(std::string_view code) {
  std::string upper(code);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  });
  if (upper.size() != 3 || !iso_currencies().contains(upper)) {
    return fail(ErrorKind::invalid_input, msg(MsgId::unknown_currency, code), {},
                msg(MsgId::hint_currency));
  }
  Currency currency;
  std::copy(upper.begin(), upper.end(), currency.m_code.begin());
  std::array<UChar, 4> wide{};
  std::copy(upper.begin(), upper.end(), wide.begin());
  UErrorCode status = U_ZERO_ERROR;
  int32_t digits = ucurr_getDefaultFractionDigits(wide.data(), &status);
  currency.m_minor_digits = U_SUCCESS(status) ? digits : 2;
  return currency;
}

Result<Money> money_from_decimal(std::string_view text, Currency currency) {
  auto bad = [&] {
    return fail(ErrorKind::invalid_input, msg(MsgId::bad_amount, text), {},
                msg(MsgId::hint_amount, currency.minor_digits()));
  };
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) return bad();
  if (fraction.size() > static_cast<std::size_t>(currency.minor_digits())) return bad();
  auto all_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(whole) || !all_digits(fraction)) return bad();

  std::int64_t major = 0;
  auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), major);
  if (ec != std::errc{} || end != whole.data() + whole.size()) return bad();
  std::int64_t scale = 1;
  for (int i = 0; i < currency.minor_digits(); ++i) scale *= 10;
  if (major > std::numeric_limits<std::int64_t>::max() / scale - 1) return bad();

  std::int64_t minor_part = 0;
  std::int64_t place = scale;
  for (char c : fraction) {
    place /= 10;
    minor_part += (c - '0') * place;
  }
  return Money{major * scale + minor_part, currency};
}

std::string decimal_text(const Money& money, char decimal_mark) {
  int digits = money.currency.minor_digits();
  std::int64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  std::int64_t major = money.minor / scale;
  std::int64_t minor = money.minor % scale;
  std::string out = (money.minor < 0 && major == 0) ? "-" : "";
  out += std::to_string(major);
  if (minor == 0) return out;
  std::string fraction = std::to_string(minor < 0 ? -minor : minor);
  out += decimal_mark;
  out.append(static_cast<std::size_t>(digits) - fraction.size(), '0');
  out += fraction;
  return out;
}

double to_major(const Money& money) {
  double scale = 1;
  for (int i = 0; i < money.currency.minor_digits(); ++i) scale *= 10;
  return static_cast<double>(money.minor) / scale;
}

std::string format_money(const Money& money, Lang lang, MinorUnits minor) {
  namespace num = icu::number;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString code(money.currency.code().data(), 3, US_INV);
  icu::CurrencyUnit unit(code.getTerminatedBuffer(), status);
  if (U_FAILURE(status)) return std::to_string(to_major(money));
  std::int64_t scale = 1;
  for (int i = 0; i < money.currency.minor_digits(); ++i) scale *= 10;
  bool whole = minor == MinorUnits::when_not_zero && money.minor % scale == 0;
  auto base = num::NumberFormatter::withLocale(lang == Lang::de ? "de_DE" : "en_US").unit(unit);
  // Whole amounts without ",00" (unless asked for); others with the currency's minor digits.
  auto formatter = whole ? base.precision(num::Precision::integer())
                         : base.precision(num::Precision::currency(UCURR_USAGE_STANDARD));
  icu::UnicodeString text = formatter.formatDouble(to_major(money), status).toString(status);
  if (U_FAILURE(status)) return std::to_string(to_major(money));
  std::string out;
  text.toUTF8String(out);
  return out;
}

LocalizedText format_money_localized(const Money& money) {
  return LocalizedText{format_money(money, Lang::en), format_money(money, Lang::de)};
}

}  // namespace ccteam
