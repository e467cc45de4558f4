#include "ccteam/core/date.hpp"

#include <charconv>

#include <fmt/format.h>

namespace ccteam {

namespace {

bool parse_digits(std::string_view text, std::size_t width, unsigned& out) {
  if (text.size() != width) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

tl::unexpected<Error> bad_date(std::string_view text) {
  return fail(ErrorKind::invalid_input, msg(MsgId::bad_date, text), {}, msg(MsgId::hint_date));
}

}  // namespace

Result<PartialDate> PartialDate::parse(std::string_view text) {
  unsigned year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!parse_digits(text.substr(0, 4), 4, year) || year < 1000) return bad_date(text);
  if (text.size() > 4) {
    if (text[4] != '-' || !parse_digits(text.substr(5, 2), 2, month)) return bad_date(text);
    if (month < 1 || month > 12) return bad_date(text);
  }
  if (text.size() > 7) {
    if (text[7] != '-' || !parse_digits(text.substr(8), 2, day)) return bad_date(text);
    Date full{std::chrono::year(static_cast<int>(year)), std::chrono::month(month),
              std::chrono::day(day)};
    if (!full.ok()) return bad_date(text);
  }
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return bad_date(text);
  return PartialDate{static_cast<int>(year), month, day};
}

Date PartialDate::earliest() const {
  return Date{std::chrono::year(year), std::chrono::month(month == 0 ? 1 : month),
              std::chrono::day(day == 0 ? 1 : day)};
}

Date PartialDate::latest() const {
  using namespace std::chrono;
  if (month == 0) return Date{std::chrono::year(year), December, std::chrono::day(31)};
  if (day == 0) {
    year_month_day_last last{std::chrono::year(year), month_day_last{std::chrono::month(month)}};
    return Date{last};
  }
  return earliest();
}

Result<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10) return bad_date(text);
  auto partial = PartialDate::parse(text);
  if (!partial) return tl::unexpected(partial.error());
  return partial->earliest();
}

std::string to_iso(const Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::string date_text(const Date& date, Lang lang) {
  if (lang == Lang::en) return to_iso(date);
  return fmt::format("{:02}.{:02}.{:04}", static_cast<unsigned>(date.day()),
                     static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
}

LocalizedText date_localized(const Date& date) {
  return LocalizedText{date_text(date, Lang::en), date_text(date, Lang::de)};
}

}  // namespace ccteam
