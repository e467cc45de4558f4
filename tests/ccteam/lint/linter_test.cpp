#include "ccteam/lint/linter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "ccteam/text/normalize.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/lint_json.hpp"
#include "io/posting/posting_data_yaml.hpp"
#include "io/posting/posting_text.hpp"
#include "io/posting/posting_writers.hpp"
#include "support/paths.hpp"

namespace ccteam::lint {
namespace {

using namespace std::chrono;

const RuleData& rules() {
  static const RuleData r = *io::load_lint_rules(test::repo_data_path("posting").string());
  return r;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// "rule@line:col" for each finding, in order.
std::vector<std::string> lint_text(const std::string& raw, std::vector<std::string> places = {}) {
  LintOptions options;
  options.today = 2026y / December / 1;
  options.jurisdictions = std::move(places);
  LintResult result = lint_posting(io::read_posting_text(raw), rules(), options);
  std::vector<std::string> out;
  for (const Finding& f : result.findings) {
    out.push_back(f.rule + "@" + std::to_string(f.line) + ":" + std::to_string(f.column));
  }
  return out;
}

std::vector<std::string> lint_file(const std::filesystem::path& path) {
  return lint_text(slurp(path));
}

using Expected = std::vector<std::string>;

// Expected findings worked out by hand from the rules and the file (columns in bytes).
TEST(Linter, GermanPostingWithAggDefects) {
  EXPECT_EQ(lint_file(test::data_path("posting/lint/de-defects.txt")),
            (Expected{"title-gender@1:1", "agg-age@3:14", "agg-origin@9:3", "agg-photo@10:9",
                      "min-wage@12:13"}));  // 12.00 EUR/h < 13.90 (MiLoV5)
}

// A finding's source is in both languages; the reader's language picks one, in the text and
// in the JSON. de-defects.txt's title breaks the AGG and its
// 12,00 € an hour the MiLoV5 minimum.
TEST(Linter, SourcesInTheReadersLanguage) {
  LintOptions options;
  options.today = 2026y / December / 1;
  LintResult result =
      lint_posting(io::read_posting_text(slurp(test::data_path("posting/lint/de-defects.txt"))),
                   rules(), options);
  auto source_of = [&](std::string_view rule) -> LocalizedText {
    for (const Finding& f : result.findings) {
      if (f.rule == rule) return f.source;
    }
    return {};
  };
  LocalizedText title = source_of("title-gender");
  EXPECT_NE(title.get(Lang::de).find("Allgemeines Gleichbehandlungsgesetz (AGG) vom 14.08.2006"),
            std::string::npos);
  EXPECT_NE(title.get(Lang::en).find("Allgemeines Gleichbehandlungsgesetz (AGG) of 2006-08-14"),
            std::string::npos);
  EXPECT_NE(title.get(Lang::de).find("Richtlinie (EU) 2023/970"), std::string::npos);
  EXPECT_NE(title.get(Lang::en).find("Directive (EU) 2023/970"), std::string::npos);
  LocalizedText wage = source_of("min-wage");
  EXPECT_NE(wage.get(Lang::de).find("(MiLoV5) vom 05.11.2025"), std::string::npos);
  EXPECT_NE(wage.get(Lang::en).find("(MiLoV5) of 2025-11-05"), std::string::npos);
  auto json = io::lint_result_to_json(result, "p.txt", Lang::de);
  bool found = false;
  for (const auto& f : json["findings"]) {
    if (f["rule"] == "min-wage") {
      found = true;
      EXPECT_EQ(f["source"], wage.get(Lang::de));
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(io::lint_result_to_json(result, "p.txt", Lang::en)["findings"][0]["source"],
            result.findings[0].source.get(Lang::en));
}

TEST(Linter, CleanGermanHtmlHasNoFindings) {
  EXPECT_EQ(lint_file(test::data_path("posting/lint/de-clean.html")), Expected{});
}

// Denver, CO: Colorado law and minimum wage 15.16 USD (2026). The positive-action sentence on
// line 15 holds four masculine-coded words that are not counted.
TEST(Linter, EnglishPostingWithDefects) {
  EXPECT_EQ(lint_file(test::data_path("posting/lint/en-defects.md")),
            (Expected{"agg-age@3:10", "agg-age@3:24", "agg-origin@9:3", "requirements-mixed@10:3",
                      "min-wage@13:1"}));
}

TEST(Linter, TokenisingKeepsGermanGenderedFormsAndUmlauts) {
  EXPECT_EQ(text::fold("ÄÖÜ Kund*innen"), "äöü kund*innen");
  // "Kolleg*innen" is one word; "unterstützen" matches the stem "unterstütz*" only whole.
  LintOptions options;
  options.today = 2026y / December / 1;
  auto result =
      lint_posting(io::read_posting_text("Teamleiter*in (m/w/d)\nWir unterstützen Kund:innen und "
                                         "Kolleg*innen.\n"),
                   rules(), options);
  EXPECT_EQ(result.lang, Lang::de);
  EXPECT_EQ(result.gender_score, 1);
}

// The title names the role and is not scored: "Lead" in "Team Lead" is neither flagged nor
// counted; the body's "lead" (stem lead*, Gaucher et al. 2011) is: score 0 - 1 = -1.
TEST(Linter, TheTitleIsNotScoredForGenderCodedWords) {
  LintOptions options;
  options.today = 2026y / December / 1;
  auto result = lint_posting(
      io::read_posting_text("# Team Lead, Customer Service\n\nYou lead a team of twelve agents.\n"),
      rules(), options);
  EXPECT_EQ(result.gender_score, -1);
  std::vector<std::string> coded;
  for (const Finding& f : result.findings) {
    if (f.rule == "gender-coded")
      coded.push_back(std::to_string(f.line) + ":" + std::to_string(f.column));
  }
  EXPECT_EQ(coded, std::vector<std::string>{"3:5"});
}

// Folding goes through the shared ICU normaliser (NFC + case folding), which changes byte
// lengths: a decomposed "u" + U+0308 (3 bytes) becomes "ü" (2 bytes), "ẞ" (3) becomes "ss" (2).
// Findings still point at the original bytes: "mit Foto" starts at byte 26 of line 7
// ("Kontakt: " 9 + "Mu" 2 + U+0308 2 + "ller, " 6 + "bitte " 6 = 25 bytes before it).
TEST(Linter, ColumnsStayInTheOriginalWhenFoldingChangesLengths) {
  const std::string head =
      "# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe annehmen\nDein Profil:\n- Geduld\n"
      "2.900 € – 3.300 € brutto pro Monat. Bewirb dich bis zum 15.01.2027: jobs@example.org\n";
  EXPECT_EQ(lint_text(head + "Kontakt: Mu\u0308ller, bitte mit Foto.\n"),
            Expected{"agg-photo@7:26"});
  // "GROẞE " is 8 bytes (ẞ has 3) and folds to "grosse " (7): "MIT FOTO" is at col 9.
  EXPECT_EQ(lint_text(head + "GROẞE MIT FOTO\n"), Expected{"agg-photo@7:9"});
}

TEST(Linter, DetectsLanguageAndJurisdictions) {
  auto text = io::read_posting_text("Remote role open to applicants in Colorado and Seattle, WA.");
  EXPECT_EQ(detect_lang(text), Lang::en);
  EXPECT_EQ(detect_jurisdictions(text, Lang::en, rules().places),
            (std::vector<std::string>{"US-CO", "US-WA"}));
  EXPECT_EQ(
      detect_jurisdictions(io::read_posting_text("Call center agent"), Lang::en, rules().places),
      (std::vector<std::string>{"US"}));
}

// Place names of data/posting/places.yaml: an English posting for Berlin is German, a German one
// for Vienna or Linz Austrian, a city puts a US posting in its state; a name two states share
// counts for neither, and "Washington, DC" is the District.
TEST(Linter, PlaceNamesGiveJurisdictions) {
  auto detect = [](const std::string& raw, Lang lang) {
    return detect_jurisdictions(io::read_posting_text(raw), lang, rules().places);
  };
  using Codes = std::vector<std::string>;
  EXPECT_EQ(detect("Our support hub is in Berlin-Kreuzberg.", Lang::en), Codes{"DE"});
  EXPECT_EQ(detect("Office in Munich, Germany", Lang::en), Codes{"DE"});
  EXPECT_EQ(detect("Unser Contact Center in Wien sucht dich.", Lang::de), Codes{"AT"});
  EXPECT_EQ(detect("Linz, Oberösterreich", Lang::de), Codes{"AT"});
  EXPECT_EQ(detect("Standort Dortmund", Lang::de), Codes{"DE"});
  EXPECT_EQ(detect("Unser Team sucht Verstärkung.", Lang::de), Codes{"DE"});
  EXPECT_EQ(detect("Vistula Business Services, Krakow, Poland", Lang::en), Codes{"PL"});
  EXPECT_EQ(detect("Our office in Rotterdam", Lang::en), Codes{"NL"});
  EXPECT_EQ(detect("Our office in Dublin, Ireland", Lang::en), Codes{"IE"});
  EXPECT_EQ(detect("Our call center in Denver", Lang::en), Codes{"US-CO"});
  EXPECT_EQ(detect("Work from Glendale", Lang::en), Codes{"US"});  // CA and AZ
  EXPECT_EQ(detect("Our office in Washington, DC", Lang::en), Codes{"US-DC"});
  EXPECT_EQ(detect("Charleston, West Virginia", Lang::en), Codes{"US-WV"});
  EXPECT_EQ(detect("A mobile app for our customers", Lang::en), Codes{"US"});
}

// An English posting for Berlin gets the EU directive's pay duty and the AGG.
TEST(Linter, EnglishPostingForBerlinGetsGermanAndEuRules) {
  EXPECT_EQ(lint_text("# Support Agent\nOur hub is in Berlin.\n## Responsibilities\n- Calls\n"
                      "## Requirements\n- Patience\n- Native German speaker\nApply at a@b.org\n"),
            (Expected{"pay-missing@0:0", "agg-origin@7:3"}));
}

TEST(Linter, ExplicitJurisdictionReplacesDetection) {
  // Texas has no pay-range law: an open-ended range is fine there, not in New York.
  std::string posting =
      "# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n"
      "Pay: from $18 per hour. Apply at jobs@example.org\n";
  EXPECT_EQ(lint_text(posting, {"US-TX"}), Expected{});
  EXPECT_EQ(lint_text(posting, {"US-NY"}), Expected{"pay-open-ended@6:6"});
}

// The EU directive binds through national law: an error where the member state has transposed
// art. 5 (Poland, Labour Code art. 18(3ca) from 2025-12-24), a warning where its status is
// unknown (Germany as of 2026-11-29, data/posting/laws.yaml).
TEST(Linter, EuDirectiveSeverityFollowsTransposition) {
  const std::string posting =
      "# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n"
      "Apply at jobs@example.org\n";
  auto severity_of_pay_missing = [&](std::string place) {
    LintOptions options;
    options.today = 2026y / December / 1;
    options.lang = Lang::en;
    options.jurisdictions = {std::move(place)};
    for (const Finding& f :
         lint_posting(io::read_posting_text(posting), rules(), options).findings) {
      if (f.rule == "pay-missing") return f.severity;
    }
    return posting::Severity::info;
  };
  EXPECT_EQ(severity_of_pay_missing("PL"), posting::Severity::error);
  EXPECT_EQ(severity_of_pay_missing("DE"), posting::Severity::warning);
}

// Ages and age ranges as numbers, in both languages; experience in years is not an age.
TEST(Linter, AgesAndAgeRanges) {
  const std::string en = "# Agent\n## Responsibilities\n- Calls\n## Requirements\n";
  const std::string en_tail = "$18.00 - $21.00 per hour. Apply at a@b.org\n";
  auto en_ages = [&](const std::string& bullet) {
    return lint_text(en + "- " + bullet + "\n" + en_tail, {"US-TX"});
  };
  EXPECT_EQ(en_ages("Applicants between 21 and 35 years old"), Expected{"agg-age@5:14"});
  EXPECT_EQ(en_ages("Applicants should be 18-30 years old"), Expected{"agg-age@5:24"});
  EXPECT_EQ(en_ages("Must be under 40 to fit our brand"), Expected{"agg-age@5:8"});
  EXPECT_EQ(en_ages("Age 21-45"), Expected{"agg-age@5:3"});
  EXPECT_EQ(en_ages("Candidates must be between 25 and 40 years of age"), Expected{"agg-age@5:22"});
  EXPECT_EQ(en_ages("A great fit for young people"), Expected{"agg-age@5:19"});
  EXPECT_EQ(en_ages("Two years of phone experience"), Expected{});
  EXPECT_EQ(en_ages("Must be at least 18"), Expected{});
  const std::string de = "# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe\nDein Profil:\n";
  const std::string de_tail = "2.900 € brutto pro Monat. Bewirb dich bis zum 15.01.2027: a@b.de\n";
  auto de_ages = [&](const std::string& bullet) {
    return lint_text(de + "- " + bullet + "\n" + de_tail);
  };
  EXPECT_EQ(de_ages("Max. 35 Jahre alt"), Expected{"agg-age@5:3"});
  EXPECT_EQ(de_ages("Höchstalter 40 Jahre"), Expected{"agg-age@5:3"});
  EXPECT_EQ(de_ages("Sie sind zwischen 20 und 30 Jahren alt"), Expected{"agg-age@5:12"});
  EXPECT_EQ(de_ages("Alter: 25-35 Jahre"), Expected{"agg-age@5:3"});
  EXPECT_EQ(de_ages("Körperlich fit, max. 45 Jahre"), Expected{"agg-age@5:20"});
  EXPECT_EQ(de_ages("Zwei Jahre Erfahrung im Kundenservice"), Expected{});
}

// Requests for photos and for personal data that reveal age or family status.
TEST(Linter, PhotoAndPersonalDataRequests) {
  const std::string en =
      "# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n"
      "$18.00 - $21.00 per hour.\n";
  EXPECT_EQ(lint_text(en + "Please attach a recent headshot to your resume. Apply at a@b.org\n",
                      {"US-TX"}),
            Expected{"agg-photo@7:24"});
  EXPECT_EQ(lint_text(en + "To apply, send your resume and a headshot to a@b.org\n", {"US-TX"}),
            Expected{"agg-photo@7:34"});
  EXPECT_EQ(lint_text(en + "Send your resume with your date of birth and marital status to "
                           "a@b.org\n",
                      {"US-TX"}),
            (Expected{"agg-personal-data@7:28", "agg-personal-data@7:46"}));
  EXPECT_EQ(lint_text(en + "Send your resume to a@b.org\n", {"US-TX"}), Expected{});
  const std::string de =
      "# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe\nDein Profil:\n"
      "- Geduld\n2.900 € brutto pro Monat.\n";
  EXPECT_EQ(lint_text(de + "Bewerbung mit Lichtbild, Geburtsdatum und Angabe des Familienstands "
                           "bis zum 31.01.2027 an a@b.de\n"),
            (Expected{"agg-photo@7:15", "agg-personal-data@7:26", "agg-personal-data@7:54"}));
}

// Origin-tied language requirements in their many phrasings; overlapping phrases are one
// finding ("Deutsch als Muttersprache" holds "Muttersprache").
TEST(Linter, OriginTiedLanguageRequirements) {
  const std::string en = "# Agent\n## Responsibilities\n- Calls\n## Requirements\n";
  const std::string en_tail = "$18.00 - $21.00 per hour. Apply at a@b.org\n";
  auto en_origin = [&](const std::string& bullet) {
    return lint_text(en + "- " + bullet + "\n" + en_tail, {"US-TX"});
  };
  EXPECT_EQ(en_origin("Must be a native English speaker"), Expected{"agg-origin@5:13"});
  EXPECT_EQ(en_origin("Accent-free English is a must"), Expected{"agg-origin@5:3"});
  EXPECT_EQ(en_origin("English should be your first language"), Expected{"agg-origin@5:26"});
  EXPECT_EQ(en_origin("German at mother-tongue level"), Expected{"agg-origin@5:13"});
  EXPECT_EQ(en_origin("Native-level Dutch"), Expected{"agg-origin@5:3"});
  EXPECT_EQ(en_origin("English at C1 level"), Expected{});
  const std::string de = "# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe\nDein Profil:\n";
  const std::string de_tail = "2.900 € brutto pro Monat. Bewirb dich bis zum 15.01.2027: a@b.de\n";
  auto de_origin = [&](const std::string& bullet) {
    return lint_text(de + "- " + bullet + "\n" + de_tail);
  };
  EXPECT_EQ(de_origin("Deutsch auf Muttersprachniveau"), Expected{"agg-origin@5:15"});
  EXPECT_EQ(de_origin("Akzentfreies Hochdeutsch am Telefon"), Expected{"agg-origin@5:3"});
  EXPECT_EQ(de_origin("Perfektes Deutsch ohne Akzent"), Expected{"agg-origin@5:21"});
  EXPECT_EQ(de_origin("Deutsch als Muttersprache"), Expected{"agg-origin@5:15"});
  EXPECT_EQ(de_origin("Deutsch auf C1-Niveau"), Expected{});
}

// Questions about current or past pay, in the words people use.
TEST(Linter, PayHistoryQuestions) {
  const std::string en =
      "# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n"
      "$18.00 - $21.00 per hour.\n";
  auto en_history = [&](const std::string& line) {
    return lint_text(en + line + " Apply at a@b.org\n", {"US-NY"});
  };
  EXPECT_EQ(en_history("We'd also like to know what you earned in your last job."),
            Expected{"pay-history@7:29"});
  EXPECT_EQ(en_history("Include the pay at your current employer."), Expected{"pay-history@7:13"});
  EXPECT_EQ(en_history("Please list your salary at each previous employer."),
            Expected{"pay-history@7:18"});
  EXPECT_EQ(en_history("Tell us what you made at your last job."), Expected{"pay-history@7:14"});
  EXPECT_EQ(en_history("Applicants must provide their salary history."),
            Expected{"pay-history@7:31"});
  EXPECT_EQ(en_history("Tell us your salary expectations."), Expected{});
  // Texas bans no pay-history question.
  EXPECT_EQ(lint_text(en + "Tell us your current salary. Apply at a@b.org\n", {"US-TX"}),
            Expected{});
  const std::string de =
      "# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe\nDein Profil:\n"
      "- Geduld\n2.900 € brutto pro Monat. Bewirb dich bis zum 15.01.2027.\n";
  EXPECT_EQ(lint_text(de + "Und: Was verdienst du derzeit inklusive Provision?\n"),
            Expected{"pay-history@7:6"});
}

// One sex preferred is reported, not as a nice-to-have; positive action with its reason is not.
TEST(Linter, OneSexPreferredButNotPositiveAction) {
  const std::string en = "# Driver\n## Responsibilities\n- Deliveries\n## Requirements\n";
  const std::string en_tail = "$18.00 - $21.00 per hour. Apply at a@b.org\n";
  EXPECT_EQ(
      lint_text(en + "- Men preferred because the work involves lifting\n" + en_tail, {"US-TX"}),
      Expected{"agg-sex@5:3"});
  EXPECT_EQ(lint_text(en + "- Patience\nWe prefer female candidates for this role.\n" + en_tail,
                      {"US-TX"}),
            Expected{"agg-sex@6:4"});
  EXPECT_EQ(lint_text(en + "- This role is best suited for a woman\n" + en_tail, {"US-TX"}),
            Expected{"agg-sex@5:21"});
  const std::string de =
      "# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe\nDein Profil:\n- Geduld\n"
      "2.900 € brutto pro Monat. Bewirb dich bis zum 15.01.2027: a@b.de\n";
  EXPECT_EQ(lint_text(de + "Wir freuen uns besonders über Bewerbungen von Männern.\n"),
            Expected{"agg-sex@7:32"});
  EXPECT_EQ(lint_text(de + "Frauen sind in unseren Führungsrollen unterrepräsentiert. Wir freuen "
                           "uns daher besonders über Bewerbungen von Frauen.\n"),
            Expected{});
  EXPECT_EQ(lint_text(de + "Schwerbehinderte werden bei gleicher Eignung bevorzugt.\n"),
            Expected{});
}

// German titles: two genders without the third are flagged (with their own message); neutral
// nouns and markers without brackets are not.
TEST(Linter, GermanTitleForms) {
  const std::string body =
      "\nDeine Aufgaben:\n- Anrufe\nDein Profil:\n- Geduld\n"
      "2.900 € brutto pro Monat. Bewirb dich bis zum 15.01.2027: a@b.de\n";
  for (const char* title : {"# Kundenberater/-in (Inbound)", "Kaufmann/-frau für Dialogmarketing",
                            "# Kundenberater/in Wien", "# Telefonist (m/w) Terminvereinbarung"}) {
    EXPECT_EQ(lint_text(title + body), Expected{"title-gender@1:1"}) << title;
    LintOptions options;
    options.today = 2026y / December / 1;
    auto result = lint_posting(io::read_posting_text(title + body), rules(), options);
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].why.id, MsgId::lint_why_title_binary) << title;
  }
  for (const char* title :
       {"# Teamleitung Kundenservice", "Servicefachkraft im Kundendialog",
        "<h1>Mitarbeitende im Kundenservice (Teilzeit)</h1>", "# Werkstudierende im Kundenservice",
        "Kundenberater m/w/d Inbound", "# Kundenberater*in Outbound",
        "Ausbildung Kaufleute für Dialogmarketing (m/w/d)"}) {
    EXPECT_EQ(lint_text(title + body), Expected{}) << title;
  }
  EXPECT_EQ(lint_text("# Teamleiter Inbound" + body), Expected{"title-gender@1:1"});
  EXPECT_EQ(lint_text("# Werkstudent Social Media Support" + body), Expected{"title-gender@1:1"});
}

// The closing date is read from a date right after "by", "until", "no later than", "closes
// on", "bis", "Bewerbungsschluss" in a paragraph about applying.
TEST(Linter, DeadlineFromDatesNearApplicationWords) {
  const std::string head =
      "# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n"
      "## Pay and benefits\n$18.00 - $21.00 per hour, medical plans.\n";
  for (const char* line : {"Apply at https://jobs.example.com/agent by January 31, 2027.",
                           "Applications are accepted until February 15, 2027. Apply at a@b.org",
                           "Applications must be submitted no later than March 1, 2027 to a@b.org.",
                           "This posting closes on January 15, 2027. Apply at a@b.org",
                           "Apply by 01/15/2027 at a@b.org"}) {
    EXPECT_EQ(lint_text(head + line + "\n", {"US-CO"}), Expected{}) << line;
  }
  EXPECT_EQ(
      lint_text(head + "We review applications on a rolling basis. Apply at a@b.org\n", {"US-CO"}),
      Expected{"deadline-missing@0:0"});
  EXPECT_EQ(lint_text(head + "Start date: March 1, 2027. Apply at a@b.org\n", {"US-CO"}),
            Expected{"deadline-missing@0:0"});
  const std::string de =
      "# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe\nDein Profil:\n"
      "- Geduld\n2.900 € brutto pro Monat, 30 Tage Urlaub.\n";
  EXPECT_EQ(lint_text(de + "Bewerbungsschluss: 31.01.2027. Bewirb dich unter a@b.de\n", {"US-CO"}),
            Expected{});
  EXPECT_EQ(lint_text(de + "Bewerbungen nehmen wir bis zum 15. Februar 2027 an.\n", {"US-CO"}),
            Expected{});
}

// "plus commission" after a single amount is not an open range; "$75,000+" and "and up" are.
TEST(Linter, PlusCommissionIsNotOpenEnded) {
  const std::string head = "# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n";
  EXPECT_EQ(lint_text(head + "$45,000 per year plus commission. Apply at a@b.org\n", {"US-NY"}),
            Expected{});
  EXPECT_EQ(lint_text(head + "$75,000+ per year. Apply at a@b.org\n", {"US-NY"}),
            Expected{"pay-open-ended@6:1"});
  EXPECT_EQ(lint_text(head + "$20 an hour and up. Apply at a@b.org\n", {"US-NY"}),
            Expected{"pay-open-ended@6:1"});
}

// Pay in zloty and with the currency code before the amount.
TEST(Linter, CurrencyCodesBeforeAndAfterTheAmount) {
  const std::string head = "# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n";
  EXPECT_EQ(lint_text(head + "- PLN 8,500 - 10,000 gross per month\nApply at a@b.org\n", {"PL"}),
            Expected{});
  EXPECT_EQ(lint_text(head + "8 500 zł brutto. Apply at a@b.org\n", {"PL"}), Expected{});
  const std::string de =
      "# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe\nDein Profil:\n"
      "- Geduld\n";
  EXPECT_EQ(lint_text(de + "EUR 1.150 im ersten Jahr. Bewirb dich bis zum 28.02.2027: a@b.de\n"),
            Expected{});
}

// The role's name repeated in the text ("As shift lead") is not coded wording; the verb is.
TEST(Linter, TheRoleNameInTheTextIsNotCoded) {
  EXPECT_EQ(lint_text("# Shift Lead, Customer Service\n## What you'll do\nAs shift lead, you run "
                      "the evening shift.\n- Brief the morning shift lead\n## Requirements\n"
                      "- Patience\n$18.00 - $21.00 per hour. Apply at a@b.org\n",
                      {"US-TX"}),
            Expected{});
}

// "insurance" or "benefit" alone, or benefits named as the work, describe no benefits.
TEST(Linter, InsuranceWordsDoNotSilenceMissingBenefits) {
  const std::string tail =
      "$20.00 - $23.00 per hour. Applications close on January 29, 2027. "
      "Apply at a@b.org\n";
  EXPECT_EQ(lint_text("# Claims Representative\nCentennial Insurance Group in Lakewood.\n"
                      "## What you'll do\n- Record claims\n## What you bring\n"
                      "- One year in insurance\n" +
                          tail,
                      {"US-CO"}),
            Expected{"benefits-missing@0:0"});
  EXPECT_EQ(lint_text("# Counselor\n## Responsibilities\n- Enroll employees in medical, dental "
                      "and vision plans\n## Requirements\n- A health insurance license\n" +
                          tail,
                      {"US-CO"}),
            Expected{"benefits-missing@0:0"});
  EXPECT_EQ(lint_text("# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n"
                      "## What we offer\nYou will benefit from our paid training.\n" +
                          tail,
                      {"US-CO"}),
            Expected{"benefits-missing@0:0"});
  EXPECT_EQ(lint_text("# Agent\n## Responsibilities\n- Calls\n## Requirements\n- Patience\n"
                      "## Benefits\nHealth insurance and paid time off.\n" +
                          tail,
                      {"US-CO"}),
            Expected{});
}

// Lines wrapped inside a paragraph are one text: the same sentence wrapped or not is long.
TEST(Linter, WrappedLinesAreJoinedBeforeSentencesAreCounted) {
  const std::string head =
      "# Agent\n\n## Responsibilities\n- Calls\n\n## Requirements\n- "
      "Patience\n\n$18.00 - $21.00 per hour. Apply at a@b.org\n\n";
  const std::string wrapped =
      "Because our members are spread over a large area and many of\n"
      "them call during harvest season when they are short on time,\n"
      "you will need to stay patient and keep calls short while still\n"
      "making sure every member understands the bill.\n";
  std::string unwrapped = wrapped;
  std::replace(unwrapped.begin(), unwrapped.end() - 1, '\n', ' ');
  EXPECT_EQ(lint_text(head + wrapped, {"US-TX"}), Expected{"long-sentence@11:1"});
  EXPECT_EQ(lint_text(head + unwrapped, {"US-TX"}), Expected{"long-sentence@11:1"});
}

// Headings read as the parts they name.
TEST(Linter, MoreHeadingsAreRead) {
  const std::string tail = "$18.00 - $21.00 per hour. Apply at a@b.org\n";
  for (const char* heading : {"## What you need", "## Who we're looking for",
                              "## What we're looking for", "## Who you are"}) {
    EXPECT_EQ(lint_text(std::string("# Agent\n## What you'll do\n- Calls\n") + heading +
                            "\n- Patience\n" + tail,
                        {"US-TX"}),
              Expected{})
        << heading;
  }
  EXPECT_EQ(lint_text("# Kundenberater (m/w/d)\nWas dich erwartet:\n- Anrufe\nDein Profil:\n- "
                      "Geduld\n2.900 € brutto pro Monat. Bewirb dich: a@b.de\n"),
            Expected{});
}

TEST(Linter, LongSentencesAreInfo) {
  std::string sentence = "Wir";
  for (int i = 0; i < 31; ++i) sentence += " wort";
  EXPECT_EQ(lint_text("# Agent (m/w/d)\n" + sentence +
                      ".\nAufgaben:\n- x\nProfil:\n- y\n"
                      "3.000 € brutto pro Monat. Bewirb dich: a@b.de\n"),
            Expected{"long-sentence@2:1"});
}

// Each rule with a posting that triggers it and one that does not, in English (Colorado) and
// German; expected line:col counted by hand.
TEST(Linter, RulesTriggerAndStayQuietInEnglish) {
  const std::string head =
      "# Agent\n## Responsibilities\n- Answer calls\n## Requirements\n- Patience\n";
  const std::string ok = head +
                         "## Pay\n$18.00 - $21.00 per hour, medical insurance. Apply by 2027-01-15 "
                         "at jobs@example.org\n";
  EXPECT_EQ(lint_text(ok, {"US-CO"}), Expected{});
  EXPECT_EQ(lint_text(ok + "Tell us your current salary.\n", {"US-CO"}),
            Expected{"pay-history@8:14"});
  EXPECT_EQ(lint_text(head + "## Pay\n$18.00 - $21.00 per hour. Apply by 2027-01-15 at a@b.org\n",
                      {"US-CO"}),
            Expected{"benefits-missing@0:0"});
  EXPECT_EQ(lint_text(head + "## Pay\n$18.00 - $21.00 per hour, medical insurance. Apply at "
                             "a@b.org\n",
                      {"US-CO"}),
            Expected{"deadline-missing@0:0"});
  EXPECT_EQ(lint_text("# Agent\n## Requirements\n- Patience\n## Pay\n$18.00 - $21.00 per hour, "
                      "medical insurance. Apply by 2027-01-15 at a@b.org\n",
                      {"US-CO"}),
            Expected{"section-responsibilities@0:0"});
}

TEST(Linter, RulesTriggerAndStayQuietInGerman) {
  const std::string pay =
      "2.900 € – 3.300 € brutto pro Monat. Bewirb dich bis zum 15.01.2027: jobs@example.org\n";
  const std::string body = "Deine Aufgaben:\n- Anrufe annehmen\nDein Profil:\n- Geduld\n";
  EXPECT_EQ(lint_text("# Kundenberater (m/w/d)\n" + body + pay), Expected{});
  EXPECT_EQ(lint_text("# Kundenberater\n" + body + pay), Expected{"title-gender@1:1"});
  EXPECT_EQ(lint_text("# Kundenberater (m/w/d)\n" + body + pay +
                      "Bitte nennen Sie Ihr aktuelles Gehalt.\n"),
            Expected{"pay-history@7:22"});
  EXPECT_EQ(lint_text("# Kundenberater (m/w/d)\n" + body +
                      "Attraktive Vergütung. Bewirb dich bis zum 15.01.2027: jobs@example.org\n"),
            Expected{"pay-missing@6:1"});
  EXPECT_EQ(lint_text("# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe annehmen\n" + pay),
            Expected{"section-requirements@0:0"});
  EXPECT_EQ(lint_text("# Kundenberater (m/w/d)\nDeine Aufgaben:\n- Anrufe annehmen\nDein "
                      "Profil:\n- Geduld, idealerweise Erfahrung\n" +
                      pay),
            Expected{"requirements-mixed@5:11"});
}

// The rules that the two tests above leave out, each with a posting that triggers it and one
// that does not, in English and in German. Expected line:col counted by hand (byte columns).
std::string repeat(const std::string& sentence, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += (i == 0 ? "" : " ") + sentence;
  return out + "\n";
}

std::string requirement_bullets(int count) {
  std::string out;
  for (int i = 1; i <= count; ++i) out += "- Skill " + std::to_string(i) + "\n";
  return out;
}

TEST(Linter, MoreRulesTriggerAndStayQuietInEnglish) {
  const std::string head = "# Agent\n## Responsibilities\n- Answer calls\n## Requirements\n";
  const std::string pay =
      "## Pay\n$18.00 - $21.00 per hour, medical insurance. Apply by 2027-01-15 at "
      "jobs@example.org\n";
  const std::string ok = head + "- Patience\n" + pay;  // lines 1-7
  // agg-photo: "include a photo" at line 8, col 8.
  EXPECT_EQ(lint_text(ok + "Please include a photo.\n", {"US-CO"}), Expected{"agg-photo@8:8"});
  EXPECT_EQ(lint_text(ok + "Please include your resume.\n", {"US-CO"}), Expected{});
  // too-many-requirements: 11 bullets under Requirements (reported for the whole posting, 1:1).
  EXPECT_EQ(lint_text(head + requirement_bullets(11) + pay, {"US-CO"}),
            Expected{"too-many-requirements@0:0"});
  EXPECT_EQ(lint_text(head + requirement_bullets(10) + pay, {"US-CO"}), Expected{});
  // Under a "Nice to have" heading, bullets are no requirements (7 + 4 is not 11), and a
  // preference there is no mixed requirement; "ideally" under Requirements still is (line 5).
  EXPECT_EQ(lint_text(head + requirement_bullets(7) + "### Nice to have\n" +
                          requirement_bullets(3) + "- Ideally Spanish\n" + pay,
                      {"US-CO"}),
            Expected{});
  EXPECT_EQ(lint_text(head + "- Ideally Spanish\n" + pay, {"US-CO"}),
            Expected{"requirements-mixed@5:3"});
  // gender-coded: "Responsibilities" is feminine-coded (respon*), competitive, dominant and
  // leader masculine: score 1 - 3 = -2, each masculine word reported (cols 11, 24, 33).
  EXPECT_EQ(lint_text(ok + "We want a competitive, dominant leader.\n", {"US-CO"}),
            (Expected{"gender-coded@8:11", "gender-coded@8:24", "gender-coded@8:33"}));
  // supportive and understanding (feminine) outweigh leader: score 1 + 2 - 1 = 2.
  EXPECT_EQ(lint_text(ok + "We want a supportive, understanding leader.\n", {"US-CO"}), Expected{});
  // section-pay and section-apply where no pay law binds (Texas).
  const std::string body = head + "- Patience\n";
  EXPECT_EQ(lint_text(body + "Apply at jobs@example.org\n", {"US-TX"}),
            Expected{"section-pay@0:0"});
  EXPECT_EQ(lint_text(body + "$18.00 - $21.00 per hour.\n", {"US-TX"}),
            Expected{"section-apply@0:0"});
  EXPECT_EQ(lint_text(body + "$18.00 - $21.00 per hour. Apply at jobs@example.org\n", {"US-TX"}),
            Expected{});
  // long-sentence: 31 words on line 8; 30 words are fine.
  std::string words30 = "We";
  for (int i = 0; i < 29; ++i) words30 += " help";
  EXPECT_EQ(lint_text(ok + words30 + " too.\n", {"US-CO"}), Expected{"long-sentence@8:1"});
  EXPECT_EQ(lint_text(ok + words30 + ".\n", {"US-CO"}), Expected{});
  // readability (Flesch 1948): 15 times a 7-word sentence of 35 syllables (-223.27 alone) pulls
  // the whole posting below 30; 15 times "We answer calls and help people every day." (71.8
  // alone) keeps it above. Both texts are over the 100 words the rule needs.
  EXPECT_EQ(lint_text(ok + repeat("Comprehensive organizational responsibilities necessitate "
                                  "extraordinary communication capabilities.",
                                  15),
                      {"US-CO"}),
            Expected{"readability@0:0"});
  EXPECT_EQ(lint_text(ok + repeat("We answer calls and help people every day.", 15), {"US-CO"}),
            Expected{});
}

TEST(Linter, MoreRulesTriggerAndStayQuietInGerman) {
  const std::string head = "# Kundenberater (m/w/d)\n";
  const std::string tasks = "Deine Aufgaben:\n- Anrufe annehmen\n";
  const std::string body = tasks + "Dein Profil:\n- Geduld\n";
  const std::string pay =
      "2.900 € – 3.300 € brutto pro Monat. Bewirb dich bis zum 15.01.2027: jobs@example.org\n";
  const std::string ok = head + body + pay;  // lines 1-6
  // pay-open-ended and the Colorado duties (benefits, deadline) in German wording, for a
  // posting published for Colorado.
  const std::string co_tail =
      " brutto pro Monat, 30 Tage Urlaub. Bewirb dich bis zum 15.01.2027: "
      "jobs@example.org\n";
  EXPECT_EQ(lint_text(head + body + "Ab 3.000 €" + co_tail, {"US-CO"}),
            Expected{"pay-open-ended@6:1"});
  EXPECT_EQ(lint_text(head + body + "2.900 € – 3.300 €" + co_tail, {"US-CO"}), Expected{});
  EXPECT_EQ(lint_text(head + body +
                          "2.900 € – 3.300 € brutto pro Monat. Bewirb dich bis zum 15.01.2027: "
                          "jobs@example.org\n",
                      {"US-CO"}),
            Expected{"benefits-missing@0:0"});
  EXPECT_EQ(lint_text(head + body +
                          "2.900 € – 3.300 € brutto pro Monat, 30 Tage Urlaub. Bewirb dich: "
                          "jobs@example.org\n",
                      {"US-CO"}),
            Expected{"deadline-missing@0:0"});
  // agg-photo: "mit Foto" at line 7, col 13 ("Bewirb dich " is 12 bytes).
  EXPECT_EQ(lint_text(ok + "Bewirb dich mit Foto.\n"), Expected{"agg-photo@7:13"});
  EXPECT_EQ(lint_text(ok + "Bewirb dich mit Lebenslauf.\n"), Expected{});
  // too-many-requirements: 11 bullets under "Dein Profil:".
  EXPECT_EQ(lint_text(head + tasks + "Dein Profil:\n" + requirement_bullets(11) + pay),
            Expected{"too-many-requirements@0:0"});
  EXPECT_EQ(lint_text(head + tasks + "Dein Profil:\n" + requirement_bullets(10) + pay), Expected{});
  EXPECT_EQ(lint_text(head + tasks + "Dein Profil:\n" + requirement_bullets(8) +
                      "Von Vorteil, aber kein Muss:\n" + requirement_bullets(4) + pay),
            Expected{});
  // gender-coded: three masculine words of the TU München study, no feminine one: score -3
  // (cols 17, 38, 55); engagiert and gewissenhaft (feminine) outweigh zielstrebig.
  EXPECT_EQ(lint_text(ok + "Wir suchen eine durchsetzungsstarke, zielstrebige und analytische "
                           "Persönlichkeit.\n"),
            (Expected{"gender-coded@7:17", "gender-coded@7:38", "gender-coded@7:55"}));
  EXPECT_EQ(lint_text(ok + "Wir suchen eine engagierte, zielstrebige und gewissenhafte "
                           "Persönlichkeit.\n"),
            Expected{});
  // section-pay where no pay law binds (Switzerland is not in the EU); section-apply;
  // section-responsibilities.
  EXPECT_EQ(lint_text(head + body + "Bewirb dich: jobs@example.org\n", {"CH"}),
            Expected{"section-pay@0:0"});
  EXPECT_EQ(lint_text(ok, {"CH"}), Expected{});
  EXPECT_EQ(lint_text(head + body + "2.900 € – 3.300 € brutto pro Monat.\n"),
            Expected{"section-apply@0:0"});
  EXPECT_EQ(lint_text(head + "Dein Profil:\n- Geduld\n" + pay),
            Expected{"section-responsibilities@0:0"});
  // long-sentence: the quiet case (the trigger is LongSentencesAreInfo).
  std::string words30 = "Wir";
  for (int i = 0; i < 29; ++i) words30 += " helfen";
  EXPECT_EQ(lint_text(ok + words30 + ".\n"), Expected{});
  // readability (Amstad 1978): 15 times a 6-word sentence of 26 syllables (-79.5 alone) against
  // 15 times "Wir nehmen Anrufe an und helfen Kunden." (72.7 alone).
  EXPECT_EQ(lint_text(ok + repeat("Die Berücksichtigung arbeitsvertraglicher Verpflichtungen "
                                  "erfordert Verantwortungsbewusstsein.",
                                  15)),
            Expected{"readability@0:0"});
  EXPECT_EQ(lint_text(ok + repeat("Wir nehmen Anrufe an und helfen Kunden.", 15)), Expected{});
}

// The fixtures of ../shared/fixtures/postings. Expected findings were written down from the
// rules before the linter ran on them; columns are byte columns.
TEST(Linter, RealPostingFixtures) {
  auto dir = test::fixtures_dir() / "postings";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " is absent";
  // "Kaufmann/-frau" names two genders, not the third: flagged since titles are read for it.
  EXPECT_EQ(lint_file(dir / "de-agent-ausbildung.md"), Expected{"title-gender@1:1"});
  EXPECT_EQ(lint_file(dir / "de-teamleitung-mixed.txt"),
            (Expected{"requirements-mixed@12:67", "gender-coded@14:5", "gender-coded@14:25",
                      "requirements-mixed@15:32", "pay-missing@19:5", "pay-history@22:65"}));
  EXPECT_EQ(lint_file(dir / "en-agent-remote.html"),
            (Expected{"deadline-missing@0:0", "pay-open-ended@20:4"}));
  EXPECT_EQ(lint_file(dir / "en-manager-openended.md"),
            (Expected{"benefits-missing@0:0", "gender-coded@5:43", "gender-coded@9:48",
                      "gender-coded@13:91", "gender-coded@14:75", "gender-coded@14:88",
                      "gender-coded@15:10", "pay-open-ended@18:1"}));
}

// Our own postings lint clean: every default role, both example employers, both languages,
// Markdown, text and HTML, no finding of severity warning or above.
TEST(Linter, OurOwnPostingsLintClean) {
  auto catalog = *io::load_catalog({test::repo_data_path("catalog").string()});
  for (const char* name : {"employer-de.yaml", "employer-us.yaml"}) {
    auto profile =
        *io::load_employer(test::repo_data_path(std::string("examples/") + name).string());
    for (const catalog::Role& role : catalog.roles) {
      for (Lang lang : k_all_langs) {
        auto doc = *posting::build_posting(role, catalog, profile, lang);
        for (const std::string& text :
             {io::posting_to_markdown(doc), io::posting_to_text(doc), io::posting_to_html(doc)}) {
          LintOptions options;
          options.today = 2026y / December / 1;
          options.lang = lang;
          for (const auto& place : profile.places()) options.jurisdictions.push_back(place.code());
          auto result = lint_posting(io::read_posting_text(text), rules(), options);
          for (const Finding& f : result.findings) {
            EXPECT_EQ(f.severity, posting::Severity::info)
                << name << " " << role.id.str() << " " << to_string(lang) << ": " << f.rule << "@"
                << f.line << ":" << f.column << " " << render(f.why, Lang::en);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace ccteam::lint

namespace ccteam::lint {
namespace {

// open-ended-co.yaml: Denver, 40 employees, 2026-12-01. Colorado (C.R.S. 8-5-201, every
// employer) requires a closed range: the agent's open range (pay map at line 8, col 10) and the
// team lead's missing pay (position at line 9, col 5) are errors.
TEST(ProfileLaws, OpenEndedAndMissingPayWhereColoradoLawApplies) {
  auto profile = io::load_employer(test::data_path("posting/employer/open-ended-co.yaml").string());
  ASSERT_TRUE(profile);
  auto issues = check_profile_laws(*profile, rules());
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].error.message.id, MsgId::profile_law_open_ended);
  EXPECT_EQ(issues[0].severity, posting::Severity::error);
  EXPECT_EQ(issues[0].error.where.json_pointer, "/positions/0/pay/max");
  EXPECT_EQ(issues[0].error.where.line, 8);
  EXPECT_EQ(issues[0].error.where.column, 10);
  EXPECT_EQ(issues[1].error.message.id, MsgId::profile_law_no_pay);
  EXPECT_EQ(issues[1].error.where.line, 9);
  EXPECT_EQ(issues[1].error.where.column, 5);
  // Washington's law starts at 15 employees (RCW 49.58.110): with 10, nothing binds there.
  profile->locations[0].region = "WA";
  profile->headcount = 10;
  EXPECT_TRUE(check_profile_laws(*profile, rules()).empty());
  profile->headcount = 15;
  EXPECT_EQ(check_profile_laws(*profile, rules()).size(), 2u);
}

TEST(ProfileLaws, ExampleProfilesSatisfyTheirLaws) {
  for (const char* name : {"examples/employer-de.yaml", "examples/employer-us.yaml"}) {
    auto profile = io::load_employer(test::repo_data_path(name).string());
    ASSERT_TRUE(profile);
    EXPECT_TRUE(check_profile_laws(*profile, rules()).empty()) << name;
  }
}

}  // namespace
}  // namespace ccteam::lint
