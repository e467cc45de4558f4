// Education to ISCED 2011 levels. Expected levels from the ISCED 2011 classification and its
// German mapping (KMK/BMBF; DQR agreement for Fachwirt/Meister at level 6), as listed in
// education.hpp; each row is one qualification as a résumé writes it.
#include "ccteam/qualify/education.hpp"

#include <gtest/gtest.h>

namespace ccteam::qualify {
namespace {

using namespace std::chrono;

struct Row {
  const char* study_type;
  const char* area;
  int isced;  // -1: not placeable
};

class IscedMapping : public ::testing::TestWithParam<Row> {};

TEST_P(IscedMapping, Level) {
  static const EducationClassifier classifier;
  Education e;
  e.study_type = GetParam().study_type;
  e.area = GetParam().area;
  auto level = classifier.level_of(e);
  if (GetParam().isced < 0) {
    EXPECT_FALSE(level.has_value()) << e.study_type;
  } else {
    ASSERT_TRUE(level.has_value()) << e.study_type;
    EXPECT_EQ(to_int(level->isced), GetParam().isced) << e.study_type;
  }
}

INSTANTIATE_TEST_SUITE_P(
    GermanAndAnglo, IscedMapping,
    ::testing::Values(
        Row{"Hauptschulabschluss", "", 2}, Row{"Realschulabschluss", "", 2},
        Row{"Mittlere Reife", "", 2}, Row{"Fachabitur", "", 3}, Row{"Fachhochschulreife", "", 3},
        Row{"Abitur", "", 3}, Row{"Allgemeine Hochschulreife", "", 3},
        Row{"Ausbildung", "Kaufmann für Dialogmarketing", 3},
        Row{"Ausbildung", "Servicefachkraft für Dialogmarketing", 3},
        Row{"Geprüfter Fachwirt", "Handelsfachwirt", 6}, Row{"Meisterin", "Industriemeisterin", 6},
        Row{"Bachelor", "BWL", 6}, Row{"Master", "Wirtschaftspsychologie", 7},
        Row{"Diplom", "Betriebswirtschaft", 7}, Row{"Diplom (FH)", "BWL", 6},
        Row{"Promotion", "", 8}, Row{"GED", "", 3}, Row{"High School Diploma", "", 3},
        Row{"A-levels", "", 3}, Row{"GCSE", "", 2}, Row{"Associate degree", "Business", 5},
        Row{"Bachelor of Commerce", "Business", 6}, Row{"BSc", "Psychology", 6},
        Row{"MBA", "Management", 7}, Row{"PhD", "Linguistics", 8},
        Row{"Volkshochschulkurs", "Töpfern", -1}));

TEST(EducationSummary, InProgressDoesNotCount) {
  EducationClassifier classifier;
  Person p;
  Education bachelor;
  bachelor.study_type = "Bachelor";
  bachelor.start = *PartialDate::parse("2023-10");
  Education abitur;
  abitur.study_type = "Abitur";
  abitur.end = *PartialDate::parse("2023-06");
  Education master;
  master.study_type = "Master";
  master.end = *PartialDate::parse("2026-09");  // after the as-of date
  p.education = {bachelor, abitur, master};
  EducationSummary s = classifier.assess(p, Date{year(2025), month(12), day(31)});
  ASSERT_TRUE(s.highest_completed.has_value());
  EXPECT_EQ(to_int(s.highest_completed->isced), 3);
  EXPECT_FALSE(s.entries[0].completed);
  EXPECT_FALSE(s.entries[2].completed);
}

TEST(EducationSummary, EntriesThatSayTheyWereNotFinishedDoNotCount) {
  EducationClassifier classifier;
  Person p;
  Education ausbildung;
  ausbildung.study_type = "Ausbildung (abgebrochen)";
  ausbildung.end = *PartialDate::parse("2015");
  Education bachelor;
  bachelor.study_type = "Bachelor";
  bachelor.area = "Business, dropped out";
  Education realschule;
  realschule.study_type = "Realschulabschluss";
  realschule.end = *PartialDate::parse("2012");
  p.education = {ausbildung, bachelor, realschule};
  EducationSummary s = classifier.assess(p, Date{year(2025), month(12), day(31)});
  EXPECT_FALSE(s.entries[0].completed);
  EXPECT_FALSE(s.entries[1].completed);
  EXPECT_TRUE(s.entries[2].completed);
  ASSERT_TRUE(s.highest_completed.has_value());  // the Realschulabschluss: ISCED 2
  EXPECT_EQ(to_int(s.highest_completed->isced), 2);
  // The level is still read ("Ausbildung" is ISCED 3); only its completion is not given.
  ASSERT_TRUE(s.entries[0].level.has_value());
  EXPECT_EQ(to_int(s.entries[0].level->isced), 3);
}

TEST(FieldMatcher, PreferredFieldsInBothLanguages) {
  catalog::LocalizedList fields{{"management", "business administration", "related field"},
                                {"Management", "Betriebswirtschaftslehre", "verwandtes Fach"}};
  FieldMatcher m(fields);
  Education e;
  e.area = "Betriebswirtschaftslehre";
  EXPECT_EQ(m.match(e), "Betriebswirtschaftslehre");
  e.area = "Business Administration and Economics";
  EXPECT_EQ(m.match(e), "business administration");
  e.area = "Related field";  // never matched: a recruiter judges relatedness
  EXPECT_FALSE(m.match(e).has_value());
  e.area = "Biology";
  EXPECT_FALSE(m.match(e).has_value());
}

}  // namespace
}  // namespace ccteam::qualify
