#pragma once
// Career path: for one person, how ready they are for the next roles on the ladder, what is
// already met, what is missing, when time alone closes a gap if nothing else changes, and what
// to do about each gap. Pure; the same person, catalog and as-of date give the same result.

#include <optional>
#include <vector>

#include "ccteam/qualify/evaluate.hpp"

namespace ccteam::qualify {

// A criterion of the role that is not met or cannot be told, and what to do about it.
struct Gap {
  Criterion criterion;
  // Experience not met: months still missing (the requirement's months minus the months
  // counted for sure).
  std::optional<int> months_missing;
  // The first day on which time alone closes the gap if the person's current jobs continue: an
  // experience requirement reached, or education replaced by a substitution rule's experience.
  // Empty when no current job is of a kind that counts, or it takes more than 50 years.
  std::optional<Date> met_on;
  // What to do, as an action: keep on until met_on; gain the missing months of a kind; complete
  // the education asked for (the catalog's description of the minimum); show a language level;
  // show a skill (for the interview); state in the résumé what the engine could not read.
  Message action;
};

struct Readiness {
  const catalog::Role* role = nullptr;
  Evaluation evaluation;
  // The role's criteria that are met (by substitution too; skills the document names), in
  // evaluation order.
  std::vector<Criterion> met;
  // The others, in evaluation order; skills the document does not name are gaps for the
  // interview and never part of the verdict.
  std::vector<Gap> gaps;
  // Earliest day on which every required experience rule is met if the person's ongoing jobs
  // simply continue: the as-of date when they already are; empty when time alone will not do
  // it (a missing kind has no ongoing job) or it takes more than 50 years. Preferred rules have
  // their own Gap::met_on.
  std::optional<Date> experience_met_on;
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
