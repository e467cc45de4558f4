#include "app/posting/posting.hpp"

#include "io/base/files.hpp"
#include "io/base/utf8.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/posting_data_yaml.hpp"
#include "io/posting/posting_text.hpp"

namespace ccteam::app {

Checked<PostingRender> render_posting(const PostingRenderRequest& request,
                                      const catalog::Catalog& catalog, const Environment& env) {
  const catalog::Role* role = catalog.find(RoleId(request.role));
  if (role == nullptr) {
    return tl::unexpected(Errors{Error::not_found(msg(MsgId::role_not_found, request.role))});
  }
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

Checked<PostingLint> lint_postings(const PostingLintRequest& request, const Environment& env) {
  CCTEAM_TRY(lint::RuleData rules, io::load_lint_rules(env.posting_data_dir));
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

}  // namespace ccteam::app
