#pragma once
// An employer profile: everything about the organisation and the opening that a posting needs
// besides the role itself (company, places, remote policy, contract, hours, pay, how to apply,
// dates). Read from YAML by src/io/posting/employer_yaml.hpp; format: docs/employer-format.md.
//
// Pay shown in a posting is the employer's own range (Position::pay). The catalog's market
// reference is published only when the employer sets Position::adopt_market_reference.

#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/role.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/ids.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/core/position.hpp"
#include "ccteam/posting/mail_template.hpp"

namespace ccteam::posting {

// A place of work. 'region' is the ISO 3166-2 subdivision without the country ("CO" for
// Colorado, "NI" for Niedersachsen); empty when not given.
struct Location {
  std::string street;
  std::string city;
  std::string postal_code;
  std::string region;
  std::string country;  // ISO 3166-1 alpha-2
  SourcePos pos;
};

// A place a remote employee may work from: a country, optionally one region of it.
struct Place {
  std::string country;  // ISO 3166-1 alpha-2
  std::string region;   // ISO 3166-2 subdivision code without the country; empty = whole country
  SourcePos pos;
  // "DE", "US-CO": the jurisdiction code used by the law and minimum-wage files.
  std::string code() const { return region.empty() ? country : country + "-" + region; }
};

enum class RemotePolicy { on_site, hybrid, remote };

// schema.org employmentType values (https://schema.org/employmentType, Google's JobPosting
// documentation lists FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM,
// OTHER). An apprenticeship is written "apprenticeship" and published as OTHER plus the
// German Ausbildung wording.
enum class EmploymentType { full_time, part_time, temporary, contractor, intern, apprenticeship };

enum class Contract { permanent, fixed_term };

// German postings address the reader as "Sie" (formal) or "du" (informal).
enum class AddressForm { sie, du };

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
};

// One opening: a role of the catalog, how many people, the employer's own pay for it.
struct Position {
  RoleId role;
  SourcePos pos;
  int openings = 1;                      // schema.org totalJobOpenings
  std::optional<LocalizedText> title;    // the employer's own title; default from the role
  std::optional<catalog::PayRange> pay;  // the employer's range
  bool pay_gross = true;                 // false: the range is net (unusual; flagged)
  bool adopt_market_reference = false;   // publish the catalog's market reference instead
};

// The privacy notice applicants are given (GDPR art. 13), in the languages it exists in.
// 'version' names the wording (e.g. the date it takes effect) so that an application can record
// which notice its applicant saw.
struct PrivacyNotice {
  std::string version;
  std::string en;  // empty when there is no English wording
  std::string de;  // empty when there is no German wording
};

struct EmployerProfile {
  std::string file;  // where it was read from, for messages
  std::string name;
  std::string website;           // URL
  std::string logo_url;          // URL; empty when none
  std::string privacy_url = {};  // URL of the privacy notice for applicants; empty when none
  int headcount = 0;           // employees of the whole organisation (pay laws apply above a size)
  bool works_council = false;  // a works council exists (Betriebsrat: co-determination, BetrVG)
  std::optional<LocalizedText> collective_agreement;
  std::vector<Location> locations;
  RemotePolicy remote = RemotePolicy::on_site;
  std::vector<Place> remote_allowed;  // where a remote or hybrid employee may live and work
  SourcePos remote_pos;
  EmploymentType employment_type = EmploymentType::full_time;
  Contract contract = Contract::permanent;
  std::optional<int> fixed_term_months;  // with Contract::fixed_term
  double weekly_hours = 40;              // contractual hours per week
  SourcePos weekly_hours_pos;
  std::optional<LocalizedText> shift_pattern;
  std::vector<LocalizedText> benefits;
  AddressForm address_form = AddressForm::sie;
  std::vector<Position> positions;
  std::string apply_url;
  std::string apply_email;
  SourcePos apply_pos;
  Date posting_date;
  SourcePos posting_date_pos;
  Date valid_through;
  SourcePos valid_through_pos;
  std::optional<Contact> contact;
  LocalizedText equal_opportunity;
  std::optional<PrivacyNotice> privacy_notice;
  // The employer's own acknowledgement e-mail to applicants; nullopt: the standard text.
  std::optional<MailTemplate> acknowledgement;

  // The opening for 'role', or nullptr.
  const Position* find(const RoleId& role) const;
  // Every jurisdiction the job may be done in: the locations (unless fully remote) and the
  // remote places, as "DE", "US-CO"; without duplicates, in the order given.
  std::vector<Place> places() const;
};

// Written forms in profile files: "on_site", "full_time", "permanent", "sie", ...
std::string_view to_string(RemotePolicy value);
std::string_view to_string(EmploymentType value);
std::string_view to_string(Contract value);
std::string_view to_string(AddressForm value);
std::optional<RemotePolicy> parse_remote_policy(std::string_view text);
std::optional<EmploymentType> parse_employment_type(std::string_view text);
std::optional<Contract> parse_contract(std::string_view text);
std::optional<AddressForm> parse_address_form(std::string_view text);
std::span<const std::string_view> all_remote_policies();
std::span<const std::string_view> all_employment_types();
std::span<const std::string_view> all_contracts();
std::span<const std::string_view> all_address_forms();

}  // namespace ccteam::posting
