// ccteam screen ROLE FILE... : check applicants against a role's requirements, blind by
// default, ordered for review, each criterion explained. Never decides (GDPR art. 22).
#include <CLI/CLI.hpp>

#include "ccteam/qualify/evaluate.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_checks.hpp"
#include "cli/people_input.hpp"
#include "io/base/error_json.hpp"
#include "io/qualify/screening_json.hpp"
#include "io/base/table.hpp"
#include "io/base/xlsx_writer.hpp"

namespace ccteam::cli {

namespace {

struct ScreenOptions {
  std::string role;
  std::vector<std::string> files;
  std::string as_of;
  std::string country = "*";
  std::size_t top = 0;  // 0: all
  bool reveal = false;
  bool explain = false;
};

struct Screened {
  qualify::Evaluation evaluation;
  qualify::Person person;  // kept for --reveal only
};

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string explain_lines(const qualify::Evaluation& e, Lang lang, bool reveal) {
  std::string out;
  for (const qualify::Criterion& c : e.criteria) {
    std::string line = fmt::format(
        "[{}] {} ({}): {}", tr(qualify::label(c.outcome), lang), io::render_text(c.title, lang),
        tr(catalog::label(c.importance), lang), io::render_text(c.explanation, lang));
    out += io::wrap(line, 96, "    ");
    for (const qualify::Evidence& ev : c.evidence) {
      if (ev.text.empty()) continue;
      // Blind: the place in the document, not the file (whose name may be the person's).
      SourcePos where = ev.where;
      if (!reveal) where = SourcePos{"", 0, 0, ev.where.json_pointer};
      out += io::wrap(fmt::format("- \"{}\" {}", ev.text, to_string(where)), 92, "      ");
    }
  }
  return out;
}

void print_table(Context& ctx, const ScreenOptions& o, const std::vector<Screened>& list) {
  Lang lang = ctx.lang();
  std::vector<std::string> headers = {tr(MsgId::screen_col_id, lang),
                                      tr(MsgId::screen_col_verdict, lang),
                                      tr(MsgId::screen_col_preferred, lang)};
  if (o.reveal) {
    headers.push_back(tr(MsgId::screen_col_name, lang));
    headers.push_back(tr(MsgId::screen_col_source, lang));
  }
  if (!o.explain) {
    io::TextTable table(headers);
    for (const Screened& s : list) {
      std::vector<std::string> row = {s.evaluation.person_id,
                                      tr(qualify::label(s.evaluation.verdict), lang),
                                      std::to_string(s.evaluation.preferred_met)};
      if (o.reveal) {
        row.push_back(s.person.personal.name);
        row.push_back(to_string(s.person.pos));
      }
      table.add_row(std::move(row));
    }
    ctx.print(table.render());
    return;
  }
  for (const Screened& s : list) {
    std::string head = fmt::format(
        "{}  {}  ({}: {})", s.evaluation.person_id, tr(qualify::label(s.evaluation.verdict), lang),
        tr(MsgId::screen_col_preferred, lang), s.evaluation.preferred_met);
    if (o.reveal) head += fmt::format("  {}  {}", s.person.personal.name, to_string(s.person.pos));
    ctx.print(head + "\n" + explain_lines(s.evaluation, lang, o.reveal) + "\n");
  }
}

void print_csv(Context& ctx, const std::vector<Screened>& list) {
  Lang lang = ctx.lang();
  ctx.print("id,verdict,preferred_met,kind,subject,importance,outcome,explanation\n");
  for (const Screened& s : list) {
    for (const qualify::Criterion& c : s.evaluation.criteria) {
      ctx.print(fmt::format("{},{},{},{},{},{},{},{}\n", csv_cell(s.evaluation.person_id),
                            qualify::to_string(s.evaluation.verdict), s.evaluation.preferred_met,
                            qualify::to_string(c.kind), csv_cell(c.subject),
                            catalog::to_string(c.importance), qualify::to_string(c.outcome),
                            csv_cell(io::render_text(c.explanation, lang))));
    }
  }
}

// Evidence of one criterion as one line; blind: the place in the document, not the file.
std::string evidence_text(const qualify::Criterion& c, bool reveal) {
  std::string out;
  for (const qualify::Evidence& ev : c.evidence) {
    if (ev.text.empty()) continue;
    SourcePos where = reveal ? ev.where : SourcePos{"", 0, 0, ev.where.json_pointer};
    out += fmt::format("{}\"{}\" {}", out.empty() ? "" : "; ", ev.text, to_string(where));
  }
  return out;
}

struct ScreenRun {
  const catalog::Role& role;
  Date as_of;
  const ReadCounts& counts;
  std::size_t evaluated;
};

// Four sheets: summary, applicants in review order, one row per criterion, rejected documents.
std::vector<io::XlsxSheet> screening_sheets(const ScreenOptions& o, const ScreenRun& run,
                                            const std::vector<Screened>& list, Lang lang) {
  using io::XlsxCell;
  auto t = [lang](MsgId id) { return tr(id, lang); };
  auto number = [](std::size_t n) { return XlsxCell{static_cast<double>(n)}; };
  io::XlsxSheet summary{t(MsgId::screen_sheet_summary), {}, {}};
  summary.rows = {
      {XlsxCell{t(MsgId::screen_row_role)}, XlsxCell{run.role.id.str()}},
      {XlsxCell{t(MsgId::screen_row_as_of)}, XlsxCell{to_iso(run.as_of)}},
      {XlsxCell{t(MsgId::screen_row_country)}, XlsxCell{o.country}},
      {XlsxCell{t(MsgId::screen_row_read)}, number(run.counts.read)},
      {XlsxCell{t(MsgId::screen_row_evaluated)}, number(run.evaluated)},
      {XlsxCell{t(MsgId::screen_row_rejected)}, number(run.counts.rejected)},
      {XlsxCell{t(MsgId::screen_row_blind)},
       XlsxCell{t(o.reveal ? MsgId::word_no : MsgId::word_yes)}},
      {XlsxCell{t(MsgId::screen_human_decides)}},
  };
  io::XlsxSheet applicants{
      t(MsgId::screen_sheet_applicants),
      {t(MsgId::screen_col_id), t(MsgId::screen_col_verdict), t(MsgId::screen_col_preferred)},
      {}};
  if (o.reveal) {
    applicants.header.push_back(t(MsgId::screen_col_name));
    applicants.header.push_back(t(MsgId::screen_col_source));
  }
  io::XlsxSheet criteria{t(MsgId::screen_sheet_criteria),
                         {t(MsgId::screen_col_id), t(MsgId::screen_col_criterion),
                          t(MsgId::screen_col_importance), t(MsgId::screen_col_outcome),
                          t(MsgId::screen_col_explanation), t(MsgId::screen_col_evidence)},
                         {}};
  for (const Screened& s : list) {
    const qualify::Evaluation& e = s.evaluation;
    std::vector<XlsxCell> row = {XlsxCell{e.person_id}, XlsxCell{t(qualify::label(e.verdict))},
                                 number(static_cast<std::size_t>(e.preferred_met))};
    if (o.reveal) {
      row.emplace_back(s.person.personal.name);
      row.emplace_back(to_string(s.person.pos));
    }
    applicants.rows.push_back(std::move(row));
    for (const qualify::Criterion& c : e.criteria) {
      criteria.rows.push_back(
          {XlsxCell{e.person_id}, XlsxCell{io::render_text(c.title, lang)},
           XlsxCell{t(catalog::label(c.importance))}, XlsxCell{t(qualify::label(c.outcome))},
           XlsxCell{io::render_text(c.explanation, lang)}, XlsxCell{evidence_text(c, o.reveal)}});
    }
  }
  io::XlsxSheet rejected{t(MsgId::screen_sheet_rejected),
                         {t(MsgId::screen_col_where), t(MsgId::screen_col_error)},
                         {}};
  for (const Error& e : run.counts.errors) {
    rejected.rows.push_back({XlsxCell{to_string(e.where)}, XlsxCell{render(e.message, lang)}});
  }
  return {std::move(summary), std::move(applicants), std::move(criteria), std::move(rejected)};
}

void screen(Context& ctx, const ScreenOptions& o) {
  std::string format = ctx.format({"table", "json", "csv", "xlsx"});
  if (format.empty()) return;
  std::optional<std::string> xlsx_path;
  if (format == "xlsx" && !(xlsx_path = ctx.binary_output(format))) return;
  std::optional<QualifySetting> setting = qualify_setting(ctx, o.as_of, o.country);
  if (!setting) return;
  const catalog::Catalog* catalog = setting->catalog;
  const Date as_of = setting->as_of;
  const catalog::Role* role = find_role(ctx, *catalog, o.role);
  if (role == nullptr) return;

  qualify::Evaluator evaluator(*catalog);
  qualify::EvaluationOptions options{as_of, o.country};
  std::vector<Screened> list;
  std::size_t evaluated = 0;
  ReadCounts counts = read_people(ctx, o.files, [&](qualify::Person&& person) {
    qualify::Evaluation e = evaluator.evaluate(person, *role, options);
    if (!o.reveal) person = qualify::Person{};  // blind: nothing identifying is kept
    list.push_back({std::move(e), std::move(person)});
    ++evaluated;
    // --top N: keep at most 2N evaluations; review order is stable, so keeping the first N of
    // a stably sorted prefix never loses one that would make the final N.
    if (o.top > 0 && list.size() >= 2 * o.top) {
      std::ranges::stable_sort(list, [](const Screened& a, const Screened& b) {
        return qualify::review_before(a.evaluation, b.evaluation);
      });
      list.resize(o.top);
    }
  });
  std::ranges::stable_sort(list, [](const Screened& a, const Screened& b) {
    return qualify::review_before(a.evaluation, b.evaluation);
  });
  if (o.top > 0 && list.size() > o.top) list.resize(o.top);

  Lang lang = ctx.lang();
  Message summary = msg(counts.read == 1 ? MsgId::screen_summary_one : MsgId::screen_summary,
                        counts.read, evaluated, counts.rejected);
  if (format == "json") {
    nlohmann::ordered_json out;
    out["role"] = role->id.str();
    out["as_of"] = to_iso(as_of);
    out["country"] = o.country;
    out["blind"] = !o.reveal;
    out["summary"] = {
        {"read", counts.read}, {"evaluated", evaluated}, {"rejected", counts.rejected}};
    out["notice"] = tr(MsgId::screen_human_decides, lang);
    nlohmann::ordered_json applicants = nlohmann::ordered_json::array();
    for (const Screened& s : list) {
      applicants.push_back(
          io::evaluation_to_json(s.evaluation, lang, o.reveal ? &s.person : nullptr));
    }
    out["applicants"] = std::move(applicants);
    nlohmann::ordered_json rejected = nlohmann::ordered_json::array();
    for (const Error& e : counts.errors) rejected.push_back(io::error_to_json(e, lang));
    out["rejected"] = std::move(rejected);
    ctx.print(out.dump(2) + "\n");
  } else if (format == "csv") {
    print_csv(ctx, list);
  } else if (format == "xlsx") {
    ScreenRun run{*role, as_of, counts, evaluated};
    if (auto written = io::write_xlsx(*xlsx_path, screening_sheets(o, run, list, lang)); !written) {
      ctx.fail(written.error());
      return;
    }
  } else {
    print_table(ctx, o, list);
    ctx.print("\n" + render(summary, lang) + "\n" + tr(MsgId::screen_human_decides, lang) + "\n");
  }
  // Nothing could be evaluated from input that was given: unusable (2), as for a file that is
  // missing or a document that is broken; some evaluated, some not: findings (1).
  if (evaluated == 0 && (counts.unusable || counts.rejected > 0)) {
    ctx.errors_reported();
  } else if (counts.rejected > 0 || counts.unusable) {
    ctx.found_problems();
  }
}

}  // namespace

void add_screen_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto o = std::make_shared<ScreenOptions>();
  CLI::App* cmd = app.add_subcommand("screen", tr(MsgId::cmd_screen, lang));
  cmd->add_option("ROLE", o->role, tr(MsgId::arg_role_to_screen, lang))->required();
  cmd->add_option("FILES", o->files, tr(MsgId::arg_resume_files, lang))->required();
  cmd->add_option("--as-of", o->as_of, tr(MsgId::opt_as_of, lang))->option_text("DATE");
  cmd->add_option("--country", o->country, tr(MsgId::opt_country, lang))->option_text("CC");
  cmd->add_option("--top", o->top, tr(MsgId::opt_top, lang))
      ->option_text("N")
      ->check(at_least(1, lang));  // 0 (all) is the default, not a value to give
  cmd->add_flag("--reveal", o->reveal, tr(MsgId::opt_reveal, lang));
  cmd->add_flag("--explain", o->explain, tr(MsgId::opt_explain, lang));
  cmd->callback([&ctx, o] { screen(ctx, *o); });
}

}  // namespace ccteam::cli
