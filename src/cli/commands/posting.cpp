// ccteam posting render ROLE --employer FILE: a role's job posting for an
// employer, as Markdown, HTML, plain text or schema.org JSON-LD; ccteam posting
// lint: see lint below. The use cases are app/posting; this file parses the
// options and renders the results.
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/posting/posting.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/option_checks.hpp"
#include "io/base/markup.hpp"
#include "io/posting/lint_json.hpp"
#include "io/posting/posting_writers.hpp"

namespace ccteam::cli {

namespace {

void render_posting(Context& ctx, const app::PostingRenderRequest& request) {
  std::string format = ctx.format({"md", "html", "text", "jsonld"});
  if (format.empty()) return;
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return;
  auto rendered = app::render_posting(request, *catalog, ctx.environment());
  if (!rendered) return ctx.fail(rendered.error());
  for (const posting::ProfileIssue& issue : rendered->issues) {
    if (issue.severity == posting::Severity::error) {
      ctx.report(issue.error);
    } else {
      ctx.warn(issue.error);
    }
  }
  if (!rendered->document) return ctx.fail(rendered->document.error());
  const posting::PostingDocument& doc = *rendered->document;
  if (format == "md") {
    ctx.print(io::posting_to_markdown(doc));
  } else if (format == "html") {
    ctx.print(io::posting_to_html(doc));
  } else if (format == "text") {
    ctx.print(io::posting_to_text(doc));
  } else {
    ctx.print(io::posting_to_jsonld(doc).dump(2) + "\n");
  }
}

// The options as typed; their defaults are those of app::PostingLintRequest.
struct LintArgs {
  std::vector<std::string> files;
  std::string lang = "auto";  // app::PostingLintRequest::posting_lang empty: detect
  std::vector<std::string> jurisdictions;
  std::string fail_on = std::string(posting::to_string(app::PostingLintRequest{}.fail_on));
  std::string today;  // YYYY-MM-DD; empty: today
};

// The request of 'args'. The options' checks (one_of, iso_date) have let only values through
// that convert, so a conversion here cannot fail.
app::PostingLintRequest lint_request(const LintArgs& args) {
  app::PostingLintRequest request;
  request.files = args.files;
  request.fail_on = posting::parse_severity(args.fail_on).value();
  if (args.lang != "auto") request.posting_lang = parse_lang(args.lang);
  request.jurisdictions = args.jurisdictions;
  if (!args.today.empty()) request.today = parse_iso_date(args.today).value();
  return request;
}

// The findings of one posting as lines for a terminal: the file name and the words a finding
// quotes from the posting are escaped (a posting is input); at most k_max_errors findings, then
// "... and N more" (--format json lists them all).
void print_findings(Context& ctx, const app::LintedPosting& linted) {
  Lang lang = ctx.lang();
  const std::string name = io::escape_terminal(linted.name);
  const auto& findings = linted.result.findings;
  if (findings.empty()) ctx.print(render(msg(MsgId::lint_clean, name), lang) + "\n");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (i == k_max_errors) {
      ctx.print(name + ": " + render(msg(MsgId::errors_more, findings.size() - i), lang) + "\n");
      break;
    }
    const lint::Finding& f = findings[i];
    // A finding about the whole posting (line 0) has no position to show.
    std::string where = f.line > 0 ? fmt::format("{}:{}:{}", name, f.line, f.column) : name;
    ctx.print(fmt::format("{}: {} [{}] {}\n", where, tr(posting::severity_word(f.severity), lang),
                          f.rule, render(for_terminal(f.why), lang)));
    ctx.print("  " + tr(MsgId::label_hint, lang) + ": " + render(for_terminal(f.fix), lang) + "\n");
    if (const std::string& source = f.source.get(lang); !source.empty()) {
      ctx.print("  " + std::string(f.jurisdiction.empty() ? "" : f.jurisdiction + ": ") + source +
                "\n");
    }
  }
}

void lint_postings(Context& ctx, const LintArgs& args) {
  std::string format = ctx.format({"text", "json"});
  if (format.empty()) return;
  auto lint = app::lint_postings(lint_request(args), ctx.environment());
  if (!lint) return ctx.fail(lint.error());
  if (format == "json") {
    if (lint->unreadable) return ctx.fail(*lint->unreadable);  // no partial JSON
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const app::LintedPosting& linted : lint->postings) {
      json.push_back(io::lint_result_to_json(linted.result, linted.name, ctx.lang()));
    }
    ctx.print(json.dump(2) + "\n");
  } else {
    for (const app::LintedPosting& linted : lint->postings) print_findings(ctx, linted);
    if (lint->unreadable) return ctx.fail(*lint->unreadable);
  }
  if (lint->failing) ctx.found_problems();
}

}  // namespace

void add_posting_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  CLI::App* posting = app.add_subcommand("posting", tr(MsgId::cmd_posting, lang));
  posting->require_subcommand(1);
  CLI::App* render_cmd = posting->add_subcommand("render", tr(MsgId::cmd_posting_render, lang));
  auto request = std::make_shared<app::PostingRenderRequest>();
  render_cmd->add_option(tr(MsgId::cli_ph_role, lang), request->role, tr(MsgId::arg_role_id, lang))
      ->required();
  render_cmd->add_option("--employer", request->employer_file, tr(MsgId::arg_employer, lang))
      ->required()
      ->option_text("FILE");
  render_cmd->callback([&ctx, request] {
    request->lang = ctx.lang();  // the posting in the user's language
    render_posting(ctx, *request);
  });

  CLI::App* lint_cmd = posting->add_subcommand("lint", tr(MsgId::cmd_posting_lint, lang));
  auto args = std::make_shared<LintArgs>();
  lint_cmd
      ->add_option(tr(MsgId::cli_ph_file, lang), args->files, tr(MsgId::arg_posting_files, lang))
      ->required();
  lint_cmd->add_option("--posting-lang", args->lang, tr(MsgId::lint_opt_posting_lang, lang))
      ->option_text("auto|de|en")
      ->check(one_of({"auto", "de", "en"}, lang));
  lint_cmd
      ->add_option("--jurisdiction", args->jurisdictions, tr(MsgId::lint_opt_jurisdiction, lang))
      ->option_text("CODE...")
      ->check(place_code(lang));
  lint_cmd->add_option("--fail-on", args->fail_on, tr(MsgId::lint_opt_fail_on, lang))
      ->option_text("info|warning|error")
      ->check(one_of({"info", "warning", "error"}, lang));
  lint_cmd->add_option("--today", args->today, tr(MsgId::lint_opt_today, lang))
      ->option_text("YYYY-MM-DD")
      ->check(iso_date(lang));
  lint_cmd->callback([&ctx, args] { lint_postings(ctx, *args); });
}

}  // namespace ccteam::cli
