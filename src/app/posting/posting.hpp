#pragma once
// Use cases of job postings: rendering a role's posting for an employer (`ccteam posting
// render`) and linting posting texts against the laws and good practice (`ccteam posting
// lint`); later the server's posting pages. The rule data (minimum wages, laws, word lists)
// is read from env.posting_data_dir.

#include <memory>
#include <optional>
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

// Lints every file of 'request' with the rule data of env.posting_data_dir. Error: every error
// of the rule data (file:line:col). Each file is read whole, at most 4 MiB.
Checked<PostingLint> lint_postings(const PostingLintRequest& request, const Environment& env);

}  // namespace ccteam::app
