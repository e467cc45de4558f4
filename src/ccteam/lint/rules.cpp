#include "ccteam/lint/rules.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace ccteam::lint {

namespace {
constexpr std::array<std::string_view, 9> k_requirements = {"pay_range",
                                                            "no_open_ended_range",
                                                            "benefits",
                                                            "application_deadline",
                                                            "no_pay_history_question",
                                                            "gender_neutral_title",
                                                            "no_age_wording",
                                                            "no_origin_wording",
                                                            "no_photo_request"};
}  // namespace

std::optional<Requirement> parse_requirement(std::string_view text) {
  auto it = std::find(k_requirements.begin(), k_requirements.end(), text);
  if (it == k_requirements.end()) return std::nullopt;
  return static_cast<Requirement>(std::distance(k_requirements.begin(), it));
}

std::span<const std::string_view> all_requirements() { return k_requirements; }

}  // namespace ccteam::lint
