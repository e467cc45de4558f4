#include "app/workspace/applications.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "ccteam/access/access.hpp"
#include "ccteam/catalog/terms.hpp"
#include "ccteam/core/iso_codes.hpp"
#include "ccteam/qualify/evaluate.hpp"
#include "ccteam/qualify/language.hpp"
#include "io/base/markup.hpp"
#include "io/crypto/secrets.hpp"
#include "io/qualify/resume_json.hpp"
#include "io/qualify/screening_json.hpp"
#include "io/workspace/contact_keys.hpp"

namespace ccteam::app {

namespace {

using json = nlohmann::ordered_json;

// A field's label for messages, in both languages: "Job 2, From (year-month)".
LocalizedText label(MsgId field, std::optional<std::pair<MsgId, std::size_t>> group = {}) {
  LocalizedText out;
  for (Lang lang : {Lang::de, Lang::en}) {
    std::string text = tr(field, lang);
    if (group) text = render(msg(group->first, group->second + 1), lang) + ", " + text;
    out.get(lang) = std::move(text);
  }
  return out;
}

// More entries than 'max' (the form never sends them; a script may): one error at 'pointer'.
void check_count(std::size_t count, std::size_t max, MsgId field, const char* pointer,
                 Errors& errors) {
  if (count <= max) return;
  errors.push_back(at_pointer(
      Error::invalid_input(msg(MsgId::application_too_many, label(field), max)), pointer));
}

bool is_month(std::string_view text) {
  return text.size() == 7 && text[4] == '-' &&
         std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
         std::isdigit(static_cast<unsigned char>(text[5])) &&
         std::isdigit(static_cast<unsigned char>(text[6]));
}

// A month "YYYY-MM" that reads and is not after 'today'; nullopt (with an error) otherwise.
std::optional<PartialDate> check_month(const std::string& value, const std::string& pointer,
                                       const LocalizedText& name, Date today, Errors& errors) {
  auto parsed = is_month(value) ? PartialDate::parse(value) : Result<PartialDate>();
  if (!is_month(value) || !parsed) {
    errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::application_bad_month, name), {},
                                                     msg(MsgId::hint_application_month)),
                                pointer));
    return std::nullopt;
  }
  if (std::chrono::sys_days(parsed->earliest()) > std::chrono::sys_days(today)) {
    errors.push_back(
        at_pointer(Error::invalid_input(msg(MsgId::application_future, name)), pointer));
    return std::nullopt;
  }
  return *parsed;
}

}  // namespace

