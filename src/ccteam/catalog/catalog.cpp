#include "ccteam/catalog/catalog.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ccteam/core/nearest_word.hpp"

namespace ccteam::catalog {

const Role* Catalog::find(const RoleId& id) const {
  for (const Role& role : roles) {
    if (role.id == id) return &role;
  }
  return nullptr;
}

std::string Catalog::quoted_ids() const {
  std::string out;
  std::set<RoleId> listed;
  for (const Role* role : by_rank()) {
    if (!listed.insert(role->id).second) continue;
    if (!out.empty()) out += ", ";
    out += "'" + role->id.str() + "'";
  }
  return out;
}

std::string Catalog::title_of(const RoleId& id, Lang lang) const {
  const Role* role = find(id);
  return role != nullptr ? role->title.get(lang) : id.str();
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

// The role ids of a catalog, for references: looked up in constant time, and listed once
// for hints.
class RoleIndex {
 public:
  explicit RoleIndex(const Catalog& catalog) : m_catalog(catalog) {
    m_ids.reserve(catalog.roles.size());
    for (const Role& role : catalog.roles) {
      m_ids.push_back(role.id.str());
      m_known.insert(role.id.str());
    }
  }
  bool contains(const RoleId& id) const { return m_known.contains(id.str()); }
  const std::vector<std::string_view>& ids() const { return m_ids; }
  const std::string& listed() {
    if (m_listed.empty()) m_listed = m_catalog.quoted_ids();
    return m_listed;
  }

 private:
  const Catalog& m_catalog;
  std::vector<std::string_view> m_ids;
  std::unordered_set<std::string_view> m_known;
  std::string m_listed;  // Catalog::quoted_ids(), made on first use
};

void check_ref(RoleIndex& index, const RoleRef& ref, std::string_view field, ErrorList& out) {
  if (index.contains(ref.id)) return;
  if (out.full()) return out.count_left_out();
  // The nearest id by edit distance, as a likely typo ("team-led").
  std::string nearest = nearest_word(ref.id.str(), index.ids()).value_or("");
  out.add(invalid(msg(MsgId::catalog_unknown_role, ref.id.str(), field), ref.pos,
                  nearest.empty() ? msg(MsgId::hint_known_roles, index.listed())
                                  : msg(MsgId::hint_did_you_mean_of, nearest, index.listed())));
}

// Follows one edge kind from every role and reports each cycle once, naming its path.
using RolesById = std::unordered_map<std::string_view, const Role*>;

template <class Edges>
void check_cycles(const Catalog& catalog, const RolesById& by_id, std::string_view field,
                  Edges edges, ErrorList& out) {
  enum class Mark { none, active, done };
  std::map<RoleId, Mark> mark;
  std::vector<const Role*> path;
  auto visit = [&](auto& self, const Role& role) -> void {
    mark[role.id] = Mark::active;
    path.push_back(&role);
    for (const RoleRef* ref : edges(role)) {
      auto found = by_id.find(ref->id.str());
      if (found == by_id.end()) continue;  // reported as a dangling reference
      const Role* next = found->second;
      if (mark[next->id] == Mark::active) {
        std::string cycle;
        auto start = std::find(path.begin(), path.end(), next);
        for (auto it = start; it != path.end(); ++it) cycle += (*it)->id.str() + " -> ";
        cycle += next->id.str();
        out.add(invalid(msg(MsgId::catalog_cycle, field, cycle), ref->pos,
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
void check_unique_items(const Role& role, const Items& items, std::string_view list,
                        ErrorList& out) {
  std::unordered_set<std::string_view> seen;
  for (const auto& item : items) {
    if (!seen.insert(item.id).second) {
      out.add(invalid(msg(MsgId::catalog_duplicate_item, item.id, list, role.id.str()), item.pos,
                      msg(MsgId::hint_unique_ids)));
    }
  }
}

// A pay band's key: two bands for one role, country and period contradict each other.
struct BandKey {
  std::string_view role;
  std::string_view country;
  PayPeriod period;
  bool operator==(const BandKey&) const = default;
};

struct BandKeyHash {
  std::size_t operator()(const BandKey& k) const {
    std::hash<std::string_view> h;
    return h(k.role) ^ (h(k.country) * 31) ^ (static_cast<std::size_t>(k.period) * 1000003);
  }
};

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
  ErrorList out;
  RolesById first;
  for (const Role& role : catalog.roles) {
    auto [it, inserted] = first.emplace(role.id.str(), &role);
    if (!inserted) {
      out.add(invalid(msg(MsgId::catalog_duplicate_role, role.id.str(),
                          to_string(SourcePos{it->second->pos.file, it->second->pos.line,
                                              it->second->pos.column, ""})),
                      role.pos, msg(MsgId::hint_unique_ids)));
    }
  }
  RoleIndex index(catalog);
  for (const Role& role : catalog.roles) {
    if (role.reports_to) check_ref(index, *role.reports_to, "reports_to", out);
    if (role.escalates_to) check_ref(index, *role.escalates_to, "escalates_to", out);
    for (const RoleRef& next : role.next_roles) check_ref(index, next, "next_roles", out);
    if (role.market_reference) {
      if (auto error = check_pay_range(role.market_reference->range)) out.add(*error);
    }
    check_unique_items(role, role.responsibilities, "responsibilities", out);
    check_unique_items(role, role.skills, "skills", out);
    check_unique_items(role, role.credentials, "credentials", out);
    check_unique_items(role, role.substitutions, "substitutions", out);
    check_unique_items(role, role.kpis, "kpis", out);
  }
  std::unordered_map<BandKey, const PayBand*, BandKeyHash> bands;
  for (const PayBand& band : catalog.pay_bands) {
    check_ref(index, band.role, "pay_bands.role", out);
    if (auto error = check_pay_range(band.range)) out.add(*error);
    auto [it, inserted] =
        bands.emplace(BandKey{band.role.id.str(), band.country, band.range.period}, &band);
    if (!inserted) {
      out.add(invalid(msg(MsgId::catalog_duplicate_band, band.role.id.str(), band.country,
                          to_string(band.range.period), to_string(it->second->range.pos)),
                      band.range.pos, msg(MsgId::hint_duplicate_band)));
    }
  }
  check_cycles(
      catalog, first, "next_roles",
      [](const Role& r) {
        std::vector<const RoleRef*> refs;
        for (const RoleRef& next : r.next_roles) refs.push_back(&next);
        return refs;
      },
      out);
  check_cycles(
      catalog, first, "reports_to", [](const Role& r) { return optional_edge(r.reports_to); }, out);
  check_cycles(
      catalog, first, "escalates_to", [](const Role& r) { return optional_edge(r.escalates_to); },
      out);
  return out.take();
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
