// Every kind of option value is checked the same way in every command (cli/option_checks.hpp):
// a wrong value is refused before any work, the error names the option as typed, quotes the
// value as given and says what is allowed. Each case below was accepted silently, or worded
// with an internal name, a unit the user did not give, or no allowed values, before.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/run.hpp"

namespace ccteam::test {
namespace {

const std::string k_forecast = "tests/data/forecasts/small-30min.csv";
const std::string k_calls = "tests/data/calls/small.csv";
const std::string k_posting = "tests/data/posting/lint/de-defects.txt";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct Refusal {
  std::vector<std::string> args;
  std::string error;  // a part of standard error
};

// A file in a fresh temporary folder, removed with the fixture.
class TempFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("ccteam_option_values_" + std::to_string(::getpid()));
    std::filesystem::create_directories(m_dir);
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }
  std::string write(const std::string& name, const std::string& content) {
    std::filesystem::path p = m_dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::filesystem::path m_dir;
};

TEST(OptionValues, WrongValuesAreRefusedWithWhatIsAllowed) {
  const std::vector<Refusal> cases = {
      // Amounts and shares: negative on-costs would make negative budgets.
      {{"plan", k_forecast, "--sl", "80/20", "--on-cost", "-0.5"},
       "--on-cost: -0.5 is not allowed here; use a value of at least 0"},
      {{"hiring-plan", "data/examples/hiring-plan.yaml", "--on-cost", "-1"},
       "--on-cost: -1 is not allowed here; use a value of at least 0"},
      {{"plan", k_forecast, "--sl", "80/20", "--waiting-cost", "-2"},
       "--waiting-cost: -2 is not allowed here; use a value of at least 0"},
      // Durations.
      {{"calibrate", k_calls, "--short-call", "-5", "-o", "unused-dir"},
       "--short-call: -5 is not allowed here; use a value of at least 0"},
      {{"metrics", k_calls, "--short-abandon", "-1"},
       "--short-abandon: -1 is not allowed here; use a value of at least 0"},
      // The service level as a share: 0.8/20 means 0.8 %.
      {{"plan", k_forecast, "--sl", "0.8/20"},
       "--sl: '0.8/20' asks for 0.8 % of calls answered within 20 seconds; the target is a "
       "percentage\n  hint: did you mean 80/20?"},
      {{"plan", k_forecast, "--sl", "1/20"}, "hint: did you mean 100/20?"},
      // The part of the target that is out of range, as typed (before: "out of range: 1.8").
      {{"plan", k_forecast, "--sl", "180/20"},
       "--sl: 180 is not allowed here; use a value above 1 up to 100"},
      {{"plan", k_forecast, "--sl", "80/-5"},
       "--sl: -5 is not allowed here; use a value of at least 0"},
      {{"plan", k_forecast, "--sl", "80/20", "--agents", "100000000"},
       "--agents: 100000000 is not allowed here; use a value from 0 to 100,000"},
      // A daily profile's options next to a forecast file would be ignored.
      {{"plan", k_forecast, "--sl", "80/20", "--calls", "1200/day"},
       "--calls describes a daily profile and is not used with a forecast file (" + k_forecast +
           ")"},
      {{"simulate", k_forecast, "--sl", "80/20", "--aht", "300"},
       "--aht describes a daily profile"},
      // Country and region codes, the same check in every command.
      {{"plan", k_forecast, "--sl", "80/20", "--country", "XX"},
       "--country: 'XX' is not a country code; use ISO 3166-1 alpha-2, for example DE, AT, CH "
       "or US"},
      {{"screen", "agent", "tests/data/resumes/batch.ndjson", "--country", "XX"},
       "--country: 'XX' is not a country code"},
      {{"posting", "lint", k_posting, "--jurisdiction", "US-ZZ"},
       "--jurisdiction: 'US-ZZ' is neither a country nor one of its regions; use ISO 3166-1 or "
       "3166-2, for example DE, DE-BY or US-CO"},
      // Currencies.
      {{"plan", k_forecast, "--sl", "80/20", "--currency", "EURO", "--waiting-cost", "1"},
       "--currency: 'EURO' is not a currency code; use ISO 4217, for example EUR, CHF or USD"},
      // A secret.
      {{"metrics", k_calls, "--pseudonym-key", ""},
       "--pseudonym-key: an empty key gives pseudonyms anyone can compute"},
      // Dates, checked against the calendar.
      {{"metrics", k_calls, "--retention-days", "30", "--as-of", "1999-02-31"},
       "--as-of: '1999-02-31' is not a date; use YYYY-MM-DD, for example 2027-03-31"},
      {{"metrics", k_calls, "--as-of", "2026-03-01"},
       "--as-of is the day the retention period counts back from and needs --retention-days"},
      {{"screen", "agent", "tests/data/resumes/batch.ndjson", "--as-of", "2026-13-01"},
       "--as-of: '2026-13-01' is not a date"},
      {{"plan", "--calls", "1200/day", "--sl", "80/20", "--date", "2026-02-30"},
       "--date: '2026-02-30' is not a date"},
      // Ranges in the unit the user gave, with what is allowed.
      {{"plan", "--calls", "-5/day", "--sl", "80/20"},
       "--calls: -5/day is not allowed here; use a value above 0"},
      // Enumerations list their values.
      {{"plan", "--calls", "1200/day", "--sl", "80/20", "--interval", "20"},
       "--interval: '20' is not one of 15, 30, 60"},
      {{"calibrate", k_calls, "--interval", "45", "-o", "unused-dir"},
       "--interval: '45' is not one of 15, 30, 60"},
      {{"metrics", k_calls, "--by", "day"},
       "--by: 'day' is not one of agent, team, queue, interval"},
      {{"metrics", k_calls, "--input-format", "xlsx"},
       "--input-format: 'xlsx' is not one of bank, csv"},
      {{"metrics", k_calls, "--utc-offset", "+99:00"},
       "--utc-offset: '+99:00' is not a UTC offset; use +HH:MM or -HH:MM from -14:00 to +14:00"},
      {{"posting", "lint", k_posting, "--fail-on", "warn"},
       "--fail-on: 'warn' is not one of info, warning, error"},
      {{"posting", "render", "boss", "--employer", "data/examples/employer-de.yaml"},
       "there is no role 'boss'\n  hint: known roles: 'agent', 'team-lead', 'manager'"},
      // An output that is an input.
      {{"metrics", k_calls, "--chart", k_calls},
       "--chart " + k_calls + " is also an input of this command"},
  };
  for (const Refusal& c : cases) {
    Outcome run = run_ccteam(c.args);
    std::string line;
    for (const std::string& a : c.args) line += a + " ";
    EXPECT_EQ(run.exit_code, 2) << line << "\n" << run.err;
    EXPECT_TRUE(has(run.err, c.error)) << line << "\n" << run.err;
  }
}

// The same checks speak German, with the option and the value as typed.
TEST(OptionValues, GermanWording) {
  Outcome by = run_ccteam({"metrics", k_calls, "--by", "day", "--lang", "de"});
  EXPECT_EQ(by.exit_code, 2);
  EXPECT_TRUE(has(by.err, "--by: 'day' ist keiner der Werte agent, team, queue, interval"))
      << by.err;
  Outcome sl = run_ccteam({"plan", k_forecast, "--sl", "0.8/20", "--lang", "de"});
  EXPECT_EQ(sl.exit_code, 2);
  EXPECT_TRUE(has(sl.err, "verlangt, dass 0,8 % der Anrufe innerhalb von 20 Sekunden")) << sl.err;
  EXPECT_TRUE(has(sl.err, "Hinweis: war 80/20 gemeint?")) << sl.err;
  Outcome date = run_ccteam(
      {"metrics", k_calls, "--retention-days", "30", "--as-of", "1999-02-31", "--lang", "de"});
  EXPECT_TRUE(has(date.err, "--as-of: '1999-02-31' ist kein Datum; JJJJ-MM-TT angeben"))
      << date.err;
}

// Good values of the same kinds still pass: a real region, a lower-case currency, a real date.
TEST(OptionValues, GoodValuesPass) {
  Outcome region = run_ccteam({"posting", "lint", "tests/data/posting/lint/en-defects.md",
                               "--jurisdiction", "US-CO", "--today", "2026-12-01"});
  EXPECT_EQ(region.exit_code, 1) << region.err;  // findings, not a usage error
  Outcome leap =
      run_ccteam({"metrics", k_calls, "--retention-days", "3650", "--as-of", "2028-02-29"});
  EXPECT_NE(leap.exit_code, 2) << leap.err;
  Outcome offset = run_ccteam({"metrics", k_calls, "--utc-offset", "-03:30", "--format", "csv"});
  EXPECT_EQ(offset.exit_code, 0) << offset.err;
}

using OptionFiles = TempFiles;

// Screening nothing is not a success: an empty NDJSON file exits 2 and says why.
TEST_F(OptionFiles, ScreenOfAnEmptyFileExitsTwo) {
  std::string empty = write("empty.ndjson", "");
  Outcome run = run_ccteam({"screen", "agent", empty});
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_TRUE(has(run.err, empty + ": no applicant in the input; nothing was evaluated"))
      << run.err;
}

// A person CSV saved with German spreadsheet settings gets the separator hint, as a forecast does.
TEST_F(OptionFiles, SemicolonPersonCsvGetsTheSeparatorHint) {
  std::string semi = write("people.csv", "given_name;family_name;email\nAnna;Berg;a@example.org\n");
  Outcome run = run_ccteam({"screen", "agent", semi});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(has(run.err,
                  "the header is a single column separated by ';'; ccteam reads comma-separated "
                  "person files"))
      << run.err;
  EXPECT_TRUE(has(run.err, "hint: save the file as CSV with a comma as field separator"))
      << run.err;
}

// `ccteam` alone shows the commands (as `scripts/run --help` does) and how to start the
// workspace; `calibrate --help` says that -o DIR is required.
TEST(OptionValues, OverviewAndCalibrateHelp) {
  Outcome none = run_ccteam({});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_TRUE(has(none.out, "serve")) << none.out;
  EXPECT_TRUE(has(none.out, "'ccteam serve' starts the hiring workspace")) << none.out;
  Outcome help = run_ccteam({"calibrate", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(has(help.out, "-o DIR is required")) << help.out;
}

}  // namespace
}  // namespace ccteam::test
