#include "ccteam/qualify/experience_phrases.hpp"

namespace ccteam::qualify {

namespace {

using catalog::ExperienceKind;
// Two-letter names for the columns of the table below, which k_ prefixes would only clutter.
// NOLINTBEGIN(readability-identifier-naming)
constexpr auto cs = ExperienceKind::customer_service;
constexpr auto tl = ExperienceKind::team_leadership;
constexpr auto om = ExperienceKind::operations_management;
constexpr auto en = Lang::en;
constexpr auto de = Lang::de;
// NOLINTEND(readability-identifier-naming)

// Customer service counts any work whose core is conversations with customers (the agent
// role's "prior work with customers"), including leading such work inside a contact centre,
// since the manager role's requirement is broad call-centre experience "from customer contact
// upwards". Leadership and operations phrases are kept apart so that a warehouse shift lead
// is a leader but not customer-service experience.
constexpr KindPhrase k_phrases[] = {
    {cs, en, "customer service"},
    {cs, en, "customer support"},
    {cs, en, "customer care"},
    {cs, en, "customer contact"},
    {cs, en, "customer experience"},
    {cs, en, "helped customers"},
    {cs, en, "client service"},
    {cs, en, "call center"},
    {cs, en, "call centre"},
    {cs, en, "contact center"},
    {cs, en, "contact centre"},
    {cs, en, "callcenter"},
    {cs, en, "help desk"},
    {cs, en, "helpdesk"},
    {cs, en, "service desk"},
    {cs, en, "hotline"},
    {cs, en, "inbound calls"},
    {cs, en, "outbound calls"},
    {cs, en, "escalated calls"},
    {cs, en, "complaints"},
    {cs, en, "reservations agent"},
    {cs, en, "phone order"},
    {cs, en, "telephone sales"},
    {cs, en, "telesales"},
    {cs, en, "call handling"},
    {cs, en, "call handler"},
    {cs, en, "customer advisor"},
    {cs, en, "customer adviser"},
    {cs, en, "client advisor"},
    {cs, en, "phone agent"},
    {cs, en, "telephone agent"},
    {cs, en, "support agent"},
    {cs, en, "support representative"},
    {cs, en, "technical support"},
    {cs, en, "member services"},
    {cs, en, "telemarketer"},
    {cs, en, "telemarketing"},
    {cs, en, "inbound agent"},
    {cs, en, "inbound sales"},
    {cs, en, "outbound agent"},
    {cs, de, "Kundenservice"},
    {cs, de, "Kundendienst"},
    {cs, de, "Kundenberater"},
    {cs, de, "Kundenbetreuer"},
    {cs, de, "Kundenbetreuung"},
    {cs, de, "Kundenanfragen"},
    {cs, de, "Kundenkontakt"},
    {cs, de, "Kundenbindung"},
    {cs, de, "Callcenter"},
    {cs, de, "Contact Center"},
    {cs, de, "Servicecenter"},
    {cs, de, "Hotline"},
    {cs, de, "Telefonservice"},
    {cs, de, "telefonische"},
    {cs, de, "Reklamationsbearbeitung"},
    {cs, de, "Beschwerdemanagement"},
    {cs, de, "Dialogmarketing"},
    {cs, de, "Servicefachkraft"},
    {cs, de, "Inbound Agent"},
    {cs, de, "Outbound Agent"},
    {cs, de, "Agent Inbound"},
    {cs, de, "Agent Outbound"},
    {cs, de, "Inbound Hotline"},
    {cs, de, "Inbound Telefonie"},
    {cs, de, "Outbound Telefonie"},
    {cs, de, "Telefonist"},
    {cs, de, "Telefonverkauf"},
    {cs, de, "Telefonverkäufer"},
    {cs, de, "Kundendialog"},
    {cs, de, "Kundensupport"},
    {cs, de, "Support Mitarbeiter"},
    {cs, de, "Tarifberatung"},
    {tl, en, "team leader"},
    {tl, en, "team lead"},
    {tl, en, "supervisor"},
    {tl, en, "supervises"},
    {tl, en, "supervised"},
    {tl, en, "shift lead"},
    {tl, en, "shift leader"},
    {tl, en, "shift manager"},
    {tl, en, "led a team"},
    {tl, en, "managed a team"},
    {tl, en, "line manager"},
    {tl, en, "people manager"},
    {tl, en, "head of"},
    {tl, en, "operations manager"},
    {tl, en, "team manager"},
    {tl, en, "customer service manager"},
    {tl, en, "call center manager"},
    {tl, en, "call centre manager"},
    {tl, en, "contact center manager"},
    {tl, en, "contact centre manager"},
    {tl, de, "Teamleiter"},
    {tl, de, "Teamleitung"},
    {tl, de, "Gruppenleiter"},
    {tl, de, "Gruppenleitung"},
    {tl, de, "Schichtleiter"},
    {tl, de, "Schichtleitung"},
    {tl, de, "Führung"},
    {tl, de, "Leiter"},
    {tl, de, "Einarbeitung neuer"},
    {tl, de, "Patin für neue"},
    {tl, de, "Pate für neue"},
    {tl, en, "mentor for new"},
    {tl, en, "mentored new"},
    {om, en, "operations manager"},
    {om, en, "operations director"},
    {om, en, "head of customer"},
    {om, en, "centre manager"},
    {om, en, "center manager"},
    {om, en, "site manager"},
    {om, en, "workforce planning"},
    {om, en, "budget responsibility"},
    {om, en, "cost per contact"},
    {om, en, "customer service manager"},
    {om, de, "Leiter Kundenservice"},
    {om, de, "Leiter Contact Center"},
    {om, de, "Leiter Callcenter"},
    {om, de, "Leitung Kundenservice"},
    {om, de, "Centerleiter"},
    {om, de, "Standortleiter"},
    {om, de, "Standortleitung"},
    {om, de, "Abteilungsleiter"},
    {om, de, "Bereichsleiter"},
    {om, de, "Betriebsleiter"},
    {om, de, "Budgetplanung"},
    {om, de, "Budgetverantwortung"},
    {om, de, "Personalbedarfsplanung"},
};

// German words that end in a phrase's stem without being that kind of compound
// ("Durchführung" is carrying out, not leadership; "Gesprächsführung" is steering a
// conversation, "Kontoführung" keeping an account; "Weiterleitung" is forwarding).
constexpr std::string_view k_compound_exceptions[] = {
    "durchführung",  "ausführung",          "einführung",       "weiterführung",    "fortführung",
    "buchführung",   "gesprächsführung",    "kontoführung",     "protokollführung", "aktenführung",
    "kassenführung", "verhandlungsführung", "haushaltsführung", "kontenführung",    "anleitung",
    "einleitung",    "weiterleitung",       "ableitung",        "überleitung",      "begleitung",
    "begleiter",     "halbleiter",          "ableiter",
};

// Words right before a match that turn it into someone else's role: "an die Teamleitung"
// (handed to the team lead), "reported to the team leader".
constexpr KindPhrase k_blockers[] = {
    {cs, de, "an die"}, {cs, de, "an den"}, {cs, de, "zur"},    {cs, de, "zum"},
    {cs, en, "to the"}, {cs, en, "to my"},  {cs, en, "to our"},
};

constexpr ReachBlocker k_reporting_line[] = {
    {"reported to", 4},  {"reports to", 4},  {"reporting to", 4}, {"report to", 4},
    {"escalated to", 4}, {"escalate to", 4}, {"berichtet an", 4}, {"berichtete an", 4},
    {"berichten an", 4}, {"unterstellt", 2}, {"an", 0},           {"mit der", 0},
    {"mit dem", 0},      {"mit den", 0},     {"with the", 0},     {"with my", 0},
};

constexpr NoWorkPhrase k_no_work[] = {
    {en, "career break"},
    {en, "parental leave"},
    {en, "maternity leave"},
    {en, "sabbatical"},
    {en, "gap year"},
    {en, "job search"},
    {en, "unemployed"},
    {de, "Elternzeit"},
    {de, "Auszeit"},
    {de, "Sabbatical"},
    {de, "Weltreise"},
    {de, "Arbeitssuche"},
    {de, "arbeitssuchend"},
    {de, "Pflegezeit"},
    {de, "Mutterschutz"},
    // Occupations outside the contact centre whose title says what the work was: a recruiter
    // reads "Data Analyst" as no customer service, not as a title to look into.
    {en, "data analyst"},
    {en, "business analyst"},
    {en, "software developer"},
    {en, "software engineer"},
    {en, "accountant"},
    {en, "bookkeeper"},
    {en, "nurse"},
    {en, "teacher"},
    {de, "Datenanalyst"},
    {de, "Softwareentwickler"},
    {de, "Buchhalter"},
    {de, "Krankenpfleger"},
    {de, "Pflegefachkraft"},
    {de, "Lehrer"},
};

}  // namespace

std::span<const KindPhrase> experience_phrases() { return k_phrases; }
std::span<const std::string_view> compound_exceptions() { return k_compound_exceptions; }
std::span<const KindPhrase> context_blockers() { return k_blockers; }
std::span<const ReachBlocker> reporting_line_blockers() { return k_reporting_line; }
std::span<const NoWorkPhrase> no_work_phrases() { return k_no_work; }

}  // namespace ccteam::qualify
