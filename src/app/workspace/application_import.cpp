#include "app/workspace/application_import.hpp"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/workspace/applications.hpp"
#include "app/workspace/openings.hpp"
#include "app/workspace/questions.hpp"
#include "io/crypto/secrets.hpp"
#include "io/qualify/person_csv.hpp"
#include "io/qualify/resume_json.hpp"
#include "io/qualify/resume_write.hpp"
#include "io/workspace/contact_keys.hpp"
#include "io/workspace/documents.hpp"

namespace ccteam::app {

namespace {

using json = nlohmann::ordered_json;

LocalizedText both(MsgId id) { return LocalizedText{tr(id, Lang::en), tr(id, Lang::de)}; }

bool known_legal_basis(std::string_view basis) {
  return basis == "legitimate_interest" || basis == "pre_contract" || basis == "consent";
}

// Where a person's own field is: "/basics/email" in a résumé (behind the array index), "/email"
// in a person CSV.
SourcePos field_pos(const qualify::Person& person, ImportFormat format, std::string_view field) {
  SourcePos pos = person.pos;
  if (format == ImportFormat::person_csv) {
    pos.json_pointer = "/" + std::string(field);
  } else {
    pos.json_pointer +=
        field == "city" ? std::string("/basics/location/city") : "/basics/" + std::string(field);
  }
  return pos;
}

// The person's own fields as the form checks them (lengths, control characters, direction
// overrides): the first problem at its place in the file, or nullopt.
std::optional<Error> personal_problem(const qualify::Person& person, ImportFormat format) {
  Errors errors;
  const qualify::Personal& p = person.personal;
  check_typed_text(p.name, "name", both(MsgId::web_apply_name), k_max_field_chars, true, errors);
  check_typed_text(p.email, "email", both(MsgId::web_apply_email), k_max_field_chars, true, errors);
  check_typed_text(p.phone, "phone", both(MsgId::web_apply_phone), 40, false, errors);
  check_typed_text(p.city, "city", both(MsgId::web_apply_city), k_max_field_chars, false, errors);
  if (errors.empty()) return std::nullopt;
  Error first = std::move(errors.front());
  first.where = field_pos(person, format, first.where.json_pointer);
  return first;
}

// The records of 'request' in input order: each a person or why it could not be read.
std::vector<Result<qualify::Person>> read_records(const ApplicantImport& request,
                                                  const std::string& file) {
  std::vector<Result<qualify::Person>> out;
  std::size_t next_id = 1;
  auto sink = [&out](Result<qualify::Person> read) { out.push_back(std::move(read)); };
  if (request.format == ImportFormat::person_csv) {
    io::read_person_csv(request.content, file, next_id, sink);
  } else {
    io::read_json_resumes(request.content, file, next_id, sink);
  }
  return out;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::optional<ImportFormat> import_format_of_media_type(std::string_view media_type) {
  std::string type = lower_ascii(trimmed_text(media_type.substr(0, media_type.find(';'))));
  if (type == "application/json" || type == "application/x-ndjson" || type == "application/jsonl" ||
      type == "application/x-jsonlines") {
    return ImportFormat::json_resume;
  }
  if (type == "text/csv") return ImportFormat::person_csv;
  return std::nullopt;
}

ImportFormat import_format_of_file(std::string_view file_name) {
  std::string name = lower_ascii(file_name);
  bool csv = name.size() >= 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
  return csv ? ImportFormat::person_csv : ImportFormat::json_resume;
}

Checked<ImportedApplicants> import_applicants(
    store::Repository& repository, const store::Uuid& organisation, const catalog::Catalog& catalog,
    const Principal& who, const store::Uuid& opening_id, const ApplicantImport& request,
    std::string_view secret, Date today, const MailSettings& mail, const store::Actor& actor) {
  auto opening = find_opening(repository, organisation, catalog, &who, opening_id, today);
  if (!opening || !can_see_applications(who, opening->stored)) {
    return tl::unexpected(
        Errors{opening ? Error::not_found(msg(MsgId::opening_not_found, opening_id.to_string()))
                       : opening.error()});
  }
  if (!opening->employer || !opening->employer->profile) {
    return tl::unexpected(Errors{Error::conflict(msg(MsgId::import_needs_employer),
                                                 msg(MsgId::hint_import_needs_employer))});
  }
  if (opening->status == OpeningStatus::closed) {
    return tl::unexpected(Errors{Error::conflict(msg(MsgId::application_closed))});
  }

  Errors errors;
  if (!known_legal_basis(request.legal_basis)) {
    errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::import_legal_basis_missing), {},
                                                     msg(MsgId::hint_import_legal_basis)),
                                "/legal_basis"));
  }
  std::string source = trimmed_text(request.source);
  if (source.empty()) {
    errors.push_back(
        at_pointer(Error::invalid_input(msg(MsgId::import_source_missing)), "/source"));
  } else {
    check_typed_text(source, "/source", both(MsgId::web_applications_import_source),
                     k_max_import_source_chars, true, errors);
  }
  Lang lang = opening->languages.empty() ? Lang::de : opening->languages.front();
  if (!request.lang.empty()) {
    auto parsed = parse_lang(request.lang);
    if (parsed) {
      lang = *parsed;
    } else {
      errors.push_back(at_pointer(
          Error::invalid_input(msg(MsgId::import_bad_lang, request.lang.substr(0, 20))), "/lang"));
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));

  std::string file = request.file.empty() ? std::string("import") : request.file;
  if (request.content.size() > k_max_import_bytes) {
    return tl::unexpected(Errors{at_pointer(
        Error::invalid_input(msg(MsgId::file_too_large, k_max_import_bytes >> 20)), "/content")});
  }
  bool blank = std::all_of(request.content.begin(), request.content.end(),
                           [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
  std::vector<Result<qualify::Person>> records;
  if (!blank) records = read_records(request, file);
  if (records.empty()) {
    return tl::unexpected(Errors{at_pointer(
        Error::invalid_input(msg(MsgId::import_nothing), {}, msg(MsgId::hint_import_nothing)),
        "/content")});
  }
  if (records.size() > k_max_imported_applicants) {
    return tl::unexpected(Errors{at_pointer(
        Error::invalid_input(msg(MsgId::import_too_many, k_max_imported_applicants)), "/content")});
  }

  const posting::EmployerProfile& profile = *opening->employer->profile;
  auto place = static_cast<std::size_t>(opening->stored.place);
  std::string jurisdiction =
      place < profile.locations.size() ? profile.locations[place].country : "";
  std::string position = opening->title(lang);

  ImportedApplicants out;
  out.read = records.size();
  ErrorList problems;
  auto reject = [&](Error error) {
    ++out.rejected;
    problems.add(std::move(error));
  };
  for (Result<qualify::Person>& record : records) {
    if (!record) {
      reject(std::move(record).error());
      continue;
    }
    const qualify::Person& person = *record;
    std::string name = trimmed_text(person.personal.name);
    std::string email = trimmed_text(person.personal.email);
    if (name.empty()) {
      reject(Error::invalid_input(msg(MsgId::import_no_name),
                                  field_pos(person, request.format, "name"),
                                  msg(MsgId::hint_import_no_name)));
      continue;
    }
    if (email.empty()) {
      reject(Error::invalid_input(msg(MsgId::import_no_email),
                                  field_pos(person, request.format, "email"),
                                  msg(MsgId::hint_import_no_email)));
      continue;
    }
    if (auto problem = personal_problem(person, request.format)) {
      reject(std::move(*problem));
      continue;
    }
    if (!looks_like_email(email)) {
      reject(Error::invalid_input(msg(MsgId::application_bad_email, both(MsgId::web_apply_email)),
                                  field_pos(person, request.format, "email"),
                                  msg(MsgId::hint_application_email)));
      continue;
    }

    store::ApplicationSubmission submission;
    store::StoredApplication& row = submission.application;
    row.organisation_id = organisation;
    row.opening_id = opening_id;
    row.status = "received";
    row.source = "import";
    row.channel = source;
    row.legal_basis = request.legal_basis;
    row.lang = std::string(ccteam::to_string(lang));
    row.jurisdiction = jurisdiction;
    json personal{{"name", name}, {"email", email}};
    std::string phone = trimmed_text(person.personal.phone);
    std::string city = trimmed_text(person.personal.city);
    if (!phone.empty()) personal["phone"] = phone;
    if (!city.empty()) personal["city"] = city;
    row.personal = personal.dump();
    row.email_key = io::normalised_email(email);
    if (!phone.empty()) row.phone_key = io::phone_e164(phone, row.jurisdiction);
    row.profile = io::resume_without_personal(person).dump();
    row.answers = "{}";
    row.privacy_version = profile.privacy_notice ? profile.privacy_notice->version : "";
    row.review_rank = k_unscreened_rank;
    // The same person for the same opening is one application, however often imported.
    submission.idempotency_key =
        "import-" +
        io::sha256_hex(opening_id.to_string() + "\n" + row.email_key.value_or(email)).substr(0, 40);
    std::string token = io::keyed_digest(secret, "application-link:" + submission.idempotency_key);
    submission.access_token_hash = token_hash(token);
    submission.screening_job.kind = std::string(k_screen_application_job);
    submission.screening_job.max_attempts = 5;
    std::string link = application_link(mail, lang, token);
    submission.acknowledgement =
        acknowledgement_message(email,
                                art14_text(profile, position, name, source, request.legal_basis,
                                           k_import_retention_months, link, lang),
                                lang, mail, k_art14_message);
    submission.mail_job.kind = std::string(k_send_mail_job);
    submission.mail_job.max_attempts = std::max<std::int64_t>(1, mail.max_attempts);
    auto stored = repository.add_application(std::move(submission), actor);
    if (!stored) {
      // The store failing is not the record's fault: it ends the import (what was added stays).
      if (stored.error().kind != ErrorKind::invalid_input) {
        return tl::unexpected(Errors{std::move(stored).error()});
      }
      reject(std::move(stored).error());
      continue;
    }
    out.applicants.push_back({std::move(stored->application), stored->existing});
  }
  out.problems = problems.take();
  return out;
}

}  // namespace ccteam::app