bool looks_like_email(std::string_view text) {
  // RFC 5321 section 4.5.3.1: at most 64 bytes before the '@', 254 in all (a path of 256 less
  // its angle brackets).
  auto at_sign = text.find('@');
  if (at_sign == std::string_view::npos || at_sign == 0 || at_sign > 64 || text.size() > 254 ||
      text.find('@', at_sign + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view local = text.substr(0, at_sign);
  std::string_view domain = text.substr(at_sign + 1);
  // The local part: no blanks, controls or specials that need quoting (a "mailto:" prefix, a
  // list), no dot at either end and no two in a row (RFC 5322 dot-atom).
  bool local_ok = std::none_of(local.begin(), local.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x21 || c == 0x7f ||
           std::string_view("()<>[]:;,\\\"").find(c) != std::string_view::npos;
  });
  if (!local_ok || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  // The domain: at least two labels of letters, digits and '-' (or UTF-8 letters of an
  // internationalised name), none empty, none starting or ending with '-' (RFC 1035, 5890).
  std::size_t labels = 0;
  while (true) {
    std::size_t dot = domain.find('.');
    std::string_view label = domain.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    bool label_ok = std::all_of(label.begin(), label.end(), [](char c) {
      auto u = static_cast<unsigned char>(c);
      return std::isalnum(u) != 0 || c == '-' || u >= 0x80;
    });
    if (!label_ok) return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return labels >= 2;
}

namespace {

bool looks_like_phone(std::string_view text) {
  int digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '-' && c != '/' && c != '.') {
      return false;
    }
  }
  return digits >= 5 && digits <= 20;
}

}  // namespace

// --- the form

const std::vector<EducationKind>& education_kinds() {
  // Values the engine's education table places (education.hpp), German first.
  static const std::vector<EducationKind> kinds = {
      {"Hauptschulabschluss", {"Hauptschulabschluss (lower secondary, DE)", "Hauptschulabschluss"}},
      {"Realschulabschluss",
       {"Realschulabschluss / Mittlere Reife (DE)", "Realschulabschluss / Mittlere Reife"}},
      {"Fachhochschulreife",
       {"Fachhochschulreife / Fachabitur (DE)", "Fachhochschulreife / Fachabitur"}},
      {"Abitur", {"Abitur (DE)", "Abitur / Allgemeine Hochschulreife"}},
      {"Berufsausbildung",
       {"Vocational training (Ausbildung, DE)",
        "Berufsausbildung (z. B. Kaufmann/-frau für Dialogmarketing)"}},
      {"Fachwirt", {"Fachwirt / Meister / Techniker (DE)", "Fachwirt / Meister / Techniker"}},
      {"GCSE", {"GCSE", "GCSE (UK)"}},
      {"High school diploma",
       {"High school diploma / GED / A-levels", "High-School-Abschluss / GED / A-Levels"}},
      {"Associate degree", {"Associate degree / HND", "Associate Degree / HND"}},
      {"Bachelor", {"Bachelor's degree", "Bachelor"}},
      {"Master", {"Master's degree / Diplom", "Master / Diplom"}},
      {"Promotion", {"Doctorate (PhD)", "Promotion"}},
  };
  return kinds;
}

const std::vector<std::string>& form_languages() {
  static const std::vector<std::string> codes = {"de", "en", "tr", "ar", "ru", "pl", "uk",
                                                 "fr", "es", "it", "ro", "hr", "sr", "el",
                                                 "pt", "nl", "fa", "ku", "vi", "zh"};
  return codes;
}

const std::vector<std::string>& form_levels() {
  static const std::vector<std::string> levels = {"A1", "A2", "B1", "B2", "C1", "C2", "native"};
  return levels;
}

std::string new_form_key() { return io::random_token(16); }

Errors check_application_form(const ApplicationForm& form, const std::vector<Question>& questions,
                              Date today) {
  Errors errors;
  check_typed_text(form.name, "/name", label(MsgId::web_apply_name), k_max_field_chars, true,
                   errors);
  check_typed_text(form.email, "/email", label(MsgId::web_apply_email), k_max_field_chars, true,
                   errors);
  if (std::string email = trimmed_text(form.email); !email.empty() && !looks_like_email(email)) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::application_bad_email, label(MsgId::web_apply_email)), {},
                             msg(MsgId::hint_application_email)),
        "/email"));
  }
  check_typed_text(form.phone, "/phone", label(MsgId::web_apply_phone), 40, false, errors);
  if (std::string phone = trimmed_text(form.phone); !phone.empty() && !looks_like_phone(phone)) {
    errors.push_back(at_pointer(
        Error::invalid_input(msg(MsgId::application_bad_phone, label(MsgId::web_apply_phone)), {},
                             msg(MsgId::hint_application_phone)),
        "/phone"));
  }
  check_typed_text(form.city, "/city", label(MsgId::web_apply_city), k_max_field_chars, false,
                   errors);

  check_count(form.work.size(), k_max_work_entries, MsgId::web_apply_work, "/work", errors);
  for (std::size_t i = 0; i < form.work.size() && i < k_max_work_entries; ++i) {
    const WorkEntry& w = form.work[i];
    std::string p = fmt::format("/work/{}", i);
    auto group = std::pair{MsgId::web_apply_job, i};
    check_typed_text(w.employer, p + "/employer", label(MsgId::web_apply_employer, group),
                     k_max_field_chars, false, errors);
    check_typed_text(w.title, p + "/title", label(MsgId::web_apply_position, group),
                     k_max_field_chars, true, errors);
    check_typed_text(w.duties, p + "/duties", label(MsgId::web_apply_duties, group),
                     k_max_duties_chars, false, errors, true);
    std::optional<PartialDate> start;
    if (trimmed_text(w.start).empty()) {
      errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::application_required,
                                                           label(MsgId::web_apply_from, group))),
                                  p + "/start"));
    } else {
      start = check_month(trimmed_text(w.start), p + "/start", label(MsgId::web_apply_from, group),
                          today, errors);
    }
    if (!trimmed_text(w.end).empty()) {
      auto end = check_month(trimmed_text(w.end), p + "/end", label(MsgId::web_apply_to, group),
                             today, errors);
      if (start && end &&
          std::chrono::sys_days(end->latest()) < std::chrono::sys_days(start->earliest())) {
        LocalizedText job{render(msg(MsgId::web_apply_job, i + 1), Lang::en),
                          render(msg(MsgId::web_apply_job, i + 1), Lang::de)};
        errors.push_back(at_pointer(
            Error::invalid_input(msg(MsgId::application_end_before_start, std::move(job))),
            p + "/end"));
      }
    }
  }

  check_count(form.education.size(), k_max_education_entries, MsgId::web_apply_education,
              "/education", errors);
  for (std::size_t i = 0; i < form.education.size() && i < k_max_education_entries; ++i) {
    const EducationEntry& e = form.education[i];
    std::string p = fmt::format("/education/{}", i);
    auto group = std::pair{MsgId::web_apply_school, i};
    const auto& kinds = education_kinds();
    bool known =
        e.kind == "other" || std::any_of(kinds.begin(), kinds.end(),
                                         [&](const EducationKind& k) { return k.value == e.kind; });
    if (e.kind.empty()) {
      errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::application_required,
                                                           label(MsgId::web_apply_kind, group))),
                                  p + "/kind"));
    } else if (!known) {
      errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::application_bad_choice,
                                                           label(MsgId::web_apply_kind, group))),
                                  p + "/kind"));
    }
    check_typed_text(e.field, p + "/field", label(MsgId::web_apply_field, group), k_max_field_chars,
                     e.kind == "other", errors);
    check_typed_text(e.institution, p + "/institution", label(MsgId::web_apply_institution, group),
                     k_max_field_chars, false, errors);
    if (!trimmed_text(e.finished).empty()) {
      check_month(trimmed_text(e.finished), p + "/finished",
                  label(MsgId::web_apply_finished, group), today, errors);
    }
  }

  check_count(form.languages.size(), k_max_language_entries, MsgId::web_apply_languages,
              "/languages", errors);
  for (std::size_t i = 0; i < form.languages.size() && i < k_max_language_entries; ++i) {
    const LanguageAnswer& l = form.languages[i];
    std::string p = fmt::format("/languages/{}", i);
    if (!is_language_code(l.language)) {
      errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::application_bad_choice,
                                                           label(MsgId::web_apply_language))),
                                  p + "/language"));
    }
    if (!form_level(l.level)) {
      errors.push_back(at_pointer(
          Error::invalid_input(msg(MsgId::application_bad_choice, label(MsgId::web_apply_level))),
          p + "/level"));
    }
  }

  for (const Question& q : questions) {
    std::string p = "/answers/" + q.id;
    auto found = form.answers.find(q.id);
    std::string answer = found == form.answers.end() ? std::string() : trimmed_text(found->second);
    LocalizedText name = label(MsgId::web_apply_questions);
    if (answer.empty()) {
      errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::application_required, name)), p));
      continue;
    }
    bool ok = true;
    switch (q.kind) {
      case QuestionKind::weekly_hours: {
        int hours = -1;
        auto [end, ec] = std::from_chars(answer.data(), answer.data() + answer.size(), hours);
        if (ec != std::errc() || end != answer.data() + answer.size() || hours < 0 || hours > 80) {
          errors.push_back(
              at_pointer(Error::invalid_input(msg(MsgId::application_bad_number, name, 0, 80)), p));
        }
        continue;
      }
      case QuestionKind::start_date:
        if (auto date = parse_iso_date(answer); !date) {
          errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::application_bad_date, name),
                                                           {}, msg(MsgId::hint_application_date)),
                                      p));
        }
        continue;
      case QuestionKind::language:
        ok = form_level(answer).has_value();
        break;
      case QuestionKind::choice: {
        std::size_t index = 0;
        auto [end, ec] = std::from_chars(answer.data(), answer.data() + answer.size(), index);
        ok = ec == std::errc() && end == answer.data() + answer.size() && index < q.choices.size();
        break;
      }
      case QuestionKind::shifts:
      case QuestionKind::weekends:
      case QuestionKind::work_permit:
      case QuestionKind::yes_no:
        ok = answer == "yes" || answer == "no";
        break;
    }
    if (!ok) {
      errors.push_back(
          at_pointer(Error::invalid_input(msg(MsgId::application_bad_choice, name)), p));
    }
  }
  return errors;
}

