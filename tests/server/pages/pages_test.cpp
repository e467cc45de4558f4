// The web pages rendered from the default catalog (data/catalog) and the templates in web/,
// in both languages. With CCTEAM_WRITE_PAGES=<folder> the test also writes the pages there as
// <folder>/{en,de}/roles/index.html and .../roles/<id>/index.html, so that a static file server
// can serve them to the browser tests (web/tests/) before the real server exists.
#include "server/pages/ladder.hpp"
#include "server/pages/role.hpp"
#include "server/pages/shell.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "io/catalog/catalog_yaml.hpp"

namespace ccteam::server::pages {
namespace {

using catalog::Catalog;

// German amounts put a no-break space (U+00A0) between the number and the currency sign.
const std::string k_web_dir = CCTEAM_SOURCE_DIR "/web";

const Catalog& default_catalog() {
  static const Catalog k_catalog = [] {
    auto loaded = io::load_catalog({CCTEAM_SOURCE_DIR "/data/catalog"});
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : Catalog{};
  }();
  return k_catalog;
}

const Pages& pages() {
  static const Pages k_pages = [] {
    auto loaded = Pages::load(k_web_dir);
    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : ccteam::render(loaded.error(), Lang::en));
    return std::move(*loaded);
  }();
  return k_pages;
}

PageInfo info(std::string path) {
  PageInfo out;
  out.path = std::move(path);
  out.asset_version = "test1";
  out.catalog_name = default_catalog().name;
  out.catalog_version = default_catalog().version;
  return out;
}

bool contains(const std::string& html, std::string_view text) {
  return html.find(text) != std::string::npos;
}

// An attribute " on<letters>=" anywhere in 'html' (an event handler).
bool has_event_handler(const std::string& html) {
  for (std::size_t at = html.find(" on"); at != std::string::npos; at = html.find(" on", at + 1)) {
    std::size_t end = at + 3;
    while (end < html.size() && std::islower(static_cast<unsigned char>(html[end])) != 0) ++end;
    if (end > at + 3 && end < html.size() && html[end] == '=') return true;
  }
  return false;
}

// No inline script or style and no event-handler attribute: what a strict CSP forbids.
void expect_csp_clean(const std::string& html) {
  for (std::size_t at = html.find("<script"); at != std::string::npos;
       at = html.find("<script", at + 1)) {
    std::string tag = html.substr(at, html.find('>', at) - at);
    EXPECT_TRUE(contains(tag, " src=\"/static/")) << "inline script: " << tag;
  }
  EXPECT_FALSE(contains(html, "<style")) << "style element";
  EXPECT_FALSE(contains(html, " style=")) << "style attribute";
  EXPECT_FALSE(has_event_handler(html)) << "event handler attribute";
  EXPECT_FALSE(contains(html, "javascript:"));
}

TEST(Pages, LoadFailsWithoutTemplates) {
  auto loaded = Pages::load("/nonexistent/web");
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().kind, ErrorKind::not_found);
}

TEST(Pages, ShellHasLanguageLandmarksSkipLinkAndAssets) {
  for (Lang lang : k_all_langs) {
    std::string html = pages().ladder(default_catalog(), lang, info("/roles"));
    std::string code(to_string(lang));
    EXPECT_TRUE(contains(html, "<html lang=\"" + code + "\">"));
    EXPECT_TRUE(contains(html, "<a class=\"skip-link\" href=\"#main\">"));
    EXPECT_TRUE(contains(html, "<main id=\"main\""));
    EXPECT_TRUE(contains(html, "<header") && contains(html, "<footer") && contains(html, "<nav"));
    EXPECT_TRUE(contains(html, "<script src=\"/static/htmx.min.js?v=test1\" defer>"));
    EXPECT_TRUE(contains(html, "href=\"/static/app.css?v=test1\""));
    EXPECT_TRUE(contains(
        html,
        R"(<meta name="htmx-config" content='{"historyCacheSize":0,"includeIndicatorStyles":false}'>)"));
    EXPECT_TRUE(contains(html, "aria-current=\"page\""));
    expect_csp_clean(html);
  }
}

