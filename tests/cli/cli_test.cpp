// Runs the built ccteam binary as a user would and checks its output, errors and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs ccteam with 'args' in a clean environment (LANG as given) from the source folder,
// with standard input from 'input' (a path relative to the source folder) when given.
Outcome ccteam(const std::vector<std::string>& args, const std::string& lang = "C",
               const std::string& input = "") {
  fs::path dir = fs::temp_directory_path() / ("ccteam_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string command = "cd " + quote(CCTEAM_SOURCE_DIR) +
                        " && env -u LC_ALL -u LC_MESSAGES LANG=" + quote(lang) + " " +
                        quote(CCTEAM_BINARY);
  for (const std::string& arg : args) command += " " + quote(arg);
  command += " >" + quote((dir / "out").string()) + " 2>" + quote((dir / "err").string());
  command += " <" + quote(input.empty() ? std::string("/dev/null") : input);
  int status = std::system(command.c_str());
  Outcome run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(dir / "out");
  run.err = slurp(dir / "err");
  fs::remove_all(dir);
  return run;
}

TEST(Cli, RolesListJsonHasTheThreeRolesWithTheArticlesPay) {
  Outcome run = ccteam({"roles", "list", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["roles"].size(), 3u);
  EXPECT_EQ(json["roles"][0]["id"], "agent");
  EXPECT_EQ(json["roles"][1]["id"], "team-lead");
  EXPECT_EQ(json["roles"][2]["id"], "manager");
  auto market = json["roles"][2]["pay"]["market_reference"];
  EXPECT_EQ(market["currency"], "USD");
  EXPECT_EQ(market["min"], 63000);
  EXPECT_EQ(market["max"], 100000);
  EXPECT_EQ(market["open_ended"], true);
  EXPECT_EQ(json["roles"][0]["pay"]["market_reference"]["min"], 32000);
  EXPECT_EQ(json["roles"][0]["pay"]["market_reference"]["max"], 35000);
  EXPECT_EQ(json["roles"][1]["pay"]["market_reference"]["min"], 38000);
  EXPECT_EQ(json["roles"][1]["pay"]["market_reference"]["max"], 44000);
}

TEST(Cli, RolesListTableShowsFormattedPay) {
  Outcome run = ccteam({"roles", "list"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("$32,000 to $35,000 per year"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("$63,000 to more than $100,000 per year"), std::string::npos);
}

TEST(Cli, RolesShowSpeaksGermanWhenAsked) {
  Outcome run = ccteam({"roles", "show", "team-lead", "--lang", "de"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Aufgaben"), std::string::npos) << run.out;
  // Roles by their German title, gender-neutral outside postings; citations in German (issue
  // 27: "Callcenter-Teamleiter", "berichtet an: manager", "[Quelle: ANZSCO ... skill level 4:
  // at least one year ...]").
  EXPECT_NE(run.out.find("Teamleitung (team-lead)\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("berichtet an: Callcenter-Leitung"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Qualifikationsstufe"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("skill level"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("38.000\u00a0$ bis 44.000\u00a0$ pro Jahr"), std::string::npos);
  EXPECT_EQ(run.out.find("Responsibilities"), std::string::npos);
}

TEST(Cli, LanguageComesFromTheEnvironmentByDefault) {
  Outcome run = ccteam({"roles", "ladder"}, "de_DE.UTF-8");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Karriereleiter"), std::string::npos) << run.out;
  Outcome english = ccteam({"roles", "ladder"}, "en_US.UTF-8");
  EXPECT_NE(english.out.find("Career ladder"), std::string::npos) << english.out;
}

TEST(Cli, LadderIsATreeFromAgentToManager) {
  Outcome run = ccteam({"roles", "ladder", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["ladders"].size(), 1u);
  EXPECT_EQ(json["ladders"][0]["id"], "agent");
  EXPECT_EQ(json["ladders"][0]["next"][0]["id"], "team-lead");
  EXPECT_EQ(json["ladders"][0]["next"][0]["next"][0]["id"], "manager");
}

TEST(Cli, YamlOutputHasTheShapeOfJson) {
  Outcome run = ccteam({"roles", "show", "agent", "--format", "yaml"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("id: agent\nlevel: entry\nrank: 1\n", 0), 0u) << run.out.substr(0, 200);
}

TEST(Cli, UnknownRoleIsAnErrorWithTheKnownOnes) {
  Outcome run = ccteam({"roles", "show", "ceo"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("there is no role 'ceo'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("'agent', 'team-lead', 'manager'"), std::string::npos) << run.err;
  EXPECT_TRUE(run.out.empty());
}

TEST(Cli, ValidateReportsFileLineAndColumn) {
  std::string file = "tests/data/catalog/invalid/unknown-key.yaml";
  Outcome run = ccteam({"catalog", "validate", file});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(file + ":33:5 (/roles/1/titel): error: unknown key 'titel'\n"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("hint: did you mean 'title'?"), std::string::npos) << run.err;
}

TEST(Cli, ValidateSpeaksGerman) {
  Outcome run = ccteam(
      {"catalog", "validate", "tests/data/catalog/invalid/unknown-key.yaml", "--lang", "de"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("Fehler: unbekannter Schlüssel 'titel'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("Hinweis: meinten Sie 'title'?"), std::string::npos) << run.err;
}

TEST(Cli, ValidateAcceptsTheDefaultCatalogAndGivesJson) {
  Outcome ok = ccteam({"catalog", "validate", "data/catalog"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("catalog is valid: 3 role(s)"), std::string::npos) << ok.out;

  Outcome bad = ccteam({"catalog", "validate", "--format", "json",
                        "tests/data/catalog/invalid/pay-min-above-max.yaml"});
  EXPECT_EQ(bad.exit_code, 2);
  auto json = nlohmann::json::parse(bad.out);
  EXPECT_EQ(json["valid"], false);
  EXPECT_EQ(json["errors"][0]["line"], 29);
  EXPECT_EQ(json["errors"][0]["column"], 25);
  EXPECT_EQ(json["errors"][0]["pointer"], "/roles/0/pay/market_reference");
  EXPECT_TRUE(json["errors"][0]["hint"].is_null() || json["errors"][0]["hint"].is_string());
  EXPECT_EQ(bad.err, "");  // the errors are in the JSON, not also on stderr
}

TEST(Cli, BrokenCatalogStopsEveryCommandWithExitTwo) {
  Outcome run =
      ccteam({"roles", "list", "--catalog", "tests/data/catalog/invalid/ladder-cycle.yaml"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("next_roles forms a cycle: agent -> lead -> agent"), std::string::npos)
      << run.err;
  EXPECT_TRUE(run.out.empty());
}

TEST(Cli, CatalogOptionTakesFilesAndFolders) {
  Outcome run =
      ccteam({"roles", "list", "--format", "json", "--catalog", "tests/data/catalog/minimal.yaml"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["roles"].size(), 2u);
  EXPECT_EQ(json["roles"][0]["pay"]["bands"][0]["currency"], "EUR");
}

TEST(Cli, OutputOptionWritesAFile) {
  fs::path file =
      fs::temp_directory_path() / ("ccteam_cli_out_" + std::to_string(::getpid()) + ".json");
  Outcome run = ccteam({"roles", "list", "--format", "json", "-o", file.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty());
  EXPECT_EQ(nlohmann::json::parse(slurp(file))["roles"].size(), 3u);
  fs::remove(file);
}

TEST(Cli, UsageErrorsExitWithTwo) {
  Outcome format = ccteam({"roles", "list", "--format", "xml"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_NE(
      format.err.find("format 'xml' is not available here; use one of: 'table', 'json', 'yaml'"),
      std::string::npos)
      << format.err;
  EXPECT_EQ(ccteam({"roles", "list", "--lang", "fr"}).exit_code, 2);
  EXPECT_EQ(ccteam({"--lang", "de"}).exit_code, 2);  // no command (alone, ccteam lists them)
  EXPECT_EQ(ccteam({"roles"}).exit_code, 2);
  EXPECT_EQ(ccteam({"bogus"}).exit_code, 2);
  EXPECT_EQ(ccteam({"roles", "show"}).exit_code, 2);
}

TEST(Cli, AFailedWriteIsAnErrorNotASilentLoss) {
  Outcome run = ccteam({"roles", "list", "-o", "/dev/full"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot write /dev/full"), std::string::npos) << run.err;
  EXPECT_TRUE(fs::is_character_file("/dev/full")) << "the device must not be replaced by a file";
}

TEST(Cli, UnknownCommandsAreNamed) {
  Outcome run = ccteam({"rolez", "list"}, "de_DE.UTF-8");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("unbekannter Befehl oder unerwartetes Argument: rolez"), std::string::npos)
      << run.err;
}

TEST(Cli, ValidateCountsTheFilesOfAFolderAndSkipsHiddenOnes) {
  fs::path dir = fs::temp_directory_path() / ("ccteam_cli_catalog_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(fs::path(CCTEAM_SOURCE_DIR) / "data/catalog/roles.yaml", dir / "roles.yaml");
  std::ofstream(dir / "bands.yml")
      << "pay_bands:\n  - {role: agent, country: DE, currency: EUR, period: month, min: 2400, "
         "max: 2900}\n";
  fs::copy_file(dir / "roles.yaml", dir / ".#roles.yaml");  // an editor's lock file
  Outcome run = ccteam({"catalog", "validate", dir.string(), (dir / "roles.yaml").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("3 role(s), 1 pay band(s) in 2 file(s)"), std::string::npos) << run.out;
  fs::remove_all(dir);
}

TEST(Cli, HelpIsInTheUsersLanguage) {
  Outcome en = ccteam({"--help"});
  EXPECT_EQ(en.exit_code, 0);
  EXPECT_NE(en.out.find("build, staff and grow a call-center team"), std::string::npos);
  Outcome de = ccteam({"roles", "--help"}, "de_DE.UTF-8");
  EXPECT_EQ(de.exit_code, 0);
  EXPECT_NE(de.out.find("die Rollen des Katalogs auflisten"), std::string::npos) << de.out;
}

}  // namespace

// --- ccteam screen

TEST(CliScreen, BlindJsonWithMergedExperience) {
  // agent-de.json: Kundenberaterin 2023-01..2023-12 and Kundenbetreuerin since 2023-09 overlap;
  // merged 2023-01-01..2025-12-31 = 36 months (not 12 + 28 = 40). Realschulabschluss (ISCED 2)
  // meets the German agent minimum (ISCED 2); "Muttersprache" reads as C2 >= C1.
  Outcome run = ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--as-of",
                        "2025-12-31", "--country", "DE", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["blind"], true);
  ASSERT_EQ(json["applicants"].size(), 1u);
  const auto& a = json["applicants"][0];
  EXPECT_EQ(a["verdict"], "meets");
  EXPECT_EQ(a.contains("personal"), false);
  EXPECT_EQ(run.out.find("Nina"), std::string::npos);
  EXPECT_EQ(run.out.find("Muttersprache"), std::string::npos);  // mother tongue never shown
  bool found = false;
  for (const auto& c : a["criteria"]) {
    if (c["subject"] == "customer_service>=6") {
      found = true;
      EXPECT_NE(c["explanation"].get<std::string>().find("36 months"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST(CliScreen, RejectedDocumentsAreCountedAndTheBatchGoesOn) {
  Outcome run =
      ccteam({"screen", "agent", "tests/data/resumes/batch.ndjson", "--as-of", "2025-12-31"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("7 documents read: 2 evaluated, 5 rejected"), std::string::npos)
      << run.out;
  // Blind: the input by its number, not its file name.
  EXPECT_NE(run.err.find("#1:4:12: error: invalid JSON"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("(/work/0/startDate)"), std::string::npos) << run.err;
}

TEST(CliScreen, RevealShowsNamesAndGermanTexts) {
  Outcome run = ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--as-of",
                        "2025-12-31", "--country", "DE", "--reveal", "--lang", "de"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Nina Beispiel"), std::string::npos);
  EXPECT_NE(run.out.find("erfüllt die Anforderungen"), std::string::npos);
  EXPECT_NE(run.out.find("DSGVO Art. 22"), std::string::npos);
}

TEST(CliScreen, UnknownRoleAndBadDateAreUsageErrors) {
  EXPECT_EQ(ccteam({"screen", "ceo", "tests/data/resumes/agent-de.json"}).exit_code, 2);
  EXPECT_EQ(ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--as-of", "2025-02-30"})
                .exit_code,
            2);
  EXPECT_EQ(ccteam({"screen", "agent", "tests/data/resumes/missing.json"}).exit_code, 2);
}

TEST(CliScreen, OptionHintsForLowerCaseCountryAndPartialAsOfDate) {
  Outcome country =
      ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--country", "de"});
  EXPECT_EQ(country.exit_code, 2);
  EXPECT_NE(country.err.find("country codes are written in capitals: DE"), std::string::npos)
      << country.err;
  Outcome as_of =
      ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--as-of", "2026-11"});
  EXPECT_EQ(as_of.exit_code, 2);
  EXPECT_NE(as_of.err.find("--as-of: '2026-11' is not a date; use YYYY-MM-DD"), std::string::npos)
      << as_of.err;
}

TEST(CliScreen, NothingEvaluatedIsUnusableInput) {
  // Both documents are broken (an impossible date, invalid JSON): nothing could be evaluated,
  // so the exit code is 2 (unusable input), not 1 (findings) as when some were evaluated.
  Outcome run = ccteam({"screen", "agent", "tests/data/resumes/all-broken.ndjson"});
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_NE(run.out.find("2 documents read: 0 evaluated, 2 rejected"), std::string::npos)
      << run.out;
}

TEST(CliScreen, StandardInputNamedTwiceIsReadOnce) {
  Outcome run = ccteam({"screen", "agent", "-", "-", "--as-of", "2025-12-31"}, "C",
                       "tests/data/resumes/batch.ndjson");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("7 documents read: 2 evaluated, 5 rejected"), std::string::npos)
      << run.out;
  EXPECT_NE(run.err.find("standard input ('-') is named more than once"), std::string::npos)
      << run.err;
}

TEST(CliScreen, CsvExtensionInAnyCase) {
  // The same rows as people.csv (3 people: one evaluated, an empty one and a bad date).
  Outcome run =
      ccteam({"screen", "agent", "tests/data/resumes/export-UPPER.CSV", "--as-of", "2025-12-31"});
  EXPECT_NE(run.out.find("3 documents read: 1 evaluated, 2 rejected"), std::string::npos)
      << run.out << run.err;
}

TEST(CliScreen, GermanErrorsAreGerman) {
  // Type names and the JSON parser's description in German; the quoted input stays as written.
  Outcome run = ccteam({"screen", "agent", "tests/data/resumes/batch.ndjson", "--as-of",
                        "2025-12-31", "--lang", "de"});
  EXPECT_NE(run.err.find("/work muss ein Array sein"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("ungültiges JSON: Syntaxfehler in einem Wert - ungültiges Literal; "
                         "zuletzt gelesen: '\"work\": [ o'"),
            std::string::npos)
      << run.err;
  Outcome dir = ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--lang", "de",
                        "--format", "json", "-o", "tests"});
  EXPECT_EQ(dir.exit_code, 2);
  EXPECT_NE(dir.err.find("kann nicht geschrieben werden: ist ein Verzeichnis"), std::string::npos)
      << dir.err;
}

// --- ccteam career

TEST(CliCareer, EarliestDateTheExperienceRuleIsMet) {
  // Team leader since 2025-09-01: 4 months as of 2025-12-31; the team-lead role prefers 6.
  // Six whole months are reached on 2026-02-28 (2025-09-01 .. 2026-03-01 = 6 months; on
  // 2026-02-27 only 5), so that is the gap's date; 2 months are missing today. The required
  // rule (12 months of customer service; 80 since 2019-01) is met on the as-of date.
  Outcome run = ccteam({"career", "tests/data/resumes/career-tl.json", "--from", "agent", "--to",
                        "team-lead", "--as-of", "2025-12-31", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["next"].size(), 1u);
  const auto& next = json["next"][0];
  EXPECT_EQ(next["role"], "team-lead");
  EXPECT_EQ(next["experience_met_on"], "2025-12-31");
  bool found = false;
  for (const auto& gap : next["gaps"]) {
    if (gap["subject"] == "team_leadership>=6") {
      found = true;
      EXPECT_EQ(gap["months_missing"], 2);
      EXPECT_EQ(gap["met_on"], "2026-02-28");
      EXPECT_NE(gap["action"].get<std::string>().find("2026-02-28"), std::string::npos);
    }
  }
  // What is met is listed (customer service among it).
  bool service = false;
  for (const auto& m : next["met"]) service = service || m["subject"] == "customer_service>=12";
  EXPECT_TRUE(service) << next["met"].dump();
  EXPECT_TRUE(found);
}

// The table names roles by title (and id, for --to) and marks the gaps that are only preferred:
// the 2 missing months of team leadership above (team-lead prefers 6, requires none).
TEST(CliCareer, TableNamesRolesAndMarksPreferredGaps) {
  Outcome run = ccteam({"career", "tests/data/resumes/career-tl.json", "--from", "agent", "--to",
                        "team-lead", "--as-of", "2025-12-31", "--lang", "de"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Karriereweg ab Callcenter-Agent (agent)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("- noch 2 Monate Teamführung (wünschenswert)"), std::string::npos)
      << run.out;
}

TEST(CliCareer, RulesMetAlreadyAreNotGivenAFutureDate) {
  // As of 2026-03-31 the team leader of career-tl.json has 7 whole months of team leadership
  // (2025-09-01 .. 2026-03-31) and 80 of call-centre work: every experience rule of team-lead
  // is met today, so the table says so instead of "met on 2026-03-31 if the job continues".
  Outcome run = ccteam({"career", "tests/data/resumes/career-tl.json", "--from", "agent", "--to",
                        "team-lead", "--as-of", "2026-03-31"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("experience rules already met (as of 2026-03-31)"), std::string::npos)
      << run.out;
}

TEST(CliCareer, StartsAtTheEntryRoleAndOnlyGoesUp) {
  // The team leader of career-tl.json meets the agent role and more, but without --from the
  // path starts at the entry role (agent), so its next role (team-lead) is shown.
  Outcome run = ccteam(
      {"career", "tests/data/resumes/career-tl.json", "--as-of", "2025-12-31", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["from"], "agent");
  ASSERT_EQ(json["next"].size(), 1u);
  EXPECT_EQ(json["next"][0]["role"], "team-lead");
  Outcome down = ccteam({"career", "tests/data/resumes/career-tl.json", "--from", "team-lead",
                         "--to", "agent", "--as-of", "2025-12-31"});
  EXPECT_EQ(down.exit_code, 2);
  EXPECT_NE(down.err.find("'agent' is not above 'team-lead'"), std::string::npos) << down.err;
}

TEST(CliCareer, NeedsExactlyOnePerson) {
  Outcome run = ccteam({"career", "tests/data/resumes/batch.ndjson", "--as-of", "2025-12-31"});
  EXPECT_EQ(run.exit_code, 2);
}

TEST(CliScreen, TopKeepsTheFirstInReviewOrder) {
  // batch.ndjson twice: 4 readable documents (A1, A7 and their copies A8, A14). Agent role,
  // no country (ISCED 3): the Kundenberaterin (A1) lists no education, but 2020-01..2021-12 =
  // 24 months of customer service >= the 12 of experience-for-upper-secondary: meets by
  // substitution. The Abitur holder (A7) has no work history: needs review. Verdict first,
  // then input order: A1, A8, A7, A14; the top 2 are A1 and its copy A8.
  Outcome run = ccteam({"screen", "agent", "tests/data/resumes/batch.ndjson",
                        "tests/data/resumes/batch.ndjson", "--as-of", "2025-12-31", "--top", "2",
                        "--format", "json"});
  EXPECT_EQ(run.exit_code, 1);  // rejected documents are findings
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["summary"]["evaluated"], 4);
  ASSERT_EQ(json["applicants"].size(), 2u);
  EXPECT_EQ(json["applicants"][0]["id"], "A1");
  EXPECT_EQ(json["applicants"][1]["id"], "A8");
  // The two left out are counted, in JSON and in the table in both languages.
  EXPECT_EQ(json["summary"]["not_shown"], 2);
  for (const auto& [lang, text] : {std::pair{"en", "2 more not shown (--top)"},
                                   std::pair{"de", "2 weitere nicht gezeigt (--top)"}}) {
    Outcome table = ccteam({"screen", "agent", "tests/data/resumes/batch.ndjson",
                            "tests/data/resumes/batch.ndjson", "--as-of", "2025-12-31", "--top",
                            "2", "--lang", lang});
    EXPECT_NE(table.out.find(text), std::string::npos) << table.out;
  }
  // The table is as wide as the rows it shows: E-17 (meets the requirements, people.csv) is
  // the first; Nina Beispiel's longer verdict (by substitution), left out by --top 1, does not
  // widen the verdict column.
  Outcome narrow =
      ccteam({"screen", "agent", "tests/data/resumes/people.csv",
              "tests/data/resumes/agent-de.json", "--as-of", "2025-12-31", "--top", "1"});
  EXPECT_NE(narrow.out.find("E-17       meets the requirements  2\n"), std::string::npos)
      << narrow.out;
  Outcome all = ccteam({"screen", "agent", "tests/data/resumes/batch.ndjson", "--as-of",
                        "2025-12-31", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(all.out)["summary"]["not_shown"], 0);
}
namespace {

TEST(CliPosting, RendersJsonLdForTheUsExample) {
  Outcome run = ccteam({"posting", "render", "agent", "--employer",
                        "data/examples/employer-us.yaml", "--format", "jsonld"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["@type"], "JobPosting");
  EXPECT_EQ(json["baseSalary"]["value"]["unitText"], "HOUR");
}

TEST(CliPosting, RendersGermanHtml) {
  Outcome run = ccteam({"posting", "render", "manager", "--employer",
                        "data/examples/employer-de.yaml", "--lang", "de", "--format", "html"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("<h1>Callcenter-Manager (m/w/d)</h1>"), std::string::npos);
  EXPECT_NE(run.out.find("application/ld+json"), std::string::npos);
}

// below-minimum.yaml: 2,000 EUR a month at 40 h is 2000 * 3 / 13 / 40 = 11.53 EUR/h, below
// 13.90 (MiLoV5); valid_through (line 11, col 16) is before posting_date.
TEST(CliPosting, ProfileErrorsNameTheFieldAndExitWithTwo) {
  Outcome run = ccteam({"posting", "render", "agent", "--employer",
                        "tests/data/posting/employer/below-minimum.yaml"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  EXPECT_NE(run.err.find("below-minimum.yaml:11:16 (/valid_through): error:"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("(/positions/0/pay/min): error: pay for 'agent' is €11.53 per hour, "
                         "below the minimum wage in DE of €13.90"),
            std::string::npos)
      << run.err;
}

// The same profile error for a German user: the amounts in German format (ICU: "11,53 €").
TEST(CliPosting, ProfileErrorsShowMoneyInTheUsersLanguage) {
  Outcome run = ccteam({"posting", "render", "agent", "--employer",
                        "tests/data/posting/employer/below-minimum.yaml", "--lang", "de"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("entspricht 11,53\u00a0€ pro Stunde und liegt unter dem Mindestlohn in "
                         "DE von 13,90\u00a0€"),
            std::string::npos)
      << run.err;
}

TEST(CliPosting, UnknownPositionAndUnknownFormatAreUsageErrors) {
  Outcome run = ccteam({"posting", "render", "agent", "--employer",
                        "data/examples/employer-us.yaml", "--format", "pdf"});
  EXPECT_EQ(run.exit_code, 2);
}

}  // namespace

namespace {

// tests/data/posting/lint/en-defects.md: findings worked out in tests/ccteam/lint/linter_test.cpp.
TEST(CliPosting, LintReportsFindingsAsJsonAndExitsWithOne) {
  Outcome run = ccteam({"posting", "lint", "tests/data/posting/lint/en-defects.md", "--format",
                        "json", "--today", "2026-12-01"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["jurisdictions"], nlohmann::json::array({"US-CO"}));
  EXPECT_TRUE(json[0]["reading_ease"].is_null());  // under the 100 words readability needs
  const auto& first = json[0]["findings"][0];
  EXPECT_EQ(first["rule"], "agg-age");
  EXPECT_EQ(first["line"], 3);
  EXPECT_EQ(first["column"], 10);
  EXPECT_EQ(first["severity"], "warning");
  EXPECT_FALSE(first["fix"].get<std::string>().empty());
  EXPECT_FALSE(first["source"].get<std::string>().empty());
}

TEST(CliPosting, LintCleanPostingFromStdinExitsWithZero) {
  Outcome run = ccteam({"posting", "lint", "tests/data/posting/lint/de-clean.html", "--today",
                        "2026-12-01", "--lang", "de"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("keine Befunde"), std::string::npos);
}

TEST(CliPosting, LintFailOnErrorIgnoresWarnings) {
  Outcome run = ccteam({"posting", "lint", "tests/data/posting/lint/de-defects.txt", "--today",
                        "2026-11-01", "--fail-on", "error", "--jurisdiction", "DE"});
  // On 2026-11-01: 12.00 EUR/h is below 13.90 (error) -> still 1.
  EXPECT_EQ(run.exit_code, 1);
  // In German: the severity and the money as a German reader writes them (before: "warning"
  // and "12 pro Stunde ... (13.9 pro Stunde)").
  Outcome de = ccteam({"posting", "lint", "tests/data/posting/lint/de-defects.txt", "--today",
                       "2026-11-01", "--jurisdiction", "DE", "--lang", "de"});
  EXPECT_NE(
      de.out.find(": Fehler [min-wage] 12\u00a0€ pro Stunde liegt unter dem Mindestlohn in DE "
                  "(13,90\u00a0€ pro Stunde)"),
      std::string::npos)
      << de.out;
  EXPECT_NE(de.out.find(": Warnung ["), std::string::npos) << de.out;
  EXPECT_EQ(de.out.find(" warning ["), std::string::npos) << de.out;
  Outcome missing = ccteam({"posting", "lint", "no-such-file.md"});
  EXPECT_EQ(missing.exit_code, 2);
}

// A jurisdiction must be an ISO 3166 code; an unknown one would silently apply no law.
// CLI11's own words for an option given twice or without its value, in the user's language.
TEST(CliErrors, OptionGivenTwiceOrWithoutValue) {
  Outcome twice = ccteam({"plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20", "--sl",
                          "70/20", "--lang", "de"});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("--sl ist 2-mal angegeben; höchstens 1-mal angeben"), std::string::npos)
      << twice.err;
  Outcome empty = ccteam({"roles", "list", "--lang", "de", "--format"});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("--format braucht einen Wert"), std::string::npos) << empty.err;
  Outcome english = ccteam({"roles", "list", "--lang", "en", "--format"});
  EXPECT_NE(english.err.find("--format needs a value"), std::string::npos) << english.err;
}

TEST(CliPosting, UnknownJurisdictionIsAnError) {
  for (const char* code : {"XX-YY", "de", "US-", "DE-toolong", "US-ZZ"}) {
    Outcome run = ccteam(
        {"posting", "lint", "tests/data/posting/lint/de-defects.txt", "--jurisdiction", code});
    EXPECT_EQ(run.exit_code, 2) << code;
    EXPECT_NE(run.err.find("--jurisdiction: '" + std::string(code) +
                           "' is neither a country nor one of its regions"),
              std::string::npos)
        << run.err;
  }
  Outcome region = ccteam({"posting", "lint", "tests/data/posting/lint/en-defects.md",
                           "--jurisdiction", "US-CO", "--today", "2026-12-01"});
  EXPECT_EQ(region.exit_code, 1) << region.err;
}

// One document is "1 document", importance words and skill names follow the language, and
// --top takes 1 or more (0 would silently mean everyone).
TEST(CliScreen, WordsOfTheExplanationAndTopAtLeastOne) {
  Outcome one = ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--as-of",
                        "2025-12-31", "--explain", "--lang", "de"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("1 Dokument gelesen: 1 bewertet, 0 nicht lesbar"), std::string::npos)
      << one.out;
  EXPECT_NE(one.out.find("(erforderlich)"), std::string::npos) << one.out;
  EXPECT_EQ(one.out.find("(required)"), std::string::npos) << one.out;
  EXPECT_EQ(one.out.find("Fähigkeit: communication"), std::string::npos) << one.out;
  for (const char* top : {"0", "-1"}) {
    Outcome bad = ccteam({"screen", "agent", "tests/data/resumes/agent-de.json", "--top", top});
    EXPECT_EQ(bad.exit_code, 2) << top;
    EXPECT_NE(bad.err.find("--top"), std::string::npos) << bad.err;
  }
}

TEST(CliScreen, NdjsonFromStandardInputAsFromAFile) {
  // The same batch through stdin gives the same summary; positions name <stdin>.
  Outcome run = ccteam({"screen", "agent", "-", "--as-of", "2025-12-31"}, "C",
                       "tests/data/resumes/batch.ndjson");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("7 documents read: 2 evaluated, 5 rejected"), std::string::npos)
      << run.out;
  EXPECT_NE(run.err.find("<stdin>:4:12: error: invalid JSON"), std::string::npos) << run.err;
  // A pretty-printed document through stdin is still read whole.
  Outcome one = ccteam(
      {"screen", "agent", "-", "--as-of", "2025-12-31", "--country", "DE", "--format", "json"}, "C",
      "tests/data/resumes/agent-de.json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(nlohmann::json::parse(one.out)["applicants"][0]["verdict"], "meets");
}

}  // namespace
