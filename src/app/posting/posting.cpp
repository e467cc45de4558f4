#include "app/posting/posting.hpp"

#include <algorithm>

#include "app/catalog/roles.hpp"
#include "io/base/files.hpp"
#include "io/base/utf8.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/posting_data_yaml.hpp"
#include "io/posting/posting_markdown.hpp"
#include "io/posting/posting_text.hpp"
#include "io/posting/posting_writers.hpp"

namespace ccteam::app {

Checked<PostingRender> render_posting(const PostingRenderRequest& request,
                                      const catalog::Catalog& catalog, const Environment& env) {
  auto found = find_role(catalog, request.role);
  if (!found) return tl::unexpected(Errors{found.error()});
  const catalog::Role* role = *found;
  CCTEAM_TRY(auto profile_read, io::load_employer(request.employer_file));
  auto profile = std::make_shared<const posting::EmployerProfile>(std::move(profile_read));
  CCTEAM_TRY(posting::MinimumWages wages, io::load_minimum_wages(env.posting_data_dir));
  std::vector<posting::ProfileIssue> issues = posting::check_profile(*profile, catalog, wages);
  CCTEAM_TRY(lint::RuleData rules, io::load_lint_rules(env.posting_data_dir));
  for (auto& issue : lint::check_profile_laws(*profile, rules)) issues.push_back(std::move(issue));
  std::size_t errors = 0;
  for (const auto& issue : issues) {
    if (issue.severity == posting::Severity::error) ++errors;
  }
  if (errors > 0) {
    return PostingRender{
        std::move(profile), std::move(issues),
        tl::unexpected(Error::invalid_input(msg(MsgId::posting_profile_invalid, errors)))};
  }
  auto document = posting::build_posting(*role, catalog, *profile, request.lang);
  return PostingRender{std::move(profile), std::move(issues), std::move(document)};
}

Checked<std::shared_ptr<const PostingRules>> load_posting_rules(const Environment& env) {
  CCTEAM_TRY(lint::RuleData rules, io::load_lint_rules(env.posting_data_dir));
  return std::make_shared<const PostingRules>(PostingRules{std::move(rules)});
}

Checked<PostingLint> lint_postings(const PostingLintRequest& request, const Environment& env) {
  CCTEAM_TRY(std::shared_ptr<const PostingRules> loaded, load_posting_rules(env));
  const lint::RuleData& rules = loaded->lint;
  lint::LintOptions options;
  options.lang = request.posting_lang;
  options.jurisdictions = request.jurisdictions;
  options.today = request.today.value_or(env.today);
  PostingLint out;
  for (const std::string& file : request.files) {
    auto raw = io::read_file(file, 4u << 20);
    if (!raw) {
      out.unreadable = std::move(raw.error());
      break;
    }
    std::string name = file == "-" ? "<stdin>" : file;
    // Binary files and UTF-16 are refused, as by every reader of text.
    if (auto text = io::check_text(*raw, name, io::Nul::refuse); !text) {
      out.unreadable = std::move(text.error());
      break;
    }
    LintedPosting linted{name, lint::lint_posting(io::read_posting_text(*raw), rules, options)};
    for (const auto& f : linted.result.findings) {
      out.failing = out.failing || f.severity >= request.fail_on;
    }
    out.postings.push_back(std::move(linted));
  }
  return out;
}

namespace {

bool only_whitespace(std::string_view text) {
  return text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

// The codes of the profile's places, less a country that one of its regions stands for: a law
// or minimum wage of "DE" binds "DE-NI" too (lint::lint_posting), so "DE" beside "DE-NI" adds
// no law and would report each finding of a national rule twice.
std::vector<std::string> profile_jurisdictions(const posting::EmployerProfile& profile) {
  std::vector<std::string> codes;
  for (const posting::Place& place : profile.places()) codes.push_back(place.code());
  std::vector<std::string> out;
  for (const std::string& code : codes) {
    bool has_region = std::ranges::any_of(
        codes, [&](const std::string& other) { return other.starts_with(code + "-"); });
    if (!has_region) out.push_back(code);
  }
  return out;
}

}  // namespace

Result<void> apply_section_texts(posting::PostingDocument& doc,
                                 std::span<const SectionText> texts) {
  // Every text is read before any section changes, so that an error leaves 'doc' as it was.
  std::vector<std::pair<posting::Section*, std::vector<posting::Block>>> replaced;
  for (const SectionText& text : texts) {
    auto section = std::ranges::find(doc.sections, text.section, &posting::Section::id);
    if (section == doc.sections.end()) {
      return tl::unexpected(Error::invalid_input(msg(MsgId::posting_section_unknown, text.section),
                                                 {}, msg(MsgId::hint_posting_section)));
    }
    if (only_whitespace(text.markdown)) continue;
    CCTEAM_TRY(auto blocks, io::markdown_to_blocks(text.markdown, text.section));
    replaced.emplace_back(&*section, std::move(blocks));
  }
  for (auto& [section, blocks] : replaced) section->blocks = std::move(blocks);
  return {};
}

PostingCheck check_posting_document(const posting::PostingDocument& doc, const PostingRules& rules,
                                    Date today) {
  io::PostingMarkdown markdown = io::posting_to_markdown_with_lines(doc);
  lint::LintOptions options;
  options.lang = doc.lang;
  options.today = today;
  if (doc.profile != nullptr) {
    options.jurisdictions = profile_jurisdictions(*doc.profile);
    if (doc.profile->headcount > 0) options.employees = doc.profile->headcount;
  }
  lint::LintResult result =
      lint::lint_posting(io::read_posting_text(markdown.text), rules.lint, options);
  PostingCheck out;
  out.jurisdictions = std::move(result.jurisdictions);
  for (lint::Finding& finding : result.findings) {
    SectionFinding located{std::move(finding), "", 0};
    int line = located.finding.line;
    if (line > 0) {
      // The last section whose heading is on or above the line; the title's "heading" is line 1.
      located.section = "title";
      int heading = 1;
      for (std::size_t i = 0; i < doc.sections.size(); ++i) {
        if (markdown.section_lines[i] > line) break;
        located.section = doc.sections[i].id;
        heading = markdown.section_lines[i];
      }
      // The section's text starts two lines below its heading (after a blank line).
      located.section_line = std::max(0, line - heading - 1);
    }
    if (located.finding.severity == posting::Severity::error) ++out.errors;
    out.findings.push_back(std::move(located));
  }
  return out;
}

}  // namespace ccteam::app
