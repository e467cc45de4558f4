// Reading people from CSV (docs/person-csv.md).
#include "io/qualify/person_csv.hpp"

#include <gtest/gtest.h>

#include "io/base/files.hpp"
#include "support/paths.hpp"

namespace ccteam::io {
namespace {

struct Batch {
  std::vector<qualify::Person> people;
  std::vector<Error> errors;
};

Batch read(std::string_view content) {
  Batch b;
  std::size_t next = 1;
  read_person_csv(content, "people.csv", next, [&](Result<qualify::Person> r) {
    if (r) {
      b.people.push_back(std::move(*r));
    } else {
      b.errors.push_back(r.error());
    }
  });
  return b;
}

TEST(ReadPersonCsv, RowsBecomePeople) {
  auto content = read_file(test::data_path("resumes/people.csv").string());
  ASSERT_TRUE(content.has_value());
  Batch b = read(*content);
  ASSERT_EQ(b.people.size(), 1u);
  const qualify::Person& p = b.people[0];
  EXPECT_EQ(p.id, "E-17");
  EXPECT_EQ(p.personal.name, "Eva Probe");
  ASSERT_EQ(p.work.size(), 2u);
  EXPECT_EQ(p.work[1].title, "Teamleiterin Kundenservice");
  EXPECT_FALSE(p.work[1].end.has_value());
  EXPECT_EQ(p.work[0].summary, "Inbound, Reklamationen");
  ASSERT_EQ(p.education.size(), 1u);
  EXPECT_EQ(p.education[0].area, "Kaufmann für Dialogmarketing");
  ASSERT_EQ(p.languages.size(), 1u);
  EXPECT_EQ(p.languages[0].fluency, "Muttersprache");
  ASSERT_EQ(p.skills.size(), 2u);
  EXPECT_EQ(p.skills[1].name, "Coaching");
  // Row 3 is all blank (empty résumé), row 4 has month 13.
  ASSERT_EQ(b.errors.size(), 2u);
  EXPECT_EQ(b.errors[0].message.id, MsgId::resume_empty);
  EXPECT_EQ(b.errors[0].where.line, 3);
  EXPECT_EQ(b.errors[1].message.id, MsgId::bad_date);
  EXPECT_EQ(b.errors[1].where.line, 4);
  EXPECT_EQ(b.errors[1].where.json_pointer, "/work1_start");
}

TEST(ReadPersonCsv, UnknownColumnRejectsTheFile) {
  Batch b = read("id,birthday\n1,2000-01-01\n");
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].message.id, MsgId::csv_unknown_column);
  EXPECT_TRUE(b.people.empty());
}

// A spreadsheet saved as Windows-1252 ("Jürgen" as J 0xFC rgen): refused whole at the first
// byte that is not UTF-8 (line 2, column 2), with the hint to save it as UTF-8; no person with
// bytes no writer can show.
TEST(ReadPersonCsv, AFileThatIsNotUtf8IsRefusedAtItsFirstBadByte) {
  Batch b = read(
      "name,email,work1_title,work1_start\nJ\xfcrgen M\xfcller,j@example.org,Agent,"
      "2019-01\n");
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_TRUE(b.people.empty());
  EXPECT_EQ(b.errors[0].message.id, MsgId::not_utf8);
  EXPECT_EQ(b.errors[0].where.line, 2);
  EXPECT_EQ(b.errors[0].where.column, 2);
  ASSERT_TRUE(b.errors[0].hint.has_value());
  EXPECT_EQ(b.errors[0].hint->id, MsgId::hint_utf8);
}

// A column named twice would lose one of its values: the file is rejected at the second name,
// by line and column, with the name in the message.
TEST(ReadPersonCsv, DuplicateColumnRejectsTheFile) {
  Batch b = read("id,work1_title,work1_start,work1_title\n1,Agent,2020-01,Teamleiter\n");
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].message.id, MsgId::metrics_duplicate_column);
  EXPECT_EQ(render(b.errors[0].message, Lang::en), "column 'work1_title' appears twice");
  EXPECT_EQ(b.errors[0].where.line, 1);
  EXPECT_EQ(b.errors[0].where.column, 28);
  EXPECT_EQ(b.errors[0].where.json_pointer, "/work1_title");
  ASSERT_TRUE(b.errors[0].hint.has_value());
  EXPECT_TRUE(b.people.empty());
  // The same column under another spelling of its number.
  Batch c = read("language1,language01\nDeutsch,English\n");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].message.id, MsgId::metrics_duplicate_column);
  EXPECT_EQ(c.errors[0].where.column, 11);
}

TEST(ReadPersonCsv, RowWidthAndQuoting) {
  Batch b = read("work1_title,work1_start\n\"Agent, inbound\",2020-01\nAgent\n\"unterminated\n");
  ASSERT_EQ(b.people.size(), 1u);
  EXPECT_EQ(b.people[0].work[0].title, "Agent, inbound");
  ASSERT_GE(b.errors.size(), 2u);
  EXPECT_EQ(b.errors[0].message.id, MsgId::csv_row_width);
  EXPECT_EQ(b.errors[0].where.line, 3);
}

TEST(ReadPersonCsv, UnclosedQuoteIsNamedInBothLanguages) {
  Batch b = read("work1_title,work1_start\n\"Agent,2020-01\n");
  ASSERT_FALSE(b.errors.empty());
  const Error& e = b.errors.back();
  EXPECT_EQ(e.message.id, MsgId::csv_syntax);
  EXPECT_NE(render(e.message, Lang::en).find("a quoted field is not closed"), std::string::npos)
      << render(e.message, Lang::en);
  EXPECT_NE(render(e.message, Lang::de).find("Anführungszeichen ist nicht geschlossen"),
            std::string::npos)
      << render(e.message, Lang::de);
}

// Since the one CSV reader: lines count blank lines (libcsv's count skipped them), and the first
// row that cannot be split ends the reading, reported at its line.
TEST(ReadPersonCsv, LinesCountBlankLinesAndABadRowEndsTheReading) {
  Batch b = read("work1_title,work1_start\n\nAgent,2020-13\n\nAg\"ent,2020-01\nAgent,2020-01\n");
  ASSERT_EQ(b.errors.size(), 2u);
  EXPECT_EQ(b.errors[0].message.id, MsgId::bad_date);
  EXPECT_EQ(b.errors[0].where.line, 3);
  EXPECT_EQ(b.errors[1].message.id, MsgId::csv_syntax);
  EXPECT_EQ(b.errors[1].where.line, 5);
  EXPECT_TRUE(b.people.empty());  // line 6 comes after the bad row
}

}  // namespace
}  // namespace ccteam::io
