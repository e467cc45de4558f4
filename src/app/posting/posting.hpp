#pragma once
// Use cases of job postings: rendering a role's posting for an employer (`ccteam posting
// render`), linting posting texts against the laws and good practice (`ccteam posting lint`),
// and for the workspace's posting editor replacing sections by the recruiter's Markdown and
// checking the result. The rule data (minimum wages, laws, word lists) is read from
// env.posting_data_dir.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/environment.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/lint/linter.hpp"
#include "ccteam/posting/document.hpp"
#include "ccteam/posting/profile_check.hpp"

namespace ccteam::app {

// Which posting to render.
struct PostingRenderRequest {
  std::string role;           // role id in the catalog
  std::string employer_file;  // employer profile YAML (docs/employer-format.md); "-": stdin
  Lang lang = Lang::en;       // language of the posting
};

struct PostingRender {
  // The employer profile read; the document points into it (and into the catalog).
  std::shared_ptr<const posting::EmployerProfile> profile;
  // The problems of the profile, in check order: posting::check_profile's, then the laws'
  // (lint::check_profile_laws). Warnings never stop the posting.
  std::vector<posting::ProfileIssue> issues;
  // The posting; Error::invalid_input MsgId::posting_profile_invalid (counting them) when any
  // issue is an error, else posting::build_posting's result.
  Result<posting::PostingDocument> document;
};

// Renders the posting of 'request' from 'catalog'. Errors (all-or-nothing, before any check):
// Error::not_found MsgId::role_not_found (no hint) for an unknown role, every error of the
// employer profile (file:line:col), every error of the rule data in env.posting_data_dir.
Checked<PostingRender> render_posting(const PostingRenderRequest& request,
                                      const catalog::Catalog& catalog, const Environment& env);

// Which postings to lint, and how. The defaults here are the defaults of every client.
struct PostingLintRequest {
  std::vector<std::string> files;                       // posting texts; "-": stdin
  std::optional<Lang> posting_lang;                     // empty: detected per posting
  std::vector<std::string> jurisdictions;               // ISO 3166 codes; empty: from the text
  posting::Severity fail_on = posting::Severity::info;  // lowest severity that fails the lint
  std::optional<Date> today;                            // laws in force on; empty: env.today
};

struct LintedPosting {
  std::string name;  // the file name; "<stdin>" for "-"
  lint::LintResult result;
};

struct PostingLint {
  std::vector<LintedPosting> postings;  // in the order of the files, up to 'unreadable'
  bool failing = false;                 // a finding of severity fail_on or higher
  // The first file that could not be read (Error::io or not_found) or is not UTF-8 text
  // (Error::invalid_input from io::check_text: binary, UTF-16, a NUL byte); the files after it
  // are not linted.
  std::optional<Error> unreadable;
};

// The rule data of postings, read once and then shared: the posting editor checks the text on
// every keystroke, and reading data/posting/*.yaml takes longer than linting a posting.
// Immutable once loaded, so one object serves any number of threads at once.
struct PostingRules {
  lint::RuleData lint;  // laws, phrases, coded words, reading-ease limits, places, minimum wages
};

// Reads the rule data of env.posting_data_dir (io::load_lint_rules). Error: every error of the
// rule data (file:line:col).
Checked<std::shared_ptr<const PostingRules>> load_posting_rules(const Environment& env);

// Lints every file of 'request' with the rule data of env.posting_data_dir (load_posting_rules).
// Error: every error of the rule data (file:line:col). Each file is read whole, at most 4 MiB.
Checked<PostingLint> lint_postings(const PostingLintRequest& request, const Environment& env);

// The Markdown a recruiter wrote for one section of a posting (io/posting/posting_markdown.hpp
// has what Markdown becomes).
struct SectionText {
  std::string section;   // a section id of the posting: "about", "requirements", ...
  std::string markdown;  // CommonMark, at most io::k_max_section_markdown_bytes (16 KiB)
};

// Replaces the blocks of each section named in 'texts' by io::markdown_to_blocks of its text;
// a text that is empty or only ASCII whitespace keeps ccteam's blocks of that section (the
// section is reset to ccteam's text by sending it empty), and Markdown with nothing to show (a
// thematic break, an HTML comment) leaves the section without blocks. When a section is named
// twice, its last text counts. All or nothing: 'doc' is changed only when every text is
// accepted. Errors, Error::invalid_input: a section id that is not among doc.sections,
// MsgId::posting_section_unknown with the id and hint MsgId::hint_posting_section (the first
// one); else io::markdown_to_blocks's error of the first text it refuses (too long, not UTF-8).
Result<void> apply_section_texts(posting::PostingDocument& doc, std::span<const SectionText> texts);

// A finding of the linter and where it is in the posting editor: in which section, and on which
// line of that section's text as io::blocks_to_markdown writes it.
struct SectionFinding {
  lint::Finding finding;  // its line and column are those of io::posting_to_markdown(doc)
  // A section id of the posting; "title" for the title and subtitle lines; "" for a finding
  // about the whole posting (finding.line 0, "no pay stated").
  std::string section;
  // 1-based line in io::blocks_to_markdown(section's blocks); 0 for the section's "## "
  // heading (and for the title line of "title", whose subtitle is line 1), and with section "".
  int section_line = 0;
};

// The posting editor's check of a posting.
struct PostingCheck {
  std::vector<SectionFinding> findings;    // in the linter's order: by line, then column
  std::vector<std::string> jurisdictions;  // the ones linted for: "DE-NI", "US-CO", "DE"
  int errors = 0;                          // findings of severity error
};

// Lints io::posting_to_markdown(doc) with lint::lint_posting: in the posting's language
// (doc.lang), for the jurisdictions of its employer's places (the codes of
// doc.profile->places(), as `ccteam posting lint --jurisdiction` takes them, less a country one
// of its regions is listed for: "DE-NI" binds the laws of "DE" too, and both would report a
// national rule's finding twice; from the text when the profile has no place),
// with the employer's headcount, and the laws in force on 'today'. Each finding gets the
// section its line falls in (by the section's lines in that Markdown) and its line in the
// section's text. Requires doc.profile (build_posting sets it). Never fails; pure and
// thread-safe (rules is only read).
PostingCheck check_posting_document(const posting::PostingDocument& doc, const PostingRules& rules,
                                    Date today);

}  // namespace ccteam::app
