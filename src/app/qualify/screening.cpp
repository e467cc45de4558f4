#include "app/qualify/screening.hpp"

#include <algorithm>

#include "app/catalog/roles.hpp"

namespace ccteam::app {

namespace {

void order_for_review(std::vector<io::Screened>& list) {
  std::ranges::stable_sort(list, [](const io::Screened& a, const io::Screened& b) {
    return qualify::review_before(a.evaluation, b.evaluation);
  });
}

}  // namespace

Result<Outcome<Screening>> screen(const ScreeningRequest& request, const catalog::Catalog& catalog,
                                  const Environment& env, const DocumentTick& on_document) {
  if (auto country = check_country(request.country); !country) {
    return tl::unexpected(std::move(country.error()));
  }
  CCTEAM_TRY(const catalog::Role* role, find_role(catalog, request.role));
  Screening out;
  out.role = role;
  out.as_of = request.as_of.value_or(env.today);
  out.country = request.country;
  out.blind = !request.reveal;

  qualify::Evaluator evaluator(catalog);
  qualify::EvaluationOptions options{out.as_of, request.country};
  std::vector<io::Screened>& list = out.applicants;
  out.read = read_people(
      request.people,
      [&](qualify::Person&& person) {
        qualify::Evaluation e = evaluator.evaluate(person, *role, options);
        if (!request.reveal) person = qualify::Person{};  // blind: nothing identifying is kept
        list.push_back({std::move(e), std::move(person)});
        ++out.evaluated;
        // top N: keep at most 2N evaluations; review order is stable, so keeping the first N
        // of a stably sorted prefix never loses one that would make the final N.
        if (request.top > 0 && list.size() >= 2 * request.top) {
          order_for_review(list);
          list.resize(request.top);
        }
      },
      on_document);
  order_for_review(list);
  if (request.top > 0 && list.size() > request.top) list.resize(request.top);
  Errors warnings = out.read.problems;
  return Outcome<Screening>{std::move(out), std::move(warnings)};
}

io::ScreeningSummary screening_summary(const Screening& s) {
  return io::ScreeningSummary{s.role->id.str(), s.as_of,     s.country,      s.blind,
                              s.read.read,      s.evaluated, s.read.rejected};
}

ReadStatus read_status(const PeopleRead& read, std::size_t evaluated) {
  bool failed = read.unusable || read.rejected > 0;
  if (!failed) return ReadStatus::complete;
  return evaluated == 0 ? ReadStatus::unusable : ReadStatus::partial;
}

}  // namespace ccteam::app
