#include "io/staffing/plan_text.hpp"

#include <charconv>
#include <string>

#include <fmt/format.h>

#include "ccteam/core/date.hpp"
#include "ccteam/core/number_text.hpp"

#include "io/staffing/forecast_csv.hpp"

namespace ccteam::io {

using namespace ccteam::staffing;

std::optional<double> parse_decimal(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

Error unreadable_value(std::string_view name, std::string_view text, std::string_view expected) {
  Error e = Error::usage(msg(MsgId::plan_bad_argument_expected, name, text, expected));
  e.where.json_pointer = std::string(name);
  return e;
}

Result<ServiceLevelTarget> parse_service_level(std::string_view text, std::string_view name) {
  auto slash = text.find('/');
  auto pct = parse_decimal(text.substr(0, slash));
  // Assigned, not initialised from ?: (g++ 12 -O2 warns falsely of -Wmaybe-uninitialized).
  std::optional<double> sec;
  if (slash != std::string_view::npos) sec = parse_decimal(text.substr(slash + 1));
  if (!pct || !sec) return tl::unexpected(unreadable_value(name, text, "80/20"));
  // "0.8/20" is a share written where a percentage belongs: 0.8 % would plan almost no agents.
  if (*pct > 0 && *pct <= 1) {
    // Numbers in the reader's language ("0,8 %" in German), with "{:g}"'s 6 digits.
    auto number = [](double v) { return significant_text(v, 6); };
    Error e =
        Error::usage(msg(MsgId::plan_sl_fraction, name, text, number(*pct), number(*sec)),
                     msg(MsgId::hint_plan_sl_fraction, fmt::format("{:g}/{:g}", *pct * 100, *sec)));
    e.where.json_pointer = std::string(name);
    return tl::unexpected(std::move(e));
  }
  return ServiceLevelTarget{*pct / 100, Seconds{*sec}};
}

Result<double> parse_calls_per_day(std::string_view text, std::string_view name) {
  auto slash = text.find('/');
  auto calls = parse_decimal(text.substr(0, slash));
  if (!calls || slash == std::string_view::npos || text.substr(slash) != "/day") {
    return tl::unexpected(unreadable_value(name, text, "1200/day"));
  }
  return *calls;
}

std::optional<std::chrono::minutes> parse_clock_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto h = parse_decimal(s.substr(0, 2)), m = parse_decimal(s.substr(3, 2));
  if (!h || !m || *h < 0 || *h > 24 || *m < 0 || *m > 59) return std::nullopt;
  if (*h == 24 && *m > 0) return std::nullopt;  // 24:00 closes the day; 24:30 is no time
  return std::chrono::minutes{static_cast<int>(*h) * 60 + static_cast<int>(*m)};
}

Result<OpeningHours> parse_opening_hours(std::string_view text, std::string_view name) {
  auto dash = text.find('-');
  auto open = parse_clock_time(text.substr(0, dash));
  auto close =
      dash == std::string_view::npos ? std::nullopt : parse_clock_time(text.substr(dash + 1));
  if (!open || !close) return tl::unexpected(unreadable_value(name, text, "08:00-20:00"));
  return OpeningHours{*open, *close};
}

Result<SlDefinition> parse_sl_definition(std::string_view text, std::string_view name) {
  if (text == "offered") return SlDefinition::over_offered;
  if (text == "answered") return SlDefinition::over_answered;
  if (text == "offered-minus-short") return SlDefinition::over_offered_minus_short_abandons;
  return tl::unexpected(unreadable_value(name, text, "offered, answered, offered-minus-short"));
}

Result<AsaDefinition> parse_asa_definition(std::string_view text, std::string_view name) {
  if (text == "answered") return AsaDefinition::over_answered;
  if (text == "all") return AsaDefinition::over_all_callers;
  return tl::unexpected(unreadable_value(name, text, "answered, all"));
}

Result<TierMode> parse_tier_mode(std::string_view text, std::string_view name,
                                 TierMode listed_first) {
  if (text == "live") return TierMode::live;
  if (text == "deferred") return TierMode::deferred;
  return tl::unexpected(unreadable_value(
      name, text, listed_first == TierMode::live ? "live, deferred" : "deferred, live"));
}

std::string_view sl_definition_text(SlDefinition definition) {
  switch (definition) {
    case SlDefinition::over_answered:
      return "answered";
    case SlDefinition::over_offered_minus_short_abandons:
      return "offered-minus-short";
    case SlDefinition::over_offered:
      break;
  }
  return "offered";
}

std::string_view asa_definition_text(AsaDefinition definition) {
  return definition == AsaDefinition::over_all_callers ? "all" : "answered";
}

std::string opening_hours_text(std::chrono::minutes open, std::chrono::minutes close) {
  auto clock = [](std::chrono::minutes m) {
    return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60);
  };
  return clock(open) + "-" + clock(close);
}

std::string local_day_text(std::chrono::local_days day) {
  return to_iso(Date{std::chrono::sys_days{day.time_since_epoch()}});
}

Result<std::chrono::local_days> parse_local_day(std::string_view text, std::string_view name) {
  // Read as the forecast reader reads an interval start, so that both accept the same dates.
  auto day = parse_forecast_csv(
      "interval_start,calls_offered,aht_seconds\n" + std::string(text) + "T00:00,0,1\n", "--date",
      Seconds{1800});
  if (!day) return tl::unexpected(unreadable_value(name, text, "2026-01-05"));
  return std::chrono::floor<std::chrono::days>(day->intervals.front().start);
}

}  // namespace ccteam::io
