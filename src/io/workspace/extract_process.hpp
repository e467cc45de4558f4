#pragma once
// Reading the text of an applicant's document in a child process: starts ccteam-extract
// (src/extract/main.cpp, io::default_extractor_path()) with posix_spawn, no environment and no
// descriptors but its three pipes, gives it the document on stdin and takes the text from
// stdout. The child limits its own CPU time and address space before it reads (setrlimit); this
// side kills it (SIGKILL) when 'wall' has passed. A PDF that makes poppler loop, a DOCX that
// unpacks to gigabytes, a parser that crashes: each ends the child with a status, never the
// caller. Safe to call from several threads at once (each call has its own child and pipes;
// SIGPIPE is blocked in the calling thread while it writes).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

struct ExtractLimits {
  std::chrono::seconds cpu{10};                     // CPU time of the child (RLIMIT_CPU)
  std::int64_t memory_bytes = 512LL * 1024 * 1024;  // its address space (RLIMIT_AS)
  std::chrono::milliseconds wall{30'000};           // from start to end, then SIGKILL
  std::size_t max_text_bytes = 1000 * 1000;         // text kept (cut at a character)
  std::int64_t max_input_bytes = 50LL * 1000 * 1000;
};

// How reading ended. 'done': the text (maybe empty: a scanned PDF); 'unreadable': damaged,
// encrypted, or the parser crashed; 'limit': the child needed more time or memory than
// allowed, or the document unpacks to more than allowed.
enum class ExtractStatus { done, unreadable, limit };
std::string_view to_string(ExtractStatus status);  // "done", "unreadable", "limit"

struct ExtractedText {
  ExtractStatus status = ExtractStatus::done;
  // done: UTF-8 (ill-formed sequences replaced by U+FFFD, control characters other than tab
  // and line feed left out), at most limits.max_text_bytes; empty when it holds nothing but
  // blanks and line ends.
  std::string text;
  // Otherwise why, in English, at most 200 printable ASCII characters ("encrypted PDF",
  // "took longer than 30 s", "killed by signal 24").
  std::string reason;
};

// The text of 'content', a document of 'type' ("pdf" or "docx"), read by 'program'. Error::io
// (MsgId::file_unreadable: the program and the system's reason) only when the child cannot be
// started (no such program, no processes left): whatever the document does yields an
// ExtractedText.
Result<ExtractedText> extract_text(const std::string& program, std::string_view type,
                                   std::string_view content, const ExtractLimits& limits = {});

}  // namespace ccteam::io
