#include "app/workspace/openings.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/base/utf8.hpp"
#include "io/posting/posting_markdown.hpp"

namespace ccteam::app {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t k_max_listed_rows = 5000;

std::size_t code_points(std::string_view text) { return io::utf8_length(text); }

std::vector<Lang> languages_of(std::string_view stored) {
  std::vector<Lang> out;
  std::size_t start = 0;
  while (start <= stored.size()) {
    std::size_t comma = stored.find(',', start);
    if (comma == std::string_view::npos) comma = stored.size();
    if (auto lang = parse_lang(stored.substr(start, comma - start))) out.push_back(*lang);
    start = comma + 1;
  }
  return out;
}

std::map<std::string, std::map<std::string, std::string>> sections_of(const std::string& stored) {
  std::map<std::string, std::map<std::string, std::string>> out;
  json parsed = json::parse(stored, nullptr, false);
  if (!parsed.is_object()) return out;
  for (const auto& [lang, texts] : parsed.items()) {
    if (!texts.is_object()) continue;
    for (const auto& [id, text] : texts.items()) {
      if (text.is_string()) out[lang][id] = text.get<std::string>();
    }
  }
  return out;
}

Opening read_opening(store::StoredOpening stored, std::shared_ptr<const Employer> employer,
                     const catalog::Catalog& catalog, Date today) {
  Opening out;
  out.status = parse_opening_status(stored.status).value_or(OpeningStatus::draft);
  auto valid_through = parse_iso_date(stored.valid_through);
  out.expired = out.status == OpeningStatus::open && valid_through &&
                std::chrono::sys_days(today) > std::chrono::sys_days(*valid_through);
  out.employer = std::move(employer);
  out.role = catalog.find(RoleId(stored.role));
  out.languages = languages_of(stored.languages);
  out.sections = sections_of(stored.sections);
  out.questions = parse_questions(stored.questions);
  out.stored = std::move(stored);
  return out;
}

// Employer profiles read once per call, by id.
class EmployerCache {
 public:
  EmployerCache(store::Repository& repository, const store::Uuid& organisation)
      : m_repository(repository), m_organisation(organisation) {}

  Result<std::shared_ptr<const Employer>> get(const store::Uuid& id) {
    auto key = id.to_string();
    if (auto it = m_read.find(key); it != m_read.end()) return it->second;
    CCTEAM_TRY(Employer employer, find_employer(m_repository, m_organisation, id));
    auto shared = std::make_shared<const Employer>(std::move(employer));
    m_read.emplace(key, shared);
    return shared;
  }

 private:
  store::Repository& m_repository;
  store::Uuid m_organisation;
  std::map<std::string, std::shared_ptr<const Employer>> m_read;
};

bool contains_folded(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto fold = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [&](char a, char b) { return fold(a) == fold(b); });
  return it != haystack.end();
}

Error not_found(const store::Uuid& id) {
  return Error::not_found(msg(MsgId::opening_not_found, id.to_string()));
}

}  // namespace

std::string_view to_string(OpeningStatus status) {
  switch (status) {
    case OpeningStatus::draft:
      return "draft";
    case OpeningStatus::open:
      return "open";
    case OpeningStatus::closed:
      return "closed";
  }
  return "draft";
}

std::optional<OpeningStatus> parse_opening_status(std::string_view text) {
  if (text == "draft") return OpeningStatus::draft;
  if (text == "open") return OpeningStatus::open;
  if (text == "closed") return OpeningStatus::closed;
  return std::nullopt;
}

std::string Opening::title(Lang lang) const {
  if (employer && employer->profile && role != nullptr) {
    if (const posting::Position* position = employer->profile->find(role->id)) {
      return posting::posting_title(*role, *position, lang);
    }
  }
  if (role != nullptr) return role->title.get(lang);
  return stored.role;
}

