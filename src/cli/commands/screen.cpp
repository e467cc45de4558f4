// ccteam screen ROLE FILE... : check applicants against a role's requirements,
// blind by default, ordered for review, each criterion explained. Never decides
// (GDPR art. 22). The screening itself is app::screen; this file parses the
// options and renders the result.
#include <iostream>

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

void print_table(Context& ctx, const ScreenOptions& o, const std::vector<io::Screened>& list,
                 std::size_t not_shown) {
  Lang lang = ctx.lang();
  const bool reveal = o.request.reveal;
  std::vector<std::string> headers = {tr(MsgId::screen_col_id, lang),
                                      tr(MsgId::screen_col_verdict, lang),
                                      tr(MsgId::screen_col_preferred, lang)};
  if (reveal) {
    headers.push_back(tr(MsgId::screen_col_name, lang));
    headers.push_back(tr(MsgId::screen_col_source, lang));
  }
  if (!o.explain) {
    io::TextTable table(headers);
    for (const io::Screened& s : list) {
      std::vector<std::string> row = {s.evaluation.person_id,
                                      tr(qualify::label(s.evaluation.verdict), lang),
                                      std::to_string(s.evaluation.preferred_met)};
      if (reveal) {
        row.push_back(s.person.personal.name);
        row.push_back(to_string(s.person.pos));
      }
      table.add_row(std::move(row));
    }
    ctx.print(table.render());
    if (not_shown > 0) ctx.print(render(msg(MsgId::screen_more_not_shown, not_shown), lang) + "\n");
    return;
  }
  for (const io::Screened& s : list) {
    std::string head = fmt::format(
        "{}  {}  ({}: {})", s.evaluation.person_id, tr(qualify::label(s.evaluation.verdict), lang),
        tr(MsgId::screen_col_preferred, lang), s.evaluation.preferred_met);
    if (reveal) {
      head += fmt::format("  {}  {}", io::escape_terminal(s.person.personal.name),
                          io::escape_terminal(to_string(s.person.pos)));
    }
    ctx.print(head + "\n" + explain_lines(s.evaluation, lang) + "\n");
  }
  if (not_shown > 0) ctx.print(render(msg(MsgId::screen_more_not_shown, not_shown), lang) + "\n");
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
  auto screened = [&] {
    Progress progress(tr(MsgId::progress_documents, lang));  // cleared before the warnings
    return app::screen(request, *catalog, ctx.environment(), [&] { progress.tick(); });
  }();
  if (!screened) return ctx.fail(screened.error());
  ctx.report(screened->warnings);
  const app::Screening& s = screened->value;
  for (const Error& late : s.late_starts) ctx.warn(late);
  io::ScreeningSummary head = app::screening_summary(s);
  if (format == "json") {
    ctx.print(io::screening_to_json(head, s.applicants, s.read.rejected_errors, lang).dump(2) +
              "\n");
  } else if (format == "csv") {
    ctx.print(io::screening_to_csv(s.applicants, lang));
  } else if (format == "xlsx") {
    auto sheets = io::screening_to_xlsx(head, s.applicants, s.read.rejected_errors, lang);
    if (auto written = io::write_xlsx(*xlsx_path, sheets); !written) {
      return ctx.fail(written.error());
    }
  } else {
    print_table(ctx, o, s.applicants, head.not_shown);
    Message summary = msg(s.read.read == 1 ? MsgId::screen_summary_one : MsgId::screen_summary,
                          s.read.read, s.evaluated, s.read.rejected);
    ctx.print("\n" + render(summary, lang) + "\n" + tr(MsgId::screen_human_decides, lang) + "\n");
  }
  // Nothing could be evaluated from input that was given: unusable (2), as for
  // a file that is missing or a document that is broken; some evaluated, some
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
  cmd->add_option("ROLE", r.role, tr(MsgId::arg_role_to_screen, lang))->required();
  cmd->add_option("FILES", r.people.files, tr(MsgId::arg_resume_files, lang))->required();
  cmd->add_option("--as-of", o->as_of, tr(MsgId::opt_as_of, lang))->option_text("DATE");
  cmd->add_option("--country", r.country, tr(MsgId::opt_country, lang))->option_text("CC");
  cmd->add_option("--top", r.top, tr(MsgId::opt_top, lang))
      ->option_text("N")
      ->check(at_least(1, lang));  // 0 (all) is the default, not a value to give
  cmd->add_flag("--reveal", r.reveal, tr(MsgId::opt_reveal, lang));
  cmd->add_flag("--explain", o->explain, tr(MsgId::opt_explain, lang));
  cmd->callback([&ctx, o] { screen(ctx, *o); });
}

}  // namespace ccteam::cli
