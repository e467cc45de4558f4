// The screening use case, called directly (no binary). Expected values are worked out from
// the résumés in tests/data/resumes and the default catalog's rules (see each test).
#include "app/qualify/screening.hpp"

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "app/catalog/catalog.hpp"
#include "support/paths.hpp"

namespace ccteam::app {
namespace {

using namespace std::chrono_literals;

Environment test_environment() {
  return Environment{Date{2026y / std::chrono::December / 5},
                     test::repo_data_path("catalog").string(),
                     test::repo_data_path("posting").string()};
}

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = *load_catalog({}, test_environment());
  return c;
}

std::string resume(const std::string& name) { return test::data_path("resumes/" + name).string(); }

// Each applicant as "id verdict name" and each rejected document as "line:column": enough to
// check the order and what is kept, as the CLI's encoders see the same values.
ScreeningEncoder test_encoder() {
  return ScreeningEncoder{
      [](const io::Screened& s) {
        return s.evaluation.person_id + " " +
               std::string(qualify::to_string(s.evaluation.verdict)) + " " + s.person.personal.name;
      },
      [](const Error& e) {
        return std::to_string(e.where.line) + ":" + std::to_string(e.where.column);
      }};
}

std::vector<std::string> records(const SpooledRecords& spooled) {
  std::vector<std::string> out;
  auto read = spooled.for_each([&](std::string_view r) { out.emplace_back(r); });
  EXPECT_TRUE(read.has_value());
  return out;
}

Result<Outcome<Screening>> screen(const ScreeningRequest& request, const catalog::Catalog& catalog,
                                  const Environment& env) {
  return app::screen(request, catalog, env, test_encoder());
}

ScreeningRequest agent_request(std::vector<std::string> files) {
  ScreeningRequest r;
  r.role = "agent";
  r.people.files = std::move(files);
  r.as_of = Date{2025y / std::chrono::December / 31};
  return r;
}

// batch.ndjson: 7 lines, 5 broken (an impossible date, invalid JSON, work not an array, end
// before start, a copy of the impossible date) and 2 readable: A1, the Kundenberaterin with
// 2020-01..2021-12 = 24 months of customer service, no education (>= the 12 months that stand
// in for upper secondary: meets by substitution), and A7, an Abitur with no work (needs review).
TEST(ScreeningUseCase, CountsRejectedDocumentsAndOrdersForReview) {
  auto s = screen(agent_request({resume("batch.ndjson")}), default_catalog(), test_environment());
  ASSERT_TRUE(s.has_value());
  const Screening& v = s->value;
  EXPECT_EQ(v.read.read, 7u);
  EXPECT_EQ(v.evaluated, 2u);
  EXPECT_EQ(v.read.rejected, 5u);
  EXPECT_EQ(v.read.rejected_errors.size(), 0u);  // handed to the encoder instead
  EXPECT_EQ(s->warnings.size(), 5u);
  // The second rejected document: line 4, column 12 (the 'o' of "oops").
  std::vector<std::string> rejected = records(v.rejected);
  ASSERT_EQ(rejected.size(), 5u);
  EXPECT_EQ(rejected[1], "4:12");
  EXPECT_EQ(records(v.applicants),
            (std::vector<std::string>{"A1 meets_by_substitution ", "A7 needs_review "}));
  EXPECT_EQ(read_status(v.read, v.evaluated), ReadStatus::partial);
}

TEST(ScreeningUseCase, BlindByDefaultRevealKeepsTheName) {
  ScreeningRequest request = agent_request({resume("batch.ndjson")});
  auto blind = screen(request, default_catalog(), test_environment());
  ASSERT_TRUE(blind.has_value());
  EXPECT_TRUE(blind->value.blind);
  EXPECT_EQ(records(blind->value.applicants)[0], "A1 meets_by_substitution ");
  request.reveal = true;
  auto revealed = screen(request, default_catalog(), test_environment());
  ASSERT_TRUE(revealed.has_value());
  EXPECT_FALSE(revealed->value.blind);
  EXPECT_EQ(records(revealed->value.applicants)[0], "A1 meets_by_substitution Ada Probe");
}

// The batch twice: A1, A7 and their copies A8, A14; review order A1, A8 (by substitution),
// A7, A14 (needs review); the top 2 are A1 and A8, and all 4 were evaluated.
TEST(ScreeningUseCase, TopKeepsTheFirstInReviewOrder) {
  ScreeningRequest request = agent_request({resume("batch.ndjson"), resume("batch.ndjson")});
  request.top = 2;
  auto s = screen(request, default_catalog(), test_environment());
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->value.evaluated, 4u);
  EXPECT_EQ(records(s->value.applicants),
            (std::vector<std::string>{"A1 meets_by_substitution ", "A8 meets_by_substitution "}));
  EXPECT_EQ(screening_summary(s->value).not_shown, 2u);
}

// The same order without --top: all four, the copies after their originals (stable), and the
// order holds when the records have gone to the spool's temporary file (records of 1 MiB each:
// four of them pass the spool's memory limit).
TEST(ScreeningUseCase, ReviewOrderIsStableAndSurvivesTheSpoolFile) {
  ScreeningRequest request = agent_request({resume("batch.ndjson"), resume("batch.ndjson")});
  ScreeningEncoder big = test_encoder();
  big.applicant = [](const io::Screened& s) {
    return s.evaluation.person_id + std::string(std::size_t{1} << 20, '.');
  };
  auto s = app::screen(request, default_catalog(), test_environment(), big);
  ASSERT_TRUE(s.has_value());
  std::vector<std::string> ids;
  for (const std::string& r : records(s->value.applicants)) ids.push_back(r.substr(0, r.find('.')));
  EXPECT_EQ(ids, (std::vector<std::string>{"A1", "A8", "A7", "A14"}));
}

