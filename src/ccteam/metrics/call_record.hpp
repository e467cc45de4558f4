#pragma once
// One call-detail record as every reader produces it (io/metrics/anonymous_bank_tsv,
// io/metrics/call_csv), in the units the metrics need. Times are kept twice: the instant (UTC, for
// waits and ordering) and the call center's wall-clock time at that instant (for intervals, days
// and weekdays).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace ccteam::metrics {

using Seconds = std::chrono::duration<double>;
using UtcTime = std::chrono::sys_seconds;      // an instant
using LocalTime = std::chrono::local_seconds;  // wall-clock time of the call center

// The longest wait, call, hold or after-call work we accept as real: 24 hours. A row beyond it
// (a typo in a date, an end time of 2099) would dominate every mean it enters, so the readers
// skip it with a reason (docs/call-records-format.md). No call-center call lasts a day.
inline constexpr std::chrono::seconds k_max_plausible_duration{86'400};

enum class Direction : std::uint8_t { inbound, outbound };
enum class Channel : std::uint8_t { phone, email, chat };

// What happened to the call.
enum class Outcome : std::uint8_t {
  answered,  // an agent took it (inbound) or the customer was reached (outbound)
  abandoned  // the caller hung up before an agent answered (inbound), or nobody was reached
};

// Whether a sales offer was made and taken.
enum class Sale : std::uint8_t { none, offered, made };

// Which of the optional fields the source records at all. A field it does not record (a CSV
// without the column, the Anonymous Bank file without hold, after-call work, transfers and
// escalations) is unknown, not zero: its figures are absent, never "0 %".
struct RecordedFields {
  bool hold = true, wrap = true, transfers = true, escalation = true;
};

struct CallRecord {
  std::string call_id;
  std::string customer_id;  // empty: unknown (no repeat-contact count for it)
  Direction direction = Direction::inbound;
  Channel channel = Channel::phone;
  std::string queue;  // empty: unknown
  std::string agent;  // empty: no agent (abandoned) or unknown
  std::string team;   // empty: unknown
  UtcTime offered{};  // when the call reached the queue (inbound) or was placed (outbound)
  std::chrono::seconds utc_offset{0};  // wall clock = instant + offset
  Outcome outcome = Outcome::answered;
  Seconds wait{0};  // offered until answered (answered) or until the caller hung up (abandoned)
  // Talk time (answered until ended, minus hold); unknown when the source lacks it (the
  // Anonymous Bank file has answered calls without a service time).
  std::optional<Seconds> talk;
  Seconds hold{0};           // on hold during the call
  Seconds wrap{0};           // after-call work
  std::string escalated_to;  // empty: not escalated
  int transfers = 0;
  Sale sale = Sale::none;
  std::optional<double> quality;       // quality-review score, as the source scores it
  std::optional<double> satisfaction;  // customer-satisfaction answer, as the source scores it
  int source_line = 0;                 // line in the file (1-based)
  RecordedFields recorded;             // what the source records (the same for all its rows)

  LocalTime local_offered() const { return LocalTime{offered.time_since_epoch() + utc_offset}; }
  // Handle time (talk + hold + wrap) when the talk time is known.
  std::optional<Seconds> handle() const {
    if (!talk) return std::nullopt;
    return *talk + hold + wrap;
  }
};

}  // namespace ccteam::metrics
