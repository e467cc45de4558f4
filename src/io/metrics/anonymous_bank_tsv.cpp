// The Anonymous Bank call records (Technion SEE center; Brown et al. 2005): tab-separated,
// 17 columns, CRLF or LF line ends. Mapping to CallRecord: docs/call-records-format.md.
#include <array>

#include "io/base/utf8.hpp"
#include "io/metrics/call_parser_base.hpp"

namespace ccteam::io {

namespace {

using namespace std::chrono;
using metrics::CallRecord;

constexpr std::array<std::string_view, 17> k_columns = {
    "vru+line",  "call_id",   "customer_id", "priority", "type",   "date",
    "vru_entry", "vru_exit",  "vru_time",    "q_start",  "q_exit", "q_time",
    "outcome",   "ser_start", "ser_exit",    "ser_time", "server"};
enum Col {
  vru_line,
  call_id,
  customer_id,
  priority,
  type,
  date,
  vru_entry,
  vru_exit,
  vru_time,
  q_start,
  q_exit,
  q_time,
  outcome,
  ser_start,
  ser_exit,
  ser_time,
  server
};

// "H:MM:SS" or "HH:MM:SS" as seconds after midnight; nullopt when malformed.
std::optional<long> parse_hms(std::string_view s) {
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 6 ||
      s[colon + 3] != ':')
    return std::nullopt;
  auto h = detail::parse_count(s.substr(0, colon));
  auto m = detail::parse_count(s.substr(colon + 1, 2));
  auto sec = detail::parse_count(s.substr(colon + 4, 2));
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 59) return std::nullopt;
  return *h * 3600 + *m * 60 + *sec;
}

