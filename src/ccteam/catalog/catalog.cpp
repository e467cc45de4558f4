#include "ccteam/catalog/catalog.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "ccteam/core/nearest_word.hpp"

namespace ccteam::catalog {

const Role* Catalog::find(const RoleId& id) const {
  for (const Role& role : roles) {
    if (role.id == id) return &role;
  }
  return nullptr;
}

std::vector<const Role*> Catalog::by_rank() const {
  std::vector<const Role*> out;
  out.reserve(roles.size());
  for (const Role& role : roles) out.push_back(&role);
  std::stable_sort(out.begin(), out.end(), [](const Role* a, const Role* b) {
    return a->rank != b->rank ? a->rank < b->rank : a->id < b->id;
  });
  return out;
}

std::vector<const PayBand*> Catalog::bands_for(const RoleId& id) const {
  std::vector<const PayBand*> out;
  for (const PayBand& band : pay_bands) {
    if (band.role.id == id) out.push_back(&band);
  }
  return out;
}

namespace {

Error invalid(Message message, SourcePos where, std::optional<Message> hint = std::nullopt) {
  return Error{ErrorKind::invalid_input, std::move(message), std::move(where), std::move(hint)};
}

std::string known_ids(const Catalog& catalog) {
  std::string out;
  std::set<RoleId> listed;
  for (const Role* role : catalog.by_rank()) {
    if (!listed.insert(role->id).second) continue;
    if (!out.empty()) out += ", ";
    out += role->id.str();
  }
  return out;
}

void check_ref(const Catalog& catalog, const RoleRef& ref, std::string_view field, Errors& out) {
  if (catalog.find(ref.id) != nullptr) return;
  // The nearest id by edit distance, as a likely typo ("team-led").
  std::vector<std::string_view> ids;
  ids.reserve(catalog.roles.size());
  for (const Role& role : catalog.roles) ids.push_back(role.id.str());
  std::string nearest = nearest_word(ref.id.str(), ids).value_or("");
  out.push_back(invalid(msg(MsgId::catalog_unknown_role, ref.id.str(), field), ref.pos,
                        nearest.empty()
                            ? msg(MsgId::hint_known_roles, known_ids(catalog))
                            : msg(MsgId::hint_did_you_mean_of, nearest, known_ids(catalog))));
}

// Follows one edge kind from every role and reports each cycle once, naming its path.
template <class Edges>
void check_cycles(const Catalog& catalog, std::string_view field, Edges edges, Errors& out) {
  enum class Mark { none, active, done };
  std::map<RoleId, Mark> mark;
  std::vector<const Role*> path;
  auto visit = [&](auto& self, const Role& role) -> void {
    mark[role.id] = Mark::active;
    path.push_back(&role);
    for (const RoleRef* ref : edges(role)) {
      const Role* next = catalog.find(ref->id);
      if (next == nullptr) continue;  // reported as a dangling reference
      if (mark[next->id] == Mark::active) {
        std::string cycle;
        auto start = std::find(path.begin(), path.end(), next);
        for (auto it = start; it != path.end(); ++it) cycle += (*it)->id.str() + " -> ";
        cycle += next->id.str();
        out.push_back(invalid(msg(MsgId::catalog_cycle, field, cycle), ref->pos,
                              msg(MsgId::hint_cycle, field)));
      } else if (mark[next->id] == Mark::none) {
        self(self, *next);
      }
    }
    path.pop_back();
    mark[role.id] = Mark::done;
  };
  for (const Role& role : catalog.roles) {
    if (mark[role.id] == Mark::none) visit(visit, role);
  }
}

std::vector<const RoleRef*> optional_edge(const std::optional<RoleRef>& ref) {
  if (!ref) return {};
  return {&*ref};
}

template <class Items>
void check_unique_items(const Role& role, const Items& items, std::string_view list, Errors& out) {
  std::set<std::string> seen;
  for (const auto& item : items) {
    if (!seen.insert(item.id).second) {
      out.push_back(invalid(msg(MsgId::catalog_duplicate_item, item.id, list, role.id.str()),
                            item.pos, msg(MsgId::hint_unique_ids)));
    }
  }
}

}  // namespace

std::optional<Error> check_pay_range(const PayRange& range) {
  if (!range.max) return std::nullopt;
  if (!(range.min.currency == range.max->currency)) {
    return invalid(
        msg(MsgId::catalog_pay_currency_mix, range.min.currency.code(), range.max->currency.code()),
        range.pos);
  }
  if (range.min.minor > range.max->minor) {
    return invalid(msg(MsgId::catalog_pay_min_gt_max, to_major(range.min), to_major(*range.max)),
                   range.pos, msg(MsgId::hint_pay_min_max));
  }
  return std::nullopt;
}

Errors validate_catalog(const Catalog& catalog) {
  Errors out;
  std::map<RoleId, const Role*> first;
  for (const Role& role : catalog.roles) {
    auto [it, inserted] = first.emplace(role.id, &role);
    if (!inserted) {
      out.push_back(invalid(msg(MsgId::catalog_duplicate_role, role.id.str(),
                                to_string(SourcePos{it->second->pos.file, it->second->pos.line,
                                                    it->second->pos.column, ""})),
                            role.pos, msg(MsgId::hint_unique_ids)));
    }
  }
  for (const Role& role : catalog.roles) {
    if (role.reports_to) check_ref(catalog, *role.reports_to, "reports_to", out);
    if (role.escalates_to) check_ref(catalog, *role.escalates_to, "escalates_to", out);
    for (const RoleRef& next : role.next_roles) check_ref(catalog, next, "next_roles", out);
    if (role.market_reference) {
      if (auto error = check_pay_range(role.market_reference->range)) out.push_back(*error);
    }
    check_unique_items(role, role.responsibilities, "responsibilities", out);
    check_unique_items(role, role.skills, "skills", out);
    check_unique_items(role, role.credentials, "credentials", out);
    check_unique_items(role, role.substitutions, "substitutions", out);
    check_unique_items(role, role.kpis, "kpis", out);
  }
  for (std::size_t i = 0; i < catalog.pay_bands.size(); ++i) {
    const PayBand& band = catalog.pay_bands[i];
    check_ref(catalog, band.role, "pay_bands.role", out);
    if (auto error = check_pay_range(band.range)) out.push_back(*error);
    for (std::size_t j = 0; j < i; ++j) {
      const PayBand& other = catalog.pay_bands[j];
      if (other.role.id == band.role.id && other.country == band.country &&
          other.range.period == band.range.period) {
        out.push_back(invalid(msg(MsgId::catalog_duplicate_band, band.role.id.str(), band.country,
                                  to_string(band.range.period), to_string(other.range.pos)),
                              band.range.pos, msg(MsgId::hint_duplicate_band)));
      }
    }
  }
  check_cycles(
      catalog, "next_roles",
      [](const Role& r) {
        std::vector<const RoleRef*> refs;
        for (const RoleRef& next : r.next_roles) refs.push_back(&next);
        return refs;
      },
      out);
  check_cycles(
      catalog, "reports_to", [](const Role& r) { return optional_edge(r.reports_to); }, out);
  check_cycles(
      catalog, "escalates_to", [](const Role& r) { return optional_edge(r.escalates_to); }, out);
  return out;
}

namespace {

LadderNode ladder_from(const Catalog& catalog, const Role& role, std::size_t depth) {
  LadderNode node{&role, {}};
  if (depth > catalog.roles.size()) return node;  // guard: cycles are rejected by validation
  for (const RoleRef& ref : role.next_roles) {
    if (const Role* next = catalog.find(ref.id)) {
      node.next.push_back(ladder_from(catalog, *next, depth + 1));
    }
  }
  return node;
}

}  // namespace

std::vector<LadderNode> build_ladder(const Catalog& catalog) {
  std::set<RoleId> named;
  for (const Role& role : catalog.roles) {
    for (const RoleRef& ref : role.next_roles) named.insert(ref.id);
  }
  std::vector<LadderNode> roots;
  for (const Role* role : catalog.by_rank()) {
    if (!named.contains(role->id)) roots.push_back(ladder_from(catalog, *role, 0));
  }
  return roots;
}

}  // namespace ccteam::catalog