TEST(Pages, LanguageSwitchLinksToTheSamePageInTheOtherLanguage) {
  const catalog::Role* agent = default_catalog().find(RoleId("agent"));
  ASSERT_NE(agent, nullptr);
  std::string en = pages().role(*agent, default_catalog(), Lang::en, info("/roles/agent"));
  EXPECT_TRUE(contains(
      en, R"(<a class="lang-switch" href="/de/roles/agent" hreflang="de" lang="de">Deutsch</a>)"));
  std::string de = pages().role(*agent, default_catalog(), Lang::de, info("/roles/agent"));
  EXPECT_TRUE(contains(
      de, R"(<a class="lang-switch" href="/en/roles/agent" hreflang="en" lang="en">English</a>)"));
}

TEST(Pages, LadderShowsTheTreeAndTheTableInBothLanguages) {
  std::string en = pages().ladder(default_catalog(), Lang::en, info("/roles"));
  EXPECT_TRUE(contains(en, "<h1>Career ladder</h1>"));
  EXPECT_TRUE(contains(en, "<a href=\"/en/roles/agent\">Call-Center Agent</a>"));
  EXPECT_TRUE(contains(en, "<a href=\"/en/roles/team-lead\">Call-Center Team Lead</a>"));
  EXPECT_TRUE(contains(en, "Market reference, United States: $32,000 to $35,000 per year"));
  EXPECT_TRUE(contains(en, "<td data-label=\"Reports to\">Call-Center Team Lead</td>"));
  // The tree nests the team lead under the agent.
  std::size_t tree = en.find("<ul class=\"ladder\">");
  std::size_t agent = en.find("<li><a href=\"/en/roles/agent\">", tree);
  std::size_t nested = en.find("<ul>\n<li><a href=\"/en/roles/team-lead\">", agent);
  EXPECT_NE(agent, std::string::npos);
  EXPECT_NE(nested, std::string::npos);
  EXPECT_EQ(en.find("</li>", agent), en.find("</li>", nested));

  std::string de = pages().ladder(default_catalog(), Lang::de, info("/roles"));
  EXPECT_TRUE(contains(de, "<h1>Karriereleiter</h1>"));
  EXPECT_TRUE(contains(de, "<a href=\"/de/roles/agent\">Callcenter-Agent</a>"));
  EXPECT_TRUE(
      contains(de, "Marktreferenz, Vereinigte Staaten: 32.000\u00a0$ bis 35.000\u00a0$ pro Jahr"));
  expect_csp_clean(de);
}

TEST(Pages, RoleShowsRequirementsPayAndNextRoles) {
  const catalog::Role* agent = default_catalog().find(RoleId("agent"));
  ASSERT_NE(agent, nullptr);
  std::string en = pages().role(*agent, default_catalog(), Lang::en, info("/roles/agent"));
  EXPECT_TRUE(contains(en, "<h1>Call-Center Agent</h1>"));
  EXPECT_TRUE(contains(en, "<title>Call-Center Agent – ccteam hiring workspace</title>"));
  EXPECT_TRUE(contains(en, "entry level, rank 1"));
  EXPECT_TRUE(contains(en, "<a href=\"/en/roles/team-lead\">Call-Center Team Lead</a>"));
  EXPECT_TRUE(contains(en, "Required skills"));
  EXPECT_TRUE(contains(en, "ISCED level"));
  EXPECT_TRUE(contains(en, "$32,000 to $35,000 per year"));
  EXPECT_TRUE(contains(en, "Published market pay, not this organisation&#39;s own pay."));
  EXPECT_TRUE(contains(en, "Source: Source article: call-center job descriptions"));
  expect_csp_clean(en);

  std::string de = pages().role(*agent, default_catalog(), Lang::de, info("/roles/agent"));
  EXPECT_TRUE(contains(de, "<h1>Callcenter-Agent</h1>"));
  EXPECT_TRUE(contains(de, "32.000\u00a0$ bis 35.000\u00a0$ pro Jahr"));
  EXPECT_TRUE(contains(de, "Erforderliche Fähigkeiten"));
  // The market reference's source in German (before: the English citation).
  EXPECT_TRUE(contains(de, "Quelle: Quellartikel: Stellenbeschreibungen im Callcenter"));
  // Outside postings the German title is gender-neutral (before: "Callcenter-Teamleiter").
  EXPECT_TRUE(contains(de, "<a href=\"/de/roles/team-lead\">Teamleitung</a>"));
  expect_csp_clean(de);
}

