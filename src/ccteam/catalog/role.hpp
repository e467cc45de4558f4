#pragma once
// The role catalog's data model: roles on a career ladder, what each requires, and its pay.
//
// A catalog is plain data. It is read from YAML by src/io/catalog/catalog_yaml.hpp, checked as a
// whole by validate_catalog() (catalog.hpp) and rendered by the CLI and the server. The file format
// is documented in docs/catalog-format.md.

#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/terms.hpp"
#include "ccteam/core/ids.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/core/money.hpp"
#include "ccteam/core/position.hpp"

namespace ccteam::catalog {

// A reference to another role, with where it was written (for "unknown role" errors).
struct RoleRef {
  RoleId id;
  SourcePos pos;
};

// Words in each language, for matching text against a skill ("CRM", "Salesforce").
struct LocalizedList {
  std::vector<std::string> en;
  std::vector<std::string> de;
  const std::vector<std::string>& get(Lang lang) const { return lang == Lang::de ? de : en; }
};

struct Responsibility {
  std::string id;
  SourcePos pos;  // where the id was written
  LocalizedText title;
  LocalizedText description;
};

struct Skill {
  std::string id;
  SourcePos pos;  // where the id was written
  Importance importance = Importance::required;
  LocalizedText name;
  LocalizedText description;
  LocalizedList synonyms;
};

// A language the role needs, at a CEFR level, in the countries listed (all when empty).
struct LanguageRequirement {
  std::string language;  // ISO 639-1 code: "de", "en"
  Cefr level = Cefr::b2;
  Importance importance = Importance::required;
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2; empty = everywhere
  std::optional<LocalizedText> note;
};

// Where a requirement's value comes from: the source article, or a cited default that an
// organisation is expected to tune.
struct Basis {
  // "article" (both languages) or a citation in every language ("ANZSCO 2013, skill level 1")
  LocalizedText source;
  bool is_article() const { return source.en == "article"; }
  bool tunable = false;  // true for defaults chosen where the article is vague
};

// A named qualification that counts as education at an ISCED level in one country, e.g. the
// German dual vocational training "Kaufmann/-frau für Dialogmarketing" (ISCED 3, DQR 4).
struct Credential {
  std::string id;
  SourcePos pos;  // where the id was written
  LocalizedText name;
  std::string country;  // ISO 3166-1 alpha-2
  IscedLevel isced = IscedLevel::upper_secondary;
  std::optional<int> dqr;  // German/European qualifications framework level 1-8, if defined
};

// The minimum education for one country ("*" = any country without its own entry).
struct MinimumEducation {
  std::string country;
  IscedLevel isced = IscedLevel::upper_secondary;
  LocalizedText description;
  std::vector<std::string> credentials;  // ids of Credentials that are the usual route
  Basis basis;
};

// Education that counts in an applicant's favour but is not required.
struct PreferredEducation {
  IscedLevel isced = IscedLevel::bachelor;
  LocalizedList fields;  // preferred fields of study
  Importance importance = Importance::preferred;
  Basis basis;
};

struct ExperienceRequirement {
  ExperienceKind kind = ExperienceKind::customer_service;
  int months = 0;  // minimum duration in months
  Importance importance = Importance::required;
  std::optional<LocalizedText> note;
  Basis basis;
};

// Experience that stands in for missing education (schema.org experienceInPlaceOfEducation):
// 'months' of experience of any of 'kinds' count as education up to 'replaces_isced'; with
// 'part', at least part.months of them must be of part.kinds (the manager's rule: five years of
// relevant work of which two leading a team).
struct SubstitutionPart {
  int months = 0;  // > 0, at most the rule's months
  std::vector<ExperienceKind> kinds;
};
struct Substitution {
  std::string id;
  SourcePos pos;  // where the id was written
  int months = 0;
  std::vector<ExperienceKind> kinds;
  IscedLevel replaces_isced = IscedLevel::bachelor;
  LocalizedText description;
  Basis basis;
  std::optional<SubstitutionPart> part;  // of the 'months', at least this much of its kinds
};

// A pay range. 'max' is empty or, with open_ended, the lower edge of an open top ("over").
struct PayRange {
  Money min;
  std::optional<Money> max;
  bool open_ended = false;
  PayPeriod period = PayPeriod::year;
  SourcePos pos;
};

// Published market pay for a role, kept apart from what an organisation pays.
struct MarketReference {
  LocalizedText source;     // the citation in every language
  std::string country;      // ISO 3166-1 alpha-2
  std::optional<int> year;  // year the figures describe; empty when the source gives none
  PayRange range;
  std::optional<LocalizedText> note;
};

// An organisation's own pay band for a role in one country (gross).
struct PayBand {
  RoleRef role;
  std::string country;
  PayRange range;
};

struct OccupationCodes {
  std::string esco;      // ESCO occupation URI
  std::string isco08;    // ISCO-08 unit group, 4 digits
  std::string onet_soc;  // O*NET-SOC 2019 code "43-4051.00"
  std::string kldb2010;  // German Klassifikation der Berufe 2010, 5 digits
};

// A performance indicator and what good looks like at this level.
struct Kpi {
  std::string id;
  SourcePos pos;  // where the id was written
  LocalizedText name;
  LocalizedText description;
  KpiUnit unit = KpiUnit::percent;
  KpiDirection direction = KpiDirection::higher_is_better;
  std::optional<double> target;  // in 'unit'; empty when it depends on the organisation
};

struct Role {
  RoleId id;
  SourcePos pos;
  LevelName level = LevelName::entry;
  int rank = 1;  // 1 = entry; a higher rank is more senior
  // The role's name wherever ccteam speaks of it (views, plans, screening): in German a
  // gender-neutral form ("Teamleitung", "Callcenter-Leitung").
  LocalizedText title;
  // The job title a posting advertises when the employer gives none, as the labour market
  // writes it ("Callcenter-Teamleiter", to which the posting adds "(m/w/d)"); empty: 'title'.
  std::optional<LocalizedText> posting_title;
  const LocalizedText& job_title() const { return posting_title ? *posting_title : title; }
  LocalizedText description;
  LocalizedText job_summary;
  std::optional<RoleRef> reports_to;
  std::optional<RoleRef> escalates_to;
  std::vector<RoleRef> next_roles;
  std::vector<Responsibility> responsibilities;
  std::vector<Skill> skills;
  std::vector<LanguageRequirement> languages;
  std::vector<Credential> credentials;
  std::vector<MinimumEducation> minimum_education;
  std::vector<PreferredEducation> preferred_education;
  std::vector<ExperienceRequirement> experience;
  std::vector<Substitution> substitutions;
  std::optional<MarketReference> market_reference;
  OccupationCodes occupation_codes;
  std::vector<Kpi> kpis;
};

}  // namespace ccteam::catalog
