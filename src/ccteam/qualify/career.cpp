#include "ccteam/qualify/career.hpp"

namespace ccteam::qualify {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool experience_met(const Evaluator& evaluator, const Person& person, const catalog::Role& role,
                    const Date& on) {
  Experience e = evaluator.experience(person, on);
  for (const catalog::ExperienceRequirement& req : role.experience) {
    if (e.of(req.kind).at_least < req.months) return false;
  }
  return true;
}

Date add_months(const Date& d, int months) {
  using namespace std::chrono;
  year_month ym = year_month(d.year(), d.month()) + std::chrono::months(months);
  Date out{ym.year(), ym.month(), d.day()};
  if (!out.ok()) out = Date{year_month_day_last(ym.year(), month_day_last(ym.month()))};
  return out;
}

std::optional<Date> experience_date(const Evaluator& evaluator, const Person& person,
                                    const catalog::Role& role, const Date& as_of) {
  if (experience_met(evaluator, person, role, as_of)) return as_of;
  Experience now = evaluator.experience(person, as_of);
  for (const catalog::ExperienceRequirement& req : role.experience) {
    if (now.of(req.kind).at_least < req.months && !now.ongoing[index(req.kind)]) {
      return std::nullopt;
    }
  }
  Date low = as_of;
  for (int k = 1; k <= 600; ++k) {
    Date high = add_months(as_of, k);
    if (!experience_met(evaluator, person, role, high)) {
      low = high;
      continue;
    }
    // Met on 'high', not on 'low': the first day in between.
    while (sys_days(high) - sys_days(low) > days(1)) {
      Date mid{sys_days(low) + (sys_days(high) - sys_days(low)) / 2};
      if (experience_met(evaluator, person, role, mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }
  return std::nullopt;
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

Readiness readiness(const Evaluator& evaluator, const Person& person, const catalog::Role& role,
                    const EvaluationOptions& options) {
  Readiness r;
  r.role = &role;
  r.evaluation = evaluator.evaluate(person, role, options);
  Experience experience = evaluator.experience(person, options.as_of);
  for (const Criterion& c : r.evaluation.criteria) {
    if (c.kind == CriterionKind::skill) continue;
    if (c.outcome == Outcome::met || c.outcome == Outcome::met_by_substitution) continue;
    r.gaps.push_back(c);
    if (c.kind == CriterionKind::experience) {
      for (const catalog::ExperienceRequirement& req : role.experience) {
        if (c.subject ==
            std::string(catalog::to_string(req.kind)) + ">=" + std::to_string(req.months)) {
          r.months_missing.push_back(req.months - experience.of(req.kind).at_least);
          if (req.note) r.plan.push_back(*req.note);
        }
      }
    } else if (c.kind == CriterionKind::language) {
      for (const catalog::LanguageRequirement& req : role.languages) {
        if (c.subject == req.language + ">=" + std::string(catalog::to_string(req.level)) &&
            req.note) {
          r.plan.push_back(*req.note);
        }
      }
    } else if (c.kind == CriterionKind::education) {
      if (const auto* m = minimum_for(role, options.country)) r.plan.push_back(m->description);
    }
  }
  r.experience_met_on = experience_date(evaluator, person, role, options.as_of);
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
