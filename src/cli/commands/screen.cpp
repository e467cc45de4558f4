// ccteam screen ROLE FILE... : check applicants against a role's requirements,
// blind by default, ordered for review, each criterion explained. Never decides
// (GDPR art. 22). The screening itself is app::screen; this file parses the
// options and renders the result.
#include <algorithm>
#include <iostream>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/qualify/screening.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_checks.hpp"
#include "cli/progress.hpp"
#include "io/base/markup.hpp"
#include "io/base/table.hpp"
#include "io/base/xlsx_writer.hpp"
#include "io/qualify/screening_json.hpp"
#include "io/qualify/screening_writers.hpp"

namespace ccteam::cli {

namespace {

struct ScreenOptions {
  app::ScreeningRequest request;
  std::string as_of;  // YYYY-MM-DD; empty: today
  bool explain = false;
};

// Each criterion with its evidence. Blind, the reader named each file "#N"
// (app/qualify/people.hpp), so evidence shows its line but no file name.
std::string explain_lines(const qualify::Evaluation& e, Lang lang) {
  std::string out;
  for (const qualify::Criterion& c : e.criteria) {
    std::string line =
        fmt::format("[{}] {} ({}): {}", tr(qualify::label(c), lang), io::render_text(c.title, lang),
                    tr(catalog::label(c.importance), lang), io::render_text(c.explanation, lang));
    out += io::wrap(line, 96, "    ");
    for (const qualify::Evidence& ev : c.evidence) {
      if (ev.text.empty()) continue;
      out += io::wrap("- " + io::escape_terminal(io::evidence_text(ev, lang)), 92, "      ");
    }
  }
  return out;
}

// The table's header, in 'lang'; with the name and source columns when revealed.
std::vector<std::string> table_header(bool reveal, Lang lang) {
  std::vector<std::string> headers = {tr(MsgId::screen_col_id, lang),
                                      tr(MsgId::screen_col_verdict, lang),
                                      tr(MsgId::screen_col_preferred, lang)};
  if (reveal) {
    headers.push_back(tr(MsgId::screen_col_name, lang));
    headers.push_back(tr(MsgId::screen_col_source, lang));
  }
  return headers;
}

// A table row's record: its cells escaped for the terminal and joined by U+001F (which no
// escaped cell holds).
std::string table_record(const io::Screened& s, bool reveal, Lang lang) {
  std::vector<std::string> cells = {s.evaluation.person_id,
                                    tr(qualify::label(s.evaluation.verdict), lang),
                                    std::to_string(s.evaluation.preferred_met)};
  if (reveal) {
    cells.push_back(s.person.personal.name);
    cells.push_back(to_string(s.person.pos));
  }
  std::string out;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    out += (c == 0 ? "" : "\x1f") + io::escape_terminal(cells[c]);
  }
  return out;
}

std::vector<std::string> table_cells(std::string_view record) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (std::size_t end = record.find('\x1f'); end != std::string_view::npos;
       start = end + 1, end = record.find('\x1f', start)) {
    cells.emplace_back(record.substr(start, end - start));
  }
  cells.emplace_back(record.substr(start));
  return cells;
}

// An applicant with every criterion explained (--explain).
std::string explained(const io::Screened& s, bool reveal, Lang lang) {
  std::string head = fmt::format("{}  {}  ({}: {})", s.evaluation.person_id,
                                 tr(qualify::label(s.evaluation.verdict), lang),
                                 tr(MsgId::screen_col_preferred, lang), s.evaluation.preferred_met);
  if (reveal) {
    head += fmt::format("  {}  {}", io::escape_terminal(s.person.personal.name),
                        io::escape_terminal(to_string(s.person.pos)));
  }
  return head + "\n" + explain_lines(s.evaluation, lang) + "\n";
}

// What each applicant and each rejected document becomes in the chosen output (the records
// that wait, in flat memory, until the review order is known).
app::ScreeningEncoder encoder_for(const std::string& format, const ScreenOptions& o, Lang lang) {
  const bool reveal = o.request.reveal;
  app::ScreeningEncoder encoder;
  if (format == "json") {
    encoder.applicant = [=](const io::Screened& s) {
      return io::screening_json_applicant(s, !reveal, lang);
    };
    encoder.rejected = [=](const Error& e) { return io::screening_json_rejected(e, lang); };
  } else if (format == "csv") {
    encoder.applicant = [=](const io::Screened& s) { return io::screening_csv_applicant(s, lang); };
  } else if (format == "xlsx") {
    encoder.applicant = [=](const io::Screened& s) {
      return io::screening_xlsx_applicant(s, !reveal, lang);
    };
    encoder.rejected = [=](const Error& e) { return io::screening_xlsx_rejected(e, lang); };
  } else if (o.explain) {
    encoder.applicant = [=](const io::Screened& s) { return explained(s, reveal, lang); };
  } else {
    encoder.applicant = [=](const io::Screened& s) { return table_record(s, reveal, lang); };
  }
  return encoder;
}

io::RecordSource source_of(const app::SpooledRecords& records) {
  return [&records](const io::RecordVisit& visit) { return records.for_each(visit); };
}

