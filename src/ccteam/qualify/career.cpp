#include "ccteam/qualify/career.hpp"

#include <algorithm>

#include "ccteam/qualify/language.hpp"

namespace ccteam::qualify {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

Date add_months(const Date& d, int months) {
  using namespace std::chrono;
  year_month ym = year_month(d.year(), d.month()) + std::chrono::months(months);
  Date out{ym.year(), ym.month(), d.day()};
  if (!out.ok()) out = Date{year_month_day_last(ym.year(), month_day_last(ym.month()))};
  return out;
}

// The first day from 'as_of' on which met(day) holds, when it holds within 50 years: month by
// month, then halving the last month. 'met' must stay true once true (experience only grows).
template <class Met>
std::optional<Date> first_day(const Date& as_of, const Met& met) {
  if (met(as_of)) return as_of;
  Date low = as_of;
  for (int k = 1; k <= 600; ++k) {
    Date high = add_months(as_of, k);
    if (!met(high)) {
      low = high;
      continue;
    }
    // Met on 'high', not on 'low': the first day in between.
    while (sys_days(high) - sys_days(low) > days(1)) {
      Date mid{sys_days(low) + (sys_days(high) - sys_days(low)) / 2};
      if (met(mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }
  return std::nullopt;
}

// When the experience requirements 'reqs' are all met if the ongoing jobs continue; empty when
// a missing kind has no ongoing job.
std::optional<Date> experience_date(const Evaluator& evaluator, const Person& person,
                                    const std::vector<const catalog::ExperienceRequirement*>& reqs,
                                    const Date& as_of) {
  Experience now = evaluator.experience(person, as_of);
  for (const catalog::ExperienceRequirement* req : reqs) {
    if (now.of(req->kind).at_least < req->months && !now.ongoing[index(req->kind)]) {
      return std::nullopt;
    }
  }
  return first_day(as_of, [&](const Date& on) {
    Experience e = evaluator.experience(person, on);
    return std::ranges::all_of(reqs, [&](const catalog::ExperienceRequirement* req) {
      return e.of(req->kind).at_least >= req->months;
    });
  });
}

const catalog::MinimumEducation* minimum_for(const catalog::Role& role,
                                             const std::string& country) {
  const catalog::MinimumEducation* fallback = nullptr;
  for (const catalog::MinimumEducation& m : role.minimum_education) {
    if (m.country == country) return &m;
    if (m.country == "*") fallback = &m;
  }
  return fallback;
}

// The first substitution rule for the minimum education that the ongoing jobs reach, and when.
struct SubstitutionDate {
  const catalog::Substitution* rule = nullptr;
  Date on;
};
std::optional<SubstitutionDate> substitution_date(const Evaluator& evaluator, const Person& person,
                                                  const catalog::Role& role, int needed,
                                                  const Date& as_of) {
  Experience now = evaluator.experience(person, as_of);
  std::optional<SubstitutionDate> best;
  for (const catalog::Substitution& rule : role.substitutions) {
    if (to_int(rule.replaces_isced) < needed) continue;
    // Only an ongoing job of the rule's kinds (and of its part's, when that is not met yet)
    // brings the date nearer.
    auto ongoing = [&](const std::vector<catalog::ExperienceKind>& kinds) {
      return std::ranges::any_of(kinds, [&](auto k) { return now.ongoing[index(k)]; });
    };
    SubstitutionCheck today = check_substitution(person, now, rule, as_of);
    if (!ongoing(rule.kinds)) continue;
    if (rule.part && today.part->at_least < rule.part->months && !ongoing(rule.part->kinds)) {
      continue;
    }
    std::optional<Date> on = first_day(as_of, [&](const Date& day) {
      return check_substitution(person, evaluator.experience(person, day), rule, day).met;
    });
    if (on && (!best || sys_days(*on) < sys_days(best->on))) best = SubstitutionDate{&rule, *on};
  }
  return best;
}

Gap gap_of(const Evaluator& evaluator, const Person& person, const catalog::Role& role,
           const Criterion& c, const Experience& experience, const EvaluationOptions& options) {
  Gap g{c, std::nullopt, std::nullopt, msg(MsgId::career_do_state)};
  switch (c.kind) {
    case CriterionKind::experience:
      for (const catalog::ExperienceRequirement& req : role.experience) {
        if (c.subject !=
            std::string(catalog::to_string(req.kind)) + ">=" + std::to_string(req.months)) {
          continue;
        }
        if (c.outcome != Outcome::not_met) break;  // cannot tell: the résumé must say more
        const int missing = req.months - experience.of(req.kind).at_least;
        g.months_missing = missing;
        g.met_on = experience_date(evaluator, person, {&req}, options.as_of);
        std::string kind(catalog::to_string(req.kind));
        g.action = g.met_on
                       ? msg(MsgId::career_do_continue, missing, kind, date_localized(*g.met_on))
                       : msg(MsgId::career_do_gain, missing, kind);
        break;
      }
      break;
    case CriterionKind::education:
      if (const catalog::MinimumEducation* m = minimum_for(role, options.country)) {
        if (auto s = substitution_date(evaluator, person, role, to_int(m->isced), options.as_of)) {
          g.met_on = s->on;
          g.action = msg(MsgId::career_do_substitution, date_localized(s->on), s->rule->id);
        } else if (c.outcome == Outcome::not_met) {
          g.action = msg(MsgId::career_do_education, m->description);
        }
      }
      break;
    case CriterionKind::language:
      for (const catalog::LanguageRequirement& req : role.languages) {
        std::string level(catalog::to_string(req.level));
        if (c.subject == req.language + ">=" + level) {
          g.action = msg(MsgId::career_do_language, language_name(req.language), level);
          break;
        }
      }
      break;
    case CriterionKind::preferred_education:
      for (const catalog::PreferredEducation& p : role.preferred_education) {
        if (c.subject == "preferred:isced>=" + std::to_string(to_int(p.isced))) {
          g.action = msg(MsgId::career_do_preferred_education, to_int(p.isced));
          break;
        }
      }
      break;
    case CriterionKind::skill:
      for (const catalog::Skill& skill : role.skills) {
        if (skill.id == c.subject) {
          g.action = skill.name.en.empty() ? msg(MsgId::career_do_skill, skill.id)
                                           : msg(MsgId::career_do_skill, skill.name);
          break;
        }
      }
      break;
  }
  return g;
}

Readiness readiness(const Evaluator& evaluator, const Person& person, const catalog::Role& role,
                    const EvaluationOptions& options) {
  Readiness r;
  r.role = &role;
  r.evaluation = evaluator.evaluate(person, role, options);
  Experience experience = evaluator.experience(person, options.as_of);
  for (const Criterion& c : r.evaluation.criteria) {
    if (c.outcome == Outcome::met || c.outcome == Outcome::met_by_substitution) {
      r.met.push_back(c);
    } else {
      r.gaps.push_back(gap_of(evaluator, person, role, c, experience, options));
    }
  }
  std::vector<const catalog::ExperienceRequirement*> required;
  for (const catalog::ExperienceRequirement& req : role.experience) {
    if (req.importance == catalog::Importance::required) required.push_back(&req);
  }
  r.experience_met_on = experience_date(evaluator, person, required, options.as_of);
  return r;
}

}  // namespace

const catalog::Role* entry_role(const catalog::Catalog& catalog) {
  std::vector<const catalog::Role*> ranked = catalog.by_rank();
  return ranked.empty() ? nullptr : ranked.front();
}

CareerPath career_path(const Evaluator& evaluator, const Person& person, const catalog::Role& from,
                       const catalog::Catalog& catalog, const EvaluationOptions& options,
                       const catalog::Role* only_to) {
  CareerPath out;
  out.from = &from;
  if (only_to != nullptr) {
    out.next.push_back(readiness(evaluator, person, *only_to, options));
    return out;
  }
  for (const catalog::RoleRef& ref : from.next_roles) {
    if (const catalog::Role* role = catalog.find(ref.id)) {
      out.next.push_back(readiness(evaluator, person, *role, options));
    }
  }
  return out;
}

}  // namespace ccteam::qualify
