#include "io/staffing/forecast_csv.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "io/base/csv_splitter.hpp"
#include "io/base/files.hpp"

namespace ccteam::io {

namespace {

using staffing::Forecast;
using staffing::ForecastInterval;
using staffing::LocalTime;
using staffing::Seconds;

// The three columns every forecast has, then the optional agents column.
constexpr std::array<std::string_view, 4> k_columns{"interval_start", "calls_offered",
                                                    "aht_seconds", "agents"};
constexpr std::size_t k_required_columns = 3;
constexpr std::size_t k_agents_column = 3;

struct Field {
  std::string text;
  int column = 1;  // 1-based byte column where the field starts
};

struct Row {
  std::vector<Field> fields;
  int line = 0;
};

// The rows of a forecast from the CSV splitter, and the rows it could not split, in file order.
class Reader final : public CsvSink {
 public:
  Reader(std::string_view text, const std::string& file) : m_file(file) {
    CsvSplitter::split(text, *this, FieldColumns::yes);
  }

  // The next row, or nullopt at the end; a row the splitter rejected becomes an error in
  // 'errors' (an unclosed quote is forecast_bad_quote, as before the splitter; the others keep
  // the splitter's words) and is skipped.
  std::optional<Row> next(Errors& errors) {
    while (m_next < m_items.size()) {
      Item& item = m_items[m_next++];
      if (!item.error) return std::move(item.row);
      errors.push_back(std::move(*item.error));
    }
    return std::nullopt;
  }

  SourcePos at(int line, int column) const { return SourcePos{m_file, line, column, {}}; }

 private:
  struct Item {
    Row row;
    std::optional<Error> error;
  };

  void row(const CsvRow& r) override {
    Row out;
    out.line = r.line;
    out.fields.reserve(r.fields.size());
    for (std::size_t i = 0; i < r.fields.size(); ++i)
      out.fields.push_back(Field{std::string(r.fields[i]), r.columns[i]});
    m_items.push_back(Item{std::move(out), std::nullopt});
  }

  void syntax_error(int line, int column, MsgId what) override {
    MsgId id = what == MsgId::csv_unclosed_quote ? MsgId::forecast_bad_quote : what;
    m_items.push_back(Item{{}, Error{ErrorKind::invalid_input, msg(id), at(line, column), {}}});
  }

