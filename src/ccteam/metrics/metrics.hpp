#pragma once
// Team performance from call-detail records: the figures a team lead and a manager watch, per
// agent, team, queue or interval, under works-council rules. Pure: records come in one at a
// time (constant memory in the number of records), a report comes out; no I/O, no clock.
//
// Definitions (per group of calls; "inbound" calls only for the queue figures):
//   offered      inbound calls that reached the queue.
//   answered     inbound calls an agent took; abandoned = offered - answered. A short abandon
//                hung up within 'short_abandon' seconds (default 5 s) and is counted apart.
//   service level  answered within the target / denominator, the denominator chosen as in the
//                planner (staffing::SlDefinition): offered, answered, or offered minus short
//                abandons (here: abandons within 'short_abandon').
//   ASA          (staffing::AsaDefinition) mean wait of answered calls, or mean time in queue
//                of answered and abandoned callers together.
//   AHT          talk + hold + after-call work per handled call (inbound answered and outbound
//                reached calls with a known talk time), with its three parts. A part the
//                source does not record (CallRecord::recorded) is absent, and the AHT is then
//                made of the parts recorded (the Anonymous Bank file: talk only).
//   transfer / escalation rate   handled calls with at least one transfer / with an
//                escalation target, over handled calls whose source records transfers /
//                escalations (absent when none does).
//   repeat rate  share of contacts (of customers with a known id) followed by another contact
//                of the same customer within 'repeat_window' (default 7 days); first-contact
//                resolution is 1 - repeat rate (the usual proxy, e.g. COPC). The repeat is
//                charged to the group of the earlier contact. Needs records in time order per
//                customer; memory grows with the number of customers, not of records.
//   conversion   sales made / sales offers.
//   quality, satisfaction   means of the scores given.
// Every ratio is absent (std::nullopt) when its denominator is 0.
//
// Works-council rules (BetrVG § 87(1) no. 6; the defaults are the cautious ones):
//   - agent ids are pseudonymised (keyed hash, metrics/pseudonym.hpp) unless 'pseudonymise' is
//     false;
//   - a row to which fewer than 'min_group' distinct agents (default 5) contributed shows its
//     queue figures (offered, answered, abandoned, service level, ASA) but not the figures
//     that measure agents (AHT and its parts, transfer, escalation, repeat, conversion,
//     quality, satisfaction): 'suppressed' is set and those fields are absent;
//   - grouping by agent needs a team filter (the view of that team's lead); the rows are then
//     per agent by design, and the group-size rule applies to the team: a team of fewer than
//     'min_group' agents has its agent figures hidden in every row and the total, as its row in
//     the view by team does;
//   - 'retention_cutoff': records offered before it are not counted (reported as skipped).
//
// Trends and outliers:
//   - by interval: each row is compared with the row of the same wall-clock interval one week
//     earlier (weekly seasonality dominates call volumes; Brown et al. 2005, JASA 100:36-50,
//     section 4); by agent, team or queue: the last calendar week of the data (Monday to
//     Sunday, wall-clock) against the week before.
//   - outliers: a row's offered calls, AHT, service level or abandonment share is flagged
//     when its modified z-score 0.6745 (x - median) / MAD exceeds 3.5 in absolute value
//     (Iglewicz & Hoaglin 1993, "How to Detect and Handle Outliers", ASQC), against its peers:
//     rows with the same time of day (intervals shorter than a day) or all rows (day, week,
//     agent, team, queue). Needs at least 5 peers with a value and a MAD above 0.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ccteam/core/error.hpp"
#include "ccteam/metrics/call_record.hpp"
#include "ccteam/staffing/erlang.hpp"

