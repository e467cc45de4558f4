#pragma once
// Screening: applicants checked against a role's requirements, blind by default, in review
// order, each criterion explained (`ccteam screen`; later the server's screening page). Never
// decides (GDPR art. 22): the verdicts order the review, a person decides.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/environment.hpp"
#include "app/outcome.hpp"
#include "app/qualify/people.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/qualify/evaluate.hpp"
#include "io/base/spool.hpp"
#include "io/qualify/screening_writers.hpp"

namespace ccteam::app {

// What to screen. The defaults here are the defaults of every client (and their help texts).
struct ScreeningRequest {
  std::string role;           // the role's id in the catalog
  PeopleSource people;        // résumé files ("-" = standard input), read_people's kinds
  std::optional<Date> as_of;  // experience is counted up to this day; empty: env.today
  std::string country = "*";  // ISO 3166-1 alpha-2 of the job, or "*" for none
  std::size_t top = 0;        // keep the first N in review order; 0: all
  bool reveal = false;        // keep names and sources; false: blind (nothing identifying)
};

// How a screening keeps its results: each applicant becomes the bytes it takes in the output
// the moment it is evaluated ('applicant'; blind, its Person is empty), each document that could
// not be read likewise ('rejected'; empty function: not kept). The bytes wait in a spool
// (io/base/spool.hpp: memory up to a few MiB, an unnamed temporary file beyond) and only the
// review order's key stays in memory, a few bytes per applicant, so a screening of a million
// résumés runs in flat memory in every output format.
struct ScreeningEncoder {
  std::function<std::string(const io::Screened&)> applicant;
  std::function<std::string(const Error&)> rejected;
};

// The encoded records of a screening, in their order, read back from its spool.
class SpooledRecords {
 public:
  SpooledRecords() = default;
  SpooledRecords(std::shared_ptr<io::Spool> spool, std::vector<io::Spool::Ref> refs)
      : m_spool(std::move(spool)), m_refs(std::move(refs)) {}

  std::size_t size() const { return m_refs.size(); }
  bool empty() const { return m_refs.empty(); }

  // Calls 'visit' with each record in order (the view is valid during the call).
  // ErrorKind::io when the spool's temporary file cannot be read back.
  Result<void> for_each(const std::function<void(std::string_view)>& visit) const;

 private:
  std::shared_ptr<io::Spool> m_spool;
  std::vector<io::Spool::Ref> m_refs;
};

struct Screening {
  const catalog::Role* role = nullptr;  // owned by the catalog
  Date as_of;
  std::string country;
  bool blind = true;
  // The encoded applicants in review order (qualify::review_before; ties in input order), at
  // most 'top'.
  SpooledRecords applicants;
  // The encoded rejected documents in input order (empty without ScreeningEncoder::rejected).
  SpooledRecords rejected;
  std::size_t evaluated = 0;  // documents evaluated (before --top)
  PeopleRead read;            // counts and the problems (rejected_errors stays empty)
  // A warning per job that starts after as_of (it adds no experience, which a recruiter should
  // know before reading "does not meet"): at the job, its line and column and its pointer
  // ("/work/2"; person CSV: the row and its start column, "/work3_start"), in input order, the
  // first k_max_errors.
  Errors late_starts;
};

// Screens the people of 'request' against its role in 'catalog' (which must outlive the
// result), keeping each result as 'encoder' turns it into bytes. 'on_document' is called once
// per document found (progress).
// Errors, before anything is read: Error::usage for a bad country (check_country),
// Error::not_found for an unknown role (find_role: the known ids as hint); while reading:
// ErrorKind::io when the spool's temporary file cannot be written (disk full).
// Success: warnings are the reading problems in input order (rejected documents, inputs that
// could not be read; the jobs that start late are Screening::late_starts); a screening where
// nothing was evaluated still succeeds (see read_status).
Result<Outcome<Screening>> screen(const ScreeningRequest& request, const catalog::Catalog& catalog,
                                  const Environment& env, const ScreeningEncoder& encoder,
                                  const DocumentTick& on_document = {});

// The head of a screening as its writers show it (role id, date, country, blind, counts).
io::ScreeningSummary screening_summary(const Screening& screening);

// How a screening went, for the exit code: everything read and evaluated (complete); some
// documents or inputs failed next to evaluated ones (partial); nothing evaluated, whether the
// inputs failed or held no applicant (an empty NDJSON file) (unusable).
enum class ReadStatus { complete, partial, unusable };
ReadStatus read_status(const PeopleRead& read, std::size_t evaluated);

}  // namespace ccteam::app
