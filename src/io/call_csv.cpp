// ccteam's own call-record CSV (docs/call-records-format.md), parsed incrementally by libcsv.
#include <array>
#include <cmath>
#include <vector>

#include <csv.h>

#include "io/call_parser_base.hpp"

namespace ccteam::io {

namespace {

using namespace std::chrono;
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

struct Stamp {
  LocalTime local;
  seconds offset;
  sys_seconds utc() const { return sys_seconds{local.time_since_epoch() - offset}; }
};

std::optional<int> digits(std::string_view s, std::size_t at, std::size_t n) {
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
std::optional<Stamp> parse_stamp(std::string_view s, bool& missing_zone) {
  missing_zone = false;
  if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
      s[13] != ':' || s[16] != ':')
    return std::nullopt;
  auto y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  auto h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
  if (!y || !mo || !d || !h || !mi || !se || *h > 23 || *mi > 59 || *se > 59) return std::nullopt;
  year_month_day ymd{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  std::string_view zone = s.substr(19);
  seconds offset{0};
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
    offset = hours{*zh} + minutes{*zm};
    if (zone[0] == '-') offset = -offset;
  }
  LocalTime local{local_days{ymd}.time_since_epoch() + hours{*h} + minutes{*mi} + seconds{*se}};
  return Stamp{local, offset};
}

std::optional<double> parse_decimal(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

class CallCsvParser final : public detail::ParserBase {
 public:
  CallCsvParser(std::string file, RecordSink sink, CallReadOptions options)
      : ParserBase(std::move(file), std::move(sink), std::move(options)) {
    csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
  }
  ~CallCsvParser() override { csv_free(&m_parser); }
  CallCsvParser(const CallCsvParser&) = delete;
  CallCsvParser& operator=(const CallCsvParser&) = delete;

  void feed(std::string_view chunk) override {
    if (m_summary.unusable || m_broken) return;
    if (!m_bom_checked) {
      m_bom_checked = true;
      if (chunk.starts_with("\xEF\xBB\xBF")) chunk.remove_prefix(3);
    }
    std::size_t used = csv_parse(&m_parser, chunk.data(), chunk.size(), on_field, on_row, this);
    if (used != chunk.size()) syntax_error();
  }

  void finish() override {
    if (m_summary.unusable || m_broken) return;
    if (csv_fini(&m_parser, on_field, on_row, this) != 0) syntax_error();
    if (!m_header_seen && !m_summary.unusable) give_up(0, 0, msg(MsgId::metrics_empty_file));
  }

 private:
  static void on_field(void* data, std::size_t len, void* self_ptr) {
    auto* self = static_cast<CallCsvParser*>(self_ptr);
    if (self->m_count == 0) self->m_row_line = self->m_line;
    std::string_view field(static_cast<const char*>(data), len);
    if (self->m_count < self->m_fields.size()) {
      self->m_fields[self->m_count].assign(field);
    } else {
      self->m_fields.emplace_back(field);
    }
    ++self->m_count;
    for (char c : field) self->m_line += c == '\n' ? 1 : 0;
  }

  static void on_row(int c, void* self_ptr) {
    auto* self = static_cast<CallCsvParser*>(self_ptr);
    bool lf_of_crlf = c == '\n' && self->m_after_cr && self->m_count == 0;
    self->m_after_cr = c == '\r';
    if (self->m_count > 0 && !self->m_summary.unusable) self->row();
    self->m_count = 0;
    if (!lf_of_crlf && c != -1) ++self->m_line;
  }

  void syntax_error() {
    m_broken = true;
    ++m_summary.rows;
    reject(m_line, 0, msg(MsgId::csv_syntax, csv_strerror(csv_error(&m_parser))));
    m_summary.unusable = m_summary.records == 0;
  }

  void header() {
    m_header_seen = true;
    m_index.fill(-1);
    for (std::size_t i = 0; i < m_count; ++i) {
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
    m_width = m_count;
  }

  std::string_view get(Col c) const {
    int i = m_index[static_cast<std::size_t>(c)];
    return i < 0 ? std::string_view() : std::string_view(m_fields[static_cast<std::size_t>(i)]);
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

  void row() {
    if (!m_header_seen) {
      header();
      return;
    }
    ++m_summary.rows;
    if (m_count != m_width) {
      reject(m_row_line, 0, msg(MsgId::csv_row_width, m_count, m_width));
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
      if (ended) {
        if (ended->utc() < answered->utc())
          return (void)bad(Col::ended, MsgId::metrics_csv_end_before_answer, get(Col::ended));
        metrics::Seconds connected = ended->utc() - answered->utc();
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
    }
    r.source_line = m_row_line;
    emit(r);
  }

  csv_parser m_parser{};
  std::vector<std::string> m_fields;
  std::size_t m_count = 0;
  std::size_t m_width = 0;
  std::array<int, k_cols> m_index{};
  bool m_header_seen = false;
  bool m_bom_checked = false;
  bool m_after_cr = false;
  bool m_broken = false;
  int m_line = 1;
  int m_row_line = 1;
  CallRecord m_record;
};

}  // namespace

std::unique_ptr<CallParser> make_call_csv_parser(std::string file, RecordSink sink,
                                                 CallReadOptions options) {
  return std::make_unique<CallCsvParser>(std::move(file), std::move(sink), std::move(options));
}

}  // namespace ccteam::io
