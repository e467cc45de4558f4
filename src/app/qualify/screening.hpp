#pragma once
// Screening: applicants checked against a role's requirements, blind by default, in review
// order, each criterion explained (`ccteam screen`; later the server's screening page). Never
// decides (GDPR art. 22): the verdicts order the review, a person decides.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/environment.hpp"
#include "app/outcome.hpp"
#include "app/qualify/people.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/qualify/evaluate.hpp"
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

struct Screening {
  const catalog::Role* role = nullptr;  // owned by the catalog
  Date as_of;
  std::string country;
  bool blind = true;
  // Review order (qualify::review_before), at most 'top'; 'person' empty unless revealed.
  std::vector<io::Screened> applicants;
  std::size_t evaluated = 0;  // documents evaluated (before --top)
  PeopleRead read;            // counts and rejected documents
  // A warning per job that starts after as_of (it adds no experience, which a recruiter should
  // know before reading "does not meet"): at the job, its line and column and its pointer
  // ("/work/2"; person CSV: the row and its start column, "/work3_start"), in input order, the
  // first k_max_errors.
  Errors late_starts;
};

// Screens the people of 'request' against its role in 'catalog' (which must outlive the
// result). 'on_document' is called once per document found (progress).
// Errors, before anything is read: Error::usage for a bad country (check_country),
// Error::not_found for an unknown role (find_role: the known ids as hint).
// Success: warnings are the reading problems in input order (rejected documents, inputs that
// could not be read; the jobs that start late are Screening::late_starts); a screening where
// nothing was evaluated still succeeds (see read_status).
Result<Outcome<Screening>> screen(const ScreeningRequest& request, const catalog::Catalog& catalog,
                                  const Environment& env, const DocumentTick& on_document = {});

// The head of a screening as its writers show it (role id, date, country, blind, counts).
io::ScreeningSummary screening_summary(const Screening& screening);

// How a screening went, for the exit code: everything read and evaluated (complete); some
// documents or inputs failed next to evaluated ones (partial); nothing evaluated from inputs
// that were given and failed (unusable).
enum class ReadStatus { complete, partial, unusable };
ReadStatus read_status(const PeopleRead& read, std::size_t evaluated);

}  // namespace ccteam::app
