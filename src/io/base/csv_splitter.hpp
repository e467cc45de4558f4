#pragma once
// A streaming RFC 4180 CSV splitter that hands out fields as views into the input (no copy per
// field; only a quoted field with doubled quotes is unescaped, into a buffer the splitter owns).
// The one CSV reader of ccteam: the call-record CSV (io/metrics/call_csv.cpp), the agent-state
// CSV, the forecast CSV (io/staffing/forecast_csv.cpp) and the person CSV
// (io/qualify/person_csv.cpp) all split with it.
//
// Why our own and not libcsv (the libraries-first rule): libcsv copies every field into its own
// buffer and calls back per field; with it the call CSV spent 39 % of its time inside csv_parse
// and missed the aim of 2 M records/s (numbers: docs/performance.md).
//
// Grammar (RFC 4180, section 2, with the usual leniencies of libcsv's default mode):
//   - fields are separated by ',', rows end with LF, CRLF or a lone CR;
//   - a field may be quoted with '"'; inside quotes a doubled quote is one quote, and commas,
//     CR and LF are data (a row may span lines);
//   - spaces and tabs around a field are dropped (inside quotes they are kept);
//   - a row that is a single empty unquoted field (a blank line) is not a row;
//   - line numbers count LF, CRLF once, and a lone CR that ends a row; a lone CR inside
//     quotes is data and not counted (as grep -n and editors that break at LF count).
// Errors, each reported for the row with its line and column and then skipped (reading goes on
// at the next line): a quote inside an unquoted field (csv_stray_quote), text after a closing
// quote (csv_text_after_quote). A quote still open at the end of the input (csv_unclosed_quote)
// or a row longer than 'max_row_bytes' (csv_row_too_long) end the reading: nothing after it can
// be split reliably. So does a UTF-16 byte-order mark (FF FE or FE FF, a spreadsheet's "Unicode
// text" export) at the start: not_utf8 at 1:1, and no row (read as bytes, every second one NUL).
//
// Memory: the unfinished row at the end of a chunk is kept (at most max_row_bytes), so memory is
// constant in the size of the input. Not thread-safe; one splitter per input.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/messages.hpp"

namespace ccteam::io {

struct CsvRow {
  std::span<const std::string_view> fields;  // valid only during the call to CsvSink::row
  int line = 0;                              // 1-based line where the row starts
  // With FieldColumns::yes, one per field: the 1-based byte column, in its physical line, where
  // the field begins (just after the comma or the line start, before blanks and the opening
  // quote). Empty with FieldColumns::no.
  std::span<const int> columns;
};

// Whether rows carry the column of each field (a reader that reports a field's column asks for
// it; the call-record reader does not, and saves the work).
enum class FieldColumns : std::uint8_t { no, yes };

class CsvSink {
 public:
  virtual ~CsvSink() = default;
  virtual void row(const CsvRow& row) = 0;
  // A row that cannot be split: 'what' is one of csv_stray_quote, csv_text_after_quote,
  // csv_unclosed_quote, csv_row_too_long (MsgId); line and column (1-based, bytes) of the fault.
  virtual void syntax_error(int line, int column, MsgId what) = 0;
};

class CsvSplitter {
 public:
  static constexpr std::size_t k_default_max_row = std::size_t{1} << 20;
  explicit CsvSplitter(std::size_t max_row_bytes = k_default_max_row,
                       FieldColumns columns = FieldColumns::no)
      : m_max_row(max_row_bytes), m_track_columns(columns == FieldColumns::yes) {}

  // Splits a whole text held in memory (after a UTF-8 byte-order mark, if any) and passes its
  // rows to 'sink'; fields are views into 'text' where no quote was doubled. No row is too long
  // (the whole text is there), so the reading stops only at an unclosed quote.
  static void split(std::string_view text, CsvSink& sink, FieldColumns columns = FieldColumns::no);

  // Splits the rows completed by 'chunk' (chunks in order, split anywhere, even inside a
  // quoted field or between CR and LF) and passes them to 'sink'.
  void feed(std::string_view chunk, CsvSink& sink);
  // The end of the input: splits the last row (it needs no line end).
  void finish(CsvSink& sink);
  // True after csv_unclosed_quote or csv_row_too_long: further input is ignored.
  bool stopped() const { return m_stopped; }

 private:
  enum class Status : std::uint8_t { row, blank, need_more, error };
  struct Scan {
    Status status = Status::need_more;
    std::size_t consumed = 0;  // bytes of the row including its line end
    int lines = 0;             // line ends consumed (inside quotes and the row's own)
    MsgId error = MsgId::count_;
    int error_line = 0;  // lines before the fault, from the row's first line
    int error_column = 0;
  };
  Scan scan(std::string_view text, bool at_end);
  // True, after reporting it and stopping, when 'start' begins with a UTF-16 byte-order mark.
  bool refuse_utf16(std::string_view start, CsvSink& sink);
  std::size_t drain(std::string_view text, bool at_end, CsvSink& sink);

  std::size_t m_max_row;
  std::vector<std::string_view> m_fields;
  std::vector<int> m_columns;  // with m_track_columns
  std::string m_unescaped;     // doubled-quote fields of the current row
  std::string m_carry;         // the unfinished row at the end of the last chunk
  int m_line = 1;
  bool m_track_columns = false;
  bool m_bom_checked = false;
  bool m_stopped = false;
};

}  // namespace ccteam::io
