// ccteam posting render ROLE --employer FILE: a role's job posting for an employer, as
// Markdown, HTML, plain text or schema.org JSON-LD; ccteam posting lint: see lint below.
#include <iostream>

#include <CLI/CLI.hpp>

#include "ccteam/posting/document.hpp"
#include "ccteam/posting/profile_check.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "io/employer_yaml.hpp"
#include "io/posting_data_yaml.hpp"
#include "io/posting_writers.hpp"

namespace ccteam::cli {

namespace {

void print_warning(const Error& e, Lang lang) {
  std::string where = to_string(e.where);
  std::cerr << (where.empty() ? "ccteam" : where) << ": " << tr(MsgId::label_warning, lang) << ": "
            << render(e.message, lang) << '\n';
  if (e.hint)
    std::cerr << "  " << tr(MsgId::label_hint, lang) << ": " << render(*e.hint, lang) << '\n';
}

void render_posting(Context& ctx, const std::string& role_id, const std::string& employer) {
  std::string format = ctx.format({"md", "html", "text", "jsonld"});
  if (format.empty()) return;
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return;
  const catalog::Role* role = catalog->find(RoleId(role_id));
  if (role == nullptr) {
    ctx.report(Error{ErrorKind::not_found, msg(MsgId::role_not_found, role_id), {}, {}});
    ctx.exit_code = k_exit_unusable;
    return;
  }
  auto profile = io::load_employer(employer);
  if (!profile) {
    ctx.report(profile.error());
    ctx.exit_code = k_exit_unusable;
    return;
  }
  auto wages = io::load_minimum_wages(io::default_posting_data_dir());
  if (!wages) {
    ctx.report(wages.error());
    ctx.exit_code = k_exit_unusable;
    return;
  }
  auto issues = posting::check_profile(*profile, *catalog, *wages);
  int errors = 0;
  for (const auto& issue : issues) {
    if (issue.severity == posting::Severity::error) {
      ctx.report(issue.error);
      ++errors;
    } else {
      print_warning(issue.error, ctx.lang());
    }
  }
  if (errors > 0) {
    ctx.report(
        Error{ErrorKind::invalid_input, msg(MsgId::posting_profile_invalid, errors), {}, {}});
    ctx.exit_code = k_exit_unusable;
    return;
  }
  auto doc = posting::build_posting(*role, *catalog, *profile, ctx.lang());
  if (!doc) {
    ctx.report(doc.error());
    ctx.exit_code = k_exit_unusable;
    return;
  }
  if (format == "md") {
    ctx.print(io::posting_to_markdown(*doc));
  } else if (format == "html") {
    ctx.print(io::posting_to_html(*doc));
  } else if (format == "text") {
    ctx.print(io::posting_to_text(*doc));
  } else {
    ctx.print(io::posting_to_jsonld(*doc).dump(2) + "\n");
  }
}

}  // namespace

void add_posting_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  CLI::App* posting = app.add_subcommand("posting", tr(MsgId::cmd_posting, lang));
  posting->require_subcommand(1);
  CLI::App* render_cmd = posting->add_subcommand("render", tr(MsgId::cmd_posting_render, lang));
  auto role = std::make_shared<std::string>();
  auto employer = std::make_shared<std::string>();
  render_cmd->add_option("ROLE", *role, tr(MsgId::arg_role_id, lang))->required();
  render_cmd->add_option("--employer", *employer, tr(MsgId::arg_employer, lang))
      ->required()
      ->option_text("FILE");
  render_cmd->callback([&ctx, role, employer] { render_posting(ctx, *role, *employer); });
}

}  // namespace ccteam::cli
