// The agent-state log and the schedule (docs/agent-states-format.md).
#include "io/metrics/agent_states_csv.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "io/base/csv_splitter.hpp"
#include "io/base/iso_stamp.hpp"

namespace ccteam::io {

namespace {

using metrics::Activity;
using metrics::AgentState;
using metrics::ScheduleBlock;
using metrics::StateSpan;

// The columns of both files; each file allows its own subset.
enum Col : std::uint8_t { agent, team, state, activity, start, end, duration, count_ };
constexpr std::array<std::string_view, count_> k_names = {
    "agent", "team", "state", "activity", "start", "end", "duration_seconds"};

enum class Kind : std::uint8_t { states, schedule };

std::optional<AgentState> state_of(std::string_view v) {
  if (v == "available") return AgentState::available;
  if (v == "on_call" || v == "on call" || v == "on-call") return AgentState::on_call;
  if (v == "wrap_up" || v == "wrap-up" || v == "wrap up") return AgentState::wrap_up;
  if (v == "break") return AgentState::break_;
  if (v == "other" || v == "logged_in" || v == "logged in") return AgentState::other;
  return std::nullopt;
}

std::optional<Activity> activity_of(std::string_view v) {
  if (v == "work") return Activity::work;
  if (v == "break") return Activity::break_;
  if (v == "other") return Activity::other;
  return std::nullopt;
}

class Parser final : public CallParser, private CsvSink {
 public:
  Parser(Kind kind, std::string file, std::size_t max_errors)
      : m_kind(kind), m_file(std::move(file)), m_max_errors(max_errors) {}

  StateSink on_span;
  std::vector<ScheduleBlock>* blocks = nullptr;

  void feed(std::string_view chunk) override {
    if (!m_summary.unusable) m_splitter.feed(chunk, *this);
  }
  void finish() override {
    if (m_summary.unusable) return;
    m_splitter.finish(*this);
    if (!m_header_seen && !m_summary.unusable) give_up(0, msg(MsgId::metrics_empty_file));
  }
  const ReadSummary& summary() const override { return m_summary; }

 private:
  void reject(int line, Message message) {
    ++m_summary.skipped[message.id];
    if (m_summary.errors.size() < m_max_errors)
      m_summary.errors.push_back(
          Error{ErrorKind::invalid_input, std::move(message), SourcePos{m_file, line, 0, ""}, {}});
  }
  void give_up(int line, Message message, std::optional<Message> hint = {}) {
    m_summary.unusable = true;
    m_summary.errors.push_back(Error{ErrorKind::invalid_input, std::move(message),
                                     SourcePos{m_file, line, 0, ""}, std::move(hint)});
  }
  bool bad(Col c, MsgId id, std::string_view value) {
    reject(m_line, msg(id, std::string(k_names[c]), std::string(value)));
    return false;
  }
  std::string_view get(Col c) const {
    return m_index[c] < 0 ? std::string_view() : m_fields[static_cast<std::size_t>(m_index[c])];
  }

  void syntax_error(int line, int column, MsgId what) override {
    if (m_summary.unusable) return;
    if (!m_header_seen) return give_up(line, msg(what));
    ++m_summary.rows;
    ++m_summary.skipped[what];
    if (m_summary.errors.size() < m_max_errors)
      m_summary.errors.push_back(
          Error{ErrorKind::invalid_input, msg(what), SourcePos{m_file, line, column, ""}, {}});
  }

  void row(const CsvRow& r) override {
    if (m_summary.unusable) return;
    m_fields = r.fields;
    m_line = r.line;
    if (!m_header_seen) return header();
    ++m_summary.rows;
    if (m_fields.size() != m_width)
      return reject(m_line, msg(MsgId::csv_row_width, m_fields.size(), m_width));
    if (m_kind == Kind::states)
      span_row();
    else
      block_row();
  }

  void header() {
    m_header_seen = true;
    m_index.fill(-1);
    const bool states = m_kind == Kind::states;
    MsgId hint = states ? MsgId::states_hint_columns : MsgId::schedule_hint_columns;
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
      std::size_t k = 0;
      while (k < count_ && k_names[k] != m_fields[i]) ++k;
      bool allowed =
          k < count_ &&
          (states ? k != activity : (k == agent || k == activity || k == start || k == end));
      if (!allowed)
        return give_up(m_line, msg(MsgId::csv_unknown_column, std::string(m_fields[i])), msg(hint));
      if (m_index[k] >= 0)
        return give_up(m_line, msg(MsgId::metrics_duplicate_column, std::string(m_fields[i])));
      m_index[k] = static_cast<int>(i);
    }
    std::vector<Col> required = states ? std::vector<Col>{agent, state, start}
                                       : std::vector<Col>{agent, activity, start, end};
    for (Col c : required) {
      if (m_index[c] < 0)
        return give_up(m_line, msg(MsgId::metrics_missing_column, std::string(k_names[c])),
                       msg(hint));
    }
    if (states && m_index[end] < 0 && m_index[duration] < 0)
      return give_up(m_line, msg(MsgId::metrics_missing_column, "end"), msg(hint));
    m_width = m_fields.size();
  }