std::string Opening::place_name() const {
  if (!employer || !employer->profile || stored.place < 0 ||
      static_cast<std::size_t>(stored.place) >= employer->profile->locations.size()) {
    return {};
  }
  const posting::Location& location =
      employer->profile->locations[static_cast<std::size_t>(stored.place)];
  return location.city + ", " + location.country;
}

bool can_see_opening(const Principal& who, const store::StoredOpening& opening) {
  if (who.role != access::WorkspaceRole::hiring_manager) return true;
  return opening.status != "draft" || opening.hiring_manager_id == who.user.id;
}

bool sees_internal_fields(const Principal& who, const store::StoredOpening& opening) {
  if (who.role != access::WorkspaceRole::hiring_manager) return true;
  return opening.hiring_manager_id == who.user.id;
}

Date utc_date(store::UnixMillis at) {
  return Date{std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(at)))};
}

Result<std::vector<Opening>> list_openings(store::Repository& repository,
                                           const store::Uuid& organisation,
                                           const catalog::Catalog& catalog, const Principal& who,
                                           Date today, std::size_t limit) {
  store::OpeningQuery query;
  query.limit = std::min(limit, k_max_listed_rows);
  CCTEAM_TRY(auto rows, repository.openings(organisation, query));
  EmployerCache employers(repository, organisation);
  std::vector<Opening> out;
  for (store::StoredOpening& row : rows) {
    if (!can_see_opening(who, row)) continue;
    auto employer = employers.get(row.employer_id);
    out.push_back(read_opening(std::move(row), employer ? *employer : nullptr, catalog, today));
  }
  return out;
}

Result<Opening> find_opening(store::Repository& repository, const store::Uuid& organisation,
                             const catalog::Catalog& catalog, const Principal* who,
                             const store::Uuid& id, Date today) {
  CCTEAM_TRY(auto row, repository.opening(organisation, id));
  if (!row || (who != nullptr && !can_see_opening(*who, *row))) {
    return tl::unexpected(not_found(id));
  }
  EmployerCache employers(repository, organisation);
  auto employer = employers.get(row->employer_id);
  return read_opening(std::move(*row), employer ? *employer : nullptr, catalog, today);
}

