#pragma once
// Openings in the workspace as use cases: a position to fill (a role of the catalog at one place
// of work of an employer profile) with its posting per language, from draft to open (published
// on the careers page) to closed. An open opening past its valid-through date counts as closed
// when asked (no timer); it leaves the careers index and the sitemap, and its page says so.
// Who sees what (the routes check the permission, these functions the rows):
//   admin, recruiter, viewer, works council: every opening with its internal fields;
//   hiring manager: every opening that is not a draft, the drafts whose hiring manager they are,
//   and internal fields (hiring manager, comments) of their own openings only.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/posting/posting.hpp"
#include "app/workspace/accounts.hpp"
#include "app/workspace/employers.hpp"
#include "app/workspace/questions.hpp"
#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/posting/document.hpp"
#include "ccteam/posting/employer.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

// The sections of a posting a recruiter can write (posting::Section::id), in the posting's order.
inline constexpr std::string_view k_posting_section_ids[] = {
    "about", "responsibilities", "requirements", "offer", "career", "apply", "equal_opportunity"};

// Limits of an opening's fields.
inline constexpr std::int64_t k_max_opening_headcount = 1000;
inline constexpr std::size_t k_max_reference_chars = 40;
inline constexpr std::size_t k_max_section_bytes = 16 * 1024;
inline constexpr std::size_t k_max_comment_chars = 2000;

// The statuses as stored: "draft", "open", "closed".
enum class OpeningStatus { draft, open, closed };
std::string_view to_string(OpeningStatus status);
std::optional<OpeningStatus> parse_opening_status(std::string_view text);

// What a form or a JSON body asks an opening to be. Texts as given; check_opening reads them.
struct OpeningRequest {
  std::string employer_id;             // UUID of an employer profile
  std::string role;                    // role id of the catalog
  std::int64_t place = 0;              // index into the profile's locations, from 0
  std::int64_t headcount = 1;          // 1..k_max_opening_headcount
  std::string hiring_manager_id;       // UUID of a hiring manager's account; empty: none
  std::string employment_type;         // posting::EmploymentType's name; empty: the profile's
  std::string valid_through;           // YYYY-MM-DD
  std::vector<std::string> languages;  // "de", "en"
  std::string reference;               // at most k_max_reference_chars characters
  // Markdown per language and section id; a text empty or only blanks means ccteam's text.
  std::map<std::string, std::map<std::string, std::string>> sections;
  // The questions the application form asks (applications.hpp: Question, check_questions).
  std::vector<Question> questions;
};

// An opening as the use cases read it: the row, its status today, its employer's profile (when
// the stored profile reads) and its role (when the catalog has it).
struct Opening {
  store::StoredOpening stored;
  OpeningStatus status = OpeningStatus::draft;  // as stored
  bool expired = false;  // open, but today is after valid_through: closed for applications
  std::shared_ptr<const Employer> employer;
  const catalog::Role* role = nullptr;
  std::vector<Lang> languages;
  std::map<std::string, std::map<std::string, std::string>> sections;  // lang -> id -> Markdown
  std::vector<Question> questions;  // what its application form asks

  // Open and not expired: on the careers page, taking applications.
  bool is_public() const { return status == OpeningStatus::open && !expired; }
  // The posting's title in 'lang' (posting::posting_title): the employer's own for the position,
  // else the role's, in German with a gender-neutral marker.
  std::string title(Lang lang) const;
  // The place of work ("Leipzig, DE"), or "" when the profile no longer has it.
  std::string place_name() const;
};

// Whether 'who' may see the opening at all, and its internal fields (hiring manager, comments).
bool can_see_opening(const Principal& who, const store::StoredOpening& opening);
bool sees_internal_fields(const Principal& who, const store::StoredOpening& opening);

// The organisation's openings that 'who' may see, ordered by id (oldest first), at most 'limit';
// 'today' decides which open ones have expired.
Result<std::vector<Opening>> list_openings(store::Repository& repository,
                                           const store::Uuid& organisation,
                                           const catalog::Catalog& catalog, const Principal& who,
                                           Date today, std::size_t limit);

// The opening 'id' if 'who' may see it. Error::not_found (opening_not_found) otherwise: a draft
// of another hiring manager is not found, not forbidden (its existence is not told).
Result<Opening> find_opening(store::Repository& repository, const store::Uuid& organisation,
                             const catalog::Catalog& catalog, const Principal* who,
                             const store::Uuid& id, Date today);

// Every problem of 'request', each at its JSON pointer ("/role", "/sections/de/about", ...), and
// the row it makes when there is none. 'publishing': the valid-through date must be today or
// later. Checks: the employer exists and its profile reads, the role is in the catalog and the
// profile has a position for it, the place is one of the profile's, headcount, the hiring
// manager is an active hiring manager's account, the employment type, the date, the languages,
// the reference, the section texts (known ids, at most k_max_section_bytes each, UTF-8) and
// the questions (check_questions).
Checked<store::StoredOpening> check_opening(store::Repository& repository,
                                            const store::Uuid& organisation,
                                            const catalog::Catalog& catalog,
                                            const OpeningRequest& request, Date today,
                                            bool publishing);