namespace {

// The applicant's profile as a JSON Resume document without "basics" (nothing identifying):
// what the engine reads, and what the pointers of its evidence point into.
json profile_json(const ApplicationForm& form) {
  json work = json::array();
  for (const WorkEntry& w : form.work) {
    json item{{"position", trimmed_text(w.title)}};
    if (!trimmed_text(w.employer).empty()) item["name"] = trimmed_text(w.employer);
    if (!trimmed_text(w.duties).empty()) item["summary"] = trimmed_text(w.duties);
    item["startDate"] = trimmed_text(w.start);
    if (!trimmed_text(w.end).empty()) item["endDate"] = trimmed_text(w.end);
    work.push_back(std::move(item));
  }
  json education = json::array();
  for (const EducationEntry& e : form.education) {
    json item = json::object();
    if (e.kind != "other") item["studyType"] = e.kind;
    if (!trimmed_text(e.field).empty()) item["area"] = trimmed_text(e.field);
    if (!trimmed_text(e.institution).empty()) item["institution"] = trimmed_text(e.institution);
    if (!trimmed_text(e.finished).empty()) item["endDate"] = trimmed_text(e.finished);
    education.push_back(std::move(item));
  }
  json languages = json::array();
  for (const LanguageAnswer& l : form.languages) {
    languages.push_back(json{{"language", l.language}, {"fluency", l.level}});
  }
  return json{{"work", std::move(work)},
              {"education", std::move(education)},
              {"languages", std::move(languages)}};
}

}  // namespace

std::string application_link(const MailSettings& mail, Lang lang, std::string_view token) {
  if (mail.public_url.empty()) return {};
  return mail.public_url + "/" + std::string(ccteam::to_string(lang)) + "/application/" +
         std::string(token);
}

store::TokenHash token_hash(std::string_view token) {
  auto digest = io::sha256(token);
  store::TokenHash out{};
  std::copy(digest.begin(), digest.end(), out.begin());
  return out;
}

Checked<SubmittedForm> submit_application(
    store::Repository& repository, const store::Uuid& organisation, const catalog::Catalog& catalog,
    const store::Uuid& opening_id, const ApplicationForm& form, Lang lang, std::string_view client,
    std::string_view secret, Date today, std::int64_t max_per_window, const MailSettings& mail,
    const DocumentSettings& document_settings) {
  auto opening = find_opening(repository, organisation, catalog, nullptr, opening_id, today);
  if (!opening) return tl::unexpected(Errors{opening.error()});
  if (opening->status == OpeningStatus::draft || !opening->employer ||
      !opening->employer->profile) {
    return tl::unexpected(
        Errors{Error::not_found(msg(MsgId::opening_not_found, opening_id.to_string()))});
  }
  if (!opening->is_public()) {
    return tl::unexpected(Errors{Error::conflict(msg(MsgId::application_closed))});
  }
  if (form.idempotency_key.size() < 16 || form.idempotency_key.size() > 64) {
    return tl::unexpected(
        Errors{at_pointer(Error::invalid_input(msg(MsgId::application_key_missing), {},
                                               msg(MsgId::hint_application_key)),
                          "/idempotency_key")});
  }
  SubmittedForm out;
  if (!form.honeypot.empty()) {
    out.dropped = true;
    return out;
  }
  std::vector<Question> questions = parse_questions(opening->stored.questions);
  Errors errors = check_application_form(form, questions, today);
  auto documents = check_documents(form.documents, document_settings);
  if (!documents) {
    for (Error& e : documents.error()) errors.push_back(std::move(e));
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));

  const posting::EmployerProfile& profile = *opening->employer->profile;
  store::ApplicationSubmission submission;
  store::StoredApplication& row = submission.application;
  row.organisation_id = organisation;
  row.opening_id = opening_id;
  row.status = "received";
  row.source = "form";
  row.channel = form.channel.substr(0, 40);
  row.lang = std::string(ccteam::to_string(lang));
  auto place = static_cast<std::size_t>(opening->stored.place);
  row.jurisdiction = place < profile.locations.size() ? profile.locations[place].country : "";
  json personal{{"name", trimmed_text(form.name)}, {"email", trimmed_text(form.email)}};
  if (!trimmed_text(form.phone).empty()) personal["phone"] = trimmed_text(form.phone);
  if (!trimmed_text(form.city).empty()) personal["city"] = trimmed_text(form.city);
  row.personal = personal.dump();
  row.email_key = io::normalised_email(trimmed_text(form.email));
  if (!trimmed_text(form.phone).empty()) {
    row.phone_key = io::phone_e164(trimmed_text(form.phone), row.jurisdiction);
  }
  row.profile = profile_json(form).dump();
  json answers = json::object();
  for (const Question& q : questions) answers[q.id] = trimmed_text(form.answers.at(q.id));
  row.answers = answers.dump();
  row.privacy_version = profile.privacy_notice ? profile.privacy_notice->version : "";
  if (form.talent_pool) {
    auto until = std::chrono::year_month_day(today.year(), today.month(), std::chrono::day(1)) +
                 std::chrono::months(k_talent_pool_months);
    Date last =
        std::chrono::year_month_day_last(until.year(), std::chrono::month_day_last(until.month()));
    Date end{until.year(), until.month(), std::min(today.day(), last.day())};
    row.talent_pool_until = to_iso(end);
  }
  row.review_rank = k_unscreened_rank;
  out.token = io::keyed_digest(secret, "application-link:" + form.idempotency_key);
  submission.idempotency_key = form.idempotency_key;
  submission.access_token_hash = token_hash(out.token);
  submission.rate_key = token_hash(fmt::format("application-rate:{}", client));
  store::UnixMillis now = store::unix_millis_now();
  submission.rate_since = now - k_application_window_ms;
  submission.rate_limit = max_per_window;
  // With documents, their text is read first; that job queues the screening.
  submission.screening_job.kind =
      std::string(documents->empty() ? k_screen_application_job : k_read_documents_job);
  submission.screening_job.max_attempts = 5;
  std::string link = application_link(mail, lang, out.token);
  submission.acknowledgement =
      acknowledgement_message(trimmed_text(form.email),
                              acknowledgement_text(profile, opening->title(lang),
                                                   trimmed_text(form.name), today, link, lang),
                              lang, mail);
  submission.mail_job.kind = std::string(k_send_mail_job);
  submission.mail_job.max_attempts = std::max<std::int64_t>(1, mail.max_attempts);
  // The contents first: no row may name a content that is not there. A crash before the
  // transaction leaves orphans, which sweep_documents takes.
  auto contents = store_contents(repository.documents(), *documents, "applicant");
  if (!contents) return tl::unexpected(Errors{contents.error()});
  submission.documents = std::move(*contents);
  std::vector<std::string> written;
  for (const store::StoredDocument& document : submission.documents) {
    written.push_back(document.sha256);
  }
  auto stored = repository.add_application(std::move(submission), store::Actor::system());
  // Nothing new stored (refused, throttled, or the same form sent again): the contents just
  // written go again unless a row names them, so that repeats and refusals fill no disk.
  if (!written.empty() && (!stored || stored->existing)) {
    (void)release_contents(repository, written);
  }
  if (!stored) return tl::unexpected(Errors{stored.error()});
  out.application = std::move(stored->application);
  out.existing = stored->existing;
  return out;
}

