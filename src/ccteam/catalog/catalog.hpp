#pragma once
// A whole role catalog: the roles of an organisation's career ladder and its own pay bands,
// and the checks that only make sense across the whole of it.

#include <optional>
#include <string>
#include <vector>

#include "ccteam/catalog/role.hpp"
#include "ccteam/core/error.hpp"

namespace ccteam::catalog {

struct Catalog {
  std::string name;     // from the files' `catalog.name`; may be empty
  std::string version;  // from `catalog.version`; may be empty
  std::vector<Role> roles;
  std::vector<PayBand> pay_bands;
  std::vector<std::string> source_files;  // the files it was read from, in reading order

  // The role with 'id', or nullptr.
  const Role* find(const RoleId& id) const;
  // The title of the role with 'id' in 'lang' (Role::title: the neutral title, not a
  // posting's); the id itself when this catalog has no such role (a plan or scenario read
  // against another catalog).
  std::string title_of(const RoleId& id, Lang lang) const;
  // The role ids in ladder order, each quoted as one types it, for hints:
  // "'agent', 'team-lead', 'manager'".
  std::string quoted_ids() const;
  // Roles in ladder order: by rank, then by id.
  std::vector<const Role*> by_rank() const;
  // The organisation's pay bands for 'id', in the order they were given.
  std::vector<const PayBand*> bands_for(const RoleId& id) const;
};

// Checks what no single role can check about itself and returns every problem found:
// duplicate role ids (MsgId::catalog_duplicate_role), references to unknown roles
// (catalog_unknown_role), cycles in next_roles, reports_to or escalates_to (catalog_cycle),
// pay ranges whose min exceeds max or that mix currencies (catalog_pay_min_gt_max,
// catalog_pay_currency_mix), and duplicate ids inside one role's lists (catalog_duplicate_item).
// Each Error carries the source position of the offending value. Empty when the catalog is sound.
// Linear in the size of the catalog (ids are hashed); at most k_max_errors errors, then "... and
// N more" (ErrorList).
Errors validate_catalog(const Catalog& catalog);

// Checks one pay range on its own (min <= max, one currency); used by validate_catalog and by
// readers of other files that hold pay ranges (employer profiles).
std::optional<Error> check_pay_range(const PayRange& range);

// The career ladder as a forest: each root is a role no other role names in next_roles; a
// node's children are its next_roles in the order given. A role reachable on two paths appears
// under each. Requires a catalog without cycles (validate_catalog first).
struct LadderNode {
  const Role* role = nullptr;
  std::vector<LadderNode> next;
};
std::vector<LadderNode> build_ladder(const Catalog& catalog);

}  // namespace ccteam::catalog