Checked<store::StoredOpening> check_opening(store::Repository& repository,
                                            const store::Uuid& organisation,
                                            const catalog::Catalog& catalog,
                                            const OpeningRequest& request, Date today,
                                            bool publishing) {
  Errors errors;
  store::StoredOpening out;
  out.organisation_id = organisation;

  std::optional<Employer> employer;
  if (request.employer_id.empty()) {
    errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::opening_required, "employer_id")),
                                "/employer_id"));
  } else if (auto id = store::Uuid::parse(request.employer_id); !id) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::employer_not_found, request.employer_id)), "/employer_id"));
  } else {
    auto found = find_employer(repository, organisation, *id);
    if (!found) {
      if (found.error().kind != ErrorKind::not_found) return tl::unexpected(Errors{found.error()});
      // A field naming what is not there: the body is wrong (422), not the address (404).
      errors.push_back(at_pointer(Error::invalid_input(found.error().message), "/employer_id"));
    } else if (!found->profile) {
      for (const Error& e : found->read_errors) errors.push_back(at_pointer(e, "/employer_id"));
    } else {
      out.employer_id = *id;
      employer = std::move(*found);
    }
  }

  const catalog::Role* role = nullptr;
  if (request.role.empty()) {
    errors.push_back(
        at_pointer(Error::invalid_input(msg(MsgId::opening_required, "role")), "/role"));
  } else {
    role = catalog.find(RoleId(request.role));
    if (role == nullptr) {
      errors.push_back(
          at_pointer(Error::invalid_input(msg(MsgId::role_not_found, request.role)), "/role"));
    }
  }
  out.role = request.role;
  if (employer && role != nullptr && employer->profile->find(role->id) == nullptr) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::opening_no_position, employer->stored.name, request.role),
                             {}, msg(MsgId::hint_opening_position)),
        "/role"));
  }

  out.place = request.place;
  if (employer && (request.place < 0 || static_cast<std::size_t>(request.place) >=
                                            employer->profile->locations.size())) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::opening_bad_place, request.place, employer->stored.name),
                             {}, msg(MsgId::hint_opening_place)),
        "/place"));
  }

  out.headcount = request.headcount;
  if (request.headcount < 1 || request.headcount > k_max_opening_headcount) {
    errors.push_back(
        at_pointer(Error::invalid_input(msg(MsgId::opening_bad_headcount, k_max_opening_headcount)),
                   "/headcount"));
  }

  if (!request.hiring_manager_id.empty()) {
    auto id = store::Uuid::parse(request.hiring_manager_id);
    std::optional<store::StoredUser> user;
    if (id) {
      auto found = repository.user_by_id(organisation, *id);
      if (!found) return tl::unexpected(Errors{found.error()});
      user = std::move(*found);
    }
    if (!user || user->disabled || user->role != "hiring_manager") {
      errors.push_back(at_pointer(
          Error::invalid_input(msg(MsgId::opening_bad_manager, request.hiring_manager_id), {},
                               msg(MsgId::hint_opening_manager)),
          "/hiring_manager_id"));
    } else {
      out.hiring_manager_id = id;
    }
  }

  out.employment_type = request.employment_type;
  if (!request.employment_type.empty() &&
      !posting::parse_employment_type(request.employment_type)) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::opening_bad_employment_type, request.employment_type), {},
                             msg(MsgId::hint_opening_employment_type)),
        "/employment_type"));
  }

  out.valid_through = request.valid_through;
  if (request.valid_through.empty()) {
    errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::opening_required, "valid_through")),
                                "/valid_through"));
  } else if (auto date = parse_iso_date(request.valid_through); !date) {
    errors.push_back(at_pointer(date.error(), "/valid_through"));
  } else if (publishing && std::chrono::sys_days(*date) < std::chrono::sys_days(today)) {
    errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::opening_valid_through_past,
                                                         request.valid_through, to_iso(today)),
                                                     {}, msg(MsgId::hint_opening_valid_through)),
                                "/valid_through"));
  }

  bool de = false;
  bool en = false;
  for (std::size_t i = 0; i < request.languages.size(); ++i) {
    const std::string& text = request.languages[i];
    auto lang = parse_lang(text);
    if (!lang) {
      errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::opening_bad_languages, text), {},
                                                       msg(MsgId::hint_opening_languages)),
                                  fmt::format("/languages/{}", i)));
      continue;
    }
    (*lang == Lang::de ? de : en) = true;
  }
  if (!de && !en && errors.empty()) {
    errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::opening_required, "languages"), {},
                                                     msg(MsgId::hint_opening_languages)),
                                "/languages"));
  }
  out.languages = de && en ? "de,en" : de ? "de" : "en";

  out.reference = trimmed_text(request.reference);
  auto control = std::find_if(out.reference.begin(), out.reference.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
  if (auto text = io::check_text(out.reference, "reference", io::Nul::allow); !text) {
    errors.push_back(at_pointer(text.error(), "/reference"));
  } else if (control != out.reference.end()) {
    // A reference is one line printed on postings and lists: no tabs, breaks or other controls.
    errors.push_back(at_pointer(
        Error::invalid_input(msg(
            MsgId::yaml_control_character,
            fmt::format("U+{:04X}", static_cast<unsigned>(static_cast<unsigned char>(*control))))),
        "/reference"));
  } else if (code_points(out.reference) > k_max_reference_chars) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::opening_text_too_long, "reference", k_max_reference_chars)),
        "/reference"));
  }

  json sections = json::object();
  for (const auto& [lang_text, texts] : request.sections) {
    if (!parse_lang(lang_text)) {
      errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::opening_bad_languages, lang_text),
                                                       {}, msg(MsgId::hint_opening_languages)),
                                  "/sections/" + lang_text.substr(0, 20)));
      continue;
    }
    for (const auto& [id, text] : texts) {
      std::string pointer = "/sections/" + lang_text + "/" + id.substr(0, 40);
      if (std::find(std::begin(k_posting_section_ids), std::end(k_posting_section_ids), id) ==
          std::end(k_posting_section_ids)) {
        errors.push_back(
            at_pointer(Error::invalid_input(msg(MsgId::posting_section_unknown, id.substr(0, 40)),
                                            {}, msg(MsgId::hint_posting_section)),
                       pointer));
        continue;
      }
      // Browsers send a textarea's line breaks as CR LF (HTML, form submission).
      std::string typed;
      for (char ch : trimmed_text(text)) {
        if (ch != '\r') typed += ch;
      }
      if (typed.empty()) continue;  // ccteam's text
      // Kept as the posting writer writes the blocks it reads as: raw HTML gone, and the lines
      // the linter's findings name are the lines the editor shows after a save.
      auto blocks = io::markdown_to_blocks(typed, id);
      if (!blocks) {
        errors.push_back(at_pointer(blocks.error(), pointer));
        continue;
      }
      std::string kept = trimmed_text(io::blocks_to_markdown(*blocks));
      if (kept.size() > k_max_section_bytes) {
        errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::posting_section_too_long, id,
                                                             k_max_section_bytes / 1024)),
                                    pointer));
        continue;
      }
      if (!kept.empty()) sections[lang_text][id] = kept;
    }
  }
  out.sections = sections.dump();

  std::vector<Question> questions = request.questions;
  std::vector<Lang> langs;
  if (de) langs.push_back(Lang::de);
  if (en) langs.push_back(Lang::en);
  for (Error& e : check_questions(questions, langs)) errors.push_back(std::move(e));
  out.questions = questions_json(questions);
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return out;
}

