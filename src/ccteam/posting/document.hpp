#pragma once
// A job posting as a document: a role of the catalog plus an employer profile, in one language,
// laid out in the sections German and English job boards expect. Writers in
// src/io/posting/posting_writers.hpp turn it into Markdown, plain text, HTML and JSON-LD.

#include <string>
#include <string_view>
#include <vector>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/posting/employer.hpp"

namespace ccteam::posting {

struct Block {
  enum class Kind { paragraph, bullets, subheading };
  Kind kind = Kind::paragraph;
  std::vector<std::string> lines;  // one paragraph, one bullet or one subheading per line

  friend bool operator==(const Block&, const Block&) = default;
};

struct Section {
  std::string id;       // "about", "responsibilities", "requirements", "offer", "career",
                        // "apply", "equal_opportunity"
  std::string heading;  // in the posting's language
  std::vector<Block> blocks;
};

struct PostingDocument {
  Lang lang = Lang::en;
  std::string title;     // German: with a gender-neutral marker such as "(m/w/d)"
  std::string subtitle;  // employer · place · employment type · remote policy
  std::vector<Section> sections;
  // What the JSON-LD writer needs besides the text (all owned by the caller).
  const catalog::Role* role = nullptr;
  const EmployerProfile* profile = nullptr;
  const Position* position = nullptr;
  std::optional<catalog::PayRange> pay;  // the employer's range, or the adopted market reference
  // The JobPosting identifier's value: the employer's reference number; empty: the role id and
  // the posting date ("agent-2027-01-04").
  std::string identifier;
  // schema.org directApply (the application is made on the posting's own page); nullopt: true
  // when the profile has an apply_url.
  std::optional<bool> direct_apply;
};

// Builds the posting of 'role' for the employer. Sections, in this order: about the role,
// responsibilities, what you bring (required and preferred kept apart, language levels in
// CEFR, experience standing in for education), what we offer (pay, hours, contract, shifts,
// benefits), career path (the role's next_roles), how to apply, equal opportunity. German:
// the employer's form of address (Sie or du), pay in German number format ("2.900 €"), dates
// as "31.01.2027", a gender-neutral title ("(m/w/d)" appended when the title has no marker).
// Fails with ErrorKind::not_found when the profile has no position for the role.
Result<PostingDocument> build_posting(const catalog::Role& role, const catalog::Catalog& catalog,
                                      const EmployerProfile& profile, Lang lang);

// The posting's title: the employer's own title for the position, else the role's; in German
// with "(m/w/d)" appended when it has no gender-neutral marker (has_gender_neutral_marker).
std::string posting_title(const catalog::Role& role, const Position& position, Lang lang);

// Which genders a German job title names:
//   all     a marker with the third option, in brackets or not ("(m/w/d)", "(w/m/d)", "m/w/d",
//           "(m/w/x)", "(gn)", "(all genders)", "(alle Geschlechter)"), a gender-inclusive form
//           ("Berater*in", "Berater:in", "Berater_in", "BeraterIn") or a neutral noun as its
//           first word ("Teamleitung", "Servicefachkraft", "Mitarbeitende", "Werkstudierende",
//           "Kaufleute", "Lagerhilfe");
//   binary  two genders without the third ("Kundenberater/-in", "Kundenberater/in",
//           "Kaufmann/-frau", "(m/w)", "Beraterin oder Berater");
//   one     anything else ("Teamleiter Inbound").
// AGG §§ 1, 7, 11 (job advertisements must not exclude a gender) and, since BVerfG
// 1 BvR 2019/16 (2017), the third option "divers".
enum class TitleGender { all, binary, one };
TitleGender title_gender(std::string_view title);

// title_gender(title) == TitleGender::all.
bool has_gender_neutral_marker(std::string_view title);

// "31.01.2027" (de) or "January 31, 2027" (en).
std::string format_date(const Date& date, Lang lang);

}  // namespace ccteam::posting
