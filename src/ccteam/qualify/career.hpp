#pragma once
// Career path: for one person, how ready they are for the next roles on the ladder, what is
// missing, when the experience rules will be met if nothing else changes, and what to work on.
// Pure; the same person, catalog and as-of date give the same result.

#include <optional>
#include <vector>

#include "ccteam/qualify/evaluate.hpp"

namespace ccteam::qualify {

struct Readiness {
  const catalog::Role* role = nullptr;
  Evaluation evaluation;
  // Criteria of the role that are not met or cannot be told (skills left out: they are for
  // the interview), in evaluation order.
  std::vector<Criterion> gaps;
  // Months still missing per experience gap (same order as the experience gaps in 'gaps').
  std::vector<int> months_missing;
  // Earliest day on which every experience requirement (required and preferred) is met if
  // the person's ongoing jobs simply continue: the as-of date when they already are; empty
  // when time alone will not do it (a missing kind has no ongoing job) or it takes more than
  // 50 years.
  std::optional<Date> experience_met_on;
  // What to learn or take on for each gap: the catalog's note or description of the
  // requirement (experience notes, language notes, minimum-education descriptions).
  std::vector<LocalizedText> plan;
};

struct CareerPath {
  const catalog::Role* from = nullptr;
  std::vector<Readiness> next;
};

// The role a path starts from when none is given: the entry role of the ladder (the lowest
// rank). Being qualified for a role is not holding it (an experienced agent often meets the
// team lead's requirements), so the role held is not guessed from the verdicts. Null for an
// empty catalog.
const catalog::Role* entry_role(const catalog::Catalog& catalog);

// Readiness for 'from''s next roles, or for 'only_to' alone when given.
CareerPath career_path(const Evaluator& evaluator, const Person& person, const catalog::Role& from,
                       const catalog::Catalog& catalog, const EvaluationOptions& options,
                       const catalog::Role* only_to = nullptr);

}  // namespace ccteam::qualify