namespace {

// The row's section texts without those that are ccteam's own text unchanged (the editor starts
// from it): a section left as ccteam wrote it follows later changes of the profile or catalog.
// ccteam's text is that of the saved row and, for a change, that of the row before it ('before':
// what the editor showed), so that changing only the headcount does not freeze the old count
// into the text.
void drop_default_texts(store::Repository& repository, const catalog::Catalog& catalog,
                        store::StoredOpening& row, const store::StoredOpening* before, Date today) {
  EmployerCache employers(repository, row.organisation_id);
  auto employer = employers.get(row.employer_id);
  if (!employer) return;
  std::vector<Opening> shapes{read_opening(row, *employer, catalog, today)};
  if (before != nullptr) {
    if (auto earlier = employers.get(before->employer_id)) {
      shapes.push_back(read_opening(*before, *earlier, catalog, today));
    }
  }
  json kept = json::object();
  for (const auto& [lang_text, texts] : shapes.front().sections) {
    auto lang = parse_lang(lang_text);
    if (!lang) continue;
    std::vector<SectionDefault> defaults;
    for (const Opening& shape : shapes) {
      if (auto made = default_sections(shape, catalog, *lang, today)) {
        defaults.insert(defaults.end(), made->begin(), made->end());
      }
    }
    for (const auto& [id, text] : texts) {
      bool same = false;
      for (const SectionDefault& d : defaults) {
        same = same || (d.id == id && trimmed_text(d.markdown) == text);
      }
      if (!same) kept[lang_text][id] = text;
    }
  }
  row.sections = kept.dump();
}

}  // namespace