TEST(Pages, TopRoleSaysSoAndLinksItsBoss) {
  const catalog::Role* lead = default_catalog().find(RoleId("team-lead"));
  ASSERT_NE(lead, nullptr);
  std::string en = pages().role(*lead, default_catalog(), Lang::en, info("/roles/team-lead"));
  EXPECT_TRUE(contains(en, "<dt>Reports to</dt><dd><a href=\"/en/roles/manager\">"));
  const catalog::Role* manager = default_catalog().find(RoleId("manager"));
  ASSERT_NE(manager, nullptr);
  std::string top = pages().role(*manager, default_catalog(), Lang::de, info("/roles/manager"));
  EXPECT_TRUE(contains(top, "Diese Rolle ist die oberste Stufe dieser Leiter."));
}

TEST(Pages, OwnPayBandsReplaceTheMarketReference) {
  Catalog with_band = default_catalog();
  catalog::PayBand band;
  band.role.id = RoleId("agent");
  band.country = "DE";
  band.range.min = Money{245000, *Currency::parse("EUR")};
  band.range.max = Money{290000, *Currency::parse("EUR")};
  band.range.period = catalog::PayPeriod::month;
  with_band.pay_bands.push_back(band);
  const catalog::Role& agent = *with_band.find(RoleId("agent"));
  std::string de = pages().role(agent, with_band, Lang::de, info("/roles/agent"));
  EXPECT_TRUE(
      contains(de, "Deutschland: <strong>2.450\u00a0€ bis 2.900\u00a0€ pro Monat</strong>"));
  EXPECT_FALSE(contains(de, "32.000\u00a0$"));
  std::string en = pages().role(agent, with_band, Lang::en, info("/roles/agent"));
  EXPECT_TRUE(contains(en, "Germany: <strong>€2,450 to €2,900 per month</strong>"));
  std::string ladder = pages().ladder(with_band, Lang::de, info("/roles"));
  EXPECT_TRUE(contains(
      ladder, "Eigenes Gehaltsband, Deutschland: 2.450\u00a0€ bis 2.900\u00a0€ pro Monat"));
}

TEST(Pages, HostileCatalogValuesAreEscaped) {
  Catalog hostile = default_catalog();
  catalog::Role& agent = hostile.roles.front();
  agent.title.en = "<script>alert(1)</script>";
  agent.description.en = "\" onmouseover=\"alert(2)";
  std::string role = pages().role(agent, hostile, Lang::en, info("/roles/<x>\"'"));
  EXPECT_FALSE(contains(role, "<script>alert"));
  EXPECT_TRUE(contains(role, "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  EXPECT_TRUE(contains(role, "href=\"/de/roles/&lt;x&gt;&quot;&#39;\""));
  expect_csp_clean(role);
  std::string ladder = pages().ladder(hostile, Lang::en, info("/roles"));
  EXPECT_FALSE(contains(ladder, "<script>alert"));
  expect_csp_clean(ladder);
}

TEST(Pages, ErrorPageSaysWhatAndLinksTheLadder) {
  std::string html =
      pages().error(404, msg(MsgId::role_not_found, "<nobody>"), Lang::de, info("/roles/x"));
  EXPECT_TRUE(contains(html, "<h1>Etwas ist schiefgelaufen (Fehler 404)</h1>"));
  EXPECT_TRUE(contains(html, "&lt;nobody&gt;"));
  EXPECT_TRUE(contains(html, "<a href=\"/de/roles\">Zur Karriereleiter</a>"));
  expect_csp_clean(html);
}

// Writes every page into $CCTEAM_WRITE_PAGES for the browser tests; does nothing without it.
TEST(Pages, WritesPagesForTheBrowserTests) {
  const char* out = std::getenv("CCTEAM_WRITE_PAGES");
  if (out == nullptr || *out == '\0') GTEST_SKIP() << "CCTEAM_WRITE_PAGES not set";
  namespace fs = std::filesystem;
  auto write = [&](const std::string& path, const std::string& html) {
    fs::path dir = fs::path(out) / path.substr(1);
    fs::create_directories(dir);
    std::ofstream(dir / "index.html") << html;
  };
  for (Lang lang : k_all_langs) {
    write(lang_path(lang, "/roles"), pages().ladder(default_catalog(), lang, info("/roles")));
    for (const catalog::Role& role : default_catalog().roles) {
      std::string path = "/roles/" + role.id.str();
      write(lang_path(lang, path), pages().role(role, default_catalog(), lang, info(path)));
    }
  }
}

}  // namespace
}  // namespace ccteam::server::pages
