// ccteam plan, run as a user would (src/cli/commands/plan.cpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run.hpp"

namespace ccteam::test {
namespace {

const std::string k_small = "tests/data/forecasts/small-30min.csv";

// tests/data/forecasts/small-30min.csv at 80/20 with Erlang C (erlang_reference.py):
// 100 calls x 180 s = 10 E -> 14 agents; 150 x 180 s = 15 E -> 19 (SL 84.3 %); 0 calls -> 0;
// 42.5 x 240 s = 5.667 E -> 9 (SL 88.6 %). 42 agent half hours = 21 h a day, x 5 days = 105 h;
// FTE = 105 / 39 / 0.7 = 3.85 -> 4 agents; 1 team lead (span and cover), 1 manager.
TEST(PlanCli, JsonForTheSmallForecast) {
  Outcome run = run_ccteam({"plan", k_small, "--sl", "80/20", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  EXPECT_EQ(plan["model"], "erlang_c");
  EXPECT_EQ(plan["definitions"]["service_level"], "over_offered");
  ASSERT_EQ(plan["intervals"].size(), 4u);
  std::vector<int> agents;
  for (const auto& i : plan["intervals"]) agents.push_back(i["agents"].get<int>());
  EXPECT_EQ(agents, (std::vector<int>{14, 19, 0, 9}));
  EXPECT_NEAR(plan["intervals"][1]["service_level"].get<double>(), 0.84341205, 1e-7);
  EXPECT_EQ(plan["levels"][0]["role"], "agent");
  EXPECT_NEAR(plan["levels"][0]["fte"].get<double>(), 105.0 / 27.3, 1e-9);
  EXPECT_EQ(plan["levels"][0]["headcount"], 4);
  EXPECT_EQ(plan["levels"][1]["headcount"], 1);
  EXPECT_EQ(plan["levels"][2]["headcount"], 1);
  // The default catalog has no own pay bands: not costed, and it says why.
  EXPECT_TRUE(plan["levels"][0]["cost"]["annual_low"].is_null());
  EXPECT_EQ(plan["levels"][0]["cost"]["notes"].size(), 1u);
}

TEST(PlanCli, MarketReferenceOnlyWhenAsked) {
  Outcome run =
      run_ccteam({"plan", k_small, "--sl", "80/20", "--format", "json", "--market-reference"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  // 4 agents x USD 32,000..35,000 (the article's market reference) x 1.21 on-costs.
  EXPECT_EQ(plan["levels"][0]["cost"]["currency"], "USD");
  EXPECT_NEAR(plan["levels"][0]["cost"]["annual_low"].get<double>(), 154880.0, 0.005);
  EXPECT_NEAR(plan["levels"][0]["cost"]["annual_high"].get<double>(), 169400.0, 0.005);
  EXPECT_TRUE(plan["levels"][0]["cost"]["market_reference"].get<bool>());
}

TEST(PlanCli, TableAndCsv) {
  Outcome table = run_ccteam({"plan", k_small, "--sl", "80/20"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  // One day: the time of day only (a daily profile's date is made up).
  EXPECT_NE(table.out.find("\n08:30  150"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("2026-03-02"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("service level over offered calls"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("span of control"), std::string::npos) << table.out;
  Outcome csv = run_ccteam({"plan", k_small, "--sl", "80/20", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "interval_start,calls_offered,aht_seconds,load_erlangs,agents,state,service_level,"
            "asa_seconds,occupancy,abandonment,team_leads_on_duty,managers_on_duty");
  EXPECT_NE(csv.out.find("2026-03-02T08:00:00,100,180,10,14,stable,"), std::string::npos)
      << csv.out;
}

// The German table writes decimals with a comma and names rules and definitions in German; the
// values are the ones worked out above (SL 84.3 % at 08:30, 105 h / 39 h / 0.7 = 3.85 FTE).
TEST(PlanCli, GermanTableInGermanWordsAndNumbers) {
  Outcome table = run_ccteam({"plan", k_small, "--sl", "80/20", "--lang", "de"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  for (const char* expected : {"84,3 %", "3,85", "105,0", "Arbeitslast", "Führungsspanne",
                               "Servicelevel über angebotene Anrufe", "Teamleitung"}) {
    EXPECT_NE(table.out.find(expected), std::string::npos) << expected << "\n" << table.out;
  }
  EXPECT_EQ(table.out.find("84.3"), std::string::npos) << table.out;
}

// Option values: the range is stated, a decimal comma gets a hint, a profile across midnight
// is refused with the way out, in the user's language.
TEST(PlanCli, OptionValueErrorsSayWhatIsAllowed) {
  Outcome range = run_ccteam({"plan", k_small, "--sl", "80/20", "--shrinkage", "1.5"});
  EXPECT_EQ(range.exit_code, 2);
  EXPECT_NE(range.err.find("--shrinkage: 1.5 is not allowed here; use a value from 0 to below 1"),
            std::string::npos)
      << range.err;
  Outcome span = run_ccteam({"plan", k_small, "--sl", "80/20", "--span", "0", "--lang", "de"});
  EXPECT_EQ(span.exit_code, 2);
  EXPECT_NE(
      span.err.find("--span: 0 ist hier nicht zulässig; erlaubt ist ein Wert von mindestens 1"),
      std::string::npos)
      << span.err;
  Outcome comma =
      run_ccteam({"plan", k_small, "--sl", "80/20", "--max-occupancy", "0,85", "--lang", "de"});
  EXPECT_EQ(comma.exit_code, 2);
  EXPECT_NE(comma.err.find("--max-occupancy: '0,85' ist keine Zahl"), std::string::npos)
      << comma.err;
  EXPECT_NE(comma.err.find("0.85 statt 0,85"), std::string::npos) << comma.err;
  Outcome night = run_ccteam({"plan", "--calls", "1200/day", "--hours", "20:00-08:00"});
  EXPECT_EQ(night.exit_code, 2);
  EXPECT_NE(night.err.find("closing time must be after the opening time"), std::string::npos)
      << night.err;
  EXPECT_NE(night.err.find("forecast CSV"), std::string::npos) << night.err;
  Outcome calls = run_ccteam({"plan", "--calls", "100"});
  EXPECT_EQ(calls.exit_code, 2);
  EXPECT_NE(calls.err.find("--calls: cannot read '100' (expected: 1200/day)"), std::string::npos)
      << calls.err;
  Outcome grid = run_ccteam({"plan", "--calls", "100/day", "--hours", "08:10-20:00"});
  EXPECT_EQ(grid.exit_code, 2);
  EXPECT_NE(grid.err.find("30-minute"), std::string::npos) << grid.err;
}

// The chart is SVG only; -o must not overwrite the forecast it reads.
TEST(PlanCli, ChartNameAndOutputThatWouldOverwriteTheInput) {
  Outcome png = run_ccteam({"plan", k_small, "--sl", "80/20", "--chart", "plan.png"});
  EXPECT_EQ(png.exit_code, 2);
  EXPECT_NE(png.err.find("'plan.png': the chart is drawn as SVG"), std::string::npos) << png.err;
  const auto copy = std::filesystem::temp_directory_path() / "ccteam-plan-overwrite.csv";
  std::filesystem::copy_file(std::filesystem::path(CCTEAM_SOURCE_DIR) / k_small, copy,
                             std::filesystem::copy_options::overwrite_existing);
  const auto size = std::filesystem::file_size(copy);
  Outcome clash =
      run_ccteam({"plan", copy.string(), "--sl", "80/20", "--format", "csv", "-o", copy.string()});
  EXPECT_EQ(clash.exit_code, 2);
  EXPECT_NE(clash.err.find("is also an input of this command"), std::string::npos) << clash.err;
  EXPECT_EQ(std::filesystem::file_size(copy), size);
  std::filesystem::remove(copy);
}

TEST(PlanCli, DailyProfile) {
  Outcome run = run_ccteam({"plan", "--calls", "1200/day", "--hours", "08:00-20:00", "--sl",
                            "80/20", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  ASSERT_EQ(plan["intervals"].size(), 24u);
  EXPECT_EQ(plan["intervals"][0]["start"], "2000-01-03T08:00:00");
  double calls = 0;
  for (const auto& i : plan["intervals"]) calls += i["calls_offered"].get<double>();
  EXPECT_NEAR(calls, 1200, 1e-9);
}

TEST(PlanCli, ChartIsAnSvgWithOneBarPerInterval) {
  auto svg_path = std::filesystem::temp_directory_path() /
                  ("ccteam_plan_chart_" + std::to_string(::getpid()) + ".svg");
  Outcome run = run_ccteam({"plan", k_small, "--sl", "80/20", "--chart", svg_path.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string svg = slurp(svg_path);
  std::filesystem::remove(svg_path);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("Required agents and service level"), std::string::npos);
  // 4 intervals: 4 bars + background + 2 legend swatches.
  std::size_t rects = 0;
  for (auto p = svg.find("<rect"); p != std::string::npos; p = svg.find("<rect", p + 1)) ++rects;
  EXPECT_EQ(rects, 7u);
  EXPECT_NE(svg.find(">08:30</text>"), std::string::npos);
}

TEST(PlanCli, QueuesThatShareAgentsArePooled) {
  // The small forecast twice: 200 calls x 180 s = 20 Erlangs in the first half hour.
  Outcome run = run_ccteam({"plan", k_small, k_small, "--sl", "80/20", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  EXPECT_EQ(plan["intervals"][0]["calls_offered"], 200.0);
  EXPECT_EQ(plan["intervals"][0]["agents"], 24);  // erlang_reference.py: 20 E at 80/20
  Outcome mismatch = run_ccteam(
      {"plan", k_small, "tests/data/forecasts/reordered-15min-crlf.csv", "--sl", "80/20"});
  EXPECT_EQ(mismatch.exit_code, 2);
  EXPECT_NE(mismatch.err.find("forecast 2 differs"), std::string::npos) << mismatch.err;
  EXPECT_NE(mismatch.err.find("reordered-15min-crlf.csv"), std::string::npos) << mismatch.err;
}

TEST(PlanCli, BadInputNamesFileLineAndColumn) {
  Outcome run = run_ccteam({"plan", "fuzz/corpus/forecast_csv/gap.csv", "--sl", "80/20"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("gap.csv:4:1: error: column interval_start: gap in the intervals"),
            std::string::npos)
      << run.err;
  Outcome impossible = run_ccteam({"plan", k_small, "--sl", "100/0"});
  EXPECT_EQ(impossible.exit_code, 2);
  EXPECT_NE(impossible.err.find("no finite team"), std::string::npos) << impossible.err;
  Outcome german = run_ccteam({"plan", k_small, "--sl", "100/0", "--lang", "de"});
  EXPECT_NE(german.err.find("Kein endlich großes Team"), std::string::npos) << german.err;
  Outcome nothing = run_ccteam({"plan", "--sl", "80/20"});
  EXPECT_EQ(nothing.exit_code, 2);
}

// Agent-hour from the article's market reference: USD 33,500 (middle of 32,000..35,000) x 1.21
// / (39 h x 52) = USD 19.99. At 08:00 (10 E) the waiting costs per half hour at USD 1 a minute
// are 13.06 (14 agents) and 6.12 (15), 28.53 (13) (cost_view_test.cpp): totals 152.99 (14),
// 156.05 (15), 158.47 (13): the plan's 14 agents are also the cheapest.
TEST(PlanCli, CostViewFromTheAgentBand) {
  Outcome run = run_ccteam({"plan", k_small, "--sl", "80/20", "--market-reference",
                            "--waiting-cost", "1", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto view = nlohmann::json::parse(run.out)["cost_view"];
  EXPECT_EQ(view["currency"], "USD");
  EXPECT_NEAR(view["agent_hour"].get<double>(), 19.99, 1e-9);
  EXPECT_EQ(view["intervals"][0]["at_plan"]["agents"], 14);
  EXPECT_EQ(view["intervals"][0]["cheapest"]["agents"], 14);
  EXPECT_NEAR(view["intervals"][0]["cheapest"]["total"].get<double>(), 152.99, 0.011);

  Outcome table = run_ccteam({"plan", k_small, "--sl", "80/20", "--market-reference",
                              "--waiting-cost", "1", "--lang", "de"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Kostensicht"), std::string::npos) << table.out;

  // No band in the catalog for DE and no market reference: it says what is missing.
  Outcome missing = run_ccteam({"plan", k_small, "--sl", "80/20", "--waiting-cost", "1"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("--agent-hour-cost"), std::string::npos) << missing.err;
  Outcome given = run_ccteam({"plan", k_small, "--sl", "80/20", "--waiting-cost", "1",
                              "--agent-hour-cost", "20", "--currency", "EUR", "--format", "csv"});
  ASSERT_EQ(given.exit_code, 0) << given.err;
  // 08:00 at EUR 20 an hour: 14 agents cost 153.06 (cost_view_test.cpp).
  EXPECT_NE(given.out.find(",153.06,14,153.06\n"), std::string::npos) << given.out;
}

// Deferred escalations, 10 %, deadline 1 h (two half hours), team-lead AHT = the agents' 180 s:
// 08:00: 10 tickets = 0.5 h, spread over 08:00 and 08:30 (0.25 h each); 08:30: 15 tickets =
// 0.75 h, over 08:30 only (09:00 has no calls: closed). 08:30 carries 1.0 h:
// ceil(1.0 h / (0.5 h x 0.5 phone share)) = 4 team leads on duty.
TEST(PlanCli, DeferredEscalations) {
  Outcome run = run_ccteam({"plan", k_small, "--sl", "80/20", "--escalation-share", "0.1",
                            "--escalation-mode", "deferred", "--escalation-deadline-hours", "1",
                            "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  EXPECT_EQ(plan["assumptions"]["escalation"]["mode"], "deferred");
  EXPECT_NEAR(plan["intervals"][1]["deferred_lead_hours"].get<double>(), 0.75 + 0.25, 1e-9);
  EXPECT_EQ(plan["intervals"][1]["team_leads_on_duty"], 4);
  Outcome bad = run_ccteam({"plan", k_small, "--sl", "80/20", "--escalation-share", "0.1",
                            "--escalation-mode", "deferred", "--escalation-deadline-hours", "0.1"});
  EXPECT_EQ(bad.exit_code, 2);
  Outcome mode = run_ccteam({"plan", k_small, "--sl", "80/20", "--escalation-mode", "later"});
  EXPECT_EQ(mode.exit_code, 2);
  EXPECT_NE(mode.err.find("--escalation-mode"), std::string::npos) << mode.err;
}

}  // namespace
}  // namespace ccteam::test

namespace ccteam::test {
namespace {

// The planner names a bad field by JSON pointer and the CLI words it as its option, in
// either language without English words in the German text (before: "option escalation
// deadline is out of range" / "Option escalation deadline liegt ...").
TEST(PlanCli, OptionOutOfRangeNamesTheOption) {
  const std::vector<std::string> args = {"plan",
                                         k_small,
                                         "--sl",
                                         "80/20",
                                         "--escalation-share",
                                         "0.1",
                                         "--escalation-mode",
                                         "deferred",
                                         "--escalation-deadline-hours",
                                         "0.1"};
  Outcome en = run_ccteam(args);
  EXPECT_EQ(en.exit_code, 2);
  // The deadline in the hours the user gave (before: "out of range: 360", in seconds), what is
  // allowed and why.
  EXPECT_EQ(en.err,
            "ccteam: error: --escalation-deadline-hours: a deadline of 0.1 hours is shorter than "
            "one interval (30 minutes); deferred work is planned in whole intervals\n"
            "  hint: give a deadline of at least 0.5 hours, or take these escalations live\n");
  std::vector<std::string> de_args = args;
  de_args.insert(de_args.end(), {"--lang", "de"});
  Outcome de = run_ccteam(de_args);
  EXPECT_EQ(de.exit_code, 2);
  EXPECT_EQ(de.err,
            "ccteam: Fehler: --escalation-deadline-hours: eine Frist von 0,1 Stunden ist kürzer "
            "als ein Intervall (30 Minuten); aufgeschobene Arbeit wird in ganzen Intervallen "
            "geplant\n"
            "  Hinweis: eine Frist von mindestens 0,5 Stunden angeben oder diese Eskalationen live "
            "annehmen\n");
}

// Help texts state the defaults of staffing::PlanOptions (0.3 shrinkage, 0.25 of a manager's
// time for escalations, 0.21 on-costs), as numbers of the reader's language.
TEST(PlanCli, HelpStatesTheDefaultsInTheReadersNumbers) {
  Outcome en = run_ccteam({"plan", "--help"});
  EXPECT_NE(en.out.find("(default 0.3)"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("(default 0.25)"), std::string::npos) << en.out;
  Outcome de = run_ccteam({"plan", "--help", "--lang", "de"});
  EXPECT_NE(de.out.find("(Standard 0,3)"), std::string::npos) << de.out;
  EXPECT_NE(de.out.find("(Standard 0,25)"), std::string::npos) << de.out;
  EXPECT_NE(de.out.find("(Standard 0,21)"), std::string::npos) << de.out;
  EXPECT_EQ(de.out.find("(Standard 0."), std::string::npos) << de.out;
}

// Help placeholders are ccteam's, in the reader's language: the option texts set in
// code ("PCT/SECONDS", "SHARE"), the positional's name and CLI11's type names and REQUIRED mark.
TEST(PlanCli, HelpPlaceholdersInTheReadersLanguage) {
  Outcome en = run_ccteam({"plan", "--help"});
  EXPECT_NE(en.out.find("--sl PCT/SECONDS"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("--shrinkage SHARE"), std::string::npos) << en.out;
  Outcome de = run_ccteam({"plan", "--help", "--lang", "de"});
  EXPECT_NE(de.out.find("--sl PROZENT/SEKUNDEN"), std::string::npos) << de.out;
  EXPECT_NE(de.out.find("--shrinkage ANTEIL"), std::string::npos) << de.out;
  EXPECT_NE(de.out.find("PROGNOSE"), std::string::npos) << de.out;
  for (const char* english : {"SHARE", "SECONDS", "FORECAST", " TEXT", "ERFORDERLICH", "FILE"})
    EXPECT_EQ(de.out.find(english), std::string::npos) << english << "\n" << de.out;
  Outcome lint = run_ccteam({"posting", "lint", "--help", "--lang", "de"});
  EXPECT_NE(lint.out.find("JJJJ-MM-TT"), std::string::npos) << lint.out;
  EXPECT_EQ(lint.out.find("YYYY"), std::string::npos) << lint.out;
}

// The reverse calculation: 14 agents on small-30min.csv (erlang_reference.py, Erlang C, 20 s):
// 08:00 10 E -> SL 88.8 %, ASA 7.8 s; 08:30 15 E > 14 agents -> unstable; 09:00 no calls;
// 09:30 5.667 E -> SL 99.9 %. Whole forecast: SL = (100 x 0.888350 + 150 x 0 + 42.5 x
// 0.998828) / 292.5 = 44.9 %; targets met in 2 of 3 intervals with calls, missed overall.
TEST(PlanCli, GivenAgentsInTheTable) {
  Outcome run = run_ccteam({"plan", k_small, "--sl", "80/20", "--agents", "14"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const char* expected :
       {"agents given", "targets met", "88.8 %", "unstable", "44.9 %",
        "Targets missed over the whole forecast; met in 2 of 3 intervals with calls",
        "Unstable intervals: 1.", "grows without bound", "given agents",
        // Erlang C has no abandonment: none to show (before: "0.0 %").
        "abandonment -"}) {
    EXPECT_NE(run.out.find(expected), std::string::npos) << expected << "\n" << run.out;
  }
  // 09:00 has no calls: no service level, ASA or abandonment (before: 100.0 %, 0.0, 0.0 %);
  // occupancy 0 %, no verdict.
  EXPECT_NE(run.out.find("\n09:00  0      180    0.00     14            -         -         "
                         "0.0 %      -          -  "),
            std::string::npos)
      << run.out;
  Outcome de = run_ccteam({"plan", k_small, "--sl", "80/20", "--agents", "14", "--lang", "de"});
  ASSERT_EQ(de.exit_code, 0) << de.err;
  for (const char* expected :
       {"Agents vorgegeben", "Ziele erreicht", "88,8 %", "instabil", "44,9 %", "nein",
        "Ziele über die ganze Prognose verfehlt; erreicht in 2 von 3 Intervallen mit Anrufen",
        "Instabile Intervalle: 1.", "vorgegebene Agents", "Abbrüche -"}) {
    EXPECT_NE(de.out.find(expected), std::string::npos) << expected << "\n" << de.out;
  }
  EXPECT_EQ(de.out.find("88.8"), std::string::npos) << de.out;
}

TEST(PlanCli, GivenAgentsInJsonAndCsv) {
  Outcome run =
      run_ccteam({"plan", k_small, "--sl", "80/20", "--agents", "14", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  EXPECT_EQ(plan["format"], "ccteam-plan/1");
  EXPECT_EQ(plan["staffing"], "given");
  const auto& i = plan["intervals"];
  EXPECT_EQ(i[0]["agents"], 14);
  EXPECT_NEAR(i[0]["service_level"].get<double>(), 0.888350019179, 1e-9);
  EXPECT_EQ(i[0]["meets_targets"], true);
  EXPECT_EQ(i[1]["state"], "unstable");
  EXPECT_TRUE(i[1]["asa_seconds"].is_null());
  EXPECT_EQ(i[1]["meets_targets"], false);
  EXPECT_TRUE(i[2]["meets_targets"].is_null());
  EXPECT_EQ(plan["totals"]["state"], "unstable");
  EXPECT_TRUE(plan["totals"]["asa_seconds"].is_null());
  EXPECT_NEAR(plan["totals"]["service_level"].get<double>(), 0.448838301344, 1e-9);
  EXPECT_EQ(plan["totals"]["meeting_intervals"], 2);
  EXPECT_EQ(plan["totals"]["open_intervals"], 3);
  EXPECT_EQ(plan["totals"]["unstable_intervals"], 1);
  EXPECT_EQ(plan["totals"]["meets_targets"], false);
  EXPECT_EQ(plan["levels"][0]["basis"], "given");
  // A sized plan keeps its shape: no staffing, totals or meets_targets.
  Outcome sized = run_ccteam({"plan", k_small, "--sl", "80/20", "--format", "json"});
  auto required = nlohmann::json::parse(sized.out);
  EXPECT_FALSE(required.contains("staffing"));
  EXPECT_FALSE(required.contains("totals"));
  EXPECT_FALSE(required["intervals"][0].contains("meets_targets"));
  Outcome csv = run_ccteam({"plan", k_small, "--sl", "80/20", "--agents", "14", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("managers_on_duty,meets_targets\n"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find("2026-03-02T08:30:00,150,180,15,14,unstable,0,,1,0,"), std::string::npos)
      << csv.out;
}

TEST(PlanCli, AgentsColumnAndTheConflictWithAgentsOption) {
  const std::string with_agents = "tests/data/forecasts/small-30min-agents.csv";
  Outcome run = run_ccteam({"plan", with_agents, "--sl", "80/20", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto plan = nlohmann::json::parse(run.out);
  std::vector<int> agents;
  for (const auto& i : plan["intervals"]) agents.push_back(i["agents"].get<int>());
  EXPECT_EQ(agents, (std::vector<int>{14, 14, 0, 8}));
  EXPECT_EQ(plan["staffing"], "given");
  Outcome both = run_ccteam({"plan", with_agents, "--sl", "80/20", "--agents", "12"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("--agents and the forecast's agents column both give the agents"),
            std::string::npos)
      << both.err;
  Outcome beide =
      run_ccteam({"plan", with_agents, "--sl", "80/20", "--agents", "12", "--lang", "de"});
  EXPECT_EQ(beide.exit_code, 2);
  EXPECT_NE(beide.err.find("--agents und die Spalte agents der Prognose"), std::string::npos)
      << beide.err;
}

}  // namespace
}  // namespace ccteam::test
