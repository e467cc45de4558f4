// ccteam career FILE [--from ROLE] [--to ROLE] [--as-of DATE]: one person's
// readiness for the next roles on the ladder, each gap, when the experience
// rules will be met, what to work on. The path itself is app::career; this file
// parses the options and renders the result.
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/qualify/career.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_checks.hpp"
#include "io/base/table.hpp"
#include "io/base/xlsx_writer.hpp"
#include "io/qualify/career_writers.hpp"
#include "io/qualify/screening_json.hpp"

namespace ccteam::cli {

namespace {

struct CareerOptions {
  app::CareerRequest request;
  std::string file;
  std::string as_of;  // YYYY-MM-DD; empty: today
};

void print_table(Context& ctx, const qualify::CareerPath& path, const Date& as_of) {
  Lang lang = ctx.lang();
  ctx.print(render(msg(MsgId::career_title, io::career_role_name(*path.from, lang)), lang) + "\n");
  if (path.next.empty()) {
    ctx.print(render(msg(MsgId::career_no_next, io::career_role_name(*path.from, lang)), lang) +
              "\n");
    return;
  }
  for (const qualify::Readiness& r : path.next) {
    std::string verdict = tr(qualify::label(r.evaluation.verdict), lang);
    bool ready = r.evaluation.verdict == qualify::Verdict::meets ||
                 r.evaluation.verdict == qualify::Verdict::meets_by_substitution;
    ctx.print("\n" +
              render(msg(ready ? MsgId::career_ready : MsgId::career_not_ready,
                         io::career_role_name(*r.role, lang), verdict),
                     lang) +
              "\n");
    for (const qualify::Criterion& c : r.met) {
      ctx.print(io::wrap(
          "- " + render(msg(MsgId::career_met, io::render_text(c.title, lang)), lang), 96, "  "));
    }
    for (const qualify::Gap& g : r.gaps) {
      ctx.print(io::wrap("- " + io::career_gap_line(g, lang), 96, "  "));
      ctx.print(io::wrap("  " + render(msg(MsgId::career_plan, io::career_action(g, lang)), lang),
                         96, "    "));
    }
    // The required experience rules (preferred ones are gaps with their own date).
    if (r.experience_met_on) {
      // Met already (the date is the as-of date): say so, not "met on <today>
      // if ...".
      bool already = std::chrono::sys_days(*r.experience_met_on) <= std::chrono::sys_days(as_of);
      ctx.print(io::wrap(render(msg(already ? MsgId::career_already_met : MsgId::career_earliest,
                                    date_localized(already ? as_of : *r.experience_met_on)),
                                lang),
                         96, "  "));
    } else {
      ctx.print(io::wrap(tr(MsgId::career_not_by_time, lang), 96, "  "));
    }
  }
}

void career(Context& ctx, CareerOptions& o) {
  std::string format = ctx.format({"table", "json", "xlsx"});
  if (format.empty()) return;
  std::optional<std::string> xlsx_path;
  if (format == "xlsx" && !(xlsx_path = ctx.binary_output(format))) return;
  app::CareerRequest& request = o.request;
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
  request.person = app::PeopleSource{{o.file}, &std::cin};
  auto result = app::career(request, *catalog, ctx.environment());
  if (!result) return ctx.fail(result.error());
  const app::Career& c = *result;
  Lang lang = ctx.lang();
  if (format == "json") {
    ctx.print(io::career_to_json(c.path, c.person.id, c.as_of, lang).dump(2) + "\n");
  } else if (format == "xlsx") {
    if (auto written = io::write_xlsx(*xlsx_path, io::career_to_xlsx(c.path, lang)); !written) {
      ctx.fail(written.error());
    }
  } else {
    print_table(ctx, c.path, c.as_of);
  }
}

}  // namespace

void add_career_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  auto o = std::make_shared<CareerOptions>();
  app::CareerRequest& r = o->request;
  CLI::App* cmd = app.add_subcommand("career", tr(MsgId::cmd_career, lang));
  cmd->add_option(tr(MsgId::cli_ph_person, lang), o->file, tr(MsgId::arg_resume_files, lang))
      ->required();
  cmd->add_option("--from", r.from, tr(MsgId::opt_from_role, lang))->option_text("ROLE");
  cmd->add_option("--to", r.to, tr(MsgId::opt_to_role, lang))->option_text("ROLE");
  add_evaluation_options(*cmd, o->as_of, r.country, lang);
  cmd->callback([&ctx, o] { career(ctx, *o); });
}

}  // namespace ccteam::cli
