#include "app/qualify/career.hpp"

#include <vector>

#include "app/catalog/roles.hpp"

namespace ccteam::app {

namespace {

// The role 'id', or 'fallback' when 'id' is empty.
Checked<const catalog::Role*> role_or(const catalog::Catalog& catalog, const std::string& id,
                                      const catalog::Role* fallback) {
  if (id.empty()) return fallback;
  auto role = find_role(catalog, id);
  if (!role) return tl::unexpected(Errors{std::move(role.error())});
  return *role;
}

}  // namespace

Checked<Career> career(const CareerRequest& request, const catalog::Catalog& catalog,
                       const Environment& env) {
  if (auto country = check_country(request.country); !country) {
    return tl::unexpected(Errors{std::move(country.error())});
  }
  std::vector<qualify::Person> people;
  PeopleRead read =
      read_people(request.person, [&](qualify::Person&& p) { people.push_back(std::move(p)); });
  if (read.unusable || read.rejected > 0) return tl::unexpected(std::move(read.problems));
  if (people.size() != 1) {
    std::string name = request.person.files.empty() ? std::string() : request.person.files[0];
    return tl::unexpected(
        Errors{Error::invalid_input(msg(MsgId::career_person_count, name, people.size()))});
  }
  CCTEAM_TRY(const catalog::Role* from,
             role_or(catalog, request.from, qualify::entry_role(catalog)));
  if (from == nullptr) {
    return tl::unexpected(Errors{Error::not_found(msg(MsgId::role_not_found, std::string()))});
  }
  CCTEAM_TRY(const catalog::Role* to, role_or(catalog, request.to, nullptr));
  if (to != nullptr && to->rank <= from->rank) {
    return tl::unexpected(
        Errors{Error::usage(msg(MsgId::career_to_not_above, to->id.str(), from->id.str()),
                            msg(MsgId::hint_career_from))});
  }
  Career out;
  out.as_of = request.as_of.value_or(env.today);
  qualify::Evaluator evaluator(catalog);
  qualify::EvaluationOptions options{out.as_of, request.country};
  out.path = qualify::career_path(evaluator, people[0], *from, catalog, options, to);
  out.person = std::move(people[0]);
  return out;
}

}  // namespace ccteam::app
