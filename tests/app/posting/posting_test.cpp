// The posting use cases, called directly (no binary), with the rule data of data/posting.
#include "app/posting/posting.hpp"

#include <gtest/gtest.h>

#include "app/catalog/catalog.hpp"
#include "io/posting/posting_data_yaml.hpp"
#include "io/posting/posting_text.hpp"
#include "io/posting/posting_writers.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

using namespace std::chrono_literals;

Environment test_environment() {
  return Environment{Date{2026y / std::chrono::December / 1},
                     test::repo_data_path("catalog").string(),
                     test::repo_data_path("posting").string()};
}

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = *load_catalog({}, test_environment());
  return c;
}

TEST(PostingRenderUseCase, RendersTheGermanManagerPosting) {
  PostingRenderRequest request{
      "manager", test::repo_data_path("examples/employer-de.yaml").string(), Lang::de};
  auto rendered = render_posting(request, default_catalog(), test_environment());
  ASSERT_TRUE(rendered.has_value());
  ASSERT_TRUE(rendered->document.has_value()) << render(rendered->document.error(), Lang::en);
  EXPECT_EQ(rendered->document->title, "Callcenter-Manager (m/w/d)");
}

// below-minimum.yaml: 2,000 EUR a month at 40 h is 2000 * 3 / 13 / 40 = 11.53 EUR/h, below
// 13.90 (MiLoV5); valid_through (line 11, col 16) is before posting_date. Nothing is rendered.
TEST(PostingRenderUseCase, ProfileErrorsNameTheFieldAndStopTheRender) {
  PostingRenderRequest request{
      "agent", test::data_path("posting/employer/below-minimum.yaml").string(), Lang::en};
  auto rendered = render_posting(request, default_catalog(), test_environment());
  ASSERT_TRUE(rendered.has_value());
  ASSERT_FALSE(rendered->document.has_value());
  EXPECT_EQ(rendered->document.error().message.id, MsgId::posting_profile_invalid);
  bool valid_through = false;
  for (const posting::ProfileIssue& issue : rendered->issues) {
    if (issue.error.where.json_pointer == "/valid_through") {
      valid_through = true;
      EXPECT_EQ(issue.severity, posting::Severity::error);
      EXPECT_EQ(issue.error.where.line, 11);
      EXPECT_EQ(issue.error.where.column, 16);
    }
  }
  EXPECT_TRUE(valid_through);
}

// Every posting ccteam renders (each role of the catalog, both languages, both example
// employers, Markdown, text and HTML) passes ccteam's own linter at its default level: no
// finding at all, not even advice. Each finding is printed with the posting it is in.
TEST(PostingRenderUseCase, EveryRenderedPostingPassesTheLinter) {
  auto rules = io::load_lint_rules(test_environment().posting_data_dir);
  ASSERT_TRUE(rules.has_value());
  lint::LintOptions options;
  options.today = test_environment().today;
  int linted = 0;
  for (const catalog::Role& role : default_catalog().roles) {
    for (const char* employer : {"examples/employer-de.yaml", "examples/employer-us.yaml"}) {
      for (Lang lang : {Lang::de, Lang::en}) {
        PostingRenderRequest request{role.id.str(), test::repo_data_path(employer).string(), lang};
        auto rendered = render_posting(request, default_catalog(), test_environment());
        ASSERT_TRUE(rendered.has_value());
        ASSERT_TRUE(rendered->document.has_value()) << role.id.str() << " " << employer;
        const posting::PostingDocument& doc = *rendered->document;
        std::pair<const char*, std::string> formats[] = {{"md", io::posting_to_markdown(doc)},
                                                         {"text", io::posting_to_text(doc)},
                                                         {"html", io::posting_to_html(doc)}};
        for (const auto& [format, text] : formats) {
          lint::LintResult result =
              lint::lint_posting(io::read_posting_text(text), *rules, options);
          ++linted;
          for (const lint::Finding& f : result.findings) {
            ADD_FAILURE() << role.id.str() << " " << employer << " " << to_string(lang) << " "
                          << format << " " << f.line << ":" << f.column << " " << f.rule << ": "
                          << render(f.why, Lang::en);
          }
        }
      }
    }
  }
  EXPECT_EQ(linted, static_cast<int>(default_catalog().roles.size()) * 2 * 2 * 3);
}

TEST(PostingRenderUseCase, UnknownRoleIsNotFound) {
  PostingRenderRequest request{"ceo", test::repo_data_path("examples/employer-de.yaml").string(),
                               Lang::en};
  auto rendered = render_posting(request, default_catalog(), test_environment());
  ASSERT_FALSE(rendered.has_value());
  EXPECT_EQ(rendered.error()[0].kind, ErrorKind::not_found);
}

// en-defects.md (Denver, CO): findings worked out by hand in tests/ccteam/lint/linter_test.cpp;
// the first is agg-age at 3:10 ("young"), a warning.
TEST(PostingLintUseCase, FindingsAtTheirLineAndColumn) {
  PostingLintRequest request;
  EXPECT_EQ(request.fail_on, posting::Severity::info);
  request.files = {test::data_path("posting/lint/en-defects.md").string()};
  auto lint = lint_postings(request, test_environment());  // today: 2026-12-01 from env
  ASSERT_TRUE(lint.has_value());
  ASSERT_EQ(lint->postings.size(), 1u);
  const lint::LintResult& r = lint->postings[0].result;
  EXPECT_EQ(r.jurisdictions, std::vector<std::string>{"US-CO"});
  ASSERT_EQ(r.findings.size(), 5u);
  EXPECT_EQ(r.findings[0].rule, "agg-age");
  EXPECT_EQ(r.findings[0].line, 3);
  EXPECT_EQ(r.findings[0].column, 10);
  EXPECT_EQ(r.findings[4].rule, "min-wage");
  EXPECT_EQ(r.findings[4].line, 13);
  EXPECT_TRUE(lint->failing);
  EXPECT_FALSE(lint->unreadable.has_value());
}

TEST(PostingLintUseCase, CleanPostingDoesNotFail) {
  PostingLintRequest request;
  request.files = {test::data_path("posting/lint/de-clean.html").string()};
  auto lint = lint_postings(request, test_environment());
  ASSERT_TRUE(lint.has_value());
  EXPECT_TRUE(lint->postings[0].result.findings.empty());
  EXPECT_FALSE(lint->failing);
}

TEST(PostingLintUseCase, StopsAtAFileThatCannotBeRead) {
  PostingLintRequest request;
  request.files = {test::data_path("posting/lint/de-clean.html").string(), "no-such-file.md",
                   test::data_path("posting/lint/en-defects.md").string()};
  auto lint = lint_postings(request, test_environment());
  ASSERT_TRUE(lint.has_value());
  EXPECT_EQ(lint->postings.size(), 1u);
  ASSERT_TRUE(lint->unreadable.has_value());
  EXPECT_FALSE(lint->failing);
}

TEST(PostingLintUseCase, BrokenRuleDataIsAnError) {
  Environment env = test_environment();
  env.posting_data_dir = test::data_path("no-such-dir").string();
  auto lint = lint_postings(PostingLintRequest{}, env);
  EXPECT_FALSE(lint.has_value());
}

}  // namespace
}  // namespace ccteam::app
