#include "io/metrics/metrics_text.hpp"

#include <charconv>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

namespace ccteam::io {

using namespace ccteam::metrics;

Error unusable_value(std::string_view name, std::string_view text) {
  Error e = Error::usage(msg(MsgId::metrics_bad_argument, name, text));
  e.where.json_pointer = std::string(name);
  return e;
}

Error not_one_of(std::string_view name, std::string_view text, std::string_view allowed) {
  Error e = Error::usage(msg(MsgId::metrics_interval_choices, name, text, allowed));
  e.where.json_pointer = std::string(name);
  return e;
}

Result<GroupBy> parse_group_by(std::string_view text, std::string_view name) {
  if (text == "agent") return GroupBy::agent;
  if (text == "team") return GroupBy::team;
  if (text == "queue") return GroupBy::queue;
  if (text == "interval") return GroupBy::interval;
  return tl::unexpected(not_one_of(name, text, "agent, team, queue, interval"));
}

Result<std::chrono::seconds> parse_metrics_interval(std::string_view text, std::string_view name) {
  if (text == "15m" || text == "15") return std::chrono::minutes{15};
  if (text == "30m" || text == "30") return std::chrono::minutes{30};
  if (text == "60m" || text == "60" || text == "1h") return std::chrono::minutes{60};
  if (text == "day") return k_day;
  if (text == "week") return k_week;
  return tl::unexpected(not_one_of(name, text, "15m, 30m, 60m, day, week"));
}

Result<std::chrono::seconds> parse_utc_offset(std::string_view s, std::string_view name) {
  if (s == "Z" || s == "0") return std::chrono::seconds{0};
  auto bad = [&] {
    Error e = Error::usage(msg(MsgId::value_bad_utc_offset, name, s));
    e.where.json_pointer = std::string(name);
    return tl::unexpected(std::move(e));
  };
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return bad();
  int h = 0, m = 0;
  auto r1 = std::from_chars(s.data() + 1, s.data() + 3, h);
  auto r2 = std::from_chars(s.data() + 4, s.data() + 6, m);
  if (r1.ec != std::errc{} || r2.ec != std::errc{} || m > 59 || h * 60 + m > 14 * 60) return bad();
  std::chrono::seconds off = std::chrono::hours{h} + std::chrono::minutes{m};
  return s[0] == '-' ? -off : off;
}

Result<CallFormat> parse_call_format(std::string_view text, std::string_view name) {
  if (text == "bank") return CallFormat::anonymous_bank;
  if (text == "csv") return CallFormat::csv;
  return tl::unexpected(not_one_of(name, text, "bank, csv"));
}

std::string_view group_by_text(GroupBy by) {
  switch (by) {
    case GroupBy::agent:
      return "agent";
    case GroupBy::team:
      return "team";
    case GroupBy::queue:
      return "queue";
    case GroupBy::interval:
      break;
  }
  return "interval";
}

std::string metrics_interval_text(std::chrono::seconds interval) {
  if (interval == k_day) return "day";
  if (interval == k_week) return "week";
  return std::to_string(interval.count() / 60) + "m";
}

std::string utc_offset_text(std::chrono::seconds offset) {
  const long minutes = std::abs(offset.count()) / 60;
  return fmt::format("{}{:02}:{:02}", offset.count() < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

}  // namespace ccteam::io