  bool stamp(Col c, std::optional<detail::Stamp>& out) {
    std::string_view v = get(c);
    out.reset();
    if (v.empty()) return true;
    bool missing_zone = false;
    out = detail::parse_stamp(v, missing_zone);
    if (out) return true;
    return bad(c, missing_zone ? MsgId::metrics_csv_no_zone : MsgId::metrics_csv_bad_time, v);
  }

  // The start and end of a row (end from 'end' or from start + duration_seconds).
  bool times(std::optional<detail::Stamp>& from, metrics::UtcTime& to_utc, double& length) {
    std::optional<detail::Stamp> to;
    if (!stamp(start, from) || !stamp(end, to)) return false;
    if (!from) return bad(start, MsgId::metrics_csv_missing, "");
    std::string_view d = get(duration);
    std::optional<double> seconds;
    if (!d.empty()) {
      double v = 0;
      auto [p, ec] = std::from_chars(d.data(), d.data() + d.size(), v);
      if (ec != std::errc{} || p != d.data() + d.size() || !std::isfinite(v) || v < 0)
        return bad(duration, MsgId::metrics_csv_bad_seconds, d);
      seconds = v;
    }
    if (!to && !seconds) return bad(end, MsgId::states_no_end, "");
    if (to) {
      if (to->utc() < from->utc()) return bad(end, MsgId::states_end_before_start, get(end));
      length = static_cast<double>((to->utc() - from->utc()).count());
      if (seconds && std::abs(*seconds - length) > 0.5)
        return bad(duration, MsgId::states_end_mismatch, d);
    } else {
      length = *seconds;
    }
    if (length > static_cast<double>(metrics::k_max_plausible_duration.count()))
      return bad(to ? end : duration, MsgId::states_implausible, to ? get(end) : d);
    to_utc = from->utc() + std::chrono::seconds{static_cast<long>(std::ceil(length))};
    return true;
  }

  void span_row() {
    StateSpan& s = m_span;
    s.agent.assign(get(agent));
    if (s.agent.empty()) return (void)bad(agent, MsgId::metrics_csv_missing, "");
    s.team.assign(get(team));
    auto st = state_of(get(state));
    if (!st) return (void)bad(state, MsgId::states_bad_word, get(state));
    s.state = *st;
    std::optional<detail::Stamp> from;
    metrics::UtcTime to{};
    double length = 0;
    if (!times(from, to, length)) return;
    s.start = from->utc();
    s.utc_offset = from->offset;
    s.duration = metrics::Seconds{length};
    s.source_line = m_line;
    ++m_summary.records;
    on_span(s);
  }

  void block_row() {
    ScheduleBlock b;
    b.agent.assign(get(agent));
    if (b.agent.empty()) return (void)bad(agent, MsgId::metrics_csv_missing, "");
    auto a = activity_of(get(activity));
    if (!a) return (void)bad(activity, MsgId::schedule_bad_word, get(activity));
    b.activity = *a;
    std::optional<detail::Stamp> from;
    double length = 0;
    if (!times(from, b.end, length)) return;
    b.start = from->utc();
    b.utc_offset = from->offset;
    b.source_line = m_line;
    ++m_summary.records;
    blocks->push_back(std::move(b));
  }

  Kind m_kind;
  std::string m_file;
  std::size_t m_max_errors;
  ReadSummary m_summary;
  CsvSplitter m_splitter;
  std::span<const std::string_view> m_fields;
  std::array<int, count_> m_index{};
  std::size_t m_width = 0;
  bool m_header_seen = false;
  int m_line = 0;
  StateSpan m_span;
};

}  // namespace

std::unique_ptr<CallParser> make_agent_state_parser(std::string file, StateSink sink,
                                                    std::size_t max_errors) {
  auto p = std::make_unique<Parser>(Kind::states, std::move(file), max_errors);
  p->on_span = std::move(sink);
  return p;
}

std::unique_ptr<CallParser> make_schedule_parser(std::string file, std::vector<ScheduleBlock>& out,
                                                 std::size_t max_errors) {
  auto p = std::make_unique<Parser>(Kind::schedule, std::move(file), max_errors);
  p->blocks = &out;
  return p;
}

ReadSummary parse_agent_states(std::string_view text, const std::string& file,
                               const StateSink& sink) {
  auto p = make_agent_state_parser(file, sink);
  p->feed(text);
  p->finish();
  return p->summary();
}

ReadSummary read_agent_states(const std::string& path, const StateSink& sink) {
  auto p = make_agent_state_parser(path == "-" ? std::string() : path, sink);
  return read_chunks(path, *p, {});
}

ReadSummary parse_schedule(std::string_view text, const std::string& file,
                           std::vector<ScheduleBlock>& out) {
  auto p = make_schedule_parser(file, out);
  p->feed(text);
  p->finish();
  return p->summary();
}

ReadSummary read_schedule(const std::string& path, std::vector<ScheduleBlock>& out) {
  auto p = make_schedule_parser(path == "-" ? std::string() : path, out);
  return read_chunks(path, *p, {});
}

}  // namespace ccteam::io
