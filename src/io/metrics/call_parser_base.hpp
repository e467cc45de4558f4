#pragma once
// Shared by the call-record parsers (internal to src/io): counting, skipping and reporting rows.

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "io/metrics/call_records.hpp"

namespace ccteam::io::detail {

class ParserBase : public CallParser {
 public:
  ParserBase(std::string file, RecordSink sink, CallReadOptions options)
      : m_file(std::move(file)), m_sink(std::move(sink)), m_options(std::move(options)) {}
  const ReadSummary& summary() const override { return m_summary; }

 protected:
  // A bad row: counted under its message's id, kept with its position while there is room.
  void reject(int line, int column, Message message) {
    ++m_summary.skipped[message.id];
    if (m_summary.errors.size() < m_options.max_errors) {
      m_summary.errors.push_back(Error{
          ErrorKind::invalid_input, std::move(message), SourcePos{m_file, line, column, ""}, {}});
    }
  }
  // The whole file cannot be read (e.g. its header): one error, nothing more is read.
  void give_up(int line, int column, Message message, std::optional<Message> hint = {}) {
    m_summary.unusable = true;
    m_summary.errors.push_back(Error{ErrorKind::invalid_input, std::move(message),
                                     SourcePos{m_file, line, column, ""}, std::move(hint)});
  }
  void skip(MsgId reason) { ++m_summary.skipped[reason]; }
  void emit(const metrics::CallRecord& record) {
    ++m_summary.records;
    m_sink(record);
  }

  std::string m_file;
  RecordSink m_sink;
  CallReadOptions m_options;
  ReadSummary m_summary;
};

// A whole non-negative decimal integer of at most 9 digits.
inline std::optional<long> parse_count(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

}  // namespace ccteam::io::detail