Checked<Opening> save_opening(store::Repository& repository, const store::Uuid& organisation,
                              const catalog::Catalog& catalog, const OpeningRequest& request,
                              const std::optional<store::Uuid>& id, std::int64_t expected_version,
                              Date today, const store::Actor& actor) {
  CCTEAM_TRY(store::StoredOpening row,
             check_opening(repository, organisation, catalog, request, today, false));
  if (!id) {
    drop_default_texts(repository, catalog, row, nullptr, today);
    row.status = "draft";
    auto added = repository.add_opening(std::move(row), actor);
    if (!added) return tl::unexpected(Errors{added.error()});
    auto found = find_opening(repository, organisation, catalog, nullptr, added->id, today);
    if (!found) return tl::unexpected(Errors{found.error()});
    return std::move(*found);
  }
  auto existing = repository.opening(organisation, *id);
  if (!existing) return tl::unexpected(Errors{existing.error()});
  if (!*existing) return tl::unexpected(Errors{not_found(*id)});
  drop_default_texts(repository, catalog, row, &**existing, today);
  row.id = *id;
  row.status = (*existing)->status;
  row.published_at = (*existing)->published_at;
  // An open opening stays lawful: a save may not move its date into the past.
  if (row.status == "open") {
    CCTEAM_TRY(store::StoredOpening checked,
               check_opening(repository, organisation, catalog, request, today, true));
    (void)checked;
  }
  std::vector<std::string> fields;
  const store::StoredOpening& before = **existing;
  auto changed = [&](bool differs, const char* name) {
    if (differs) fields.emplace_back(name);
  };
  changed(row.employer_id != before.employer_id, "employer_id");
  changed(row.role != before.role, "role");
  changed(row.place != before.place, "place");
  changed(row.headcount != before.headcount, "headcount");
  changed(row.hiring_manager_id != before.hiring_manager_id, "hiring_manager_id");
  changed(row.employment_type != before.employment_type, "employment_type");
  changed(row.valid_through != before.valid_through, "valid_through");
  changed(row.languages != before.languages, "languages");
  changed(row.reference != before.reference, "reference");
  changed(row.sections != before.sections, "sections");
  auto saved =
      repository.put_opening(std::move(row), expected_version, "opening.put", fields, actor);
  if (!saved) return tl::unexpected(Errors{saved.error()});
  auto found = find_opening(repository, organisation, catalog, nullptr, saved->id, today);
  if (!found) return tl::unexpected(Errors{found.error()});
  return std::move(*found);
}

OpeningRequest request_of(const Opening& opening) {
  const store::StoredOpening& row = opening.stored;
  OpeningRequest out;
  out.employer_id = row.employer_id.to_string();
  out.role = row.role;
  out.place = row.place;
  out.headcount = row.headcount;
  if (row.hiring_manager_id) out.hiring_manager_id = row.hiring_manager_id->to_string();
  out.employment_type = row.employment_type;
  out.valid_through = row.valid_through;
  for (Lang lang : opening.languages) out.languages.emplace_back(to_string(lang));
  out.reference = row.reference;
  out.sections = opening.sections;
  out.questions = opening.questions;
  return out;
}

Checked<Opening> set_opening_status(store::Repository& repository, const store::Uuid& organisation,
                                    const catalog::Catalog& catalog, const store::Uuid& id,
                                    OpeningStatus status, std::int64_t expected_version,
                                    int error_findings, bool confirmed, Date today,
                                    const store::Actor& actor) {
  auto opening = find_opening(repository, organisation, catalog, nullptr, id, today);
  if (!opening) return tl::unexpected(Errors{opening.error()});
  store::StoredOpening row = opening->stored;
  std::string action = "opening.put";
  if (status == OpeningStatus::open) {
    CCTEAM_TRY(store::StoredOpening checked,
               check_opening(repository, organisation, catalog, request_of(*opening), today, true));
    (void)checked;
    if (error_findings > 0 && !confirmed) {
      return tl::unexpected(Errors{Error::conflict(
          msg(MsgId::opening_publish_errors,
              opening->title(opening->languages.empty() ? Lang::de : opening->languages.front()),
              error_findings),
          msg(MsgId::hint_opening_publish_errors))});
    }
    action = error_findings > 0 ? "opening.publish_with_errors" : "opening.publish";
    if (!row.published_at) {
      row.published_at = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::sys_days(today).time_since_epoch())
                             .count();
    }
  } else if (status == OpeningStatus::closed) {
    action = "opening.close";
  }
  row.status = std::string(to_string(status));
  auto saved = repository.put_opening(std::move(row), expected_version, action, {"status"}, actor);
  if (!saved) return tl::unexpected(Errors{saved.error()});
  auto found = find_opening(repository, organisation, catalog, nullptr, id, today);
  if (!found) return tl::unexpected(Errors{found.error()});
  return std::move(*found);
}

