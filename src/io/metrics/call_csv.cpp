// ccteam's own call-record CSV (docs/call-records-format.md), split incrementally by
// io/base/csv_splitter (fields are views into the input; see there why not libcsv).
#include <array>
#include <cmath>

#include "io/base/csv_splitter.hpp"
#include "io/base/iso_stamp.hpp"
#include "io/metrics/call_parser_base.hpp"

namespace ccteam::io {

namespace {

using namespace std::chrono;
using detail::parse_stamp;
using detail::Stamp;
using metrics::CallRecord;
using metrics::LocalTime;

enum class Col : std::uint8_t {
  call_id,
  customer_id,
  direction,
  channel,
  queue,
  agent,
  team,
  offered,
  answered,
  ended,
  hold_seconds,
  wrap_seconds,
  outcome,
  escalated_to,
  transfers,
  sale,
  quality,
  satisfaction,
  count_
};
constexpr std::size_t k_cols = static_cast<std::size_t>(Col::count_);
constexpr std::array<std::string_view, k_cols> k_names = {
    "call_id", "customer_id",  "direction", "channel", "queue",        "agent",
    "team",    "offered",      "answered",  "ended",   "hold_seconds", "wrap_seconds",
    "outcome", "escalated_to", "transfers", "sale",    "quality",      "satisfaction"};

std::optional<double> parse_decimal(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

class CallCsvParser final : public detail::ParserBase, private CsvSink {
 public:
  CallCsvParser(std::string file, RecordSink sink, CallReadOptions options)
      : ParserBase(std::move(file), std::move(sink), std::move(options)) {}

  void feed(std::string_view chunk) override {
    if (m_summary.unusable) return;
    m_splitter.feed(chunk, *this);
  }

  void finish() override {
    if (m_summary.unusable) return;
    m_splitter.finish(*this);
    if (!m_header_seen && !m_summary.unusable) give_up(0, 0, msg(MsgId::metrics_empty_file));
  }

 private:
  void row(const CsvRow& r) override {
    if (m_summary.unusable) return;
    m_fields = r.fields;
    m_row_line = r.line;
    if (!m_header_seen) {
      header();
      return;
    }
    record();
  }

  void syntax_error(int line, int column, MsgId what) override {
    if (m_summary.unusable) return;
    if (!m_header_seen) {
      give_up(line, column, msg(what));
      return;
    }
    ++m_summary.rows;
    reject(line, column, msg(what));
    if (m_splitter.stopped() && m_summary.records == 0) m_summary.unusable = true;
  }

  void header() {
    m_header_seen = true;
    m_index.fill(-1);
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
      std::string_view name = m_fields[i];
      std::size_t k = 0;
      while (k < k_cols && k_names[k] != name) ++k;
      if (k == k_cols) {
        give_up(m_row_line, 0, msg(MsgId::csv_unknown_column, std::string(name)),
                msg(MsgId::metrics_hint_csv_columns));
        return;
      }
      if (m_index[k] >= 0) {
        give_up(m_row_line, 0, msg(MsgId::metrics_duplicate_column, std::string(name)));
        return;
      }
      m_index[k] = static_cast<int>(i);
    }
    for (Col required : {Col::call_id, Col::offered, Col::outcome}) {
      if (m_index[static_cast<std::size_t>(required)] < 0) {
        give_up(m_row_line, 0,
                msg(MsgId::metrics_missing_column,
                    std::string(k_names[static_cast<std::size_t>(required)])),
                msg(MsgId::metrics_hint_csv_columns));
        return;
      }
    }
    m_width = m_fields.size();
    // A column the file does not have is a field its source does not record (unknown, not 0).
    auto has = [&](Col c) { return m_index[static_cast<std::size_t>(c)] >= 0; };
    m_record.recorded = metrics::RecordedFields{has(Col::hold_seconds), has(Col::wrap_seconds),
                                                has(Col::transfers), has(Col::escalated_to)};
  }

  std::string_view get(Col c) const {
    int i = m_index[static_cast<std::size_t>(c)];
    return i < 0 ? std::string_view() : m_fields[static_cast<std::size_t>(i)];
  }
  // Rejects the row naming the column; always returns false.
  bool bad(Col c, MsgId id, std::string_view value) {
    reject(m_row_line, 0,
           msg(id, std::string(k_names[static_cast<std::size_t>(c)]), std::string(value)));
    return false;
  }

  bool stamp(Col c, std::optional<Stamp>& out) {
    std::string_view v = get(c);
    out.reset();
    if (v.empty()) return true;
    bool missing_zone = false;
    out = parse_stamp(v, missing_zone);
    if (out) return true;
    return bad(c, missing_zone ? MsgId::metrics_csv_no_zone : MsgId::metrics_csv_bad_time, v);
  }
  bool seconds_field(Col c, metrics::Seconds& out) {
    std::string_view v = get(c);
    out = metrics::Seconds{0};
    if (v.empty()) return true;
    auto d = parse_decimal(v);
    if (!d || *d < 0) return bad(c, MsgId::metrics_csv_bad_seconds, v);
    out = metrics::Seconds{*d};
    if (out > metrics::k_max_plausible_duration) return bad(c, MsgId::metrics_csv_implausible, v);
    return true;
  }
  bool score(Col c, std::optional<double>& out) {
    std::string_view v = get(c);
    out.reset();
    if (v.empty()) return true;
    out = parse_decimal(v);
    if (!out) return bad(c, MsgId::metrics_csv_bad_number, v);
    return true;
  }

  void record() {
    ++m_summary.rows;
    if (m_fields.size() != m_width) {
      reject(m_row_line, 0, msg(MsgId::csv_row_width, m_fields.size(), m_width));
      return;
    }
    CallRecord& r = m_record;
    r.call_id.assign(get(Col::call_id));
    if (r.call_id.empty()) {
      bad(Col::call_id, MsgId::metrics_csv_missing, "");
      return;
    }
    r.customer_id.assign(get(Col::customer_id));
    r.queue.assign(get(Col::queue));
    r.agent.assign(get(Col::agent));
    r.team.assign(get(Col::team));
    r.escalated_to.assign(get(Col::escalated_to));
    std::string_view v = get(Col::direction);
    if (v.empty() || v == "inbound")
      r.direction = metrics::Direction::inbound;
    else if (v == "outbound")
      r.direction = metrics::Direction::outbound;
    else
      return (void)bad(Col::direction, MsgId::metrics_csv_bad_word, v);
    v = get(Col::channel);
    if (v.empty() || v == "phone")
      r.channel = metrics::Channel::phone;
    else if (v == "email" || v == "e-mail")
      r.channel = metrics::Channel::email;
    else if (v == "chat")
      r.channel = metrics::Channel::chat;
    else
      return (void)bad(Col::channel, MsgId::metrics_csv_bad_word, v);
    v = get(Col::outcome);
    if (v == "answered")
      r.outcome = metrics::Outcome::answered;
    else if (v == "abandoned")
      r.outcome = metrics::Outcome::abandoned;
    else
      return (void)bad(Col::outcome, MsgId::metrics_csv_bad_word, v);
    v = get(Col::sale);
    if (v.empty())
      r.sale = metrics::Sale::none;
    else if (v == "no")
      r.sale = metrics::Sale::offered;
    else if (v == "yes")
      r.sale = metrics::Sale::made;
    else
      return (void)bad(Col::sale, MsgId::metrics_csv_bad_word, v);
    v = get(Col::transfers);
    if (v.empty()) {
      r.transfers = 0;
    } else if (auto n = detail::parse_count(v)) {
      r.transfers = static_cast<int>(*n);
    } else {
      return (void)bad(Col::transfers, MsgId::metrics_csv_bad_number, v);
    }
    std::optional<Stamp> offered, answered, ended;
    if (!stamp(Col::offered, offered) || !stamp(Col::answered, answered) ||
        !stamp(Col::ended, ended))
      return;
    if (!offered) return (void)bad(Col::offered, MsgId::metrics_csv_missing, "");
    if (!seconds_field(Col::hold_seconds, r.hold) || !seconds_field(Col::wrap_seconds, r.wrap) ||
        !score(Col::quality, r.quality) || !score(Col::satisfaction, r.satisfaction))
      return;
    r.offered = offered->utc();
    r.utc_offset = offered->offset;
    r.talk.reset();
    if (r.outcome == metrics::Outcome::answered) {
      if (!answered) return (void)bad(Col::answered, MsgId::metrics_csv_answered_needs_time, "");
      if (answered->utc() < r.offered)
        return (void)bad(Col::answered, MsgId::metrics_csv_before_offered, get(Col::answered));
      r.wait = answered->utc() - r.offered;
      if (r.wait > metrics::k_max_plausible_duration)
        return (void)bad(Col::answered, MsgId::metrics_csv_implausible, get(Col::answered));
      if (ended) {
        if (ended->utc() < answered->utc())
          return (void)bad(Col::ended, MsgId::metrics_csv_end_before_answer, get(Col::ended));
        metrics::Seconds connected = ended->utc() - answered->utc();
        if (connected > metrics::k_max_plausible_duration)
          return (void)bad(Col::ended, MsgId::metrics_csv_implausible, get(Col::ended));
        if (r.hold > connected)
          return (void)bad(Col::hold_seconds, MsgId::metrics_csv_hold_too_long,
                           get(Col::hold_seconds));
        r.talk = connected - r.hold;
      }
    } else {
      if (answered)
        return (void)bad(Col::answered, MsgId::metrics_csv_abandoned_answered, get(Col::answered));
      if (!ended) return (void)bad(Col::ended, MsgId::metrics_csv_abandoned_needs_end, "");
      if (ended->utc() < r.offered)
        return (void)bad(Col::ended, MsgId::metrics_csv_before_offered, get(Col::ended));
      r.wait = ended->utc() - r.offered;
      if (r.wait > metrics::k_max_plausible_duration)
        return (void)bad(Col::ended, MsgId::metrics_csv_implausible, get(Col::ended));
    }
    r.source_line = m_row_line;
    emit(r);
  }

  CsvSplitter m_splitter;
  std::span<const std::string_view> m_fields;
  std::size_t m_width = 0;
  std::array<int, k_cols> m_index{};
  bool m_header_seen = false;
  int m_row_line = 1;
  CallRecord m_record;
};

}  // namespace

std::unique_ptr<CallParser> make_call_csv_parser(std::string file, RecordSink sink,
                                                 CallReadOptions options) {
  return std::make_unique<CallCsvParser>(std::move(file), std::move(sink), std::move(options));
}

}  // namespace ccteam::io
