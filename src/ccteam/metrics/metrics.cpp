#include "ccteam/metrics/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "ccteam/metrics/pseudonym.hpp"

namespace ccteam::metrics {

namespace {

using std::chrono::days;
using std::chrono::seconds;

// 1970-01-01 was a Thursday; the first Monday is 4 days later.
constexpr seconds k_monday_offset = days{4};

long floor_div(long a, long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

long week_index(LocalTime t) {
  return floor_div((t.time_since_epoch() - k_monday_offset).count(), k_week.count());
}

// Distinct agents as a bit set over the agent numbers of MetricsBuilder::State::agent_ids (one
// hash per record for the id instead of one per group it enters).
class AgentSet {
 public:
  void insert(std::size_t agent) {
    std::size_t word = agent / 64;
    if (word >= m_bits.size()) m_bits.resize(word + 1, 0);
    std::uint64_t bit = std::uint64_t{1} << (agent % 64);
    if ((m_bits[word] & bit) == 0) {
      m_bits[word] |= bit;
      ++m_count;
    }
  }
  std::size_t size() const { return m_count; }

 private:
  std::vector<std::uint64_t> m_bits;
  std::size_t m_count = 0;
};

struct Group {
  Tally total;
  std::map<long, Tally> by_week;  // named groups only (for the trend)
  AgentSet agents;
  std::optional<LocalTime> start;
};

struct LastContact {
  UtcTime when;
  Group* group = nullptr;
  long week = 0;
};

void count(Tally& t, const CallRecord& r, const MetricsOptions& o) {
  bool handled = r.outcome == Outcome::answered;
  if (r.direction == Direction::inbound) {
    ++t.offered;
    if (handled) {
      ++t.answered;
      t.wait_answered_s += r.wait.count();
      if (r.wait <= o.service_target) ++t.answered_within_target;
    } else {
      ++t.abandoned;
      t.wait_abandoned_s += r.wait.count();
      if (r.wait < o.short_abandon) ++t.short_abandoned;
    }
  } else {
    ++t.outbound;
  }
  if (handled) {
    ++t.handled_all;
    if (r.talk) {
      ++t.handled;
      t.talk_s += r.talk->count();
      if (r.recorded.hold) {
        ++t.hold_n;
        t.hold_s += r.hold.count();
      }
      if (r.recorded.wrap) {
        ++t.wrap_n;
        t.wrap_s += r.wrap.count();
      }
    }
    if (r.recorded.transfers) {
      ++t.transfers_n;
      if (r.transfers > 0) ++t.transferred;
    }
    if (r.recorded.escalation) {
      ++t.escalation_n;
      if (!r.escalated_to.empty()) ++t.escalated;
    }
  }
  if (r.sale != Sale::none) ++t.sale_offers;
  if (r.sale == Sale::made) ++t.sales;
  if (r.quality) {
    ++t.quality_n;
    t.quality_sum += *r.quality;
  }
  if (r.satisfaction) {
    ++t.satisfaction_n;
    t.satisfaction_sum += *r.satisfaction;
  }
  if (!r.customer_id.empty()) ++t.contacts;
}

std::optional<double> ratio(double a, double b) {
  if (b <= 0) return std::nullopt;
  return a / b;
}
// Counts as doubles (exact below 2^53).
template <class A, class B>
std::optional<double> ratio_of(A a, B b) {
  return ratio(static_cast<double>(a), static_cast<double>(b));
}

std::optional<double> median(std::vector<double> v) {
  if (v.empty()) return std::nullopt;
  std::ranges::sort(v);
  std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::optional<double> metric_value(const Figures& f, const std::string& name) {
  if (name == "offered") return f.offered > 0 ? std::optional<double>(f.offered) : std::nullopt;
  if (name == "aht") return f.aht ? std::optional<double>(f.aht->count()) : std::nullopt;
  if (name == "service_level") return f.service_level;
  return f.abandon_share;
}

// Flags modified z-scores above 3.5 (Iglewicz & Hoaglin 1993) among each peer set.
void flag_outliers(std::vector<MetricsRow>& rows, const std::vector<long>& peer_of) {
  std::map<long, std::vector<std::size_t>> peers;
  for (std::size_t i = 0; i < rows.size(); ++i) peers[peer_of[i]].push_back(i);
  for (const char* name : {"offered", "aht", "service_level", "abandon_share"}) {
    for (const auto& [peer, members] : peers) {
      std::vector<double> values;
      for (std::size_t i : members) {
        if (auto v = metric_value(rows[i].figures, name)) values.push_back(*v);
      }
      if (values.size() < 5) continue;
      double med = *median(values);
      std::vector<double> deviations;
      for (double v : values) deviations.push_back(std::abs(v - med));
      double mad = *median(deviations);
      if (mad <= 0) continue;
      for (std::size_t i : members) {
        auto v = metric_value(rows[i].figures, name);
        if (v && std::abs(0.6745 * (*v - med) / mad) > 3.5) rows[i].outliers.push_back(name);
      }
    }
  }
}

Trend trend(const Figures& now, const Figures& before) {
  Trend t;
  if (before.offered > 0)
    t.offered_change = *ratio_of(now.offered - before.offered, before.offered);
  if (now.aht && before.aht && before.aht->count() > 0)
    t.aht_change = (now.aht->count() - before.aht->count()) / before.aht->count();
  if (now.service_level && before.service_level)
    t.service_level_change = *now.service_level - *before.service_level;
  return t;
}

}  // namespace

void Tally::add(const Tally& o) {
  offered += o.offered;
  answered += o.answered;
  abandoned += o.abandoned;
  short_abandoned += o.short_abandoned;
  answered_within_target += o.answered_within_target;
  wait_answered_s += o.wait_answered_s;
  wait_abandoned_s += o.wait_abandoned_s;
  handled += o.handled;
  talk_s += o.talk_s;
  hold_s += o.hold_s;
  wrap_s += o.wrap_s;
  hold_n += o.hold_n;
  wrap_n += o.wrap_n;
  handled_all += o.handled_all;
  outbound += o.outbound;
  transferred += o.transferred;
  escalated += o.escalated;
  transfers_n += o.transfers_n;
  escalation_n += o.escalation_n;
  contacts += o.contacts;
  repeated += o.repeated;
  sale_offers += o.sale_offers;
  sales += o.sales;
  quality_n += o.quality_n;
  satisfaction_n += o.satisfaction_n;
  quality_sum += o.quality_sum;
  satisfaction_sum += o.satisfaction_sum;
}

Figures figures(const Tally& t, const MetricsOptions& o, bool suppress_agent_figures) {
  using staffing::AsaDefinition;
  using staffing::SlDefinition;
  Figures f;
  f.offered = t.offered;
  f.answered = t.answered;
  f.abandoned = t.abandoned;
  f.short_abandoned = t.short_abandoned;
  f.outbound = t.outbound;
  f.abandon_share = ratio_of(t.abandoned, t.offered);
  double within = static_cast<double>(t.answered_within_target);
  switch (o.definitions.service_level) {
    case SlDefinition::over_offered:
      f.service_level = ratio_of(within, t.offered);
      break;
    case SlDefinition::over_answered:
      f.service_level = ratio_of(within, t.answered);
      break;
    case SlDefinition::over_offered_minus_short_abandons:
      f.service_level = ratio_of(within, t.offered - t.short_abandoned);
      break;
  }
  std::optional<double> asa =
      o.definitions.asa == AsaDefinition::over_answered
          ? ratio_of(t.wait_answered_s, t.answered)
          : ratio_of(t.wait_answered_s + t.wait_abandoned_s, t.answered + t.abandoned);
  if (asa) f.asa = Seconds{*asa};
  if (suppress_agent_figures) return f;
  if (t.handled > 0) {
    // Each part per call of those that record it; the AHT adds the parts recorded.
    double n = static_cast<double>(t.handled);
    f.talk = Seconds{t.talk_s / n};
    if (t.hold_n > 0) f.hold = Seconds{t.hold_s / static_cast<double>(t.hold_n)};
    if (t.wrap_n > 0) f.wrap = Seconds{t.wrap_s / static_cast<double>(t.wrap_n)};
    f.aht = *f.talk + f.hold.value_or(Seconds{0}) + f.wrap.value_or(Seconds{0});
  }
  f.transfer_rate = ratio_of(t.transferred, t.transfers_n);
  f.escalation_rate = ratio_of(t.escalated, t.escalation_n);
  f.repeat_rate = ratio_of(t.repeated, t.contacts);
  f.conversion = ratio_of(t.sales, t.sale_offers);
  f.quality = ratio_of(t.quality_sum, t.quality_n);
  f.satisfaction = ratio_of(t.satisfaction_sum, t.satisfaction_n);
  return f;
}

LocalTime interval_start(LocalTime t, seconds interval) {
  long s = t.time_since_epoch().count();
  if (interval == k_week) {
    long offset = k_monday_offset.count();
    return LocalTime{seconds{floor_div(s - offset, interval.count()) * interval.count() + offset}};
  }
  return LocalTime{seconds{floor_div(s, interval.count()) * interval.count()}};
}

Result<void> check_options(const MetricsOptions& o) {
  long minutes = o.interval.count() / 60;
  bool interval_ok =
      o.interval == k_day || o.interval == k_week ||
      (o.interval.count() % 60 == 0 && (minutes == 15 || minutes == 30 || minutes == 60));
  if (!interval_ok)
    return fail(ErrorKind::usage, msg(MsgId::metrics_bad_interval, o.interval.count()));
  if (o.min_group < 1)
    return fail(ErrorKind::usage, msg(MsgId::metrics_bad_min_group, o.min_group));
  if (!(o.service_target.count() >= 0) || !(o.short_abandon.count() >= 0) ||
      o.repeat_window.count() < 0)
    return fail(ErrorKind::usage, msg(MsgId::metrics_bad_time_option));
  if (o.by == GroupBy::agent && o.team_filter.empty())
    return fail(ErrorKind::usage, msg(MsgId::metrics_agent_needs_team), {},
                msg(MsgId::metrics_hint_agent_needs_team));
  return {};
}

struct MetricsBuilder::State {
  MetricsOptions options;
  std::unordered_map<std::string, Group> named;
  std::map<long, Group> intervals;
  Group total;
  std::unordered_map<std::string, LastContact> last_contact;
  std::unordered_map<std::string, std::size_t> agent_ids;  // agent id -> number
  std::optional<long> last_week;
  MetricsReport report;
};

MetricsBuilder::MetricsBuilder(MetricsOptions options) : m_state(std::make_unique<State>()) {
  m_state->options = std::move(options);
}

MetricsBuilder::~MetricsBuilder() = default;

void MetricsBuilder::add(const CallRecord& r) {
  State& s = *m_state;
  const MetricsOptions& o = s.options;
  LocalTime local = r.local_offered();
  if (o.retention_cutoff && local < *o.retention_cutoff) {
    ++s.report.beyond_retention;
    return;
  }
  if (!o.team_filter.empty() && r.team != o.team_filter) {
    ++s.report.filtered_out;
    return;
  }
  ++s.report.records;
  long week = week_index(local);
  if (!s.last_week || week > *s.last_week) s.last_week = week;

  Group* group = nullptr;
  switch (o.by) {
    case GroupBy::agent:
      if (!r.agent.empty()) {
        group = &s.named[r.agent];
      } else if (r.outcome == Outcome::answered) {
        ++s.report.without_agent;
      }
      break;
    case GroupBy::team:
      group = &s.named[r.team];
      break;
    case GroupBy::queue:
      group = &s.named[r.queue];
      break;
    case GroupBy::interval: {
      LocalTime start = interval_start(local, o.interval);
      group = &s.intervals[start.time_since_epoch().count()];
      group->start = start;
      break;
    }
  }
  bool named = o.by != GroupBy::interval;
  count(s.total.total, r, o);
  std::optional<std::size_t> agent;
  if (r.outcome == Outcome::answered && !r.agent.empty()) {
    agent = s.agent_ids.try_emplace(r.agent, s.agent_ids.size()).first->second;
    s.total.agents.insert(*agent);
  }
  if (group != nullptr) {
    count(group->total, r, o);
    if (named) count(group->by_week[week], r, o);
    if (agent) group->agents.insert(*agent);
  }

  if (r.customer_id.empty()) return;
  auto [it, fresh] = s.last_contact.try_emplace(r.customer_id, LastContact{r.offered, group, week});
  if (fresh) return;
  LastContact& last = it->second;
  if (r.offered < last.when) return;  // out of order: not counted
  if (r.offered - last.when <= o.repeat_window) {
    ++s.total.total.repeated;
    if (last.group != nullptr) {
      ++last.group->total.repeated;
      if (named) ++last.group->by_week[last.week].repeated;
    }
  }
  last = LastContact{r.offered, group, week};
}

MetricsReport MetricsBuilder::finish() {
  State& s = *m_state;
  const MetricsOptions& o = s.options;
  MetricsReport report = std::move(s.report);
  report.options = o;
  report.options.pseudonym_key.clear();
  // By agent the rows are one team's agents: the team counts, as it does in the view by team
  // (a team of two shows no AHT there, so neither its agents nor its total may show it here).
  auto suppress = [&](const Group& g) {
    const Group& counted = o.by == GroupBy::agent ? s.total : g;
    return static_cast<int>(counted.agents.size()) < o.min_group;
  };
  auto make_row = [&](const Group& g) {
    MetricsRow row;
    row.agents = static_cast<int>(g.agents.size());
    row.suppressed = suppress(g);
    row.figures = figures(g.total, o, row.suppressed);
    row.start = g.start;
    return row;
  };
  std::vector<long> peer_of;
  if (o.by == GroupBy::interval) {
    std::map<long, std::size_t> index;
    for (const auto& [start, g] : s.intervals) {
      index[start] = report.rows.size();
      report.rows.push_back(make_row(g));
      long time_of_day = floor_div(start, k_day.count()) * k_day.count();
      peer_of.push_back(o.interval < k_day ? start - time_of_day : 0);
    }
    for (auto& row : report.rows) {
      long before = row.start->time_since_epoch().count() - k_week.count();
      if (auto it = index.find(before); it != index.end())
        row.trend = trend(row.figures, report.rows[it->second].figures);
    }
  } else {
    Pseudonymizer pseudonym(s.options.pseudonym_key);
    for (auto& [key, g] : s.named) {
      MetricsRow row = make_row(g);
      row.key = o.by == GroupBy::agent && o.pseudonymise ? pseudonym(key) : key;
      if (s.last_week) {
        auto now = g.by_week.find(*s.last_week);
        auto before = g.by_week.find(*s.last_week - 1);
        if (now != g.by_week.end() && before != g.by_week.end()) {
          row.trend = trend(figures(now->second, o, row.suppressed),
                            figures(before->second, o, row.suppressed));
        }
      }
      report.rows.push_back(std::move(row));
    }
    std::ranges::sort(report.rows, {}, &MetricsRow::key);
    peer_of.assign(report.rows.size(), 0);
  }
  flag_outliers(report.rows, peer_of);
  report.total = make_row(s.total);
  return report;
}

}  // namespace ccteam::metrics
