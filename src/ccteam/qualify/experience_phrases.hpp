#pragma once
// Built-in phrases for each kind of experience, in English and German (our own selection of
// common job titles and duties in contact centres; see experience.hpp for how they match).

#include <span>
#include <string_view>

#include "ccteam/catalog/terms.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam::qualify {

struct KindPhrase {
  catalog::ExperienceKind kind;
  Lang lang;
  std::string_view phrase;
};

std::span<const KindPhrase> experience_phrases();

// Folded German words that must not match a phrase as a compound (text::Matcher).
std::span<const std::string_view> compound_exceptions();

// Word sequences that cancel a match they immediately precede (text::Matcher); the kind is
// unused.
std::span<const KindPhrase> context_blockers();

}  // namespace ccteam::qualify
