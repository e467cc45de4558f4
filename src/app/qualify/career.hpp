#pragma once
// Career path: one person's readiness for the next roles on the ladder, each gap, when the
// experience rules will be met and what to work on (`ccteam career`; later the server's
// career page).

#include <optional>
#include <string>

#include "app/environment.hpp"
#include "app/outcome.hpp"
#include "app/qualify/people.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/qualify/career.hpp"

namespace ccteam::app {

// Whose path, from where. The defaults here are the defaults of every client.
struct CareerRequest {
  PeopleSource person;        // one input holding exactly one person (read_people's kinds)
  std::string from;           // role id the path starts at; empty: the ladder's entry role
  std::string to;             // only the path to this role id; empty: every next role
  std::optional<Date> as_of;  // experience is counted up to this day; empty: env.today
  std::string country = "*";  // ISO 3166-1 alpha-2 of the job, or "*" for none
};

struct Career {
  qualify::Person person;
  Date as_of;
  qualify::CareerPath path;  // roles owned by the catalog
};

// The career path of the one person of 'request' in 'catalog' (which must outlive the result).
// Errors, in this order: Error::usage for a bad country (check_country); every reading problem
// of the input (rejected documents, an input that cannot be read), followed by
// Error::invalid_input MsgId::career_person_count when the input was read but does not hold
// exactly one person; Error::not_found for an unknown --from or --to role (find_role);
// Error::usage MsgId::career_to_not_above when 'to' does not rank above 'from'.
Checked<Career> career(const CareerRequest& request, const catalog::Catalog& catalog,
                       const Environment& env);

}  // namespace ccteam::app
