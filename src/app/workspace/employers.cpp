#include "app/workspace/employers.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "app/forms/typed_number.hpp"
#include "ccteam/lint/linter.hpp"
#include "io/base/json_yaml.hpp"
#include "io/base/number_text.hpp"
#include "io/posting/employer_yaml.hpp"
#include "io/posting/posting_data_yaml.hpp"

namespace ccteam::app {

using json = nlohmann::ordered_json;

namespace {

using Kind = EmployerFieldKind;

Employer read_stored(store::StoredEmployer stored) {
  Employer out;
  auto profile = io::read_employer_yaml(stored.yaml, "employer.yaml");
  if (profile) {
    out.profile = std::move(*profile);
  } else {
    out.read_errors = std::move(profile).error();
  }
  out.stored = std::move(stored);
  return out;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// "employer.name" -> "/employer/name".
json::json_pointer pointer_of(std::string_view key) {
  std::string pointer = "/" + std::string(key);
  std::replace(pointer.begin(), pointer.end(), '.', '/');
  return json::json_pointer(pointer);
}

// The JSON value of a typed field; nullopt when it is empty.
std::optional<json> typed_value(const EmployerField& field, const std::string& typed, Lang lang) {
  std::string text = trimmed(typed);
  if (field.kind == Kind::flag) {
    if (text.empty()) return std::nullopt;
    return json(true);
  }
  if (text.empty()) return std::nullopt;
  switch (field.kind) {
    case Kind::integer: {
      auto decimal = typed_decimal(text, lang);
      long long value = 0;
      if (decimal) {
        const char* end = decimal->data() + decimal->size();
        auto [stop, ec] = std::from_chars(decimal->data(), end, value);
        if (ec == std::errc{} && stop == end) return json(value);
      }
      return json(text);
    }
    case Kind::number: {
      auto number = typed_number(text, lang);
      if (!number) return json(text);
      if (*number == std::floor(*number) && std::abs(*number) < 1e15) {
        return json(static_cast<long long>(*number));
      }
      return json(*number);
    }
    case Kind::amount:
      return json(typed_decimal(text, lang).value_or(text));
    case Kind::places: {
      json list = json::array();
      std::string item;
      for (char c : text + ",") {
        if (c == ',' || c == ';' || c == ' ') {
          if (!item.empty()) list.push_back(item);
          item.clear();
        } else {
          item += c;
        }
      }
      return list;
    }
    default:
      return json(text);
  }
}

std::string text_of(const json& value, Kind kind, Lang lang) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (kind == Kind::amount && lang == Lang::de) std::replace(text.begin(), text.end(), '.', ',');
    return text;
  }
  if (value.is_boolean()) return value.get<bool>() ? "on" : "";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) return io::short_decimal_text(value.get<double>(), 2, lang);
  if (value.is_array()) {
    std::string out;
    for (const json& item : value) {
      if (!out.empty()) out += ", ";
      out += item.is_string() ? item.get<std::string>() : item.dump();
    }
    return out;
  }
  return {};
}

void put(json& target, std::string_view key, json value) {
  target[pointer_of(key)] = std::move(value);
}

const json* find(const json& source, std::string_view key) {
  json::json_pointer pointer = pointer_of(key);
  if (!source.contains(pointer)) return nullptr;
  return &source.at(pointer);
}

// A row's field name "positions.3.pay.min" split into list, row and key.
struct RowName {
  std::string_view list;
  std::size_t row = 0;
  std::string_view key;
};

std::optional<RowName> row_name(std::string_view name) {
  auto dot = name.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto second = name.find('.', dot + 1);
  if (second == std::string_view::npos) return std::nullopt;
  RowName out{name.substr(0, dot), 0, name.substr(second + 1)};
  const char* begin = name.data() + dot + 1;
  const char* end = name.data() + second;
  auto [stop, ec] = std::from_chars(begin, end, out.row);
  if (ec != std::errc{} || stop != end) return std::nullopt;
  return out;
}

constexpr std::size_t k_max_rows = k_max_employer_form_rows;

}  // namespace

Checked<ProfileRules> load_profile_rules(const std::string& posting_data_dir) {
  ProfileRules out;
  CCTEAM_TRY(out.wages, io::load_minimum_wages(posting_data_dir));
  CCTEAM_TRY(out.laws, io::load_lint_rules(posting_data_dir));
  return out;
}

