#include "io/posting/posting_writers.hpp"

#include <gtest/gtest.h>

#include "io/catalog/catalog_yaml.hpp"
#include "io/posting/employer_yaml.hpp"
#include "support/paths.hpp"

namespace ccteam::io {
namespace {

using nlohmann::json;

const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = *load_catalog({test::repo_data_path("catalog").string()});
  return c;
}

posting::EmployerProfile profile(const std::string& path) {
  auto p = load_employer(path);
  EXPECT_TRUE(p);
  return *p;
}

posting::EmployerProfile example(const std::string& name) {
  return profile(test::repo_data_path("examples/" + name).string());
}

posting::PostingDocument build(const std::string& role, const posting::EmployerProfile& p,
                               Lang lang) {
  auto doc =
      posting::build_posting(*default_catalog().find(RoleId(role)), default_catalog(), p, lang);
  EXPECT_TRUE(doc);
  return *doc;
}

TEST(PostingWriters, HostileTextIsEscapedInHtml) {
  auto p = profile(test::data_path("posting/render/hostile.yaml").string());
  std::string html = posting_to_html(build("agent", p, Lang::en));
  // The only <script> element is the JSON-LD one; no inserted text opens or closes another.
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  std::size_t first = html.find("<script");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(html.find("<script", first + 1), std::string::npos);
  EXPECT_EQ(html.find("</script>"), html.rfind("</script>"));
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Söhne"),
            std::string::npos);
  EXPECT_NE(html.find("Agent &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("We &lt;3 everyone"), std::string::npos);
  // Inside the JSON-LD '<' is \u003c, so the script element cannot be closed early.
  EXPECT_NE(html.find("\\u003c/script>\\u003cscript>alert(1)"), std::string::npos);
  // No external requests: no src= or href= to another resource, no @import.
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

TEST(PostingWriters, HostileTextIsEscapedInMarkdown) {
  auto p = profile(test::data_path("posting/render/hostile.yaml").string());
  std::string md = posting_to_markdown(build("agent", p, Lang::en));
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>alert('x')\\</script\\> & Söhne"), std::string::npos);
}

TEST(PostingWriters, GermanPostingUsesGermanConventions) {
  auto p = example("employer-de.yaml");
  auto doc = build("team-lead", p, Lang::de);
  // The catalog title "Callcenter-Teamleiter" has no marker: "(m/w/d)" is appended.
  EXPECT_EQ(doc.title, "Callcenter-Teamleiter (m/w/d)");
  std::string md = posting_to_markdown(doc);
  // 3,800-4,400 EUR a month, German number format, euro sign after a no-break space (U+00A0).
  EXPECT_NE(md.find("Gehalt: 3.800\u00a0€ – 4.400\u00a0€ brutto pro Monat"), std::string::npos);
  EXPECT_NE(md.find("Bewirb dich bis zum 31.01.2027"), std::string::npos);  // du, dd.mm.yyyy
  EXPECT_NE(md.find("Deutsch auf C1-Niveau"), std::string::npos);
  EXPECT_EQ(md.find("Muttersprache"), std::string::npos);
  // du posting: none of the Sie forms of our headings and sentences.
  for (const char* sie : {"Ihre Aufgaben", "Was Sie mitbringen", "bewerben Sie", "Ihre Ansprech"}) {
    EXPECT_EQ(md.find(sie), std::string::npos) << sie;
  }
  EXPECT_NE(md.find("Deine Aufgaben"), std::string::npos);
  // The employer's own title is kept when it already has a marker.
  EXPECT_EQ(build("agent", p, Lang::de).title, "Kundenberater im Kundenservice (m/w/d)");
  p.address_form = posting::AddressForm::sie;
  EXPECT_NE(posting_to_markdown(build("agent", p, Lang::de))
                .find("Bitte bewerben Sie sich bis zum 31.01.2027"),
            std::string::npos);
}

TEST(PostingWriters, EnglishPostingUsesEnglishConventions) {
  auto doc = build("agent", example("employer-us.yaml"), Lang::en);
  EXPECT_EQ(doc.title, "Call-Center Agent");
  std::string text = posting_to_text(doc);
  EXPECT_NE(text.find("Pay: $19.50 – $23 gross per hour"), std::string::npos);
  EXPECT_NE(text.find("Please apply by January 15, 2027"), std::string::npos);
}

// Expected values worked out from data/examples/employer-us.yaml, the default catalog and the
// property definitions of https://schema.org/JobPosting and Google's JobPosting guidelines.
TEST(PostingWriters, JsonLdHasTheRequiredAndRecommendedProperties) {
  auto p = example("employer-us.yaml");
  json j = json::parse(posting_to_jsonld(build("team-lead", p, Lang::en)).dump());
  EXPECT_EQ(j["@context"], "https://schema.org/");
  EXPECT_EQ(j["@type"], "JobPosting");
  EXPECT_EQ(j["title"], "Call-Center Team Lead");
  EXPECT_NE(j["description"].get<std::string>().find("<h2>"), std::string::npos);
  EXPECT_EQ(j["datePosted"], "2026-12-01");
  EXPECT_EQ(j["validThrough"], "2027-01-15");
  EXPECT_EQ(j["employmentType"], "FULL_TIME");
  EXPECT_EQ(j["hiringOrganization"]["@type"], "Organization");
  EXPECT_EQ(j["hiringOrganization"]["name"], "Front Range Contact Services LLC");
  EXPECT_EQ(j["hiringOrganization"]["sameAs"], "https://www.frontrange-contact.example");
  const json& address = j["jobLocation"]["address"];
  EXPECT_EQ(j["jobLocation"]["@type"], "Place");
  EXPECT_EQ(address["@type"], "PostalAddress");
  EXPECT_EQ(address["streetAddress"], "1600 Market Street");
  EXPECT_EQ(address["addressLocality"], "Denver");
  EXPECT_EQ(address["addressRegion"], "CO");
  EXPECT_EQ(address["postalCode"], "80202");
  EXPECT_EQ(address["addressCountry"], "US");
  // Hybrid: a physical place; search engines take TELECOMMUTE for fully remote jobs only.
  EXPECT_FALSE(j.contains("jobLocationType"));
  EXPECT_FALSE(j.contains("applicantLocationRequirements"));
  const json& salary = j["baseSalary"];
  EXPECT_EQ(salary["@type"], "MonetaryAmount");
  EXPECT_EQ(salary["currency"], "USD");
  EXPECT_EQ(salary["value"]["@type"], "QuantitativeValue");
  EXPECT_EQ(salary["value"]["minValue"], 52000);
  EXPECT_EQ(salary["value"]["maxValue"], 61000);
  EXPECT_EQ(salary["value"]["unitText"], "YEAR");
  EXPECT_EQ(j["identifier"]["@type"], "PropertyValue");
  EXPECT_EQ(j["identifier"]["value"], "team-lead-2026-12-01");
  EXPECT_EQ(j["directApply"], true);
  EXPECT_EQ(j["occupationalCategory"], "43-1011.00");  // O*NET-SOC first-line supervisors
  EXPECT_EQ(j["totalJobOpenings"], 2);
  EXPECT_EQ(j["educationRequirements"]["@type"], "EducationalOccupationalCredential");
  EXPECT_EQ(j["educationRequirements"]["credentialCategory"], "high school");  // US: ISCED 3
  EXPECT_EQ(j["experienceRequirements"]["@type"], "OccupationalExperienceRequirements");
  EXPECT_EQ(j["experienceRequirements"]["monthsOfExperience"], 12);
  EXPECT_EQ(j["experienceInPlaceOfEducation"], true);
}

TEST(PostingWriters, JsonLdOfAnAgentPaidByTheHourAndAFullyRemotePosting) {
  auto p = example("employer-us.yaml");
  json j = json::parse(posting_to_jsonld(build("agent", p, Lang::en)).dump());
  EXPECT_EQ(j["baseSalary"]["value"]["minValue"], 19.5);
  EXPECT_EQ(j["baseSalary"]["value"]["maxValue"], 23);
  EXPECT_EQ(j["baseSalary"]["value"]["unitText"], "HOUR");
  p.remote = posting::RemotePolicy::remote;
  p.remote_allowed.push_back(posting::Place{"US", "WA", {}});
  j = json::parse(posting_to_jsonld(build("agent", p, Lang::en)).dump());
  EXPECT_FALSE(j.contains("jobLocation"));
  EXPECT_EQ(j["jobLocationType"], "TELECOMMUTE");
  ASSERT_EQ(j["applicantLocationRequirements"].size(), 2u);
  EXPECT_EQ(j["applicantLocationRequirements"][1]["name"], "US-WA");
}

// The page works on a phone (viewport), its web and e-mail addresses are links, and it shows the
// logo and links the privacy notice when the profile has them.
TEST(PostingWriters, HtmlHasViewportLinksLogoAndPrivacyNotice) {
  auto p = example("employer-de.yaml");
  std::string html = posting_to_html(build("agent", p, Lang::de));
  EXPECT_NE(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://www.nordlicht-kundendialog.example/karriere\">"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<a href=\"mailto:jobs@nordlicht-kundendialog.example\">"),
            std::string::npos);
  EXPECT_NE(html.find("<img class=\"logo\" src=\"https://www.nordlicht-kundendialog.example/"
                      "logo.png\" alt=\"Nordlicht Kundendialog GmbH\">"),
            std::string::npos);
  EXPECT_NE(html.find("Datenschutzhinweise für Bewerbende: <a "
                      "href=\"https://www.nordlicht-kundendialog.example/datenschutz-bewerbung\">"),
            std::string::npos);
  // No logo in the profile, no image.
  p.logo_url.clear();
  EXPECT_EQ(posting_to_html(build("agent", p, Lang::de)).find("<img"), std::string::npos);
}

// The rule that experience replaces the degree is one sentence after the requirement list, not a
// requirement of its own.
TEST(PostingWriters, SubstitutionIsASentenceAfterTheRequirements) {
  auto doc = build("agent", example("employer-us.yaml"), Lang::en);
  const posting::Section* requirements = nullptr;
  for (const auto& s : doc.sections) {
    if (s.id == "requirements") requirements = &s;
  }
  ASSERT_NE(requirements, nullptr);
  bool sentence = false;
  for (const auto& b : requirements->blocks) {
    for (const auto& line : b.lines) {
      bool replaces = line.starts_with("Experience can replace the degree: ");
      if (b.kind == posting::Block::Kind::bullets) {
        EXPECT_FALSE(replaces) << line;
      }
      sentence = sentence || (b.kind == posting::Block::Kind::paragraph && replaces);
    }
  }
  EXPECT_TRUE(sentence);
}

// Where remote work is allowed is written with country names a reader knows (ICU's CLDR names),
// the region as its ISO 3166-2 code.
TEST(PostingWriters, RemotePlacesByCountryName) {
  auto p = example("employer-us.yaml");
  p.remote = posting::RemotePolicy::remote;
  p.remote_allowed = {posting::Place{"DE", "", {}}, posting::Place{"US", "WA", {}}};
  std::string de = posting_to_markdown(build("agent", p, Lang::de));
  EXPECT_NE(de.find("Mobiles Arbeiten möglich in: Deutschland, Vereinigte Staaten (WA)"),
            std::string::npos)
      << de;
  std::string en = posting_to_markdown(build("agent", p, Lang::en));
  EXPECT_NE(en.find("Remote work possible from: Germany, United States (WA)"), std::string::npos)
      << en;
}

TEST(PostingWriters, GenderNeutralMarkers) {
  for (const char* title :
       {"Agent (m/w/d)", "Agent (w/m/d)", "Agent (m/f/d)", "Agent (gn)", "Berater*in", "Berater:in",
        "BeraterIn", "Agent (all genders)", "Kundenberater m/w/d Inbound", "Teamleitung",
        "Servicefachkraft im Kundendialog", "Mitarbeitende im Kundenservice", "Werkstudierende"}) {
    EXPECT_TRUE(posting::has_gender_neutral_marker(title)) << title;
  }
  for (const char* title :
       {"Teamleiter Kundenservice", "Agent (m/w)", "Agent (Teilzeit)", "Callcenter-Agent",
        "Agent (Hannover)", "Kaufmann/-frau", "Kundenberater/-in", "Beraterin oder Berater"}) {
    EXPECT_FALSE(posting::has_gender_neutral_marker(title)) << title;
  }
  // Two genders without the third.
  for (const char* title :
       {"Kaufmann/-frau", "Kundenberater/-in (Inbound)", "Kundenberater/in Wien", "Agent (m/w)"}) {
    EXPECT_EQ(posting::title_gender(title), posting::TitleGender::binary) << title;
  }
}

}  // namespace
}  // namespace ccteam::io
