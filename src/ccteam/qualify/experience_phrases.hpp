#pragma once
// Built-in phrases for each kind of experience, in English and German (our own selection of
// common job titles and duties in contact centres; see experience.hpp for how they match).

#include <cstddef>
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

// Words that name a reporting line and cancel leadership and operations matches up to 'reach'
// words after them ("reported to the Team Lead", "Rücksprache mit der Teamleitung", "an
// Teamleiter"): the text speaks of the person's manager, not of the person leading.
struct ReachBlocker {
  std::string_view phrase;
  std::size_t reach;
};
std::span<const ReachBlocker> reporting_line_blockers();

// Entries of a work history that say they were no work ("career break", "Elternzeit") or work
// of an occupation outside the contact centre ("Data Analyst", "Krankenpfleger"): known to be
// no experience of any kind, unlike a title the lists do not know (experience.hpp).
struct NoWorkPhrase {
  Lang lang;
  std::string_view phrase;
};
std::span<const NoWorkPhrase> no_work_phrases();

}  // namespace ccteam::qualify
