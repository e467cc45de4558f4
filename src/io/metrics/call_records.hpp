#pragma once
// Reading call-detail records, streaming: the input is read in chunks of 1 MiB and every record
// goes to a sink as soon as its row is complete, so memory stays constant however large the
// file. Two formats:
//   - the "Anonymous Bank" TSV of the Technion SEE center (io/metrics/anonymous_bank_tsv.cpp;
//     docs/call-records-format.md, section "Anonymous Bank");
//   - ccteam's own CSV schema (io/metrics/call_csv.cpp; docs/call-records-format.md), split by
//   io/base/csv_splitter.
// A bad row is skipped and reported (file:line:col, what is wrong); the rest of the file goes
// on. Rows that are well formed but are not calls to an agent (the Anonymous Bank's PHANTOM
// calls and calls that ended in the voice response unit) are skipped by rule and counted per
// reason as well.

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/metrics/call_record.hpp"

namespace ccteam::io {

using RecordSink = std::function<void(const metrics::CallRecord&)>;

struct CallReadOptions {
  // Anonymous Bank only (its file has no time zone): the bank's offset from UTC, default
  // +02:00 (Israel Standard Time; the data is of February 1999).
  std::chrono::seconds utc_offset{7200};
  // Called after each chunk with the bytes read so far (for a progress display); may be empty.
  std::function<void(std::size_t bytes)> progress;
  std::size_t max_errors = k_max_errors;  // errors kept in the summary (all are counted)
};

struct ReadSummary {
  long rows = 0;                  // data rows seen (blank lines and the header not counted)
  long records = 0;               // records passed to the sink
  std::map<MsgId, long> skipped;  // skipped rows per reason (the reason's message id)
  Errors errors;                  // the first max_errors bad rows, each with its position
  bool unusable = false;          // the file as a whole cannot be read (header, I/O)

  long skipped_total() const {
    long n = 0;
    for (const auto& [reason, count] : skipped) n += count;
    return n;
  }
};

enum class CallFormat : std::uint8_t { anonymous_bank, csv };

// The format by file name: ".tsv" or ".txt" is the Anonymous Bank TSV, anything else our CSV.
CallFormat call_format_for(const std::string& path);

// Incremental parsers: feed() chunks in order (any split, even inside a row), then finish().
class CallParser {
 public:
  virtual ~CallParser() = default;
  virtual void feed(std::string_view chunk) = 0;
  virtual void finish() = 0;
  virtual const ReadSummary& summary() const = 0;
};

std::unique_ptr<CallParser> make_anonymous_bank_parser(std::string file, RecordSink sink,
                                                       CallReadOptions options = {});
std::unique_ptr<CallParser> make_call_csv_parser(std::string file, RecordSink sink,
                                                 CallReadOptions options = {});

// Parses a whole text (tests, fuzzing).
ReadSummary parse_call_records(std::string_view text, CallFormat format, const std::string& file,
                               const RecordSink& sink, CallReadOptions options = {});

// Feeds the file 'path' ("-" = standard input) to 'parser' in chunks of 1 MiB and finishes it;
// 'progress' (may be empty) gets the bytes read so far. Errors as read_call_records.
ReadSummary read_chunks(const std::string& path, CallParser& parser,
                        const std::function<void(std::size_t bytes)>& progress);

// Reads 'path' ("-" = standard input) in chunks. A file that cannot be opened or read gives a
// summary with 'unusable' set and one Error (ErrorKind::not_found or io).
ReadSummary read_call_records(const std::string& path, CallFormat format, const RecordSink& sink,
                              CallReadOptions options = {});

}  // namespace ccteam::io