Result<std::optional<store::StoredApplication>> application_by_link(store::Repository& repository,
                                                                    std::string_view token) {
  if (token.size() < 20 || token.size() > 100) return std::optional<store::StoredApplication>();
  return repository.application_by_token(token_hash(token));
}

Result<store::StoredApplication> withdraw_by_link(store::Repository& repository,
                                                  std::string_view token) {
  CCTEAM_TRY(auto found, application_by_link(repository, token));
  if (!found) {
    return tl::unexpected(Error::not_found(msg(MsgId::application_not_found, "-")));
  }
  return repository.withdraw_application(found->organisation_id, found->id, store::Actor::system());
}

// --- screening

qualify::Person person_of(const store::StoredApplication& application) {
  qualify::Person person;
  std::size_t next_id = 1;
  io::read_json_resumes(application.profile, "", next_id, [&](Result<qualify::Person> read) {
    if (read) person = std::move(*read);
  });
  person.id = blind_label(application.id);
  person.personal = {};
  return person;
}

std::int64_t review_rank(std::string_view verdict, std::int64_t knockouts_missed,
                         std::int64_t preferred_met) {
  constexpr std::array k_order = {
      std::string_view("meets"), std::string_view("meets_by_substitution"),
      std::string_view("needs_review"), std::string_view("does_not_meet_minimum")};
  std::int64_t verdict_rank = 4;
  for (std::size_t i = 0; i < k_order.size(); ++i) {
    if (k_order[i] == verdict) verdict_rank = static_cast<std::int64_t>(i);
  }
  return verdict_rank * 1'000'000 + std::clamp<std::int64_t>(knockouts_missed, 0, 999) * 1000 +
         (999 - std::clamp<std::int64_t>(preferred_met, 0, 999));
}

namespace {

// One criterion per question: met when the answer is the accepted one.
json knockout_json(const Question& q, const std::string& answer, std::string_view country,
                   bool& met) {
  auto both = [](const Message& m) {
    return json{{"de", render(m, Lang::de)}, {"en", render(m, Lang::en)}};
  };
  Message title{MsgId::knockout_answer, {}};
  Message given{MsgId::knockout_answer, {answer}};
  met = false;
  auto yes_no = [&](MsgId what) {
    title = msg(what);
    met = answer == "yes";
    given = msg(answer == "yes" ? MsgId::knockout_possible : MsgId::knockout_not_possible);
  };
  switch (q.kind) {
    case QuestionKind::weekly_hours: {
      int hours = 0;
      std::from_chars(answer.data(), answer.data() + answer.size(), hours);
      title = msg(MsgId::knockout_weekly_hours, q.min_hours);
      given = msg(MsgId::knockout_weekly_hours_answer, hours);
      met = hours >= q.min_hours;
      break;
    }
    case QuestionKind::shifts:
      yes_no(MsgId::knockout_shifts);
      break;
    case QuestionKind::weekends:
      yes_no(MsgId::knockout_weekends);
      break;
    case QuestionKind::work_permit:
      yes_no(MsgId::knockout_permit);
      title = msg(MsgId::knockout_permit,
                  LocalizedText{country_name(country, Lang::en), country_name(country, Lang::de)});
      break;
    case QuestionKind::start_date: {
      auto latest = parse_iso_date(q.latest_start);
      auto start = parse_iso_date(answer);
      title = msg(MsgId::knockout_start, q.latest_start);
      given = msg(MsgId::knockout_start_answer, answer);
      met = latest && start && std::chrono::sys_days(*start) <= std::chrono::sys_days(*latest);
      break;
    }
    case QuestionKind::language: {
      title = msg(MsgId::knockout_language, qualify::language_name(q.language), q.level);
      given = answer == "native"
                  ? msg(MsgId::knockout_language_answer, MsgId::web_apply_level_native)
                  : msg(MsgId::knockout_language_answer, answer);
      auto need = form_level(q.level);
      auto have = form_level(answer);
      met = need && have && static_cast<int>(*have) >= static_cast<int>(*need);
      break;
    }
    case QuestionKind::yes_no:
      title = Message{MsgId::knockout_answer, {}};
      met = q.expected.empty() || answer == q.expected;
      given =
          msg(MsgId::knockout_answer, answer == "yes" ? MsgId::web_apply_yes : MsgId::web_apply_no);
      break;
    case QuestionKind::choice: {
      std::size_t index = q.choices.size();
      std::from_chars(answer.data(), answer.data() + answer.size(), index);
      met = std::find(q.accepted.begin(), q.accepted.end(), index) != q.accepted.end();
      LocalizedText chosen = index < q.choices.size() ? q.choices[index] : LocalizedText{};
      given = msg(MsgId::knockout_answer, chosen);
      break;
    }
  }
  json out{{"id", q.id}, {"kind", to_string(q.kind)}};
  if (is_own_question(q.kind)) {
    out["title"] = json{{"de", question_text(q, Lang::de, country)},
                        {"en", question_text(q, Lang::en, country)}};
  } else {
    out["title"] = both(title);
  }
  out["answer"] = both(given);
  out["outcome"] = met ? "met" : "not_met";
  out["outcome_text"] = both(msg(met ? MsgId::knockout_possible : MsgId::knockout_not_possible));
  return out;
}

// A question the applicant was not asked (added by import).
json not_asked_json(const Question& q, std::string_view country) {
  bool met = false;
  json out = knockout_json(q, "", country, met);
  json not_asked{{"de", tr(MsgId::knockout_not_asked, Lang::de)},
                 {"en", tr(MsgId::knockout_not_asked, Lang::en)}};
  out["answer"] = json{{"de", "–"}, {"en", "–"}};
  out["outcome"] = "not_asked";
  out["outcome_text"] = std::move(not_asked);
  return out;
}

}  // namespace

