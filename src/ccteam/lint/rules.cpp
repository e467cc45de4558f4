#include "ccteam/lint/rules.hpp"

#include <array>

#include "ccteam/core/enum_names.hpp"

namespace ccteam::lint {

namespace {
constexpr std::array<std::string_view, 11> k_requirements = {"pay_range",
                                                             "no_open_ended_range",
                                                             "benefits",
                                                             "application_deadline",
                                                             "no_pay_history_question",
                                                             "gender_neutral_title",
                                                             "no_age_wording",
                                                             "no_origin_wording",
                                                             "no_photo_request",
                                                             "no_sex_preference",
                                                             "no_personal_data_request"};
constexpr std::array<std::string_view, 4> k_transpositions = {"transposed", "partial",
                                                              "not_transposed", "unknown"};
}  // namespace

std::optional<Transposition> parse_transposition(std::string_view text) {
  return enum_from_name<Transposition>(k_transpositions, text);
}

std::span<const std::string_view> all_transpositions() { return k_transpositions; }

std::optional<Requirement> parse_requirement(std::string_view text) {
  return enum_from_name<Requirement>(k_requirements, text);
}

std::span<const std::string_view> all_requirements() { return k_requirements; }

}  // namespace ccteam::lint
