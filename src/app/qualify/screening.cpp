#include "app/qualify/screening.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "app/catalog/roles.hpp"

namespace ccteam::app {

namespace {

// One applicant as the review order needs it: its key and where its record is.
struct Reviewed {
  qualify::ReviewKey key;
  io::Spool::Ref record;
};

void order_for_review(std::vector<Reviewed>& list) {
  std::ranges::stable_sort(list, [](const Reviewed& a, const Reviewed& b) {
    return qualify::review_before(a.key, b.key);
  });
}

// Keeps the first 'top' of 'list' and moves their records to a fresh spool, so that a --top
// screening of millions never holds more than 2 * top records.
Result<void> keep_first(std::size_t top, std::vector<Reviewed>& list,
                        std::shared_ptr<io::Spool>& spool) {
  order_for_review(list);
  if (list.size() > top) list.resize(top);
  auto kept = std::make_shared<io::Spool>();
  for (Reviewed& r : list) {
    CCTEAM_TRY(std::string_view record, spool->read(r.record));
    CCTEAM_TRY(r.record, kept->add(record));
  }
  spool = std::move(kept);
  return {};
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
    out.push_back(
        Error::invalid_input(msg(MsgId::resume_date_in_future,
                                 date_localized(job.start->earliest()), date_localized(as_of)),
                             std::move(where)));
  }
}

}  // namespace

Result<void> SpooledRecords::for_each(const std::function<void(std::string_view)>& visit) const {
  for (const io::Spool::Ref& ref : m_refs) {
    CCTEAM_TRY(std::string_view record, m_spool->read(ref));
    visit(record);
  }
  return {};
}

Result<Outcome<Screening>> screen(const ScreeningRequest& request, const catalog::Catalog& catalog,
                                  const Environment& env, const ScreeningEncoder& encoder,
                                  const DocumentTick& on_document) {
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
  auto applicants = std::make_shared<io::Spool>();
  auto rejected = std::make_shared<io::Spool>();
  std::vector<Reviewed> list;
  std::vector<io::Spool::Ref> rejected_list;
  std::optional<Error> spool_error;  // the first; nothing more is kept after it
  PeopleSource people = request.people;
  if (!request.reveal) people.file_names = FileNames::numbered;
  RejectedHandler on_rejected = [&](const Error& error) {
    if (spool_error || !encoder.rejected) return;
    auto added = rejected->add(encoder.rejected(error));
    if (!added) {
      spool_error.emplace(std::move(added.error()));
      return;
    }
    rejected_list.push_back(*added);
  };
  out.read = read_people(
      people,
      [&](qualify::Person&& person) {
        warn_future_jobs(person, out.as_of, out.late_starts);
        ++out.evaluated;
        if (spool_error) return;
        io::Screened screened{evaluator.evaluate(person, *role, options), {}};
        if (request.reveal) screened.person = std::move(person);  // blind: nothing identifying
        auto added = applicants->add(encoder.applicant(screened));
        if (!added) {
          spool_error.emplace(std::move(added.error()));
          return;
        }
        list.push_back({qualify::review_key(screened.evaluation), *added});
        // top N: keep at most 2N; review order is stable, so keeping the first N of a stably
        // sorted prefix never loses one that would make the final N.
        if (request.top > 0 && list.size() >= 2 * request.top) {
          if (auto kept = keep_first(request.top, list, applicants); !kept) {
            spool_error.emplace(std::move(kept.error()));
          }
        }
      },
      on_document, on_rejected);
  if (spool_error) return tl::unexpected(std::move(*spool_error));
  order_for_review(list);
  if (request.top > 0 && list.size() > request.top) list.resize(request.top);
  std::vector<io::Spool::Ref> refs;
  refs.reserve(list.size());
  for (const Reviewed& r : list) refs.push_back(r.record);
  out.applicants = SpooledRecords(std::move(applicants), std::move(refs));
  out.rejected = SpooledRecords(std::move(rejected), std::move(rejected_list));
  Errors warnings = out.read.problems;
  return Outcome<Screening>{std::move(out), std::move(warnings)};
}

io::ScreeningSummary screening_summary(const Screening& s) {
  return io::ScreeningSummary{
      s.role->id.str(), s.as_of,     s.country,       s.blind,
      s.read.read,      s.evaluated, s.read.rejected, s.evaluated - s.applicants.size()};
}

ReadStatus read_status(const PeopleRead& read, std::size_t evaluated) {
  if (evaluated == 0) return ReadStatus::unusable;
  bool failed = read.unusable || read.rejected > 0;
  return failed ? ReadStatus::partial : ReadStatus::complete;
}

}  // namespace ccteam::app
