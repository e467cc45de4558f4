#pragma once
// Employer profiles in the workspace as use cases: list them, read one, save one from the form,
// the JSON API or an imported YAML file. A profile is stored as the YAML file of
// docs/employer-format.md; every input becomes that file and goes through
// io::read_employer_yaml, posting::check_profile and the pay-transparency laws
// (lint::check_profile_laws): the same checks and messages as `ccteam posting render
// --employer`. Errors stop a save; warnings are returned with the saved profile.
// Permissions are the routes' (access::Permission::read_employers, write_employers).

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/messages.hpp"
#include "ccteam/lint/rules.hpp"
#include "ccteam/posting/employer.hpp"
#include "ccteam/posting/minimum_wage.hpp"
#include "ccteam/posting/profile_check.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

// The rule data a profile is checked with (data/posting/): minimum wages and pay-range laws.
struct ProfileRules {
  posting::MinimumWages wages;
  lint::RuleData laws;
};

// Reads the rule data from 'posting_data_dir' once (the server keeps it). Errors: the files'
// (file:line:col).
Checked<ProfileRules> load_profile_rules(const std::string& posting_data_dir);

// A stored profile and what it reads as; 'profile' is nullopt when the stored file no longer
// reads (then 'read_errors' says why, and the file can still be exported and replaced).
struct Employer {
  store::StoredEmployer stored;
  std::optional<posting::EmployerProfile> profile;
  Errors read_errors;
};

// The organisation's profiles ordered by id, at most 'limit'.
Result<std::vector<Employer>> list_employers(store::Repository& repository,
                                             const store::Uuid& organisation, std::size_t limit);

// The profile 'id'. Error::not_found (employer_not_found) when the organisation has none.
Result<Employer> find_employer(store::Repository& repository, const store::Uuid& organisation,
                               const store::Uuid& id);

// Every problem of 'profile' (posting::check_profile, then the laws), errors and warnings.
std::vector<posting::ProfileIssue> profile_issues(const posting::EmployerProfile& profile,
                                                  const catalog::Catalog& catalog,
                                                  const ProfileRules& rules);

struct SavedEmployer {
  Employer employer;
  std::vector<posting::ProfileIssue> warnings;  // issues below error severity
};

// Reads 'yaml' (file name 'source_name' in positions) and stores it: as a new profile when 'id'
// is nullopt, else over profile 'id' when its stored version is 'expected_version'. Errors
// (nothing saved): every error of the reader (file:line:col and JSON pointer), every
// error-severity issue of profile_issues, Error::not_found (employer_not_found),
// Error::conflict (employer_stale), the store's.
Checked<SavedEmployer> save_employer(store::Repository& repository, const store::Uuid& organisation,
                                     const catalog::Catalog& catalog, const ProfileRules& rules,
                                     const std::optional<store::Uuid>& id,
                                     const std::string& source_name, std::string yaml,
                                     std::int64_t expected_version, const store::Actor& actor);

// --- the form

// How a form field is typed and read.
enum class EmployerFieldKind {
  text,       // one line
  long_text,  // several lines
  url,
  email,
  integer,  // a whole number as people of the form's language type it
  number,   // a decimal number ("39,5" in German)
  amount,   // an amount of money, kept as decimal text ("2.900,50" -> "2900.50")
  date,     // YYYY-MM-DD
  choice,   // one of employer_field_choices
  flag,     // a checkbox
  places,   // jurisdiction codes separated by commas ("DE, US-CO")
  role,     // a role id of the catalog
};

struct EmployerField {
  std::string_view key;  // the path inside its group: "employer.name", "pay.min"
  EmployerFieldKind kind = EmployerFieldKind::text;
  MsgId label = MsgId::web_ef_name;
  std::optional<Lang> in;  // the language of one half of an {en, de} text
};

// Fields of one map or of each row of a list ('list' non-empty: "locations", "benefits",
// "positions"; the form names a row's field "<list>.<row>.<key>").
struct EmployerFieldGroup {
  std::string_view list;
  MsgId row_label = MsgId::web_employer_row_place;  // "Place {0}", with the row from 1
  std::vector<EmployerField> fields;
};

struct EmployerSection {
  MsgId title = MsgId::web_employer_sec_org;
  std::vector<EmployerFieldGroup> groups;
};

// The form's sections in order: organisation, places of work, contract and working time,
// benefits, positions and pay, applying and contact, posting dates, privacy notice. Together
// they cover every key of docs/employer-format.md.
const std::vector<EmployerSection>& employer_form_sections();

// The values a choice field offers, in the format's order ("on_site", "hybrid", "remote"),
// with the label of each.
std::vector<std::pair<std::string, MsgId>> employer_field_choices(std::string_view key);

// The form's fields read into the profile's JSON shape (io::employer_to_json's), with a map
// back from each list's JSON index to its form row (rows left blank are left out).
struct EmployerFormInput {
  nlohmann::ordered_json profile = nlohmann::ordered_json::object();
  std::map<std::string, std::vector<std::size_t>, std::less<>> rows;  // list -> form rows
  // Rows past k_max_employer_form_rows: employer_form_rows (MsgId) at the list's pointer.
  Errors errors;
};

// Rows a list of the form may have (places, benefits, positions).
inline constexpr std::size_t k_max_employer_form_rows = 200;

// Reads fields named "employer.name", "locations.2.city", ... as people of 'lang' type them.
// Numbers that do not read are passed on as typed, for the reader's error at their field;
// empty fields are left out; a list row whose fields (other than checkboxes) are all empty is
// left out. A position with an amount or currency and no "pay.gross" is net pay (the checkbox
// was cleared); one with only the period and the gross box (their defaults) has no pay.
EmployerFormInput employer_from_form(const std::vector<std::pair<std::string, std::string>>& fields,
                                     Lang lang);

// The form rows of 'values' as they are (row N of the form is row N of the profile): for
// employer_form_field over a stored profile.
EmployerFormInput employer_form_identity(const std::map<std::string, std::string>& values);

// The field of the form named 'name' ("locations.2.city" -> the city field), or nullptr.
const EmployerField* employer_form_field_spec(std::string_view name);

// 'yaml' written again in the order of docs/employer-format.md (io::employer_to_json) when it
// reads as a profile, else unchanged: what a form or a JSON body is stored as.
std::string canonical_employer_yaml(std::string yaml);

// The form field an error's JSON pointer belongs to ("/locations/1/city" ->
// "locations.3.city" when JSON row 1 came from form row 3); "" when it names no field.
std::string employer_form_field(std::string_view pointer, const EmployerFormInput& input);

// The profile as the form shows it: field name -> text, numbers with the decimal mark of
// 'lang', checkboxes "on".
std::map<std::string, std::string> employer_form_values(const posting::EmployerProfile& profile,
                                                        Lang lang);

// The rows of 'list' that hold something in form values: the highest row with a text typed
// (not only a choice or a checkbox, which blank rows have by default) + 1.
std::size_t employer_form_rows(const std::map<std::string, std::string>& values,
                               std::string_view list);

}  // namespace ccteam::app