Result<store::Uuid> application_of_job(const store::StoredJob& job) {
  auto payload = nlohmann::json::parse(job.payload, nullptr, false);
  std::optional<store::Uuid> id;
  if (payload.is_object() && payload.contains("application") &&
      payload["application"].is_string()) {
    id = store::Uuid::parse(payload["application"].get<std::string>());
  }
  if (!id) return tl::unexpected(Error::internal(msg(MsgId::application_not_found, job.payload)));
  return *id;
}

JobHandler screening_handler(store::Repository& repository, CatalogSource catalogs) {
  // The evaluator of the current catalog (its stemmers and matchers are built once per catalog,
  // not per application); one job at a time uses it.
  struct Kept {
    std::mutex mutex;
    const catalog::Catalog* catalog = nullptr;
    std::int64_t revision = -1;
    std::shared_ptr<const void> keep;  // the catalog the evaluator refers to stays alive
    std::unique_ptr<qualify::Evaluator> evaluator;
  };
  auto kept = std::make_shared<Kept>();
  return [&repository, catalogs = std::move(catalogs), kept](const store::StoredJob& job,
                                                             JobControl&) -> Result<std::string> {
    CCTEAM_TRY(store::Uuid id, application_of_job(job));
    CCTEAM_TRY(auto application, repository.application(job.organisation_id, id));
    if (!application) return std::string(R"({"skipped":"erased"})");
    // The screening waits for the documents' text: the job that reads them queues it again.
    CCTEAM_TRY(ScreeningTexts texts, screening_texts(repository, job.organisation_id, id));
    if (texts.pending) return std::string(R"({"skipped":"documents pending"})");
    CCTEAM_TRY(CatalogAt at, catalogs());
    Date today = utc_date(store::unix_millis_now());
    CCTEAM_TRY(Opening opening, find_opening(repository, job.organisation_id, *at.catalog, nullptr,
                                             application->opening_id, today));
    if (opening.role == nullptr) {
      return tl::unexpected(Error::not_found(msg(MsgId::role_not_found, opening.stored.role)));
    }
    std::string country = application->jurisdiction.empty() ? "*" : application->jurisdiction;
    std::lock_guard lock(kept->mutex);
    if (!kept->evaluator || kept->catalog != at.catalog || kept->revision != at.revision) {
      kept->evaluator.reset();
      kept->evaluator = std::make_unique<qualify::Evaluator>(*at.catalog);
      kept->catalog = at.catalog;
      kept->revision = at.revision;
      kept->keep = at.keep;
    }
    const qualify::Evaluator& evaluator = *kept->evaluator;
    qualify::Person person = person_of(*application);
    person.documents = std::move(texts.texts);
    qualify::EvaluationOptions options;
    options.as_of = utc_date(application->created_at);
    options.country = country;
    qualify::Evaluation evaluation = evaluator.evaluate(person, *opening.role, options);

    auto answers = nlohmann::json::parse(application->answers, nullptr, false);
    json knockouts = json::array();
    std::int64_t missed = 0;
    for (const Question& q : parse_questions(opening.stored.questions)) {
      std::string answer;
      if (answers.is_object() && answers.contains(q.id) && answers[q.id].is_string()) {
        answer = answers[q.id].get<std::string>();
      }
      // An applicant added by import was not asked: neither met nor missed.
      if (answer.empty() && application->source == "import") {
        knockouts.push_back(not_asked_json(q, country));
        continue;
      }
      bool met = false;
      knockouts.push_back(knockout_json(q, answer, country, met));
      if (!met) ++missed;
    }
    json screening{{"role", opening.stored.role},
                   {"country", country},
                   {"as_of", to_iso(options.as_of)},
                   {"catalog_revision", at.revision},
                   {"de", io::evaluation_to_json(evaluation, Lang::de)},
                   {"en", io::evaluation_to_json(evaluation, Lang::en)},
                   {"knockouts", std::move(knockouts)}};
    store::ApplicationScreening result;
    result.verdict = std::string(qualify::to_string(evaluation.verdict));
    result.knockouts_missed = missed;
    result.preferred_met = evaluation.preferred_met;
    result.review_rank = review_rank(result.verdict, missed, evaluation.preferred_met);
    result.screening = screening.dump();
    result.catalog_version = at.revision;
    CCTEAM_TRY(auto stored, repository.record_screening(job.organisation_id, id, result,
                                                        store::Actor::system()));
    return json{{"application", stored.id.to_string()}, {"verdict", result.verdict}}.dump();
  };
}

// --- the recruiter's list

