#include "cli/call_input.hpp"

#include <charconv>

#include "cli/progress.hpp"

namespace ccteam::cli {

namespace {

std::optional<std::chrono::seconds> parse_offset(std::string_view s) {
  if (s == "Z" || s == "0") return std::chrono::seconds{0};
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return std::nullopt;
  int h = 0, m = 0;
  auto r1 = std::from_chars(s.data() + 1, s.data() + 3, h);
  auto r2 = std::from_chars(s.data() + 4, s.data() + 6, m);
  if (r1.ec != std::errc{} || r2.ec != std::errc{} || h > 14 || m > 59) return std::nullopt;
  std::chrono::seconds off = std::chrono::hours{h} + std::chrono::minutes{m};
  return s[0] == '-' ? -off : off;
}

}  // namespace

io::ReadSummary read_calls(Context& ctx, const CallInputArgs& args, const io::RecordSink& sink) {
  io::ReadSummary failed;
  failed.unusable = true;
  io::CallFormat format = io::call_format_for(args.file);
  if (args.input_format == "bank") {
    format = io::CallFormat::anonymous_bank;
  } else if (args.input_format == "csv") {
    format = io::CallFormat::csv;
  } else if (!args.input_format.empty()) {
    ctx.report(Error{ErrorKind::usage,
                     msg(MsgId::metrics_bad_argument, "--input-format", args.input_format),
                     {},
                     {}});
    return failed;
  }
  io::CallReadOptions options;
  auto offset = parse_offset(args.utc_offset);
  if (!offset) {
    ctx.report(Error{ErrorKind::usage,
                     msg(MsgId::metrics_bad_argument, "--utc-offset", args.utc_offset),
                     {},
                     {}});
    return failed;
  }
  options.utc_offset = *offset;
  Progress progress(tr(MsgId::metrics_progress_records, ctx.lang()));
  io::ReadSummary summary = io::read_call_records(
      args.file, format,
      [&](const metrics::CallRecord& r) {
        progress.tick();
        sink(r);
      },
      options);
  ctx.report(summary.errors);
  return summary;
}

std::string summary_text(const io::ReadSummary& summary, Lang lang) {
  std::string out =
      render(msg(MsgId::metrics_summary, summary.rows, summary.records, summary.skipped_total()),
             lang) +
      "\n";
  for (const auto& [reason, count] : summary.skipped) {
    // Reasons with arguments (a bad value) are shown with "..." for the values.
    std::string text = render(Message{reason, {"...", "...", "..."}}, lang);
    out += "  " + render(msg(MsgId::metrics_skipped_reason, text, count), lang) + "\n";
  }
  return out;
}

}  // namespace ccteam::cli
