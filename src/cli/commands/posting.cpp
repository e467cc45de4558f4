// ccteam posting render ROLE --employer FILE: a role's job posting for an employer, as
// Markdown, HTML, plain text or schema.org JSON-LD; ccteam posting lint: see lint below.
#include <cmath>
#include <iostream>

#include <CLI/CLI.hpp>

#include "ccteam/core/iso_codes.hpp"
#include "ccteam/lint/linter.hpp"
#include "ccteam/posting/document.hpp"
#include "ccteam/posting/profile_check.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/base/files.hpp"
#include "io/base/install_paths.hpp"
#include "io/posting/posting_data_yaml.hpp"
#include "io/posting/posting_text.hpp"
#include "io/posting/posting_writers.hpp"

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
    ctx.fail(Error{ErrorKind::not_found, msg(MsgId::role_not_found, role_id), {}, {}});
    return;
  }
  auto profile = io::load_employer(employer);
  if (!profile) {
    ctx.fail(profile.error());
    return;
  }
  auto wages = io::load_minimum_wages(io::default_posting_data_dir());
  if (!wages) {
    ctx.fail(wages.error());
    return;
  }
  auto issues = posting::check_profile(*profile, *catalog, *wages);
  auto rules = io::load_lint_rules(io::default_posting_data_dir());
  if (!rules) {
    ctx.fail(rules.error());
    return;
  }
  for (auto& issue : lint::check_profile_laws(*profile, *rules)) issues.push_back(std::move(issue));
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
    ctx.fail(
        Error{ErrorKind::invalid_input, msg(MsgId::posting_profile_invalid, errors), {}, {}});
    return;
  }
  auto doc = posting::build_posting(*role, *catalog, *profile, ctx.lang());
  if (!doc) {
    ctx.fail(doc.error());
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

struct LintArgs {
  std::vector<std::string> files;
  std::string lang = "auto";
  std::vector<std::string> jurisdictions;
  std::string fail_on = "info";
  std::string today;  // YYYY-MM-DD; empty: the system date
};

nlohmann::ordered_json finding_to_json(const lint::Finding& f, const std::string& file, Lang lang) {
  return {{"file", file},
          {"line", f.line},
          {"column", f.column},
          {"rule", f.rule},
          {"severity", std::string(posting::to_string(f.severity))},
          {"why", render(f.why, lang)},
          {"fix", render(f.fix, lang)},
          {"source", f.source},
          {"jurisdiction", f.jurisdiction}};
}

void lint_postings(Context& ctx, const LintArgs& args) {
  std::string format = ctx.format({"text", "json"});
  if (format.empty()) return;
  auto fail_on = posting::parse_severity(args.fail_on);
  std::optional<Lang> lang;
  if (args.lang != "auto") lang = parse_lang(args.lang);
  if (!fail_on) {
    ctx.fail(Error{ErrorKind::usage,
                     msg(MsgId::plan_bad_argument, "--fail-on (info|warning|error)", args.fail_on),
                     {},
                     {}});
    return;
  }
  if (args.lang != "auto" && !lang) {
    ctx.fail(Error{ErrorKind::usage,
                     msg(MsgId::plan_bad_argument, "--posting-lang (auto|de|en)", args.lang),
                     {},
                     {}});
    return;
  }
  auto rules = io::load_lint_rules(io::default_posting_data_dir());
  if (!rules) {
    ctx.fail(rules.error());
    return;
  }
  for (const std::string& code : args.jurisdictions) {
    if (is_iso_place(code)) continue;
    ctx.fail(Error{ErrorKind::usage,
                     msg(MsgId::plan_bad_argument_expected, "--jurisdiction", code, "DE, US-CO"),
                     {},
                     {}});
    return;
  }
  lint::LintOptions options;
  options.lang = lang;
  options.jurisdictions = args.jurisdictions;
  if (args.today.empty()) {
    options.today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  } else if (auto d = parse_iso_date(args.today)) {
    options.today = *d;
  } else {
    ctx.fail(d.error());
    return;
  }
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  bool failing = false;
  for (const std::string& file : args.files) {
    auto raw = io::read_file(file, 4u << 20);
    if (!raw) {
      ctx.fail(raw.error());
      return;
    }
    auto result = lint::lint_posting(io::read_posting_text(*raw), *rules, options);
    std::string name = file == "-" ? "<stdin>" : file;
    for (const auto& f : result.findings) failing = failing || f.severity >= *fail_on;
    if (format == "json") {
      nlohmann::ordered_json doc{{"file", name},
                                 {"lang", std::string(to_string(result.lang))},
                                 {"jurisdictions", result.jurisdictions},
                                 {"gender_score", result.gender_score},
                                 {"reading_ease", nullptr},
                                 {"findings", nlohmann::ordered_json::array()}};
      if (result.reading_ease) doc["reading_ease"] = std::round(*result.reading_ease * 10) / 10;
      for (const auto& f : result.findings)
        doc["findings"].push_back(finding_to_json(f, name, ctx.lang()));
      json.push_back(doc);
      continue;
    }
    if (result.findings.empty()) ctx.print(render(msg(MsgId::lint_clean, name), ctx.lang()) + "\n");
    for (const auto& f : result.findings) {
      ctx.print(fmt::format("{}:{}:{}: {} [{}] {}\n", name, f.line, f.column,
                            posting::to_string(f.severity), f.rule, render(f.why, ctx.lang())));
      ctx.print("  " + tr(MsgId::label_hint, ctx.lang()) + ": " + render(f.fix, ctx.lang()) + "\n");
      if (!f.source.empty()) {
        ctx.print("  " + std::string(f.jurisdiction.empty() ? "" : f.jurisdiction + ": ") +
                  f.source + "\n");
      }
    }
  }
  if (format == "json") ctx.print(json.dump(2) + "\n");
  if (failing) ctx.found_problems();
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

  CLI::App* lint_cmd = posting->add_subcommand("lint", tr(MsgId::cmd_posting_lint, lang));
  auto args = std::make_shared<LintArgs>();
  lint_cmd->add_option("FILE", args->files, tr(MsgId::arg_posting_files, lang))->required();
  lint_cmd->add_option("--posting-lang", args->lang, tr(MsgId::lint_opt_posting_lang, lang))
      ->option_text("auto|de|en");
  lint_cmd
      ->add_option("--jurisdiction", args->jurisdictions, tr(MsgId::lint_opt_jurisdiction, lang))
      ->option_text("CODE...");
  lint_cmd->add_option("--fail-on", args->fail_on, tr(MsgId::lint_opt_fail_on, lang))
      ->option_text("info|warning|error");
  lint_cmd->add_option("--today", args->today, tr(MsgId::lint_opt_today, lang))
      ->option_text("YYYY-MM-DD");
  lint_cmd->callback([&ctx, args] { lint_postings(ctx, *args); });
}

}  // namespace ccteam::cli