std::string blind_label(const store::Uuid& id) {
  std::string hex = id.to_string();
  return "A-" + hex.substr(hex.size() - 6);
}

bool can_see_applications(const Principal& who, const store::StoredOpening& opening) {
  switch (who.role) {
    case access::WorkspaceRole::admin:
    case access::WorkspaceRole::recruiter:
      return true;
    case access::WorkspaceRole::hiring_manager:
      return opening.hiring_manager_id && *opening.hiring_manager_id == who.user.id;
    case access::WorkspaceRole::works_council:
    case access::WorkspaceRole::viewer:
      return false;
  }
  return false;
}

namespace {

ApplicationView view_of(store::StoredApplication stored, bool reveal, Lang lang) {
  ApplicationView view;
  view.label = blind_label(stored.id);
  view.revealed = reveal;
  if (!stored.screening.empty()) {
    auto parsed = json::parse(stored.screening, nullptr, false);
    if (parsed.is_object()) {
      std::string key(ccteam::to_string(lang));
      json evaluation = parsed.contains(key) ? parsed[key] : json::object();
      json out = json::object();
      out["verdict"] = evaluation.value("verdict", "");
      out["verdict_text"] = evaluation.value("verdict_text", "");
      out["preferred_met"] = evaluation.value("preferred_met", 0);
      out["criteria"] = evaluation.contains("criteria") ? evaluation["criteria"] : json::array();
      json knockouts = json::array();
      if (parsed.contains("knockouts") && parsed["knockouts"].is_array()) {
        for (const json& k : parsed["knockouts"]) {
          json item{{"id", k.value("id", "")},
                    {"kind", k.value("kind", "")},
                    {"outcome", k.value("outcome", "")}};
          for (const char* field : {"title", "answer", "outcome_text"}) {
            item[field] = k.contains(field) && k[field].contains(key) ? k[field][key] : json("");
          }
          knockouts.push_back(std::move(item));
        }
      }
      out["knockouts"] = std::move(knockouts);
      out["role"] = parsed.value("role", "");
      out["country"] = parsed.value("country", "");
      out["catalog_revision"] = parsed.value("catalog_revision", 0);
      view.screening = std::move(out);
    }
  }
  if (reveal) {
    auto personal = json::parse(stored.personal, nullptr, false);
    view.personal = personal.is_object() ? personal : json::object();
  } else {
    view.personal = json::object();
    stored.personal = "{}";
    stored.email_key.reset();
    stored.phone_key.reset();
  }
  view.stored = std::move(stored);
  return view;
}

// Fills the possible duplicates of 'views' with one query, keeping those of openings whose
// applications 'who' may see (each opening looked up once, each view found by its id).
Result<void> add_duplicates(store::Repository& repository, const store::Uuid& organisation,
                            const Principal& who, const std::vector<ApplicationView*>& views) {
  if (views.empty()) return {};
  std::vector<store::Uuid> ids;
  ids.reserve(views.size());
  // The first view of each id, as a search from the front would find it.
  std::map<store::Uuid, ApplicationView*> view_by_id;
  for (ApplicationView* view : views) {
    ids.push_back(view->stored.id);
    view_by_id.emplace(view->stored.id, view);
  }
  CCTEAM_TRY(auto found,
             repository.duplicate_applications(organisation, ids, k_max_duplicates_shown));
  std::map<store::Uuid, bool> visible;
  for (const store::DuplicateApplication& duplicate : found) {
    auto known = visible.find(duplicate.opening_id);
    if (known == visible.end()) {
      CCTEAM_TRY(auto opening, repository.opening(organisation, duplicate.opening_id));
      bool sees = opening && can_see_opening(who, *opening) && can_see_applications(who, *opening);
      known = visible.emplace(duplicate.opening_id, sees).first;
    }
    if (!known->second) continue;
    auto view = view_by_id.find(duplicate.of);
    if (view == view_by_id.end()) continue;
    view->second->duplicates.push_back(PossibleDuplicate{
        duplicate.id, duplicate.opening_id, blind_label(duplicate.id), duplicate.status,
        duplicate.created_at, duplicate.email, duplicate.phone});
  }
  return {};
}

Error application_hidden(const store::Uuid& id) {
  return Error::not_found(msg(MsgId::application_not_found, id.to_string()));
}

}  // namespace

bool may_reveal(const Principal& who, const store::StoredApplication& application) {
  if (!application.unblinded_at) return false;
  return who.role == access::WorkspaceRole::admin || who.role == access::WorkspaceRole::recruiter ||
         who.role == access::WorkspaceRole::hiring_manager;
}

Result<store::StoredApplication> visible_application(store::Repository& repository,
                                                     const store::Uuid& organisation,
                                                     const Principal& who, const store::Uuid& id) {
  CCTEAM_TRY(auto application, repository.application(organisation, id));
  if (!application) return tl::unexpected(application_hidden(id));
  CCTEAM_TRY(auto opening, repository.opening(organisation, application->opening_id));
  if (!opening || !can_see_opening(who, *opening) || !can_see_applications(who, *opening)) {
    return tl::unexpected(application_hidden(id));
  }
  return std::move(*application);
}

