#pragma once
// ISO 8601 times with a zone, as our CSV formats write them (internal to src/io; used by the
// call-record and agent-state readers).

#include <chrono>
#include <optional>
#include <string_view>

#include "ccteam/metrics/call_record.hpp"

namespace ccteam::io::detail {

namespace chr = std::chrono;
using metrics::LocalTime;

struct Stamp {
  LocalTime local;
  chr::seconds offset;
  chr::sys_seconds utc() const { return chr::sys_seconds{local.time_since_epoch() - offset}; }
};

inline std::optional<int> digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// ISO 8601 "YYYY-MM-DDTHH:MM:SS" (or a space for T) followed by "Z" or "+HH:MM" / "-HH:MM"
// (also "+HHMM"). Returns nullopt when malformed; 'missing_zone' is set when only the zone is
// missing.
inline std::optional<Stamp> parse_stamp(std::string_view s, bool& missing_zone) {
  missing_zone = false;
  if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
      s[13] != ':' || s[16] != ':')
    return std::nullopt;
  auto y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  auto h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
  if (!y || !mo || !d || !h || !mi || !se || *h > 23 || *mi > 59 || *se > 59) return std::nullopt;
  chr::year_month_day ymd{chr::year{*y}, chr::month{static_cast<unsigned>(*mo)},
                          chr::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  std::string_view zone = s.substr(19);
  chr::seconds offset{0};
  if (zone.empty()) {
    missing_zone = true;
    return std::nullopt;
  }
  if (zone != "Z") {
    if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
    std::optional<int> zh = digits(zone, 1, 2), zm;
    if (zone.size() == 6 && zone[3] == ':')
      zm = digits(zone, 4, 2);
    else if (zone.size() == 5)
      zm = digits(zone, 3, 2);
    if (!zh || !zm || *zh > 14 || *zm > 59) return std::nullopt;
    offset = chr::hours{*zh} + chr::minutes{*zm};
    if (zone[0] == '-') offset = -offset;
  }
  LocalTime local{chr::local_days{ymd}.time_since_epoch() + chr::hours{*h} + chr::minutes{*mi} +
                  chr::seconds{*se}};
  return Stamp{local, offset};
}

}  // namespace ccteam::io::detail
