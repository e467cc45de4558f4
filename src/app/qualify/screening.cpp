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

// A warning per job of 'person' that starts after 'as_of' (the first k_max_errors of a
// screening): it adds no experience, which a recruiter should know before reading "does not
// meet" (a job not begun yet, or a typing error in a date). It points at the job (its line and
// column, "/work/2"), which the message names by its start date; a CSV row has one line, so
// there the pointer is the start's column.
void warn_future_jobs(const qualify::Person& person, const Date& as_of, Errors& out) {
  for (std::size_t i : qualify::jobs_starting_after(person, as_of)) {
    if (out.size() >= k_max_errors) return;  // a batch of millions: the first ones tell
    const qualify::Position& job = person.work[i];
    SourcePos where = job.pos;
    if (job.fields == qualify::FieldNames::person_csv) where.json_pointer += "_start";
    out.push_back(Error::invalid_input(
        msg(MsgId::resume_date_in_future, to_iso(job.start->earliest()), to_iso(as_of)),
        std::move(where)));
  }
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
  PeopleSource people = request.people;
  if (!request.reveal) people.file_names = FileNames::numbered;
  out.read = read_people(
      people,
      [&](qualify::Person&& person) {
        warn_future_jobs(person, out.as_of, out.late_starts);
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
  return io::ScreeningSummary{
      s.role->id.str(), s.as_of,     s.country,       s.blind,
      s.read.read,      s.evaluated, s.read.rejected, s.evaluated - s.applicants.size()};
}

ReadStatus read_status(const PeopleRead& read, std::size_t evaluated) {
  bool failed = read.unusable || read.rejected > 0;
  if (!failed) return ReadStatus::complete;
  return evaluated == 0 ? ReadStatus::unusable : ReadStatus::partial;
}

}  // namespace ccteam::app
