// ccteam career FILE [--from ROLE] [--to ROLE] [--as-of DATE]: one person's readiness for the
// next roles on the ladder, each gap, when the experience rules will be met, what to work on.
#include <CLI/CLI.hpp>

#include "ccteam/qualify/career.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/people_input.hpp"
#include "io/qualify/screening_json.hpp"
#include "io/base/table.hpp"
#include "io/base/xlsx_writer.hpp"

namespace ccteam::cli {

namespace {

struct CareerOptions {
  std::string file;
  std::string from;
  std::string to;
  std::string as_of;
  std::string country = "*";
};

std::string gap_text(const qualify::Readiness& r, std::size_t i, std::size_t& experience_index,
                     Lang lang) {
  const qualify::Criterion& c = r.gaps[i];
  if (c.kind == qualify::CriterionKind::experience && experience_index < r.months_missing.size()) {
    std::string kind = c.subject.substr(0, c.subject.find(">="));
    return io::render_text(
        msg(MsgId::career_gap_experience, r.months_missing[experience_index++], kind), lang);
  }
  return render(msg(MsgId::career_gap_other, io::render_text(c.title, lang),
                    io::render_text(c.explanation, lang)),
                lang);
}

// A gap in the table, marked when it is only preferred (the role can be reached without it).
std::string gap_line(const qualify::Readiness& r, std::size_t i, std::size_t& experience_index,
                     Lang lang) {
  std::string text = gap_text(r, i, experience_index, lang);
  if (r.gaps[i].importance == catalog::Importance::preferred)
    text += " (" + tr(MsgId::term_preferred, lang) + ")";
  return text;
}

// "Call-Center Team Lead (team-lead)": the title in the reader's language and the id for --to.
std::string role_name(const catalog::Role& role, Lang lang) {
  return role.title.get(lang) + " (" + role.id.str() + ")";
}

void print_table(Context& ctx, const qualify::CareerPath& path, const Date& as_of) {
  Lang lang = ctx.lang();
  ctx.print(render(msg(MsgId::career_title, role_name(*path.from, lang)), lang) + "\n");
  if (path.next.empty()) {
    ctx.print(render(msg(MsgId::career_no_next, role_name(*path.from, lang)), lang) + "\n");
    return;
  }
  for (const qualify::Readiness& r : path.next) {
    std::string verdict = tr(qualify::label(r.evaluation.verdict), lang);
    bool ready = r.evaluation.verdict == qualify::Verdict::meets ||
                 r.evaluation.verdict == qualify::Verdict::meets_by_substitution;
    ctx.print("\n" +
              render(msg(ready ? MsgId::career_ready : MsgId::career_not_ready,
                         role_name(*r.role, lang), verdict),
                     lang) +
              "\n");
    std::size_t experience_index = 0;
    for (std::size_t i = 0; i < r.gaps.size(); ++i) {
      ctx.print(io::wrap("- " + gap_line(r, i, experience_index, lang), 96, "  "));
    }
    if (r.experience_met_on) {
      // Met already (the date is the as-of date): say so, not "met on <today> if ...".
      bool already = std::chrono::sys_days(*r.experience_met_on) <= std::chrono::sys_days(as_of);
      ctx.print(io::wrap(render(msg(already ? MsgId::career_already_met : MsgId::career_earliest,
                                    to_iso(already ? as_of : *r.experience_met_on)),
                                lang),
                         96, "  "));
    } else {
      ctx.print(io::wrap(tr(MsgId::career_not_by_time, lang), 96, "  "));
    }
    for (const LocalizedText& step : r.plan) {
      ctx.print(io::wrap(render(msg(MsgId::career_plan, step.get(lang)), lang), 96, "  "));
    }
  }
}

nlohmann::ordered_json to_json(const qualify::CareerPath& path, const qualify::Person& person,
                               const Date& as_of, Lang lang) {
  nlohmann::ordered_json out;
  out["id"] = person.id;
  out["as_of"] = to_iso(as_of);
  out["from"] = path.from->id.str();
  nlohmann::ordered_json next = nlohmann::ordered_json::array();
  for (const qualify::Readiness& r : path.next) {
    nlohmann::ordered_json item;
    item["role"] = r.role->id.str();
    item["verdict"] = qualify::to_string(r.evaluation.verdict);
    item["verdict_text"] = tr(qualify::label(r.evaluation.verdict), lang);
    nlohmann::ordered_json gaps = nlohmann::ordered_json::array();
    std::size_t experience_index = 0;
    for (std::size_t i = 0; i < r.gaps.size(); ++i) {
      nlohmann::ordered_json gap = io::criterion_to_json(r.gaps[i], lang);
      if (r.gaps[i].kind == qualify::CriterionKind::experience &&
          experience_index < r.months_missing.size()) {
        gap["months_missing"] = r.months_missing[experience_index];
      }
      gap["text"] = gap_text(r, i, experience_index, lang);
      gaps.push_back(std::move(gap));
    }
    item["gaps"] = std::move(gaps);
    item["experience_met_on"] = r.experience_met_on
                                    ? nlohmann::ordered_json(to_iso(*r.experience_met_on))
                                    : nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json plan = nlohmann::ordered_json::array();
    for (const LocalizedText& step : r.plan) plan.push_back(step.get(lang));
    item["plan"] = std::move(plan);
    next.push_back(std::move(item));
  }
  out["next"] = std::move(next);
  return out;
}

// One row per gap of each next role (a role without gaps gets one row), with the role's
// verdict, earliest date and plan repeated so that the sheet can be filtered by any column.
io::XlsxSheet career_sheet(const qualify::CareerPath& path, Lang lang) {
  using io::XlsxCell;
  auto t = [lang](MsgId id) { return tr(id, lang); };
  io::XlsxSheet sheet{t(MsgId::career_sheet_gaps),
                      {t(MsgId::career_col_role), t(MsgId::screen_col_verdict),
                       t(MsgId::career_col_gap), t(MsgId::career_col_months_missing),
                       t(MsgId::career_col_earliest), t(MsgId::career_col_plan)},
                      {}};
  for (const qualify::Readiness& r : path.next) {
    std::string plan;
    for (const LocalizedText& step : r.plan) plan += (plan.empty() ? "" : "; ") + step.get(lang);
    std::string earliest = r.experience_met_on ? to_iso(*r.experience_met_on) : "";
    auto row = [&](std::string gap, std::optional<int> months) {
      sheet.rows.push_back(
          {XlsxCell{role_name(*r.role, lang)}, XlsxCell{t(qualify::label(r.evaluation.verdict))},
           XlsxCell{std::move(gap)}, months ? XlsxCell{static_cast<double>(*months)} : XlsxCell{""},
           XlsxCell{earliest}, XlsxCell{plan}});
    };
    std::size_t experience_index = 0;
    for (std::size_t i = 0; i < r.gaps.size(); ++i) {
      std::optional<int> months;
      if (r.gaps[i].kind == qualify::CriterionKind::experience &&
          experience_index < r.months_missing.size()) {
        months = r.months_missing[experience_index];
      }
      row(gap_line(r, i, experience_index, lang), months);
    }
    if (r.gaps.empty()) row("", std::nullopt);
  }
  return sheet;
}

void career(Context& ctx, const CareerOptions& o) {
  std::string format = ctx.format({"table", "json", "xlsx"});
  if (format.empty()) return;
  std::optional<std::string> xlsx_path;
  if (format == "xlsx" && !(xlsx_path = ctx.binary_output(format))) return;
  std::optional<QualifySetting> setting = qualify_setting(ctx, o.as_of, o.country);
  if (!setting) return;
  const catalog::Catalog* catalog = setting->catalog;
  const Date as_of = setting->as_of;
  std::vector<qualify::Person> people;
  ReadCounts counts =
      read_people(ctx, {o.file}, [&](qualify::Person&& p) { people.push_back(std::move(p)); });
  if (counts.unusable || people.size() != 1 || counts.rejected > 0) {
    if (!counts.unusable && counts.rejected == 0) {
      ctx.report(Error{ErrorKind::invalid_input,
                       msg(MsgId::career_person_count, o.file, people.size()),
                       {},
                       {}});
    }
    ctx.errors_reported();
    return;
  }
  qualify::Evaluator evaluator(*catalog);
  qualify::EvaluationOptions options{as_of, o.country};
  const catalog::Role* from =
      o.from.empty() ? qualify::entry_role(*catalog) : find_role(ctx, *catalog, o.from);
  if (from == nullptr) return;
  const catalog::Role* to = nullptr;
  if (!o.to.empty() && (to = find_role(ctx, *catalog, o.to)) == nullptr) return;
  if (to != nullptr && to->rank <= from->rank) {
    ctx.fail(Error{ErrorKind::usage,
                     msg(MsgId::career_to_not_above, to->id.str(), from->id.str()),
                     {},
                     msg(MsgId::hint_career_from)});
    return;
  }
  qualify::CareerPath path =
      qualify::career_path(evaluator, people[0], *from, *catalog, options, to);
  if (format == "json") {
    ctx.print(to_json(path, people[0], as_of, ctx.lang()).dump(2) + "\n");
  } else if (format == "xlsx") {
    if (auto written = io::write_xlsx(*xlsx_path, {career_sheet(path, ctx.lang())}); !written) {
      ctx.fail(written.error());
    }
  } else {
    print_table(ctx, path, as_of);
  }
}

}  // namespace

void add_career_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto o = std::make_shared<CareerOptions>();
  CLI::App* cmd = app.add_subcommand("career", tr(MsgId::cmd_career, lang));
  cmd->add_option("PERSON", o->file, tr(MsgId::arg_resume_files, lang))->required();
  cmd->add_option("--from", o->from, tr(MsgId::opt_from_role, lang))->option_text("ROLE");
  cmd->add_option("--to", o->to, tr(MsgId::opt_to_role, lang))->option_text("ROLE");
  cmd->add_option("--as-of", o->as_of, tr(MsgId::opt_as_of, lang))->option_text("DATE");
  cmd->add_option("--country", o->country, tr(MsgId::opt_country, lang))->option_text("CC");
  cmd->callback([&ctx, o] { career(ctx, *o); });
}

}  // namespace ccteam::cli
