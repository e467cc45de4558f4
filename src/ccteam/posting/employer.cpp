#include "ccteam/posting/employer.hpp"

#include <algorithm>
#include <array>

#include "ccteam/core/enum_names.hpp"
#include "ccteam/posting/severity.hpp"

namespace ccteam::posting {

namespace {

constexpr std::array<std::string_view, 3> k_remote = {"on_site", "hybrid", "remote"};
constexpr std::array<std::string_view, 6> k_employment = {
    "full_time", "part_time", "temporary", "contractor", "intern", "apprenticeship"};
constexpr std::array<std::string_view, 2> k_contract = {"permanent", "fixed_term"};
constexpr std::array<std::string_view, 2> k_address = {"sie", "du"};
constexpr std::array<std::string_view, 3> k_severity = {"info", "warning", "error"};

}  // namespace

std::string_view to_string(RemotePolicy value) { return enum_name(k_remote, value); }
std::string_view to_string(EmploymentType value) { return enum_name(k_employment, value); }
std::string_view to_string(Contract value) { return enum_name(k_contract, value); }
std::string_view to_string(AddressForm value) { return enum_name(k_address, value); }
std::string_view to_string(Severity value) { return enum_name(k_severity, value); }

MsgId severity_word(Severity severity) {
  switch (severity) {
    case Severity::error:
      return MsgId::label_error;
    case Severity::warning:
      return MsgId::label_warning;
    case Severity::info:
      return MsgId::label_info;
  }
  return MsgId::label_info;
}

std::optional<RemotePolicy> parse_remote_policy(std::string_view text) {
  return enum_from_name<RemotePolicy>(k_remote, text);
}
std::optional<EmploymentType> parse_employment_type(std::string_view text) {
  return enum_from_name<EmploymentType>(k_employment, text);
}
std::optional<Contract> parse_contract(std::string_view text) {
  return enum_from_name<Contract>(k_contract, text);
}
std::optional<AddressForm> parse_address_form(std::string_view text) {
  return enum_from_name<AddressForm>(k_address, text);
}
std::optional<Severity> parse_severity(std::string_view text) {
  return enum_from_name<Severity>(k_severity, text);
}

std::span<const std::string_view> all_remote_policies() { return k_remote; }
std::span<const std::string_view> all_employment_types() { return k_employment; }
std::span<const std::string_view> all_contracts() { return k_contract; }
std::span<const std::string_view> all_address_forms() { return k_address; }

const Position* EmployerProfile::find(const RoleId& role) const {
  for (const Position& p : positions) {
    if (p.role == role) return &p;
  }
  return nullptr;
}

std::vector<Place> EmployerProfile::places() const {
  std::vector<Place> out;
  auto add = [&out](Place place) {
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const Place& p) { return p.code() == place.code(); });
    if (!seen) out.push_back(std::move(place));
  };
  if (remote != RemotePolicy::remote) {
    for (const Location& l : locations) add(Place{l.country, l.region, l.pos});
  }
  if (remote != RemotePolicy::on_site) {
    for (const Place& p : remote_allowed) add(p);
  }
  return out;
}

}  // namespace ccteam::posting