namespace ccteam::metrics {

enum class GroupBy : std::uint8_t { agent, team, queue, interval };

inline constexpr std::chrono::seconds k_day{86'400};
inline constexpr std::chrono::seconds k_week{604'800};

struct MetricsOptions {
  GroupBy by = GroupBy::interval;
  // Length of an interval row: 15, 30 or 60 minutes, a day or a week (weeks start on Monday).
  std::chrono::seconds interval{1800};
  Seconds service_target{20};  // "answered within" time of the service level
  staffing::Definitions definitions;
  Seconds short_abandon{5};
  std::chrono::days repeat_window{7};
  int min_group = 5;
  std::string team_filter;  // empty: all teams; required for GroupBy::agent
  bool pseudonymise = true;
  std::string pseudonym_key;  // the HMAC key (see Pseudonymizer)
  std::optional<LocalTime> retention_cutoff;
};

// Sums over the calls of a group; ratios are derived from them.
struct Tally {
  long offered = 0, answered = 0, abandoned = 0, short_abandoned = 0;
  long answered_within_target = 0;
  double wait_answered_s = 0, wait_abandoned_s = 0;
  long handled = 0;  // handled calls with a known talk time
  double talk_s = 0, hold_s = 0, wrap_s = 0;
  long hold_n = 0, wrap_n = 0;  // of 'handled', those whose source records hold / wrap
  long handled_all = 0;         // handled calls, talk time known or not
  long outbound = 0;
  long transferred = 0, escalated = 0;
  long transfers_n = 0, escalation_n = 0;  // of 'handled_all', those whose source records it
  long contacts = 0, repeated = 0;
  long sale_offers = 0, sales = 0;
  long quality_n = 0, satisfaction_n = 0;
  double quality_sum = 0, satisfaction_sum = 0;

  void add(const Tally& other);
};

// The figures of one row, derived from a Tally under the options.
struct Figures {
  long offered = 0, answered = 0, abandoned = 0, short_abandoned = 0, outbound = 0;
  std::optional<double> abandon_share;  // abandoned / offered
  std::optional<double> service_level;
  std::optional<Seconds> asa;
  std::optional<Seconds> aht, talk, hold, wrap;
  std::optional<double> transfer_rate, escalation_rate, repeat_rate, conversion;
  std::optional<double> quality, satisfaction;
};

Figures figures(const Tally& t, const MetricsOptions& o, bool suppress_agent_figures);

struct Trend {
  std::optional<double> offered_change;        // relative: (now - before) / before
  std::optional<double> aht_change;            // relative
  std::optional<double> service_level_change;  // in points of share (0.05 = 5 points)
};

struct MetricsRow {
  std::string key;                 // agent (pseudonym), team or queue; for intervals empty
  std::optional<LocalTime> start;  // interval rows: wall-clock start
  int agents = 0;                  // distinct agents who handled calls in the row
  bool suppressed = false;         // agent figures hidden (fewer than min_group agents)
  Figures figures;
  Trend trend;
  std::vector<std::string> outliers;  // "offered", "aht", "service_level", "abandon_share"
  // From an agent-state log (metrics/agent_states.hpp, attach_states); absent without one.
  std::optional<double> occupancy, adherence;
  bool states_suppressed = false;  // fewer than min_group agents in the state log's row
};

struct MetricsReport {
  MetricsOptions options;        // as used (the key is cleared)
  std::vector<MetricsRow> rows;  // in time order (intervals) or by key
  MetricsRow total;              // every counted call
  long records = 0;              // records counted
  long filtered_out = 0;         // records of other teams (team filter)
  long beyond_retention = 0;     // records older than the retention cutoff
  long without_agent = 0;        // by agent: handled records with no agent id
};

// Checks options: interval 15/30/60 min, a day or a week; min_group >= 1; non-negative
// times; GroupBy::agent only with a team filter (MsgId::metrics_agent_needs_team).
Result<void> check_options(const MetricsOptions& options);

// Streams records into per-group tallies. add() is O(1) amortised per record.
class MetricsBuilder {
 public:
  explicit MetricsBuilder(MetricsOptions options);  // options must pass check_options
  ~MetricsBuilder();
  MetricsBuilder(const MetricsBuilder&) = delete;
  MetricsBuilder& operator=(const MetricsBuilder&) = delete;

  void add(const CallRecord& record);
  MetricsReport finish();

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

// Start of the interval (or day, or Monday-started week) that contains 't'.
LocalTime interval_start(LocalTime t, std::chrono::seconds interval);

}  // namespace ccteam::metrics
