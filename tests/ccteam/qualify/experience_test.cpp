// Date arithmetic and classification of work history. Every month count below is worked out
// by hand from the rule in experience.hpp (whole calendar months from the first day to the
// day after the last), shown next to each expectation.
#include "ccteam/qualify/experience.hpp"

#include <gtest/gtest.h>

#include "io/catalog/catalog_yaml.hpp"
#include "support/paths.hpp"

namespace ccteam::qualify {
namespace {

using namespace std::chrono;

Date d(int y, unsigned m, unsigned day) { return Date{year(y), month(m), std::chrono::day(day)}; }
PartialDate pd(const char* text) { return *PartialDate::parse(text); }

Position job(std::string title, const char* start, const char* end, std::string summary = "") {
  Position p;
  p.title = std::move(title);
  p.summary = std::move(summary);
  if (start) p.start = pd(start);
  if (end) p.end = pd(end);
  return p;
}

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = [] {
    auto loaded = io::load_catalog({test::repo_data_path("catalog").string()});
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : catalog::Catalog{};
  }();
  return c;
}

TEST(WholeMonths, CalendarMonths) {
  EXPECT_EQ(whole_months(d(2018, 7, 1), d(2020, 12, 31)), 30);   // 2018-07 .. 2020-12
  EXPECT_EQ(whole_months(d(2022, 8, 1), d(2024, 7, 31)), 24);    // two full years
  EXPECT_EQ(whole_months(d(2024, 10, 15), d(2024, 11, 13)), 0);  // one day short of a month
  EXPECT_EQ(whole_months(d(2024, 10, 15), d(2024, 11, 14)), 1);
  EXPECT_EQ(whole_months(d(2016, 12, 31), d(2019, 1, 1)), 24);  // to 2019-01-02: 25 - 1
  EXPECT_EQ(whole_months(d(2020, 1, 1), d(2019, 1, 1)), 0);     // reversed
}

TEST(MergedMonths, OverlappingJobsCountOnce) {
  // en-agent-retail-switcher: 2021-03..2023-02 (24 months) and 2022-06..2023-09 (16 months)
  // overlap from 2022-06 to 2023-02; the union 2021-03-01..2023-09-30 is 31 months, not 40.
  std::vector<Span> spans = {{d(2021, 3, 1), d(2023, 2, 28)}, {d(2022, 6, 1), d(2023, 9, 30)}};
  EXPECT_EQ(whole_months(spans[0].first, spans[0].last), 24);
  EXPECT_EQ(whole_months(spans[1].first, spans[1].last), 16);
  EXPECT_EQ(merged_months(spans), 31);
  ASSERT_EQ(merge_spans(spans).size(), 1u);
}

TEST(MergedMonths, TouchingJobsJoinAndGapsStay) {
  // 2015-09-01..2018-06-30 and 2018-07-01..2020-12-31 touch: one span of 64 months
  // (2015-09 to 2021-01). A job after a gap is counted on its own.
  std::vector<Span> spans = {{d(2015, 9, 1), d(2018, 6, 30)},
                             {d(2018, 7, 1), d(2020, 12, 31)},
                             {d(2022, 4, 1), d(2025, 12, 31)}};
  EXPECT_EQ(merge_spans(spans).size(), 2u);
  EXPECT_EQ(merged_months(spans), 64 + 45);  // 2022-04 .. 2026-01 = 45
}

TEST(MeasureExperience, PartialDatesGiveARange) {
  ExperienceClassifier classifier(default_catalog());
  Person p;
  p.work = {job("Customer Support Specialist", "2016", "2019"), job("Career break", "2019", "2022"),
            job("Call Centre Agent", "2022-11", "2024-01"), job("Team Leader", "2024-02", nullptr)};
  Experience e = measure_experience(p, classifier, d(2025, 12, 31));
  // Customer service: 2016..2019 is 24 months at least (2016-12-31..2019-01-01) and 48 at
  // most (2016-01-01..2019-12-31); the agent job 2022-11-01..2024-01-31 adds 15.
  EXPECT_EQ(e.of(ExperienceKind::customer_service).at_least, 24 + 15);
  EXPECT_EQ(e.of(ExperienceKind::customer_service).at_most, 48 + 15);
  // Team leadership: 2024-02-01 .. as of 2025-12-31 = 23 months, ongoing.
  EXPECT_EQ(e.of(ExperienceKind::team_leadership).at_least, 23);
  EXPECT_EQ(e.of(ExperienceKind::team_leadership).at_most, 23);
  EXPECT_TRUE(e.ongoing[index(ExperienceKind::team_leadership)]);
  // The career break is no kind of experience.
  EXPECT_EQ(e.job_kinds[1], (std::array<bool, 3>{false, false, false}));
}

TEST(MeasureExperience, MissingStartLeavesUpperBoundOpenAndFutureJobsDoNotCount) {
  ExperienceClassifier classifier(default_catalog());
  Person p;
  p.work = {job("Call center agent", nullptr, "2020-06"),
            job("Call center agent", "2026-03", nullptr)};
  Experience e = measure_experience(p, classifier, d(2025, 12, 31));
  EXPECT_EQ(e.of(ExperienceKind::customer_service).at_least, 0);
  EXPECT_FALSE(e.of(ExperienceKind::customer_service).at_most.has_value());
}

struct ClassifyCase {
  const char* title;
  const char* summary;
  bool customer_service;
  bool team_leadership;
  bool operations_management;
};

class Classify : public ::testing::TestWithParam<ClassifyCase> {};

TEST_P(Classify, TitleAndSummary) {
  ExperienceClassifier classifier(default_catalog());
  const ClassifyCase& c = GetParam();
  Position p = job(c.title, "2020", nullptr, c.summary);
  std::array<bool, 3> kinds{};
  for (const KindEvidence& e : classifier.classify(p)) kinds[index(e.kind)] = true;
  EXPECT_EQ(kinds[0], c.customer_service) << c.title;
  EXPECT_EQ(kinds[1], c.team_leadership) << c.title;
  EXPECT_EQ(kinds[2], c.operations_management) << c.title;
}

// English and German titles and their gendered forms, each judged by what the job is.
INSTANTIATE_TEST_SUITE_P(
    EnglishAndGerman, Classify,
    ::testing::Values(
        ClassifyCase{"Kundenberater", "", true, false, false},
        ClassifyCase{"Kundenberaterin", "", true, false, false},
        ClassifyCase{"Kundenberater*in Inbound", "", true, false, false},
        ClassifyCase{"Teamleiter Kundenservice", "", true, true, false},
        ClassifyCase{"Teamleiterin Kundenservice", "", true, true, false},
        ClassifyCase{"Customer Service Representative", "", true, false, false},
        ClassifyCase{"Shift Supervisor", "", false, true, false},
        ClassifyCase{"Leiter Contact Center", "", true, true, true},
        ClassifyCase{"Leiterin Contact Center", "", true, true, true},
        ClassifyCase{"Schichtleiter Lager", "", false, true, false},
        ClassifyCase{"Sachbearbeiterin", "Führung von 12 Mitarbeiter:innen", false, true, false},
        ClassifyCase{"Sachbearbeiter", "Durchführung von Schulungen", false, false, false},
        ClassifyCase{"Kundenbetreuerin", "Weitergabe ungelöster Fälle an die Teamleitung", true,
                     false, false},
        ClassifyCase{"Operations Manager", "workforce planning", false, true, true},
        ClassifyCase{"Software developer", "Built a REST API", false, false, false}));

// Titles a first reader found unrecognised or misread, judged the same way:
// agents' titles are customer service; managers of a contact centre lead people; steering a
// conversation or keeping an account ("-führung") is not leadership; a warehouse's inbound
// goods are not inbound calls.
INSTANTIATE_TEST_SUITE_P(
    MoreTitles, Classify,
    ::testing::Values(ClassifyCase{"Customer Advisor", "", true, false, false},
                      ClassifyCase{"Call Handler", "", true, false, false},
                      ClassifyCase{"Phone agent", "", true, false, false},
                      ClassifyCase{"Technical Support Representative", "", true, false, false},
                      ClassifyCase{"Member Services Representative", "", true, false, false},
                      ClassifyCase{"Telemarketer", "", true, false, false},
                      ClassifyCase{"Telefonistin", "", true, false, false},
                      ClassifyCase{"Agent im Kundendialog", "", true, false, false},
                      ClassifyCase{"Telefonverkäufer", "", true, false, false},
                      ClassifyCase{"Support-Mitarbeiterin", "", true, false, false},
                      ClassifyCase{"Supervisorin", "", false, true, false},
                      ClassifyCase{"Team Manager", "", false, true, false},
                      ClassifyCase{"Customer Service Manager", "", true, true, true},
                      ClassifyCase{"Contact Centre Manager", "", true, true, true},
                      // Talking to customers on the phone is customer contact; steering the talk
                      // or keeping an account is not leading people.
                      ClassifyCase{"Bankkauffrau", "Gesprächsführung am Telefon und Kontoführung",
                                   true, false, false},
                      ClassifyCase{"Lagerarbeiter Inbound-Logistik",
                                   "Wareneingang, Outbound Versand", false, false, false}));

TEST(Classify, EvidenceNamesWordsAndPlace) {
  ExperienceClassifier classifier(default_catalog());
  Position p = job("Werkstudentin Kundenservice", "2024-10", nullptr);
  p.pos.json_pointer = "/work/0";
  auto evidence = classifier.classify(p);
  ASSERT_FALSE(evidence.empty());
  EXPECT_EQ(evidence[0].kind, ExperienceKind::customer_service);
  EXPECT_EQ(evidence[0].phrase, "Kundenservice");
  EXPECT_EQ(evidence[0].matched, "kundenservice");
  EXPECT_EQ(evidence[0].where.json_pointer, "/work/0/position");
}

}  // namespace
}  // namespace ccteam::qualify