Result<ApplicationPage> list_applications(store::Repository& repository,
                                          const store::Uuid& organisation,
                                          const catalog::Catalog& catalog, const Principal& who,
                                          const store::Uuid& opening_id,
                                          const ApplicationFilter& filter, Lang lang, Date today) {
  CCTEAM_TRY(Opening opening,
             find_opening(repository, organisation, catalog, &who, opening_id, today));
  if (!can_see_applications(who, opening.stored)) {
    return tl::unexpected(Error::not_found(msg(MsgId::opening_not_found, opening_id.to_string())));
  }
  store::ApplicationQuery query;
  query.opening = opening_id;
  query.limit = std::clamp<std::size_t>(filter.limit, 1, 200);
  if (!filter.verdict.empty()) {
    constexpr std::array k_verdicts = {"meets", "meets_by_substitution", "needs_review",
                                       "does_not_meet_minimum", "pending"};
    if (std::find(k_verdicts.begin(), k_verdicts.end(), filter.verdict) == k_verdicts.end()) {
      return tl::unexpected(at_pointer(
          Error::invalid_input(msg(MsgId::application_bad_choice, "verdict")), "/verdict"));
    }
    query.verdict = filter.verdict;
  }
  if (filter.knockouts == "met") query.knockouts_met = true;
  if (filter.knockouts == "missed") query.knockouts_met = false;
  if (!filter.knockouts.empty() && !query.knockouts_met) {
    return tl::unexpected(at_pointer(
        Error::invalid_input(msg(MsgId::application_bad_choice, "knockouts")), "/knockouts"));
  }
  if (!filter.channel.empty()) query.channel = filter.channel;
  if (!filter.after.empty()) {
    auto dot = filter.after.find('.');
    std::int64_t rank = 0;
    std::optional<store::Uuid> after;
    if (dot != std::string::npos) {
      auto [end, ec] = std::from_chars(filter.after.data(), filter.after.data() + dot, rank);
      if (ec == std::errc() && end == filter.after.data() + dot) {
        after = store::Uuid::parse(filter.after.substr(dot + 1));
      }
    }
    if (!after) {
      return tl::unexpected(
          at_pointer(Error::invalid_input(msg(MsgId::application_bad_choice, "after")), "/after"));
    }
    query.after = std::pair{rank, *after};
  }
  // One more than asked: whether there is a next page.
  ++query.limit;
  CCTEAM_TRY(auto rows, repository.applications(organisation, query));
  ApplicationPage page;
  std::size_t shown = std::min(rows.size(), query.limit - 1);
  for (std::size_t i = 0; i < shown; ++i) {
    bool reveal = may_reveal(who, rows[i]);
    page.rows.push_back(view_of(std::move(rows[i]), reveal, lang));
  }
  if (rows.size() > shown && !page.rows.empty()) {
    const auto& last = page.rows.back().stored;
    page.next = fmt::format("{}.{}", last.review_rank, last.id.to_string());
  }
  std::vector<ApplicationView*> views;
  for (ApplicationView& view : page.rows) views.push_back(&view);
  if (auto added = add_duplicates(repository, organisation, who, views); !added) {
    return tl::unexpected(std::move(added).error());
  }
  return page;
}

namespace {

// The e-mails to the applicant of 'id', without recipient, subject and body unless 'personal'.
Result<std::vector<store::StoredMessage>> messages_for(store::Repository& repository,
                                                       const store::Uuid& organisation,
                                                       const store::Uuid& id, bool personal) {
  CCTEAM_TRY(auto messages, repository.application_messages(organisation, id));
  if (!personal) {
    for (store::StoredMessage& message : messages) {
      message.recipient.clear();
      message.subject.clear();
      message.body.clear();
    }
  }
  return messages;
}

Result<std::vector<store::StoredDocument>> documents_for(store::Repository& repository,
                                                         const store::Uuid& organisation,
                                                         const store::Uuid& id, bool personal) {
  CCTEAM_TRY(auto documents, repository.application_documents(organisation, id));
  if (!personal) {
    for (store::StoredDocument& document : documents) document.file_name.clear();
  }
  return documents;
}

// Deletes the application and then the contents of its documents that no other application
// holds.
Result<void> erase_with_documents(store::Repository& repository, const store::Uuid& organisation,
                                  const store::Uuid& id, const std::string& action,
                                  const store::Actor& actor) {
  CCTEAM_TRY(auto documents, repository.application_documents(organisation, id));
  if (auto erased = repository.erase_application(organisation, id, action, actor); !erased) {
    return erased;
  }
  std::vector<std::string> contents;
  for (const store::StoredDocument& document : documents) contents.push_back(document.sha256);
  return release_contents(repository, contents);
}

}  // namespace

Result<ApplicationView> find_application(store::Repository& repository,
                                         const store::Uuid& organisation, const Principal& who,
                                         const store::Uuid& id, Lang lang) {
  CCTEAM_TRY(auto application, visible_application(repository, organisation, who, id));
  bool reveal = may_reveal(who, application);
  ApplicationView view = view_of(std::move(application), reveal, lang);
  if (auto added = add_duplicates(repository, organisation, who, {&view}); !added) {
    return tl::unexpected(std::move(added).error());
  }
  CCTEAM_TRY(view.messages, messages_for(repository, organisation, view.stored.id, reveal));
  CCTEAM_TRY(view.documents, documents_for(repository, organisation, view.stored.id, reveal));
  return view;
}

Result<ApplicationView> unblind_application(store::Repository& repository,
                                            const store::Uuid& organisation, const Principal& who,
                                            const store::Uuid& id, Lang lang,
                                            const store::Actor& actor) {
  CCTEAM_TRY(auto application, visible_application(repository, organisation, who, id));
  if (who.role != access::WorkspaceRole::admin && who.role != access::WorkspaceRole::recruiter) {
    return tl::unexpected(
        Error::forbidden(msg(MsgId::auth_forbidden, tr(access::role_title(who.role), lang))));
  }
  CCTEAM_TRY(auto stored, repository.record_application_access(organisation, application.id,
                                                               "application.unblind", actor));
  ApplicationView view = view_of(std::move(stored), true, lang);
  if (auto added = add_duplicates(repository, organisation, who, {&view}); !added) {
    return tl::unexpected(std::move(added).error());
  }
  CCTEAM_TRY(view.messages, messages_for(repository, organisation, view.stored.id, true));
  CCTEAM_TRY(view.documents, documents_for(repository, organisation, view.stored.id, true));
  return view;
}

