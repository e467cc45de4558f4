#include "io/metrics/call_records.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "io/base/files.hpp"

namespace ccteam::io {

CallFormat call_format_for(const std::string& path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".tsv") || ends_with(".txt") ? CallFormat::anonymous_bank : CallFormat::csv;
}

namespace {

std::unique_ptr<CallParser> make_parser(CallFormat format, const std::string& file,
                                        const RecordSink& sink, CallReadOptions options) {
  if (format == CallFormat::anonymous_bank)
    return make_anonymous_bank_parser(file, sink, std::move(options));
  return make_call_csv_parser(file, sink, std::move(options));
}

}  // namespace

ReadSummary parse_call_records(std::string_view text, CallFormat format, const std::string& file,
                               const RecordSink& sink, CallReadOptions options) {
  auto parser = make_parser(format, file, sink, std::move(options));
  parser->feed(text);
  parser->finish();
  return parser->summary();
}

ReadSummary read_chunks(const std::string& path, CallParser& parser,
                        const std::function<void(std::size_t bytes)>& progress) {
  std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    ReadSummary summary;
    summary.unusable = true;
    int err = errno;
    summary.errors.push_back(Error{err == ENOENT ? ErrorKind::not_found : ErrorKind::io,
                                   msg(MsgId::metrics_cannot_open, path, os_error_text(err)),
                                   SourcePos{path, 0, 0, ""},
                                   {}});
    return summary;
  }
  std::vector<char> buffer(1u << 20);
  std::size_t total = 0;
  bool failed = false;
  while (true) {
    std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in);
    if (n > 0) {
      parser.feed(std::string_view(buffer.data(), n));
      total += n;
      if (progress) progress(total);
    }
    if (n < buffer.size()) {
      failed = std::ferror(in) != 0;
      break;
    }
  }
  int err = errno;
  if (in != stdin) std::fclose(in);
  parser.finish();
  ReadSummary summary = parser.summary();
  if (failed) {
    summary.unusable = true;
    summary.errors.push_back(Error{ErrorKind::io,
                                   msg(MsgId::metrics_cannot_open, path, os_error_text(err)),
                                   SourcePos{path, 0, 0, ""},
                                   {}});
  }
  return summary;
}

ReadSummary read_call_records(const std::string& path, CallFormat format, const RecordSink& sink,
                              CallReadOptions options) {
  auto progress = options.progress;
  std::string file = path == "-" ? std::string() : path;
  auto parser = make_parser(format, file, sink, std::move(options));
  return read_chunks(path, *parser, progress);
}

}  // namespace ccteam::io