Result<std::vector<store::StoredOpeningComment>> opening_comments(store::Repository& repository,
                                                                  const store::Uuid& organisation,
                                                                  const store::Uuid& id) {
  return repository.opening_comments(organisation, id, 500);
}

Result<store::StoredOpeningComment> add_opening_comment(store::Repository& repository,
                                                        const store::Uuid& organisation,
                                                        const store::Uuid& id, std::string text,
                                                        const store::Actor& actor) {
  std::string kept = trimmed_text(text);
  if (kept.empty() || code_points(kept) > k_max_comment_chars ||
      !io::check_text(kept, "text", io::Nul::refuse)) {
    return tl::unexpected(at_pointer(
        Error::invalid_input(msg(MsgId::opening_comment_empty, k_max_comment_chars)), "/text"));
  }
  store::StoredOpeningComment comment;
  comment.organisation_id = organisation;
  comment.opening_id = id;
  comment.text = std::move(kept);
  return repository.add_opening_comment(std::move(comment), actor);
}

namespace {

// The posting of the opening without the recruiter's texts.
Result<OpeningPosting> base_posting(const Opening& opening, const catalog::Catalog& catalog,
                                    Lang lang, Date today) {
  if (!opening.employer || !opening.employer->profile) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::employer_not_found, opening.stored.employer_id.to_string())));
  }
  if (opening.role == nullptr) {
    return tl::unexpected(Error::not_found(msg(MsgId::role_not_found, opening.stored.role)));
  }
  auto profile = std::make_shared<posting::EmployerProfile>(*opening.employer->profile);
  const store::StoredOpening& row = opening.stored;
  if (row.place >= 0 && static_cast<std::size_t>(row.place) < profile->locations.size()) {
    profile->locations = {profile->locations[static_cast<std::size_t>(row.place)]};
  }
  if (auto type = posting::parse_employment_type(row.employment_type)) {
    profile->employment_type = *type;
  }
  if (auto date = parse_iso_date(row.valid_through)) profile->valid_through = *date;
  profile->posting_date = row.published_at ? utc_date(*row.published_at) : today;
  std::vector<posting::Position> positions;
  for (const posting::Position& position : profile->positions) {
    if (position.role == opening.role->id) {
      positions.push_back(position);
      positions.back().openings = static_cast<int>(row.headcount);
    }
  }
  profile->positions = std::move(positions);
  CCTEAM_TRY(posting::PostingDocument document,
             posting::build_posting(*opening.role, catalog, *profile, lang));
  document.identifier = row.reference;
  document.direct_apply = true;
  OpeningPosting out;
  out.profile = std::move(profile);
  out.document = std::move(document);
  return out;
}

std::vector<SectionText> section_texts(const std::map<std::string, std::string>& texts) {
  std::vector<SectionText> out;
  for (const auto& [id, markdown] : texts) out.push_back({id, markdown});
  return out;
}

}  // namespace

Result<OpeningPosting> opening_posting(const Opening& opening, const catalog::Catalog& catalog,
                                       Lang lang, Date today,
                                       const std::map<std::string, std::string>* texts) {
  CCTEAM_TRY(OpeningPosting out, base_posting(opening, catalog, lang, today));
  if (texts == nullptr) {
    auto stored = opening.sections.find(std::string(to_string(lang)));
    if (stored != opening.sections.end()) texts = &stored->second;
  }
  if (texts != nullptr) {
    std::vector<SectionText> given = section_texts(*texts);
    if (auto applied = apply_section_texts(out.document, given); !applied) {
      return tl::unexpected(std::move(applied).error());
    }
  }
  return out;
}