TEST(ScreeningUseCase, DefaultsAreTodayEveryCountryAllAndBlind) {
  ScreeningRequest request;
  EXPECT_EQ(request.country, "*");
  EXPECT_EQ(request.top, 0u);
  EXPECT_FALSE(request.reveal);
  request.role = "agent";
  request.people.files = {resume("agent-de.json")};
  auto s = screen(request, default_catalog(), test_environment());
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->value.as_of, test_environment().today);
  EXPECT_EQ(s->value.country, "*");
  EXPECT_EQ(read_status(s->value.read, s->value.evaluated), ReadStatus::complete);
}

TEST(ScreeningUseCase, StandardInputIsReadOnce) {
  std::istringstream in(R"({"work":[{"position":"Agent","startDate":"2021-01"}]})"
                        "\n");
  ScreeningRequest request = agent_request({"-", "-"});
  request.people.standard_input = &in;
  auto s = screen(request, default_catalog(), test_environment());
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->value.read.read, 1u);
  EXPECT_TRUE(s->value.read.unusable);
  ASSERT_EQ(s->warnings.size(), 1u);
  EXPECT_EQ(s->warnings[0].kind, ErrorKind::usage);
  EXPECT_EQ(s->warnings[0].message.id, MsgId::people_stdin_twice);
  EXPECT_EQ(read_status(s->value.read, s->value.evaluated), ReadStatus::partial);
}

// A job that starts after the as-of date is a warning at the job, not at its date and not among
// the reading problems: in this text the second job's object opens on line 5, column 5 (4
// blanks), its start date is on line 7.
TEST(ScreeningUseCase, LateStartWarnsAtTheJob) {
  std::istringstream in(
      "{\n"
      "  \"work\": [\n"
      "    {\"position\": \"Kundenberater\",\n"
      "     \"startDate\": \"2020-01\"},\n"
      "    {\n"
      "      \"position\": \"Kundenberaterin\",\n"
      "      \"startDate\": \"2027-01\"\n"
      "    }\n"
      "  ]\n"
      "}\n");
  ScreeningRequest request = agent_request({"-"});
  request.people.standard_input = &in;
  auto s = screen(request, default_catalog(), test_environment());
  ASSERT_TRUE(s.has_value());
  EXPECT_TRUE(s->warnings.empty());
  EXPECT_EQ(s->value.evaluated, 1u);
  ASSERT_EQ(s->value.late_starts.size(), 1u);
  const Error& late = s->value.late_starts[0];
  EXPECT_EQ(to_string(late.where), "<stdin>:5:5 (/work/1)");  // standard input names no file
  EXPECT_EQ(render(late.message, Lang::en),
            "this job starts on 2027-01-01, after the as-of date 2025-12-31: it adds no "
            "experience");
}

// all-broken.ndjson: an impossible date and invalid JSON, nothing to evaluate.
TEST(ScreeningUseCase, NothingEvaluatedIsUnusable) {
  auto s =
      screen(agent_request({resume("all-broken.ndjson")}), default_catalog(), test_environment());
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->value.read.read, 2u);
  EXPECT_EQ(s->value.evaluated, 0u);
  EXPECT_EQ(read_status(s->value.read, s->value.evaluated), ReadStatus::unusable);
}

TEST(ScreeningUseCase, UnknownRoleNamesTheKnownOnes) {
  ScreeningRequest request = agent_request({resume("agent-de.json")});
  request.role = "ceo";
  auto s = screen(request, default_catalog(), test_environment());
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().kind, ErrorKind::not_found);
  EXPECT_EQ(s.error().message.id, MsgId::role_not_found);
  ASSERT_TRUE(s.error().hint.has_value());
  EXPECT_EQ(render(*s.error().hint, Lang::en), "known roles: 'agent', 'team-lead', 'manager'");
}

TEST(ScreeningUseCase, LowerCaseCountryIsAUsageErrorWithAHint) {
  ScreeningRequest request = agent_request({resume("agent-de.json")});
  request.country = "de";
  auto s = screen(request, default_catalog(), test_environment());
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().kind, ErrorKind::usage);
  EXPECT_EQ(s.error().message.id, MsgId::screen_bad_country);
  ASSERT_TRUE(s.error().hint.has_value());
  EXPECT_EQ(s.error().hint->id, MsgId::hint_country_upper);
}

TEST(ScreeningUseCase, AsOfMustBeAWholeDate) {
  auto month = parse_as_of("2026-11");
  ASSERT_FALSE(month.has_value());
  EXPECT_EQ(month.error().kind, ErrorKind::usage);
  ASSERT_TRUE(month.error().hint.has_value());
  EXPECT_EQ(month.error().hint->id, MsgId::hint_full_date);
  EXPECT_FALSE(parse_as_of("2025-02-30").has_value());
  auto day = parse_as_of("2025-12-31");
  ASSERT_TRUE(day.has_value());
  EXPECT_EQ(*day, Date{2025y / std::chrono::December / 31});
}

}  // namespace
}  // namespace ccteam::app