// "yymmdd"; years 70-99 are 19yy, 00-69 are 20yy.
std::optional<sys_days> parse_yymmdd(std::string_view s) {
  if (s.size() != 6) return std::nullopt;
  auto yy = detail::parse_count(s.substr(0, 2));
  auto mm = detail::parse_count(s.substr(2, 2));
  auto dd = detail::parse_count(s.substr(4, 2));
  if (!yy || !mm || !dd) return std::nullopt;
  year_month_day ymd{year{static_cast<int>(*yy >= 70 ? 1900 + *yy : 2000 + *yy)},
                     month{static_cast<unsigned>(*mm)}, day{static_cast<unsigned>(*dd)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

class AnonymousBankParser final : public detail::ParserBase {
 public:
  using ParserBase::ParserBase;

  void feed(std::string_view chunk) override {
    while (!chunk.empty() && !m_summary.unusable) {
      std::size_t nl = chunk.find('\n');
      if (m_skip_rest) {
        if (nl == std::string_view::npos) return;
        m_skip_rest = false;
        chunk.remove_prefix(nl + 1);
        continue;
      }
      if (nl == std::string_view::npos) {
        m_carry.append(chunk);
        if (m_carry.size() > k_max_line) {
          // A "line" this long is not a row of this format; report once and drop it.
          ++m_line;
          reject(m_line, 1, msg(MsgId::metrics_line_too_long, k_max_line));
          m_carry.clear();
          m_skip_rest = true;
        }
        return;
      }
      if (m_carry.empty()) {
        line(chunk.substr(0, nl));
      } else {
        m_carry.append(chunk.substr(0, nl));
        line(m_carry);
        m_carry.clear();
      }
      chunk.remove_prefix(nl + 1);
    }
  }

  void finish() override {
    if (!m_carry.empty() && !m_summary.unusable && !m_skip_rest) line(m_carry);
    m_carry.clear();
    if (!m_header_seen && !m_summary.unusable) give_up(0, 0, msg(MsgId::metrics_empty_file));
  }

 private:
  static constexpr std::size_t k_max_line = 4096;

  void line(std::string_view text) {
    ++m_line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (m_line == 1) text.remove_prefix(bom_length(text));
    if (text.find_first_not_of(" \t") == std::string_view::npos) return;
    std::array<std::string_view, 17> f;
    std::array<int, 17> col{};
    std::size_t n = 0, pos = 0;
    while (true) {
      std::size_t tab = text.find('\t', pos);
      std::string_view field = text.substr(pos, tab == std::string_view::npos ? tab : tab - pos);
      if (n < f.size()) {
        f[n] = field;
        col[n] = static_cast<int>(pos) + 1;
      }
      ++n;
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (!m_header_seen) {
      header(f, n);
      return;
    }
    ++m_summary.rows;
    if (n != f.size()) {
      reject(m_line, 1, msg(MsgId::metrics_field_count, f.size(), n));
      return;
    }
    row(f, col);
  }

  void header(const std::array<std::string_view, 17>& f, std::size_t n) {
    m_header_seen = true;
    for (std::size_t i = 0; i < k_columns.size(); ++i) {
      if (n != k_columns.size() || f[i] != k_columns[i]) {
        give_up(m_line, 1, msg(MsgId::metrics_bank_header),
                msg(MsgId::metrics_hint_bank_header, "vru+line call_id ... server"));
        return;
      }
    }
  }

  std::optional<long> time_of(std::string_view s, int column, bool& bad) {
    auto t = parse_hms(s);
    if (!t) {
      reject(m_line, column, msg(MsgId::metrics_bad_clock_time, s));
      bad = true;
    }
    return t;
  }

  void row(const std::array<std::string_view, 17>& f, const std::array<int, 17>& col) {
    auto day = parse_yymmdd(f[date]);
    if (!day) return reject(m_line, col[date], msg(MsgId::metrics_bad_yymmdd, f[date]));
    bool bad = false;
    auto entry = time_of(f[vru_entry], col[vru_entry], bad);
    if (bad) return;
    auto exit = time_of(f[vru_exit], col[vru_exit], bad);
    if (bad) return;
    auto queued = time_of(f[q_start], col[q_start], bad);
    if (bad) return;
    auto served = time_of(f[ser_start], col[ser_start], bad);
    if (bad) return;
    auto waited = detail::parse_count(f[q_time]);
    if (!waited) return reject(m_line, col[q_time], msg(MsgId::metrics_bad_count, f[q_time]));
    auto service = detail::parse_count(f[ser_time]);
    if (!service) return reject(m_line, col[ser_time], msg(MsgId::metrics_bad_count, f[ser_time]));
    const long limit = metrics::k_max_plausible_duration.count();
    if (*waited > limit)
      return reject(m_line, col[q_time], msg(MsgId::metrics_bank_implausible, f[q_time]));
    if (*service > limit)
      return reject(m_line, col[ser_time], msg(MsgId::metrics_bank_implausible, f[ser_time]));

    std::string_view what = f[outcome];
    if (what == "PHANTOM") return skip(MsgId::metrics_skip_phantom);
    if (what != "AGENT" && what != "HANG")
      return reject(m_line, col[outcome], msg(MsgId::metrics_bad_bank_outcome, what));
    bool has_queue = *queued != 0;
    if (what == "HANG" && !has_queue) return skip(MsgId::metrics_skip_vru_only);
    long offered_tod = has_queue ? *queued : *exit;
    if (offered_tod == 0)
      return reject(m_line, col[q_start], msg(MsgId::metrics_bank_no_offer_time));

    CallRecord& r = m_record;
    r.recorded = metrics::RecordedFields{false, false, false, false};  // not in the data
    r.call_id.assign(f[call_id]);
    if (f[customer_id] == "0")
      r.customer_id.clear();
    else
      r.customer_id.assign(f[customer_id]);
    r.queue.assign(f[type]);
    if (f[server] == "NO_SERVER")
      r.agent.clear();
    else
      r.agent.assign(f[server]);
    // The row's date is the day of the VRU entry; a later step before it in clock time
    // happened after midnight.
    long offered_s = offered_tod + (offered_tod < *entry ? 86'400 : 0);
    LocalTime local{day->time_since_epoch() + seconds{offered_s}};
    r.utc_offset = m_options.utc_offset;
    r.offered = UtcTime{local.time_since_epoch() - m_options.utc_offset};
    r.wait = metrics::Seconds{static_cast<double>(*waited)};
    if (what == "AGENT") {
      r.outcome = metrics::Outcome::answered;
      if (*served != 0)
        r.talk = metrics::Seconds{static_cast<double>(*service)};
      else
        r.talk.reset();
    } else {
      r.outcome = metrics::Outcome::abandoned;
      r.talk.reset();
    }
    r.source_line = m_line;
    emit(r);
  }

  using LocalTime = metrics::LocalTime;
  using UtcTime = metrics::UtcTime;

  std::string m_carry;
  bool m_skip_rest = false;
  bool m_header_seen = false;
  int m_line = 0;
  CallRecord m_record;
};

}  // namespace

std::unique_ptr<CallParser> make_anonymous_bank_parser(std::string file, RecordSink sink,
                                                       CallReadOptions options) {
  return std::make_unique<AnonymousBankParser>(std::move(file), std::move(sink),
                                               std::move(options));
}

}  // namespace ccteam::io
