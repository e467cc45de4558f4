// ccteam screen / career --format xlsx: the workbook read back with an
// independent reader (tests/support/read_xlsx.py).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/run.hpp"
#include "support/xlsx.hpp"

namespace ccteam::test {
namespace {

namespace fs = std::filesystem;

fs::path xlsx_scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("ccteam_cli_xlsx_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

TEST(CliScreen, XlsxWorkbookReadBackByAnIndependentReader) {
  // Same case as BlindJsonWithMergedExperience: one applicant (A1) who meets the agent role in
  // DE, with 36 months of customer service; blind, so Nina's name is nowhere in the workbook.
  fs::path file = xlsx_scratch("screen.xlsx");
  Outcome run =
      run_ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--as-of", "2025-12-31",
                  "--country", "DE", "--format", "xlsx", "-o", file.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  nlohmann::json book = read_xlsx(file);
  ASSERT_TRUE(book.is_object()) << "not a workbook: " << file;
  ASSERT_EQ(book["sheets"].size(), 4u);
  nlohmann::json summary = sheet_cells(book, "summary");
  EXPECT_EQ(summary["B1"]["value"], "agent");
  EXPECT_EQ(summary["B2"]["value"], "2025-12-31");
  EXPECT_EQ(summary["B3"]["value"], "DE");
  EXPECT_EQ(summary["B4"]["type"], "number");
  EXPECT_EQ(summary["B4"]["value"], 1.0);  // read
  EXPECT_EQ(summary["B5"]["value"], 1.0);  // evaluated
  EXPECT_EQ(summary["B6"]["value"], 0.0);  // rejected
  EXPECT_EQ(summary["B7"]["value"], "yes");
  nlohmann::json applicants = sheet_cells(book, "applicants");
  EXPECT_EQ(applicants["A1"]["value"], "applicant");
  EXPECT_EQ(applicants["A2"]["value"], "A1");
  EXPECT_EQ(applicants["B2"]["value"], "meets the requirements");
  EXPECT_EQ(applicants["C2"]["type"], "number");
  EXPECT_FALSE(applicants.contains("A3"));
  nlohmann::json criteria = sheet_cells(book, "criteria");
  bool experience_row = false;
  for (const auto& [ref, cell] : criteria.items()) {
    std::string text = cell["value"].is_string() ? cell["value"].get<std::string>() : "";
    if (ref[0] == 'E' && text.find("36 months") != std::string::npos) {
      experience_row = true;
      std::string row = ref.substr(1);
      EXPECT_EQ(criteria["A" + row]["value"], "A1");
      EXPECT_EQ(criteria["D" + row]["value"], "met");
      EXPECT_NE(criteria["F" + row]["value"].get<std::string>().find("/work/"), std::string::npos);
    }
    EXPECT_EQ(text.find("Nina"), std::string::npos) << ref;
    EXPECT_EQ(text.find("agent-de.json"), std::string::npos) << ref;  // blind: no file name
  }
  EXPECT_TRUE(experience_row);
  EXPECT_TRUE(sheet_cells(book, "rejected").contains("B1"));
  fs::remove_all(file.parent_path());
}

TEST(CliScreen, XlsxRejectedDocumentsHaveTheirOwnSheetInGerman) {
  fs::path file = xlsx_scratch("rejected.xlsx");
  Outcome run = run_ccteam({"screen", "agent", "tests/data/resumes/batch.ndjson", "--as-of",
                            "2025-12-31", "--format", "xlsx", "-o", file.string(), "--lang", "de"});
  EXPECT_EQ(run.exit_code, 1);  // rejected documents are findings
  nlohmann::json book = read_xlsx(file);
  nlohmann::json rejected = sheet_cells(book, "Abgewiesene Dokumente");
  ASSERT_TRUE(rejected.is_object()) << book.dump();
  EXPECT_EQ(rejected["A1"]["value"], "Stelle");
  // Five rejected documents (see RejectedDocumentsAreCountedAndTheBatchGoesOn), rows 2-6.
  EXPECT_TRUE(rejected.contains("A6"));
  EXPECT_FALSE(rejected.contains("A7"));
  EXPECT_EQ(rejected["A3"]["value"], "#1:4:12");  // 2nd rejected; blind: the input's number
  nlohmann::json summary = sheet_cells(book, "Übersicht");
  EXPECT_EQ(summary["B4"]["value"], 7.0);
  EXPECT_EQ(summary["B6"]["value"], 5.0);
  fs::remove_all(file.parent_path());
}

// Blind, no output names a document's file (whose name often carries the person's
// name or birth year): each input is "#N" (its number among the inputs) on standard error, in
// the table, JSON, CSV and XLSX; --reveal shows the file names. The file: line 1 readable, line 2
// an impossible date (rejected), line 3 a job starting after the as-of date (a warning); the
// second input does not exist.
TEST(CliScreen, BlindNamesNoFileAnywhere) {
  fs::path dir = xlsx_scratch("blind").parent_path() / "blind";
  fs::create_directories(dir);
  const fs::path file = dir / "Erika_Mustermann_1985.ndjson";
  {
    std::ofstream out(file);
    out << R"({"work":[{"position":"Kundenberaterin","startDate":"2020-01"}]})"
        << "\n"
        << R"({"work":[{"position":"Agent","startDate":"2020-02-30"}]})"
        << "\n"
        << R"({"work":[{"position":"Kundenberater","startDate":"2027-01"}]})"
        << "\n";
  }
  const std::string missing = (dir / "Max_Muster_1990.json").string();
  const fs::path book = dir / "screen.xlsx";
  auto args = [&](std::vector<std::string> more) {
    std::vector<std::string> a = {"screen", "agent",   file.string(),
                                  missing,  "--as-of", "2025-12-31"};
    a.insert(a.end(), more.begin(), more.end());
    return a;
  };
  auto names_nobody = [](const std::string& text) {
    return text.find("Mustermann") == std::string::npos &&
           text.find("Max_Muster") == std::string::npos;
  };
  Outcome table = run_ccteam(args({"--explain"}));
  EXPECT_EQ(table.exit_code, 1) << table.err;
  EXPECT_TRUE(names_nobody(table.out + table.err)) << table.out << table.err;
  EXPECT_NE(table.err.find("#1:2 (/work/0/startDate)"), std::string::npos) << table.err;
  EXPECT_NE(table.err.find("#1:3 (/work/0): warning: this job starts on 2027-01-01"),
            std::string::npos)
      << table.err;
  EXPECT_NE(table.err.find("#2"), std::string::npos) << table.err;  // missing
  EXPECT_NE(table.out.find("#1:1 (/work/0/position)"), std::string::npos) << table.out;
  Outcome json = run_ccteam(args({"--format", "json"}));
  EXPECT_TRUE(names_nobody(json.out + json.err)) << json.out;
  auto parsed = nlohmann::json::parse(json.out);
  ASSERT_EQ(parsed["rejected"].size(), 1u);
  EXPECT_EQ(parsed["rejected"][0]["file"], "#1");
  EXPECT_EQ(parsed["rejected"][0]["line"], 2);
  Outcome csv = run_ccteam(args({"--format", "csv"}));
  EXPECT_TRUE(names_nobody(csv.out + csv.err)) << csv.out;
  Outcome xlsx = run_ccteam(args({"--format", "xlsx", "-o", book.string()}));
  EXPECT_TRUE(names_nobody(xlsx.out + xlsx.err)) << xlsx.err;
  nlohmann::json workbook = read_xlsx(book);
  ASSERT_TRUE(workbook.is_object());
  EXPECT_TRUE(names_nobody(workbook.dump())) << workbook.dump();
  nlohmann::json rejected = sheet_cells(workbook, "rejected");
  EXPECT_EQ(rejected["A2"]["value"].get<std::string>().rfind("#1:2 (", 0), 0u) << rejected.dump();
  // --reveal: the file names, in every output.
  Outcome revealed = run_ccteam(args({"--reveal", "--explain"}));
  EXPECT_NE(revealed.err.find("Erika_Mustermann_1985.ndjson:2 ("), std::string::npos)
      << revealed.err;
  EXPECT_NE(revealed.err.find("Max_Muster_1990.json"), std::string::npos) << revealed.err;
  // (the evidence line wraps before the pointer: the path is long)
  EXPECT_NE(revealed.out.find("Erika_Mustermann_1985.ndjson:1"), std::string::npos) << revealed.out;
  fs::remove_all(dir.parent_path());
}

// --reveal sources say file:LINE:COLUMN of the value in a pretty-printed document
// (tests/data/resumes/pretty-lines.json: the job title on line 9, its quote at column 19).
TEST(CliScreen, EvidencePointsToItsLine) {
  Outcome revealed =
      run_ccteam({"screen", "team-lead", "tests/data/resumes/pretty-lines.json", "--as-of",
                  "2026-12-01", "--country", "DE", "--reveal", "--explain"});
  EXPECT_EQ(revealed.exit_code, 0) << revealed.err;
  EXPECT_NE(revealed.out.find("tests/data/resumes/pretty-lines.json:9:19 (/work/0/position)"),
            std::string::npos)
      << revealed.out;
  // The summary's evidence is marked as such.
  EXPECT_NE(revealed.out.find(":4:16 (/basics/summary) (from the summary)"), std::string::npos)
      << revealed.out;
  Outcome blind =
      run_ccteam({"screen", "team-lead", "tests/data/resumes/pretty-lines.json", "--as-of",
                  "2026-12-01", "--country", "DE", "--explain", "--lang", "de"});
  EXPECT_NE(blind.out.find("\"teamleiter\" #1:9:19 (/work/0/position)"), std::string::npos)
      << blind.out;
  EXPECT_NE(blind.out.find("(aus dem Profil)"), std::string::npos) << blind.out;
  // Skills the document does not name are for the interview, not "cannot tell".
  EXPECT_NE(blind.out.find("[fürs Gespräch]"), std::string::npos) << blind.out;
  EXPECT_EQ(blind.out.find("[nicht feststellbar] Fähigkeit"), std::string::npos) << blind.out;
}

TEST(CliScreen, XlsxNeedsAnOutputFileInBothLanguages) {
  Outcome en =
      run_ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--format", "xlsx"});
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_EQ(en.out, "");
  EXPECT_NE(en.err.find("--format xlsx writes a binary file"), std::string::npos) << en.err;
  EXPECT_NE(en.err.find("-o results.xlsx"), std::string::npos) << en.err;
  Outcome de = run_ccteam(
      {"screen", "agent", "tests/data/resumes/agent-de.json", "--format", "xlsx", "-o", "-"},
      "de_DE.UTF-8");
  EXPECT_EQ(de.exit_code, 2);
  EXPECT_NE(de.err.find("schreibt eine Binärdatei"), std::string::npos) << de.err;
  Outcome career = run_ccteam({"career", "tests/data/resumes/career-tl.json", "--format", "xlsx"});
  EXPECT_EQ(career.exit_code, 2);
  EXPECT_NE(career.err.find("-o results.xlsx"), std::string::npos) << career.err;
}

TEST(CliCareer, XlsxOneRowPerGap) {
  // As EarliestDateTheExperienceRuleIsMet: team leadership 4 of 6 months, so 2 missing; met
  // on 2026-02-28.
  fs::path file = xlsx_scratch("career.xlsx");
  Outcome run =
      run_ccteam({"career", "tests/data/resumes/career-tl.json", "--from", "agent", "--to",
                  "team-lead", "--as-of", "2025-12-31", "--format", "xlsx", "-o", file.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json cells = sheet_cells(read_xlsx(file), "career path");
  ASSERT_TRUE(cells.is_object());
  EXPECT_EQ(cells["A1"]["value"], "next role");
  bool found = false;
  for (const auto& [ref, cell] : cells.items()) {
    if (ref[0] != 'D' || ref == "D1") continue;
    found = true;
    std::string row = ref.substr(1);
    EXPECT_EQ(cell["value"], 2.0);
    // The role by title and id, as in the table; the gap marked as only preferred (team-lead
    // prefers 6 months of team leadership and requires none).
    EXPECT_EQ(cells["A" + row]["value"], "Call-Center Team Lead (team-lead)");
    EXPECT_EQ(cells["E" + row]["value"], "2026-02-28");
    EXPECT_NE(cells["C" + row]["value"].get<std::string>().find("2 more months"),
              std::string::npos);
    EXPECT_NE(cells["C" + row]["value"].get<std::string>().find("(preferred)"), std::string::npos)
        << cells["C" + row]["value"];
    // The row's own action, not every action of the role joined on every row.
    std::string action = cells["F" + row]["value"].get<std::string>();
    EXPECT_EQ(action.rfind("keep on", 0), 0u) << action;
    EXPECT_NE(action.find("2026-02-28"), std::string::npos) << action;
  }
  EXPECT_TRUE(found);
  for (const auto& [ref, cell] : cells.items()) {
    if (ref[0] == 'F' && ref != "F1") {
      EXPECT_EQ(cell["value"].get<std::string>().find("; "), std::string::npos) << ref;
    }
  }
  // What is met has its own sheet.
  nlohmann::json met = sheet_cells(read_xlsx(file), "requirements met");
  ASSERT_TRUE(met.is_object());
  EXPECT_EQ(met["A2"]["value"], "Call-Center Team Lead (team-lead)");
  fs::remove_all(file.parent_path());
}

// ccteam metrics --format xlsx: the CSV's columns in one sheet. tests/data/calls/small.csv
// totals (worked by hand in tests/ccteam/metrics/metrics_test.cpp): 7 offered, 3 of 5 answered
// within the target over answered calls = 0.6, ASA 18 s.
TEST(CliMetrics, XlsxSheetReadBackByAnIndependentReader) {
  fs::path file = xlsx_scratch("metrics.xlsx");
  Outcome run =
      run_ccteam({"metrics", "tests/data/calls/small.csv", "--min-group", "1", "--sl-definition",
                  "answered", "--format", "xlsx", "-o", file.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json book = read_xlsx(file);
  ASSERT_TRUE(book.is_object()) << "not a workbook: " << file;
  nlohmann::json cells = sheet_cells(book, "metrics");
  EXPECT_EQ(cells["A1"]["value"], "group");
  EXPECT_EQ(cells["E1"]["value"], "offered");
  // Five interval rows, then the total in row 7.
  EXPECT_EQ(cells["A7"]["value"], "total");
  EXPECT_EQ(cells["E7"]["type"], "number");
  EXPECT_EQ(cells["E7"]["value"], 7.0);
  EXPECT_DOUBLE_EQ(cells["J7"]["value"].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(cells["K7"]["value"].get<double>(), 18.0);
  Outcome stdout_run = run_ccteam({"metrics", "tests/data/calls/small.csv", "--format", "xlsx"});
  EXPECT_EQ(stdout_run.exit_code, 2);
}

// The workbook is for people: with --lang de its header row, the works-council
// column's yes/no and the total row's name are German; the numbers stay numbers.
TEST(CliMetrics, XlsxSheetSpeaksTheReadersLanguage) {
  fs::path file = xlsx_scratch("metrics-de.xlsx");
  Outcome run = run_ccteam({"metrics", "tests/data/calls/small.csv", "--min-group", "1", "--format",
                            "xlsx", "--lang", "de", "-o", file.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json cells = sheet_cells(read_xlsx(file), "metrics");
  EXPECT_EQ(cells["A1"]["value"], "Gruppe");
  EXPECT_EQ(cells["C1"]["value"], "Agents");
  EXPECT_EQ(cells["D1"]["value"], "ausgeblendet (Betriebsrat)");
  EXPECT_EQ(cells["E1"]["value"], "angeboten");
  EXPECT_EQ(cells["J1"]["value"], "Servicelevel");
  EXPECT_EQ(cells["K1"]["value"], "ASA (s)");
  EXPECT_EQ(cells["D2"]["value"], "nein");  // --min-group 1: nothing hidden
  EXPECT_EQ(cells["A7"]["value"], "gesamt");
  EXPECT_EQ(cells["E7"]["value"], 7.0);
}

// ccteam plan --format xlsx: the workspace's plan sheets, read back. tests/data/
// forecasts/small-30min.csv at 80/20 (worked by hand in tests/cli/plan_test.cpp): 14 agents at
// 08:00, 105 agent-hours a week = 3.85 FTE; the levels sheet ends with the plan's notes.
TEST(CliPlan, XlsxSheetsReadBackByAnIndependentReader) {
  fs::path file = xlsx_scratch("plan.xlsx");
  Outcome run = run_ccteam({"plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20",
                            "--format", "xlsx", "-o", file.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json book = read_xlsx(file);
  ASSERT_TRUE(book.is_object()) << "not a workbook: " << file;
  nlohmann::json intervals = sheet_cells(book, "intervals");
  EXPECT_EQ(intervals["A2"]["value"], "2026-03-02T08:00:00");
  EXPECT_EQ(intervals["E2"]["value"], 14.0);
  nlohmann::json levels = sheet_cells(book, "levels");
  EXPECT_NEAR(levels["C2"]["value"].get<double>(), 105.0 / 27.3, 1e-9);
  EXPECT_EQ(levels["A6"]["value"], "Notes:");
  EXPECT_EQ(levels["A7"]["value"],
            "hours/week: the forecast covers one day, taken to repeat on 5 days a week "
            "(--days-per-week)");
  // France has no pay bands: costed from the article's US market reference, the notes say so
  // under the plan's note, one per level (agent, team lead, manager).
  fs::path france = xlsx_scratch("plan-fr.xlsx");
  Outcome fr =
      run_ccteam({"plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20", "--country",
                  "FR", "--market-reference", "--format", "xlsx", "-o", france.string()});
  ASSERT_EQ(fr.exit_code, 0) << fr.err;
  nlohmann::json fr_levels = sheet_cells(read_xlsx(france), "levels");
  int market_notes = 0;
  for (const char* cell : {"A8", "A9", "A10", "A11"}) {
    if (fr_levels.contains(cell) &&
        fr_levels[cell]["value"].get<std::string>().find(
            "costed from the market reference (United States;") != std::string::npos) {
      ++market_notes;
    }
  }
  EXPECT_EQ(market_notes, 3) << fr_levels.dump();
  // In German the basis column says what set the headcount in words (it wrote the codes
  // "workload" / "span"), as the table and the page do.
  fs::path german = xlsx_scratch("plan-de.xlsx");
  Outcome de = run_ccteam({"plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20",
                           "--lang", "de", "--format", "xlsx", "-o", german.string()});
  ASSERT_EQ(de.exit_code, 0) << de.err;
  nlohmann::json ebenen = sheet_cells(read_xlsx(german), "Ebenen");
  EXPECT_EQ(ebenen["E2"]["value"], "Arbeitslast") << ebenen.dump();
  EXPECT_EQ(ebenen["E3"]["value"], "Führungsspanne") << ebenen.dump();
  Outcome stdout_run = run_ccteam(
      {"plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20", "--format", "xlsx"});
  EXPECT_EQ(stdout_run.exit_code, 2);
}

}  // namespace
}  // namespace ccteam::test