void screen(Context& ctx, ScreenOptions& o) {
  std::string format = ctx.format({"table", "json", "csv", "xlsx"});
  if (format.empty()) return;
  std::optional<std::string> xlsx_path;
  if (format == "xlsx" && !(xlsx_path = ctx.binary_output(format))) return;
  app::ScreeningRequest& request = o.request;
  if (!o.as_of.empty()) {
    auto as_of = app::parse_as_of(o.as_of);
    if (!as_of) return ctx.fail(as_of.error());
    request.as_of = *as_of;
  }
  if (auto country = app::check_country(request.country); !country) {
    return ctx.fail(country.error());
  }
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return;
  request.people.standard_input = &std::cin;

  Lang lang = ctx.lang();
  app::ScreeningEncoder encoder = encoder_for(format, o, lang);
  auto screened = [&] {
    Progress progress(tr(MsgId::progress_documents, lang));  // cleared before the warnings
    return app::screen(request, *catalog, ctx.environment(), encoder, [&] { progress.tick(); });
  }();
  if (!screened) return ctx.fail(screened.error());
  ctx.report(screened->warnings);
  const app::Screening& s = screened->value;
  for (const Error& late : s.late_starts) ctx.warn(late);
  io::ScreeningSummary head = app::screening_summary(s);
  auto print = [&ctx](std::string_view text) { ctx.print(text); };
  Result<void> written;
  if (format == "json") {
    written =
        io::write_screening_json(head, source_of(s.applicants), source_of(s.rejected), lang, print);
  } else if (format == "csv") {
    ctx.print(io::screening_csv_header());
    written = s.applicants.for_each(print);
  } else if (format == "xlsx") {
    written = io::write_screening_xlsx(*xlsx_path, head, source_of(s.applicants),
                                       source_of(s.rejected), lang);
  } else {
    if (o.explain) {
      written = s.applicants.for_each(print);
    } else {
      // The rows shown decide the widths: a pass over them, then the table.
      const std::vector<std::string> header = table_header(request.reveal, lang);
      std::vector<std::size_t> widths;
      for (const std::string& h : header) widths.push_back(io::display_width(h));
      written = s.applicants.for_each([&](std::string_view record) {
        std::vector<std::string> cells = table_cells(record);
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
          widths[c] = std::max(widths[c], io::display_width(cells[c]));
        }
      });
      if (written) {
        ctx.print(io::table_line(header, widths) + io::table_rule(widths));
        written = s.applicants.for_each([&](std::string_view record) {
          ctx.print(io::table_line(table_cells(record), widths));
        });
      }
    }
    if (head.not_shown > 0) {
      ctx.print(render(msg(MsgId::screen_more_not_shown, head.not_shown), lang) + "\n");
    }
    if (written) {
      Message summary = msg(s.read.read == 1 ? MsgId::screen_summary_one : MsgId::screen_summary,
                            s.read.read, s.evaluated, s.read.rejected);
      ctx.print("\n" + render(summary, lang) + "\n" + tr(MsgId::screen_human_decides, lang) + "\n");
    }
  }
  if (!written) return ctx.fail(written.error());
  // Inputs that hold no applicant at all (an empty file) have reported nothing yet: say so.
  if (s.read.read == 0 && !s.read.unusable) {
    std::string inputs;
    for (const std::string& f : request.people.files) inputs += (inputs.empty() ? "" : ", ") + f;
    return ctx.fail(Error::invalid_input(msg(MsgId::screen_nothing_to_evaluate, inputs)));
  }
  // Nothing could be evaluated: unusable (2), as for a file that is missing, a
  // document that is broken or input without applicants; some evaluated, some
  // not: findings (1).
  switch (app::read_status(s.read, s.evaluated)) {
    case app::ReadStatus::unusable:
      ctx.errors_reported();
      break;
    case app::ReadStatus::partial:
      ctx.found_problems();
      break;
    case app::ReadStatus::complete:
      break;
  }
}

}  // namespace

void add_screen_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto o = std::make_shared<ScreenOptions>();
  app::ScreeningRequest& r = o->request;
  CLI::App* cmd = app.add_subcommand("screen", tr(MsgId::cmd_screen, lang));
  cmd->add_option(tr(MsgId::cli_ph_role, lang), r.role, tr(MsgId::arg_role_to_screen, lang))
      ->required();
  cmd->add_option(tr(MsgId::cli_ph_files, lang), r.people.files, tr(MsgId::arg_resume_files, lang))
      ->required();
  add_evaluation_options(*cmd, o->as_of, r.country, lang);
  cmd->add_option("--top", r.top, tr(MsgId::opt_top, lang))
      ->option_text("N")
      ->check(at_least(1, lang));  // 0 (all) is the default, not a value to give
  cmd->add_flag("--reveal", r.reveal, tr(MsgId::opt_reveal, lang));
  cmd->add_flag("--explain", o->explain, tr(MsgId::opt_explain, lang));
  cmd->callback([&ctx, o] { screen(ctx, *o); });
}

}  // namespace ccteam::cli