Result<std::vector<SectionDefault>> default_sections(const Opening& opening,
                                                     const catalog::Catalog& catalog, Lang lang,
                                                     Date today) {
  CCTEAM_TRY(OpeningPosting posting, base_posting(opening, catalog, lang, today));
  std::vector<SectionDefault> out;
  for (const posting::Section& section : posting.document.sections) {
    out.push_back({section.id, section.heading, io::blocks_to_markdown(section.blocks)});
  }
  return out;
}

OpeningCheck check_opening_postings(
    const Opening& opening, const catalog::Catalog& catalog, const PostingRules& rules, Date today,
    const std::map<std::string, std::map<std::string, std::string>>* texts) {
  OpeningCheck out;
  for (Lang lang : opening.languages) {
    const std::map<std::string, std::string>* typed = nullptr;
    if (texts != nullptr) {
      auto it = texts->find(std::string(to_string(lang)));
      static const std::map<std::string, std::string> k_none;
      typed = it == texts->end() ? &k_none : &it->second;
    }
    auto posting = opening_posting(opening, catalog, lang, today, typed);
    if (!posting) continue;
    PostingCheck check = check_posting_document(posting->document, rules, today);
    out.errors += check.errors;
    out.by_lang.emplace(lang, std::move(check));
  }
  return out;
}

bool matches(const Opening& opening, const CareersFilter& filter) {
  const posting::EmployerProfile& profile = *opening.employer->profile;
  if (!filter.role.empty() && opening.stored.role != filter.role) return false;
  if (!filter.place.empty()) {
    std::string place = opening.place_name();
    if (place.substr(0, place.find(',')) != filter.place) return false;
  }
  if (!filter.employment_type.empty()) {
    std::string_view type = opening.stored.employment_type.empty()
                                ? posting::to_string(profile.employment_type)
                                : std::string_view(opening.stored.employment_type);
    if (type != filter.employment_type) return false;
  }
  if (!filter.remote.empty() && posting::to_string(profile.remote) != filter.remote) return false;
  if (!filter.lang.empty()) {
    auto lang = parse_lang(filter.lang);
    if (!lang || std::find(opening.languages.begin(), opening.languages.end(), *lang) ==
                     opening.languages.end()) {
      return false;
    }
  }
  if (!filter.text.empty() && !contains_folded(opening.title(Lang::de), filter.text) &&
      !contains_folded(opening.title(Lang::en), filter.text) &&
      !contains_folded(opening.place_name(), filter.text) &&
      !contains_folded(opening.stored.reference, filter.text)) {
    return false;
  }
  return true;
}

Result<std::vector<Opening>> public_openings(store::Repository& repository,
                                             const store::Uuid& organisation,
                                             const catalog::Catalog& catalog, Date today,
                                             const CareersFilter& filter, std::size_t limit) {
  store::OpeningQuery query;
  query.status = "open";
  query.valid_on = to_iso(today);
  query.limit = k_max_listed_rows;
  CCTEAM_TRY(auto rows, repository.openings(organisation, query));
  EmployerCache employers(repository, organisation);
  std::vector<Opening> out;
  for (store::StoredOpening& row : rows) {
    if (out.size() >= limit) break;
    auto employer = employers.get(row.employer_id);
    Opening opening = read_opening(std::move(row), employer ? *employer : nullptr, catalog, today);
    if (!opening.is_public() || opening.role == nullptr || !opening.employer ||
        !opening.employer->profile) {
      continue;
    }
    if (!matches(opening, filter)) continue;
    out.push_back(std::move(opening));
  }
  return out;
}

}  // namespace ccteam::app
