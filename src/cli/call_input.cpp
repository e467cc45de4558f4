#include "cli/call_input.hpp"

#include "cli/option_checks.hpp"
#include "io/base/number_text.hpp"
#include "io/metrics/metrics_text.hpp"

namespace ccteam::cli {

void add_call_input_options(CLI::App& cmd, CallInputArgs& args, Lang lang) {
  const io::CallReadOptions defaults;
  cmd.add_option(
         "--utc-offset", args.utc_offset,
         render(msg(MsgId::metrics_opt_utc_offset, io::utc_offset_text(defaults.utc_offset)), lang))
      ->option_text("+HH:MM");
  cmd.add_option("--input-format", args.input_format, tr(MsgId::metrics_opt_input_format, lang))
      ->option_text("bank|csv")
      ->check(one_of({"bank", "csv"}, lang));
}

Result<app::CallSource> to_call_source(const std::string& file, const CallInputArgs& args) {
  app::CallSource source;
  source.file = file;
  if (args.input_format && !args.input_format->empty()) {
    CCTEAM_TRY(source.format, io::parse_call_format(*args.input_format, "/calls/format"));
  }
  if (args.utc_offset) {
    CCTEAM_TRY(source.utc_offset, io::parse_utc_offset(*args.utc_offset, "/calls/utc_offset"));
  }
  return source;
}

std::string summary_text(const io::ReadSummary& summary, Lang lang) {
  std::string out =
      render(msg(MsgId::metrics_summary, io::count_text(summary.rows),
                 io::count_text(summary.records), io::count_text(summary.skipped_total())),
             lang) +
      "\n";
  for (const auto& [reason, count] : summary.skipped) {
    // Reasons with arguments (a bad value) are shown with "..." for the values.
    std::string text = render(Message{reason, {"...", "...", "..."}}, lang);
    out +=
        "  " + render(msg(MsgId::metrics_skipped_reason, text, io::count_text(count)), lang) + "\n";
  }
  return out;
}

}  // namespace ccteam::cli
