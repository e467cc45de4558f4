#pragma once
// Strongly typed identifiers: a RoleId cannot be passed where another kind of id is expected.

#include <compare>
#include <functional>
#include <string>
#include <string_view>

namespace ccteam {

template <class Tag>
class Id {
 public:
  Id() = default;
  explicit Id(std::string value) : m_value(std::move(value)) {}

  const std::string& str() const { return m_value; }
  bool empty() const { return m_value.empty(); }

  auto operator<=>(const Id&) const = default;
  bool operator==(const Id&) const = default;

 private:
  std::string m_value;
};

struct RoleTag {};
// A role's stable id in the catalog: "agent", "team-lead", "manager".
using RoleId = Id<RoleTag>;

// True when 'text' is a valid catalog id: 1 to 64 characters of lowercase ASCII letters,
// digits and single hyphens, starting with a letter and not ending with a hyphen
// ("team-lead", "quality-analyst"). Ids appear in URLs and file names, hence the strict form.
bool is_valid_id(std::string_view text);

}  // namespace ccteam

template <class Tag>
struct std::hash<ccteam::Id<Tag>> {
  std::size_t operator()(const ccteam::Id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.str());
  }
};
