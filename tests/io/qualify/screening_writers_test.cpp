// The streamed screening writers: the JSON document is byte for byte the one nlohmann's own
// dump(2) lays out for the whole document; CSV neutralises formulas; XLSX goes on in a second
// sheet at the row limit (read back by tests/support/read_xlsx.py, an independent reader).
#include "io/qualify/screening_writers.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "io/base/error_json.hpp"
#include "io/qualify/screening_json.hpp"
#include "support/xlsx.hpp"

namespace ccteam::io {
namespace {

namespace fs = std::filesystem;

Screened applicant(const std::string& id, qualify::Verdict verdict, int preferred) {
  qualify::Criterion c;
  c.kind = qualify::CriterionKind::experience;
  c.subject = "customer_service>=12";
  c.title = msg(MsgId::word_yes);
  c.outcome = qualify::Outcome::met;
  c.explanation = msg(MsgId::word_no);
  c.evidence.push_back({"kundenberaterin", "Kundenberater", SourcePos{"#1", 3, 5, "/work/0"}});
  return Screened{qualify::Evaluation{id, RoleId("agent"), verdict, {c}, preferred}, {}};
}

// Records as the app keeps them, served back in order.
RecordSource source(const std::vector<std::string>& records) {
  return [&records](const RecordVisit& visit) -> Result<void> {
    for (const std::string& r : records) visit(r);
    return {};
  };
}

ScreeningSummary summary() {
  return ScreeningSummary{"agent", Date{std::chrono::year{2026} / 12 / 5}, "DE", true, 3, 2, 1, 0};
}

TEST(ScreeningWriters, StreamedJsonIsTheWholeDocumentAsDumpWritesIt) {
  std::vector<Screened> people = {applicant("A1", qualify::Verdict::meets, 2),
                                  applicant("A2", qualify::Verdict::needs_review, 0)};
  Error rejected = Error::invalid_input(msg(MsgId::word_no), SourcePos{"#2", 4, 12, ""});
  for (Lang lang : {Lang::en, Lang::de}) {
    for (bool empty : {false, true}) {
      std::vector<std::string> records;
      std::vector<std::string> rejected_records;
      nlohmann::ordered_json expected;
      expected["role"] = "agent";
      expected["as_of"] = "2026-12-05";
      expected["country"] = "DE";
      expected["blind"] = true;
      expected["summary"] = {{"read", 3}, {"evaluated", 2}, {"rejected", 1}, {"not_shown", 0}};
      expected["notice"] = tr(MsgId::screen_human_decides, lang);
      expected["applicants"] = nlohmann::ordered_json::array();
      expected["rejected"] = nlohmann::ordered_json::array();
      if (!empty) {
        for (const Screened& p : people) {
          records.push_back(screening_json_applicant(p, true, lang));
          expected["applicants"].push_back(evaluation_to_json(p.evaluation, lang));
        }
        rejected_records.push_back(screening_json_rejected(rejected, lang));
        expected["rejected"].push_back(error_to_json(rejected, lang));
      }
      std::string out;
      auto written = write_screening_json(summary(), source(records), source(rejected_records),
                                          lang, [&](std::string_view piece) { out += piece; });
      ASSERT_TRUE(written.has_value());
      EXPECT_EQ(out, expected.dump(2) + "\n");
    }
  }
}

TEST(ScreeningWriters, CsvNeutralisesAFormulaInAnId) {
  std::string rows =
      screening_csv_applicant(applicant("=HYPERLINK(\"x\")", qualify::Verdict::meets, 1), Lang::en);
  EXPECT_EQ(rows.substr(0, rows.find(',', 20)), "\"'=HYPERLINK(\"\"x\"\")\"");
}

// Excel's limit lowered to 3 rows: header and two applicants per sheet, so five applicants
// take "applicants", "applicants (2)" and "applicants (3)", each added when needed.
TEST(ScreeningWriters, XlsxGoesOnInANewSheetAtTheRowLimit) {
  fs::path dir = fs::temp_directory_path() / ("ccteam_screen_xlsx_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "long.xlsx";
  std::vector<std::string> records;
  for (int i = 1; i <= 5; ++i) {
    records.push_back(screening_xlsx_applicant(
        applicant("A" + std::to_string(i), qualify::Verdict::meets, i), true, Lang::en));
  }
  std::vector<std::string> none;
  auto written =
      write_screening_xlsx(file.string(), summary(), source(records), source(none), Lang::en, 3);
  ASSERT_TRUE(written.has_value()) << render(written.error(), Lang::en);
  nlohmann::json book = test::read_xlsx(file);
  ASSERT_TRUE(book.contains("sheets"));
  std::vector<std::string> names;
  for (const auto& sheet : book["sheets"]) names.push_back(sheet["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"summary", "applicants", "criteria", "applicants (2)",
                                             "criteria (2)", "applicants (3)", "criteria (3)",
                                             "rejected"}));
  EXPECT_EQ(test::sheet_cells(book, "applicants (3)")["A2"]["value"], "A5");
  EXPECT_EQ(test::sheet_cells(book, "applicants (3)")["C2"]["value"], 5.0);
  EXPECT_EQ(test::sheet_cells(book, "criteria (2)")["A1"]["value"],
            "applicant");  // the header again
  EXPECT_EQ(test::sheet_cells(book, "criteria (2)")["A3"]["value"], "A4");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ccteam::io