  std::string m_file;
  std::vector<Item> m_items;
  std::size_t m_next = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<int> digits(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return v;
}

std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

std::optional<LocalTime> parse_local_time(std::string_view s) {
  if (s.size() != 16 && s.size() != 19) return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') {
    return std::nullopt;
  }
  if (s.size() == 19 && s[16] != ':') return std::nullopt;
  auto y = digits(s.substr(0, 4)), mo = digits(s.substr(5, 2)), d = digits(s.substr(8, 2));
  auto h = digits(s.substr(11, 2)), mi = digits(s.substr(14, 2));
  auto sec = s.size() == 19 ? digits(s.substr(17, 2)) : std::optional<int>(0);
  if (!y || !mo || !d || !h || !mi || !sec || *h > 23 || *mi > 59 || *sec > 59) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{*y},
                                  std::chrono::month{static_cast<unsigned>(*mo)},
                                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return LocalTime{std::chrono::local_days{ymd}.time_since_epoch()} + std::chrono::hours{*h} +
         std::chrono::minutes{*mi} + std::chrono::seconds{*sec};
}

std::string interval_start_text(LocalTime t, bool several_days, Lang lang) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  std::chrono::hh_mm_ss hms{t - days};
  std::string time = fmt::format("{:02}:{:02}", hms.hours().count(), hms.minutes().count());
  if (!several_days) return time;
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned d = static_cast<unsigned>(ymd.day());
  return lang == Lang::de ? fmt::format("{:02}.{:02}.{:04} {}", d, m, y, time)
                          : fmt::format("{:04}-{:02}-{:02} {}", y, m, d, time);
}

std::string format_local_time(LocalTime t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  std::chrono::hh_mm_ss hms{t - days};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

Checked<Forecast> parse_forecast_csv(std::string_view text, const std::string& file,
                                     std::optional<Seconds> interval) {
  Errors errors;
  Reader reader(text, file);
  auto header = reader.next(errors);
  if (!errors.empty()) return tl::unexpected(std::move(errors));  // the header cannot be split
  if (!header) {
    return tl::unexpected(
        Errors{Error{ErrorKind::invalid_input, msg(MsgId::forecast_empty), reader.at(1, 1), {}}});
  }
  // A spreadsheet saved with German settings separates by ';': one header field holding the
  // names. Say so once instead of reporting every column as missing.
  if (header->fields.size() == 1) {
    std::string_view only = header->fields[0].text;
    for (char sep : {';', '\t'}) {
      if (only.find(sep) == std::string_view::npos) continue;
      return tl::unexpected(Errors{
          Error{ErrorKind::invalid_input,
                msg(MsgId::forecast_separator, sep == ';' ? std::string(";") : std::string("tab")),
                reader.at(header->line, 1), msg(MsgId::hint_forecast_separator)}});
    }
  }
  // Where each of k_columns sits in a row.
  std::array<int, 4> index{-1, -1, -1, -1};
  for (std::size_t i = 0; i < header->fields.size(); ++i) {
    std::string_view name = trim(header->fields[i].text);
    auto it = std::find(k_columns.begin(), k_columns.end(), name);
    if (it == k_columns.end() || index[static_cast<std::size_t>(it - k_columns.begin())] >= 0) {
      errors.push_back(Error{ErrorKind::invalid_input,
                             msg(MsgId::forecast_unknown_column, name),
                             reader.at(header->line, header->fields[i].column),
                             {}});
      continue;
    }
    index[static_cast<std::size_t>(it - k_columns.begin())] = static_cast<int>(i);
  }
  // No column of a forecast at all (another file, such as call records, chosen by mistake): the
  // columns a forecast needs say more than one error per column of the other file.
  if (std::ranges::all_of(index, [](int i) { return i < 0; })) errors.clear();
  for (std::size_t c = 0; c < k_required_columns; ++c) {
    if (index[c] < 0) {
      errors.push_back(Error{ErrorKind::invalid_input,
                             msg(MsgId::forecast_missing_column, k_columns[c]),
                             reader.at(header->line, 1),
                             {}});
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));

  Forecast forecast;
  // The length comes from the first two rows; 'interval' is for a one-row forecast and, when
  // both exist, must agree (one error, not a gap on every row).
  std::optional<Seconds> length;
  auto error = [&](MsgId id, const Row& row, int col, auto... args) {
    if (errors.size() < k_max_errors) {
      errors.push_back(
          Error{ErrorKind::invalid_input, msg(id, args...), reader.at(row.line, col), {}});
    }
  };
  while (auto row = reader.next(errors)) {
    if (errors.size() >= k_max_errors) break;
    if (row->fields.size() != header->fields.size()) {
      error(MsgId::forecast_field_count, *row, 1, row->fields.size(), header->fields.size());
      continue;
    }
    auto field = [&](std::size_t c) -> const Field& {
      return row->fields[static_cast<std::size_t>(index[c])];
    };
    bool ok = true;
    std::array<std::string_view, 3> values;
    for (std::size_t c = 0; c < 3; ++c) {
      values[c] = trim(field(c).text);
      if (values[c].empty()) {
        error(MsgId::forecast_missing_value, *row, field(c).column, k_columns[c]);
        ok = false;
      }
    }
    if (!ok) continue;
    auto start = parse_local_time(values[0]);
    if (!start) {
      error(MsgId::forecast_bad_time, *row, field(0).column, values[0]);
      ok = false;
    }
    std::array<double, 3> numbers{};
    for (std::size_t c = 1; c < 3; ++c) {
      auto v = parse_number(values[c]);
      if (!v) {
        error(MsgId::forecast_bad_number, *row, field(c).column, k_columns[c], values[c]);
        ok = false;
      } else if (*v < 0) {
        error(MsgId::forecast_negative, *row, field(c).column, k_columns[c], values[c]);
        ok = false;
      } else if (c == 2 && *v == 0) {
        error(MsgId::forecast_zero_aht, *row, field(c).column);
        ok = false;
      } else {
        numbers[c] = *v;
      }
    }
    std::optional<int> agents;
    if (index[k_agents_column] >= 0) {
      const Field& f = field(k_agents_column);
      std::string_view typed = trim(f.text);
      agents = digits(typed);
      if (typed.empty()) {
        error(MsgId::forecast_missing_value, *row, f.column, k_columns[k_agents_column]);
        ok = false;
      } else if (!agents || *agents > staffing::k_max_agents) {
        error(MsgId::forecast_bad_agents, *row, f.column, typed, staffing::k_max_agents);
        ok = false;
      }
    }
    if (!ok) continue;
    if (!forecast.intervals.empty()) {
      const ForecastInterval& prev = forecast.intervals.back();
      if (*start == prev.start) {
        error(MsgId::forecast_repeated_start, *row, field(0).column, values[0]);
        if (!length) return tl::unexpected(std::move(errors));
        continue;
      }
      if (!length) {
        auto diff = std::chrono::duration_cast<std::chrono::seconds>(*start - prev.start);
        if (diff.count() != 900 && diff.count() != 1800 && diff.count() != 3600) {
          error(MsgId::forecast_bad_interval, *row, field(0).column,
                static_cast<double>(diff.count()) / 60.0);
          return tl::unexpected(std::move(errors));
        }
        length = Seconds{static_cast<double>(diff.count())};
      }
      LocalTime expected =
          prev.start + std::chrono::seconds{static_cast<long long>(length->count())};
      if (*start > expected) {
        error(MsgId::forecast_gap, *row, field(0).column, format_local_time(expected), values[0]);
      } else if (*start < expected) {
        error(MsgId::forecast_overlap, *row, field(0).column, format_local_time(expected),
              values[0]);
      }
    }
    forecast.intervals.push_back(
        ForecastInterval{*start, numbers[1], Seconds{numbers[2]}, row->line, agents});
  }
  if (errors.empty() && forecast.intervals.empty()) {
    errors.push_back(Error{
        ErrorKind::invalid_input, msg(MsgId::forecast_empty), reader.at(header->line, 1), {}});
  }
  if (errors.empty() && !length) length = interval;
  if (errors.empty() && !length) {
    errors.push_back(Error{ErrorKind::invalid_input,
                           msg(MsgId::forecast_interval_unknown),
                           reader.at(forecast.intervals.front().source_line, 1),
                           {}});
  }
  if (errors.empty() && interval && length && *length != *interval) {
    errors.push_back(Error{
        ErrorKind::invalid_input,
        msg(MsgId::forecast_interval_mismatch, length->count() / 60.0, interval->count() / 60.0),
        reader.at(forecast.intervals[1].source_line, 1),
        {}});
  }
  if (errors.empty()) {
    double s = length->count();
    if (s != 900 && s != 1800 && s != 3600) {
      errors.push_back(Error{ErrorKind::invalid_input,
                             msg(MsgId::forecast_bad_interval, s / 60),
                             reader.at(forecast.intervals.front().source_line, 1),
                             {}});
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  forecast.interval = *length;
  return forecast;
}

Checked<Forecast> read_forecast_csv(const std::string& path, std::optional<Seconds> interval) {
  auto text = read_file(path, 64u << 20);
  if (!text) return tl::unexpected(Errors{text.error()});
  return parse_forecast_csv(*text, path == "-" ? std::string("<stdin>") : path, interval);
}

}  // namespace ccteam::io