Result<std::vector<Employer>> list_employers(store::Repository& repository,
                                             const store::Uuid& organisation, std::size_t limit) {
  CCTEAM_TRY(auto stored, repository.employers(organisation, std::nullopt, limit));
  std::vector<Employer> out;
  out.reserve(stored.size());
  for (store::StoredEmployer& row : stored) out.push_back(read_stored(std::move(row)));
  return out;
}

Result<Employer> find_employer(store::Repository& repository, const store::Uuid& organisation,
                               const store::Uuid& id) {
  CCTEAM_TRY(auto stored, repository.employer(organisation, id));
  if (!stored) {
    return tl::unexpected(Error::not_found(msg(MsgId::employer_not_found, id.to_string())));
  }
  return read_stored(std::move(*stored));
}

std::vector<posting::ProfileIssue> profile_issues(const posting::EmployerProfile& profile,
                                                  const catalog::Catalog& catalog,
                                                  const ProfileRules& rules) {
  std::vector<posting::ProfileIssue> issues = posting::check_profile(profile, catalog, rules.wages);
  for (auto& issue : lint::check_profile_laws(profile, rules.laws)) {
    issues.push_back(std::move(issue));
  }
  return issues;
}

Checked<SavedEmployer> save_employer(store::Repository& repository, const store::Uuid& organisation,
                                     const catalog::Catalog& catalog, const ProfileRules& rules,
                                     const std::optional<store::Uuid>& id,
                                     const std::string& source_name, std::string yaml,
                                     std::int64_t expected_version, const store::Actor& actor) {
  CCTEAM_TRY(posting::EmployerProfile profile, io::read_employer_yaml(yaml, source_name));
  SavedEmployer out;
  Errors errors;
  for (posting::ProfileIssue& issue : profile_issues(profile, catalog, rules)) {
    if (issue.severity == posting::Severity::error) {
      errors.push_back(std::move(issue.error));
    } else {
      out.warnings.push_back(std::move(issue));
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  auto stored = id ? repository.put_employer(organisation, *id, profile.name, std::move(yaml),
                                             expected_version, actor)
                   : repository.add_employer(organisation, profile.name, std::move(yaml), actor);
  if (!stored) return tl::unexpected(Errors{std::move(stored).error()});
  out.employer.stored = std::move(*stored);
  out.employer.profile = std::move(profile);
  return out;
}

const std::vector<EmployerSection>& employer_form_sections() {
  static const std::vector<EmployerSection> k_sections = {
      {MsgId::web_employer_sec_org,
       {{"",
         MsgId::web_employer_row_place,
         {{"employer.name", Kind::text, MsgId::web_ef_name, std::nullopt},
          {"employer.website", Kind::url, MsgId::web_ef_website, std::nullopt},
          {"employer.logo_url", Kind::url, MsgId::web_ef_logo_url, std::nullopt},
          {"employer.privacy_url", Kind::url, MsgId::web_ef_privacy_url, std::nullopt},
          {"employer.headcount", Kind::integer, MsgId::web_ef_headcount, std::nullopt},
          {"employer.works_council", Kind::flag, MsgId::web_ef_works_council, std::nullopt},
          {"employer.collective_agreement.en", Kind::text, MsgId::web_ef_collective_agreement,
           Lang::en},
          {"employer.collective_agreement.de", Kind::text, MsgId::web_ef_collective_agreement,
           Lang::de}}}}},
      {MsgId::web_employer_sec_places,
       {{"locations",
         MsgId::web_employer_row_place,
         {{"street", Kind::text, MsgId::web_ef_street, std::nullopt},
          {"postal_code", Kind::text, MsgId::web_ef_postal_code, std::nullopt},
          {"city", Kind::text, MsgId::web_ef_city, std::nullopt},
          {"region", Kind::text, MsgId::web_ef_region, std::nullopt},
          {"country", Kind::text, MsgId::web_ef_country, std::nullopt}}},
        {"",
         MsgId::web_employer_row_place,
         {{"remote.policy", Kind::choice, MsgId::web_ef_remote_policy, std::nullopt},
          {"remote.allowed", Kind::places, MsgId::web_ef_remote_allowed, std::nullopt}}}}},
      {MsgId::web_employer_sec_employment,
       {{"",
         MsgId::web_employer_row_place,
         {{"employment.type", Kind::choice, MsgId::web_ef_employment_type, std::nullopt},
          {"employment.contract", Kind::choice, MsgId::web_ef_contract, std::nullopt},
          {"employment.fixed_term_months", Kind::integer, MsgId::web_ef_fixed_term_months,
           std::nullopt},
          {"employment.weekly_hours", Kind::number, MsgId::web_ef_weekly_hours, std::nullopt},
          {"employment.shift_pattern.en", Kind::text, MsgId::web_ef_shift_pattern, Lang::en},
          {"employment.shift_pattern.de", Kind::text, MsgId::web_ef_shift_pattern, Lang::de},
          {"address_form", Kind::choice, MsgId::web_ef_address_form, std::nullopt}}}}},
      {MsgId::web_employer_sec_benefits,
       {{"benefits",
         MsgId::web_employer_row_benefit,
         {{"en", Kind::text, MsgId::web_ef_benefit, Lang::en},
          {"de", Kind::text, MsgId::web_ef_benefit, Lang::de}}}}},
      {MsgId::web_employer_sec_positions,
       {{"positions",
         MsgId::web_employer_row_position,
         {{"role", Kind::role, MsgId::web_ef_role, std::nullopt},
          {"openings", Kind::integer, MsgId::web_ef_openings, std::nullopt},
          {"title.en", Kind::text, MsgId::web_ef_title, Lang::en},
          {"title.de", Kind::text, MsgId::web_ef_title, Lang::de},
          {"pay.currency", Kind::text, MsgId::web_ef_pay_currency, std::nullopt},
          {"pay.period", Kind::choice, MsgId::web_ef_pay_period, std::nullopt},
          {"pay.min", Kind::amount, MsgId::web_ef_pay_min, std::nullopt},
          {"pay.max", Kind::amount, MsgId::web_ef_pay_max, std::nullopt},
          {"pay.open_ended", Kind::flag, MsgId::web_pay_bands_col_open_ended, std::nullopt},
          {"pay.gross", Kind::flag, MsgId::web_ef_pay_gross, std::nullopt},
          {"adopt_market_reference", Kind::flag, MsgId::web_ef_adopt_market_reference,
           std::nullopt}}}}},
      {MsgId::web_employer_sec_apply,
       {{"",
         MsgId::web_employer_row_place,
         {{"apply.url", Kind::url, MsgId::web_ef_apply_url, std::nullopt},
          {"apply.email", Kind::email, MsgId::web_ef_apply_email, std::nullopt},
          {"contact.name", Kind::text, MsgId::web_ef_contact_name, std::nullopt},
          {"contact.email", Kind::email, MsgId::web_ef_contact_email, std::nullopt},
          {"contact.phone", Kind::text, MsgId::web_ef_contact_phone, std::nullopt}}}}},
      {MsgId::web_employer_sec_posting,
       {{"",
         MsgId::web_employer_row_place,
         {{"posting_date", Kind::date, MsgId::web_ef_posting_date, std::nullopt},
          {"valid_through", Kind::date, MsgId::web_ef_valid_through, std::nullopt},
          {"equal_opportunity.en", Kind::long_text, MsgId::web_ef_equal_opportunity, Lang::en},
          {"equal_opportunity.de", Kind::long_text, MsgId::web_ef_equal_opportunity, Lang::de}}}}},
      {MsgId::web_employer_sec_privacy,
       {{"",
         MsgId::web_employer_row_place,
         {{"privacy_notice.version", Kind::text, MsgId::web_ef_privacy_version, std::nullopt},
          {"privacy_notice.en", Kind::long_text, MsgId::web_ef_privacy_text, Lang::en},
          {"privacy_notice.de", Kind::long_text, MsgId::web_ef_privacy_text, Lang::de}}}}},
      {MsgId::web_employer_sec_mail,
       {{"",
         MsgId::web_employer_row_place,
         {{"acknowledgement.subject.en", Kind::text, MsgId::web_ef_ack_subject, Lang::en},
          {"acknowledgement.subject.de", Kind::text, MsgId::web_ef_ack_subject, Lang::de},
          {"acknowledgement.body.en", Kind::long_text, MsgId::web_ef_ack_body, Lang::en},
          {"acknowledgement.body.de", Kind::long_text, MsgId::web_ef_ack_body, Lang::de}}}}},
  };
  return k_sections;
}

std::vector<std::pair<std::string, MsgId>> employer_field_choices(std::string_view key) {
  std::vector<std::pair<std::string, MsgId>> out;
  if (key == "remote.policy") {
    out = {{"on_site", MsgId::web_ef_on_site},
           {"hybrid", MsgId::web_ef_hybrid},
           {"remote", MsgId::web_ef_remote}};
  } else if (key == "employment.type") {
    out = {{"full_time", MsgId::posting_type_full_time},
           {"part_time", MsgId::posting_type_part_time},
           {"temporary", MsgId::posting_type_temporary},
           {"contractor", MsgId::posting_type_contractor},
           {"intern", MsgId::posting_type_intern},
           {"apprenticeship", MsgId::posting_type_apprenticeship}};
  } else if (key == "employment.contract") {
    out = {{"permanent", MsgId::web_ef_permanent}, {"fixed_term", MsgId::web_ef_fixed_term}};
  } else if (key == "address_form") {
    out = {{"sie", MsgId::web_ef_sie}, {"du", MsgId::web_ef_du}};
  } else if (key == "pay.period") {
    out = {{"hour", MsgId::web_pay_bands_period_hour},
           {"month", MsgId::web_pay_bands_period_month},
           {"year", MsgId::web_pay_bands_period_year}};
  }
  return out;
}

EmployerFormInput employer_from_form(const std::vector<std::pair<std::string, std::string>>& fields,
                                     Lang lang) {
  std::map<std::string, std::string, std::less<>> typed;
  for (const auto& [name, value] : fields) typed[name] = value;
  auto value_of = [&typed](const std::string& name) -> const std::string* {
    auto it = typed.find(name);
    return it == typed.end() ? nullptr : &it->second;
  };

  EmployerFormInput out;
  for (const EmployerSection& section : employer_form_sections()) {
    for (const EmployerFieldGroup& group : section.groups) {
      if (group.list.empty()) {
        for (const EmployerField& field : group.fields) {
          const std::string* text = value_of(std::string(field.key));
          if (text == nullptr) continue;
          if (auto value = typed_value(field, *text, lang)) put(out.profile, field.key, *value);
        }
        continue;
      }
      // The rows the form sent for this list, in order.
      std::vector<std::size_t> rows;
      bool too_many = false;
      for (const auto& [name, value] : typed) {
        auto parsed = row_name(name);
        if (!parsed || parsed->list != group.list) continue;
        if (parsed->row < k_max_rows) {
          rows.push_back(parsed->row);
        } else if (!trimmed(value).empty()) {
          too_many = true;
        }
      }
      if (too_many) {
        Error e = Error::invalid_input(
            msg(MsgId::employer_form_rows, std::string(group.list), k_max_rows));
        e.where.json_pointer = "/" + std::string(group.list);
        out.errors.push_back(std::move(e));
      }
      std::sort(rows.begin(), rows.end());
      rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
      json list = json::array();
      std::vector<std::size_t>& kept = out.rows[std::string(group.list)];
      for (std::size_t row : rows) {
        json item = json::object();
        bool blank = true;
        for (const EmployerField& field : group.fields) {
          const std::string* text = value_of(fmt::format("{}.{}.{}", group.list, row, field.key));
          if (text == nullptr) continue;
          auto value = typed_value(field, *text, lang);
          if (!value) continue;
          if (field.kind != Kind::flag && field.kind != Kind::choice) blank = false;
          put(item, field.key, *value);
        }
        if (blank) continue;
        if (item.contains("pay")) {
          json& pay = item["pay"];
          if (!pay.contains("currency") && !pay.contains("min") && !pay.contains("max")) {
            item.erase("pay");  // only the defaults of the period and the gross box: no pay
          } else if (!pay.contains("gross")) {
            pay["gross"] = false;  // gross is the format's default: a cleared box says net
          }
        }
        list.push_back(std::move(item));
        kept.push_back(row);
      }
      if (!list.empty() || group.list != "benefits") out.profile[std::string(group.list)] = list;
    }
  }
  return out;
}

EmployerFormInput employer_form_identity(const std::map<std::string, std::string>& values) {
  EmployerFormInput out;
  for (std::string_view list : {"locations", "benefits", "positions"}) {
    std::vector<std::size_t>& rows = out.rows[std::string(list)];
    std::size_t count = 0;
    for (const auto& [name, value] : values) {
      auto parsed = row_name(name);
      if (parsed && parsed->list == list && parsed->row < k_max_rows) {
        count = std::max(count, parsed->row + 1);
      }
    }
    for (std::size_t row = 0; row < count; ++row) rows.push_back(row);
  }
  return out;
}

const EmployerField* employer_form_field_spec(std::string_view name) {
  auto parsed = row_name(name);
  for (const EmployerSection& section : employer_form_sections()) {
    for (const EmployerFieldGroup& group : section.groups) {
      for (const EmployerField& field : group.fields) {
        if (group.list.empty() ? field.key == name
                               : parsed && parsed->list == group.list && parsed->key == field.key) {
          return &field;
        }
      }
    }
  }
  return nullptr;
}

std::string canonical_employer_yaml(std::string yaml) {
  auto profile = io::read_employer_yaml(yaml, "profile");
  if (!profile) return yaml;
  return io::json_to_yaml(io::employer_to_json(*profile));
}

std::string employer_form_field(std::string_view pointer, const EmployerFormInput& input) {
  if (!pointer.starts_with("/")) return {};
  std::vector<std::string> segments;
  for (std::string_view rest = pointer.substr(1);;) {
    auto slash = rest.find('/');
    segments.emplace_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  // In a list: the form row the JSON index came from.
  std::string_view list;
  std::size_t row = 0;
  std::size_t first_key = 0;
  if (segments.size() >= 2) {
    if (auto rows = input.rows.find(segments[0]); rows != input.rows.end()) {
      std::size_t index = 0;
      auto [stop, ec] =
          std::from_chars(segments[1].data(), segments[1].data() + segments[1].size(), index);
      if (ec != std::errc{} || stop != segments[1].data() + segments[1].size() ||
          index >= rows->second.size()) {
        return {};
      }
      list = rows->first;
      row = rows->second[index];
      first_key = 2;
    }
  }
  std::string key;
  for (std::size_t i = first_key; i < segments.size(); ++i) {
    if (!key.empty()) key += '.';
    key += segments[i];
  }
  auto name = [&](std::string_view field) {
    return list.empty() ? std::string(field) : fmt::format("{}.{}.{}", list, row, field);
  };
  // The field itself, else the field an error about a whole map is shown at: a range without
  // max at "pay.max", a text without its German half at ".de", a map at its first field.
  const EmployerField* fallback = nullptr;
  for (const EmployerSection& section : employer_form_sections()) {
    for (const EmployerFieldGroup& group : section.groups) {
      if (group.list != list) continue;
      for (const EmployerField& field : group.fields) {
        if (field.key == key) return name(field.key);
        bool inside = key.empty() || (field.key.starts_with(key) && field.key.size() > key.size() &&
                                      field.key[key.size()] == '.');
        if (!inside) continue;
        if (fallback == nullptr || (key == "pay" && field.key == "pay.max")) fallback = &field;
      }
    }
  }
  return fallback != nullptr ? name(fallback->key) : std::string();
}

std::map<std::string, std::string> employer_form_values(const posting::EmployerProfile& profile,
                                                        Lang lang) {
  json shape = io::employer_to_json(profile);
  std::map<std::string, std::string> out;
  for (const EmployerSection& section : employer_form_sections()) {
    for (const EmployerFieldGroup& group : section.groups) {
      if (group.list.empty()) {
        for (const EmployerField& field : group.fields) {
          if (const json* value = find(shape, field.key)) {
            out[std::string(field.key)] = text_of(*value, field.kind, lang);
          }
        }
        continue;
      }
      const json* list = find(shape, group.list);
      if (list == nullptr || !list->is_array()) continue;
      for (std::size_t row = 0; row < list->size(); ++row) {
        for (const EmployerField& field : group.fields) {
          if (const json* value = find((*list)[row], field.key)) {
            out[fmt::format("{}.{}.{}", group.list, row, field.key)] =
                text_of(*value, field.kind, lang);
          }
        }
      }
    }
  }
  return out;
}

std::size_t employer_form_rows(const std::map<std::string, std::string>& values,
                               std::string_view list) {
  // The kind of each field of the list's rows.
  std::map<std::string_view, Kind, std::less<>> kinds;
  for (const EmployerSection& section : employer_form_sections()) {
    for (const EmployerFieldGroup& group : section.groups) {
      if (group.list != list) continue;
      for (const EmployerField& field : group.fields) kinds.emplace(field.key, field.kind);
    }
  }
  std::size_t rows = 0;
  for (const auto& [name, value] : values) {
    auto parsed = row_name(name);
    if (!parsed || parsed->list != list || parsed->row >= k_max_rows || trimmed(value).empty()) {
      continue;
    }
    auto kind = kinds.find(parsed->key);
    if (kind == kinds.end() || kind->second == Kind::flag || kind->second == Kind::choice) {
      continue;
    }
    rows = std::max(rows, parsed->row + 1);
  }
  return rows;
}

}  // namespace ccteam::app