Result<json> export_application(store::Repository& repository, const store::Uuid& organisation,
                                const Principal& who, const store::Uuid& id,
                                const store::Actor& actor) {
  CCTEAM_TRY(auto application, visible_application(repository, organisation, who, id));
  if (who.role != access::WorkspaceRole::admin && who.role != access::WorkspaceRole::recruiter) {
    return tl::unexpected(
        Error::forbidden(msg(MsgId::auth_forbidden, tr(access::role_title(who.role), Lang::en))));
  }
  CCTEAM_TRY(auto stored, repository.record_application_access(organisation, application.id,
                                                               "application.export", actor));
  auto parse = [](const std::string& text) {
    auto value = json::parse(text, nullptr, false);
    return value.is_discarded() ? json() : value;
  };
  json out{{"format", "ccteam-application/1"},
           {"id", stored.id.to_string()},
           {"opening_id", stored.opening_id.to_string()},
           {"status", stored.status},
           {"source", stored.source},
           {"channel", stored.channel},
           {"legal_basis", stored.legal_basis.empty() ? json(nullptr) : json(stored.legal_basis)},
           {"lang", stored.lang},
           {"jurisdiction", stored.jurisdiction},
           {"received_at", stored.created_at},
           {"personal", parse(stored.personal)},
           {"profile", parse(stored.profile)},
           {"answers", parse(stored.answers)},
           {"privacy_notice_version", stored.privacy_version},
           {"talent_pool_until",
            stored.talent_pool_until ? json(*stored.talent_pool_until) : json(nullptr)},
           {"screening", stored.screening.empty() ? json(nullptr) : parse(stored.screening)},
           {"withdrawn_at", stored.withdrawn_at ? json(*stored.withdrawn_at) : json(nullptr)}};
  CCTEAM_TRY(auto messages, repository.application_messages(organisation, stored.id));
  json sent = json::array();
  for (const store::StoredMessage& message : messages) sent.push_back(message_json(message, true));
  out["messages"] = std::move(sent);
  // The documents as held (their contents are downloaded one by one from the application),
  // with the text read from each: data about the person the screening used.
  CCTEAM_TRY(auto documents, repository.application_documents(organisation, stored.id));
  CCTEAM_TRY(auto texts, repository.document_texts(organisation, stored.id));
  json attached = json::array();
  for (const store::StoredDocument& document : documents) {
    json one{{"id", document.id.to_string()},
             {"file_name", document.file_name},
             {"content_type", document.content_type},
             {"size_bytes", document.size_bytes},
             {"sha256", document.sha256},
             {"added_by", document.added_by},
             {"added_at", document.created_at},
             {"text_status", document.text_status}};
    for (const store::DocumentText& text : texts) {
      if (text.id == document.id && text.status == "done") one["text"] = text.text;
    }
    attached.push_back(std::move(one));
  }
  out["documents"] = std::move(attached);
  return out;
}

Result<void> erase_application(store::Repository& repository, const store::Uuid& organisation,
                               const Principal& who, const store::Uuid& id,
                               const store::Actor& actor) {
  CCTEAM_TRY(auto application, visible_application(repository, organisation, who, id));
  if (who.role != access::WorkspaceRole::admin && who.role != access::WorkspaceRole::recruiter) {
    return tl::unexpected(
        Error::forbidden(msg(MsgId::auth_forbidden, tr(access::role_title(who.role), Lang::en))));
  }
  return erase_with_documents(repository, organisation, application.id, "application.erase", actor);
}

std::string applications_to_csv(const std::vector<ApplicationView>& rows, Lang lang) {
  std::string out;
  auto line = [&out](std::initializer_list<std::string> cells) {
    bool first = true;
    for (const std::string& cell : cells) {
      if (!first) out += ',';
      out += io::csv_field(cell);
      first = false;
    }
    out += "\r\n";
  };
  line({"applicant", "verdict", "verdict_text", "knockouts_missed", "preferred_met", "source",
        "channel", "received", "status", "criteria"});
  for (const ApplicationView& row : rows) {
    std::string criteria;
    if (row.screening.is_object()) {
      for (const json& c : row.screening["criteria"]) {
        if (!criteria.empty()) criteria += "; ";
        criteria += c.value("title", "") + ": " + c.value("outcome_text", "");
      }
      for (const json& k : row.screening["knockouts"]) {
        if (!criteria.empty()) criteria += "; ";
        criteria += k.value("title", "") + ": " + k.value("answer", "");
      }
    }
    line({row.label, row.stored.verdict.value_or("pending"),
          row.screening.is_object() ? row.screening.value("verdict_text", "")
                                    : tr(MsgId::web_applications_pending, lang),
          std::to_string(row.stored.knockouts_missed), std::to_string(row.stored.preferred_met),
          row.stored.source, row.stored.channel, to_iso(utc_date(row.stored.created_at)),
          row.stored.status, criteria});
  }
  return out;
}

// --- retention

JobHandler retention_handler(store::Repository& repository, std::vector<io::RetentionRule> rules,
                             std::function<store::UnixMillis()> clock) {
  return [&repository, rules = std::move(rules), clock = std::move(clock)](
             const store::StoredJob&, JobControl& control) -> Result<std::string> {
    constexpr std::int64_t k_day_ms = 24LL * 3600 * 1000;
    store::UnixMillis now = clock ? clock() : store::unix_millis_now();
    std::vector<std::string> named;
    for (const io::RetentionRule& rule : rules) {
      if (rule.jurisdiction != "*") named.push_back(rule.jurisdiction);
    }
    std::int64_t deleted = 0;
    using Reason = store::RetentionQuery::Reason;
    for (Reason reason : {Reason::withdrawn, Reason::talent_pool_expired}) {
      for (const io::RetentionRule& rule : rules) {
        store::RetentionQuery query;
        query.reason = reason;
        query.today = to_iso(utc_date(now));
        query.jurisdiction = rule.jurisdiction;
        if (rule.jurisdiction == "*") query.except = named;
        query.withdrawn_before = now - rule.withdrawn_days * k_day_ms;
        query.received_before = now - rule.keep_records_days * k_day_ms;
        CCTEAM_TRY(auto due, repository.applications_due(query));
        for (const store::StoredApplication& application : due) {
          auto erased =
              erase_with_documents(repository, application.organisation_id, application.id,
                                   "application.retention", store::Actor::system());
          if (!erased && erased.error().kind != ErrorKind::not_found) {
            return tl::unexpected(erased.error());
          }
          if (erased) ++deleted;
          if (!control.report(deleted, deleted)) break;
        }
      }
    }
    CCTEAM_TRY(std::int64_t orphans, sweep_documents(repository, now - k_document_orphan_grace_ms));
    return json{{"deleted", deleted}, {"orphan_documents", orphans}}.dump();
  };
}

}  // namespace ccteam::app