// Saves 'request' as a new draft (id nullopt) or over the opening 'id' when its stored version is
// 'expected_version' (keeping its status and publication date). Errors: check_opening's,
// Error::not_found (opening_not_found), Error::conflict (opening_stale), the store's.
Checked<Opening> save_opening(store::Repository& repository, const store::Uuid& organisation,
                              const catalog::Catalog& catalog, const OpeningRequest& request,
                              const std::optional<store::Uuid>& id, std::int64_t expected_version,
                              Date today, const store::Actor& actor);

// The opening as a request: what its form shows and a save starts from.
OpeningRequest request_of(const Opening& opening);

// Sets the status of the opening 'id' at 'expected_version': "open" publishes (checks as
// check_opening with publishing; the first publication sets the posting's date), "closed" ends
// applications, "draft" takes it back. 'error_findings' is the number of error-level findings of
// its postings (the caller lints them); publishing with any needs 'confirmed', and is audited as
// opening.publish_with_errors. Errors: Error::conflict (opening_publish_errors) without the
// confirmation, check_opening's, save_opening's.
Checked<Opening> set_opening_status(store::Repository& repository, const store::Uuid& organisation,
                                    const catalog::Catalog& catalog, const store::Uuid& id,
                                    OpeningStatus status, std::int64_t expected_version,
                                    int error_findings, bool confirmed, Date today,
                                    const store::Actor& actor);

// The comments on an opening, oldest first; adding one checks its text (1 to
// k_max_comment_chars characters after trimming: opening_comment_empty).
Result<std::vector<store::StoredOpeningComment>> opening_comments(store::Repository& repository,
                                                                  const store::Uuid& organisation,
                                                                  const store::Uuid& id);
Result<store::StoredOpeningComment> add_opening_comment(store::Repository& repository,
                                                        const store::Uuid& organisation,
                                                        const store::Uuid& id, std::string text,
                                                        const store::Actor& actor);

// The posting of an opening in 'lang': the employer profile narrowed to the opening (its place,
// headcount, employment type, valid-through date, posting date = the first publication's date,
// else 'today'), built by posting::build_posting, with the reference as its identifier and
// directApply true (the careers page links to the application form), and the recruiter's
// section texts of that language applied (apply_section_texts): the opening's stored ones, or
// 'texts' (section id -> Markdown, as typed in the editor) when given. 'profile' is kept alive
// for the document's pointers. Errors: Error::not_found when the profile has no position for the
// role; apply_section_texts's for a text it refuses.
struct OpeningPosting {
  std::shared_ptr<const posting::EmployerProfile> profile;
  posting::PostingDocument document;
};
Result<OpeningPosting> opening_posting(const Opening& opening, const catalog::Catalog& catalog,
                                       Lang lang, Date today,
                                       const std::map<std::string, std::string>* texts = nullptr);

// The Markdown of each section of the posting ccteam writes for the opening in 'lang' (before
// the recruiter's texts): what the editor starts from. Section id -> (heading, Markdown), in
// the posting's order.
struct SectionDefault {
  std::string id;
  std::string heading;
  std::string markdown;
};
Result<std::vector<SectionDefault>> default_sections(const Opening& opening,
                                                     const catalog::Catalog& catalog, Lang lang,
                                                     Date today);

// The linter's check of the opening's posting in each of its languages (check_posting_document),
// with the stored texts, or with 'texts' (lang -> section id -> Markdown) when given; the errors
// of all languages summed in 'errors'. A language whose posting cannot be made is left out.
struct OpeningCheck {
  std::map<Lang, PostingCheck> by_lang;
  int errors = 0;
};
OpeningCheck check_opening_postings(
    const Opening& opening, const catalog::Catalog& catalog, const PostingRules& rules, Date today,
    const std::map<std::string, std::map<std::string, std::string>>* texts = nullptr);

// What a visitor filters the careers index by (empty: any). 'text' matches the title in either
// language and the place, case-insensitively (ASCII letters).
struct CareersFilter {
  std::string text;
  std::string role;
  std::string place;            // a city
  std::string employment_type;  // posting::EmploymentType's name
  std::string remote;           // posting::RemotePolicy's name
  std::string lang;             // "de", "en": published in
};

// Whether a public opening (role, employer and profile read) matches 'filter'.
bool matches(const Opening& opening, const CareersFilter& filter);

// The openings on the careers page today (open, valid through today or later), oldest first,
// matching 'filter'; at most 'limit'.
Result<std::vector<Opening>> public_openings(store::Repository& repository,
                                             const store::Uuid& organisation,
                                             const catalog::Catalog& catalog, Date today,
                                             const CareersFilter& filter, std::size_t limit);

// The UTC calendar date of a moment.
Date utc_date(store::UnixMillis at);

}  // namespace ccteam::app
