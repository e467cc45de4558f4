// Documents of applications: checked, stored by content, opened only unblinded, released.
#include "app/workspace/documents.hpp"

#include <set>
#include <utility>

#include <fmt/format.h>

#include "app/workspace/applications.hpp"
#include "app/workspace/questions.hpp"
#include "ccteam/core/number_text.hpp"

namespace ccteam::app {

using json = nlohmann::ordered_json;

Checked<std::vector<CheckedDocument>> check_documents(
    const std::vector<UploadedDocument>& documents, const DocumentSettings& settings) {
  Errors errors;
  if (documents.size() > settings.max_per_application) {
    errors.push_back(at_pointer(Error::invalid_input(msg(MsgId::document_too_many, documents.size(),
                                                         settings.max_per_application),
                                                     {}, msg(MsgId::hint_document_too_many)),
                                "/documents"));
    return tl::unexpected(std::move(errors));
  }
  std::vector<CheckedDocument> out;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const UploadedDocument& upload = documents[i];
    // The name in messages is the cleaned one: what the client sent may hold anything.
    std::string shown = io::clean_file_name(upload.file_name);
    if (shown.empty()) shown = "-";
    auto type = io::check_document(upload.bytes, shown, settings.limits);
    if (!type) {
      errors.push_back(at_pointer(std::move(type).error(), fmt::format("/documents/{}", i)));
      continue;
    }
    out.push_back(CheckedDocument{*type, io::clean_file_name(upload.file_name, *type),
                                  io::sha256_hex(upload.bytes), upload.bytes});
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return out;
}

Result<std::vector<store::StoredDocument>> store_contents(
    store::DocumentStore& store, const std::vector<CheckedDocument>& documents,
    const std::string& added_by) {
  std::vector<store::StoredDocument> rows;
  for (const CheckedDocument& document : documents) {
    if (auto put = store.put(document.sha256, document.bytes); !put) {
      return tl::unexpected(std::move(put).error());
    }
    store::StoredDocument row;
    row.sha256 = document.sha256;
    row.content_type = std::string(io::content_type(document.type));
    row.file_name = document.file_name;
    row.size_bytes = static_cast<std::int64_t>(document.bytes.size());
    row.added_by = added_by;
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<store::StoredDocument> add_application_document(
    store::Repository& repository, const store::Uuid& organisation, const Principal& who,
    const store::Uuid& application_id, const UploadedDocument& upload,
    const DocumentSettings& settings, const store::Actor& actor) {
  CCTEAM_TRY(store::StoredApplication application,
             visible_application(repository, organisation, who, application_id));
  CCTEAM_TRY(auto existing, repository.application_documents(organisation, application.id));
  if (existing.size() >= settings.max_per_application_in_all) {
    return tl::unexpected(Error::conflict(
        msg(MsgId::document_too_many, existing.size(), settings.max_per_application_in_all),
        msg(MsgId::hint_document_too_many)));
  }
  DocumentSettings one = settings;
  one.max_per_application = 1;
  auto checked = check_documents({upload}, one);
  if (!checked) return tl::unexpected(std::move(checked).error().front());
  CCTEAM_TRY(auto rows, store_contents(repository.documents(), *checked, "recruiter"));
  store::StoredDocument row = std::move(rows.front());
  row.organisation_id = organisation;
  row.application_id = application.id;
  store::StoredJob read;
  read.kind = std::string(k_read_documents_job);
  read.payload = json{{"application", application.id.to_string()}}.dump();
  read.max_attempts = 3;
  return repository.add_document(std::move(row), actor, std::move(read));
}

Result<DocumentDownload> open_document(store::Repository& repository,
                                       const store::Uuid& organisation, const Principal& who,
                                       const store::Uuid& application_id,
                                       const store::Uuid& document_id) {
  CCTEAM_TRY(store::StoredApplication application,
             visible_application(repository, organisation, who, application_id));
  CCTEAM_TRY(auto document, repository.document(organisation, document_id));
  if (!document || document->application_id != application.id) {
    return tl::unexpected(
        Error::not_found(msg(MsgId::document_not_found, document_id.to_string())));
  }
  if (!may_reveal(who, application)) {
    return tl::unexpected(Error::conflict(msg(MsgId::document_needs_unblind),
                                          msg(MsgId::hint_document_needs_unblind)));
  }
  CCTEAM_TRY(auto content, repository.documents().get(document->sha256));
  if (!content) {
    return tl::unexpected(Error::io(msg(MsgId::document_content_missing, document_id.to_string())));
  }
  return DocumentDownload{document->file_name, document->content_type, std::move(*content)};
}

Result<std::vector<store::StoredDocument>> applicant_documents(
    store::Repository& repository, const store::StoredApplication& application) {
  return repository.application_documents(application.organisation_id, application.id);
}

std::string blind_document_label(const store::StoredDocument& document, std::size_t index,
                                 Lang lang) {
  auto type = io::document_type_of(document.content_type);
  std::string type_text = type ? std::string(io::type_name(*type)) : document.content_type;
  return ccteam::render(msg(MsgId::web_application_document_blind, index + 1, type_text,
                            file_size_text(document.size_bytes)),
                        lang);
}

json document_json(const store::StoredDocument& document, std::size_t index, bool revealed,
                   Lang lang) {
  auto type = io::document_type_of(document.content_type);
  json out{{"id", document.id.to_string()},
           {"label", blind_document_label(document, index, lang)},
           {"type", type ? std::string(io::extension(*type)) : document.content_type},
           {"content_type", document.content_type},
           {"size_bytes", document.size_bytes},
           {"added_by", document.added_by},
           {"file_name", revealed ? json(document.file_name) : json(nullptr)}};
  json text{{"status", document.text_status}};
  if (document.text_status == "done") text["characters"] = document.text_chars;
  if (!document.text_reason.empty()) text["reason"] = document.text_reason;
  out["text"] = std::move(text);
  return out;
}

Result<void> release_contents(store::Repository& repository,
                              const std::vector<std::string>& sha256s) {
  std::optional<Error> first;
  std::set<std::string> seen;
  for (const std::string& sha256 : sha256s) {
    if (!seen.insert(sha256).second) continue;
    auto in_use = repository.content_in_use(sha256);
    if (!in_use) {
      if (!first) first = std::move(in_use).error();
      continue;
    }
    if (*in_use) continue;
    if (auto removed = repository.documents().remove(sha256); !removed && !first) {
      first = std::move(removed).error();
    }
  }
  if (first) return tl::unexpected(std::move(*first));
  return {};
}

Result<std::int64_t> sweep_documents(store::Repository& repository,
                                     store::UnixMillis stored_before) {
  CCTEAM_TRY(auto contents, repository.documents().list());
  std::int64_t removed = 0;
  for (const store::StoredContent& content : contents) {
    if (content.stored_at_ms >= stored_before) continue;
    CCTEAM_TRY(bool in_use, repository.content_in_use(content.sha256));
    if (in_use) continue;
    if (auto gone = repository.documents().remove(content.sha256); !gone) {
      return tl::unexpected(std::move(gone).error());
    }
    ++removed;
  }
  return removed;
}

JobHandler read_documents_handler(store::Repository& repository, ExtractSettings settings) {
  return [&repository, settings = std::move(settings)](const store::StoredJob& job,
                                                       JobControl& control) -> Result<std::string> {
    CCTEAM_TRY(store::Uuid id, application_of_job(job));
    CCTEAM_TRY(auto application, repository.application(job.organisation_id, id));
    if (!application) return std::string(R"({"skipped":"erased"})");
    CCTEAM_TRY(auto documents, repository.application_documents(job.organisation_id, id));
    std::int64_t done = 0;
    std::int64_t unreadable = 0;
    std::int64_t limit = 0;
    std::int64_t pending = 0;
    for (const store::StoredDocument& d : documents) pending += d.text_status == "pending" ? 1 : 0;
    control.report(0, pending);
    std::int64_t read = 0;
    for (const store::StoredDocument& document : documents) {
      if (document.text_status != "pending") continue;
      auto type = io::document_type_of(document.content_type);
      CCTEAM_TRY(auto content, repository.documents().get(document.sha256));
      io::ExtractedText result;
      if (!type || !content) {
        result.status = io::ExtractStatus::unreadable;
        result.reason =
            !content ? "the content is missing from the document store" : "not a PDF or DOCX";
      } else {
        auto extracted =
            io::extract_text(settings.program, io::extension(*type), *content, settings.limits);
        if (!extracted) {
          // The reader cannot start (no program, no processes left): try again later; at the
          // last attempt the screening goes ahead without this text.
          if (job.attempts < job.max_attempts) return tl::unexpected(std::move(extracted).error());
          result.status = io::ExtractStatus::unreadable;
          result.reason = "the reader could not be started";
        } else {
          result = std::move(*extracted);
        }
      }
      (result.status == io::ExtractStatus::done         ? done
       : result.status == io::ExtractStatus::unreadable ? unreadable
                                                        : limit) += 1;
      CCTEAM_TRY(bool recorded,
                 repository.record_document_text(job.organisation_id, document.id,
                                                 std::string(io::to_string(result.status)),
                                                 result.text, result.reason));
      (void)recorded;  // erased meanwhile: nothing to record
      control.report(++read, pending);
    }
    store::StoredJob screen;
    screen.organisation_id = job.organisation_id;
    screen.kind = std::string(k_screen_application_job);
    screen.payload = json{{"application", id.to_string()}}.dump();
    screen.max_attempts = 5;
    CCTEAM_TRY(auto queued, repository.enqueue_job(std::move(screen)));
    (void)queued;
    return json{{"application", id.to_string()},
                {"done", done},
                {"unreadable", unreadable},
                {"limit", limit}}
        .dump();
  };
}

Result<ScreeningTexts> screening_texts(store::Repository& repository,
                                       const store::Uuid& organisation,
                                       const store::Uuid& application) {
  CCTEAM_TRY(auto rows, repository.document_texts(organisation, application));
  ScreeningTexts out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].status == "pending") out.pending = true;
    if (rows[i].status != "done" || rows[i].text.empty()) continue;
    qualify::AttachedText text;
    text.text = std::move(rows[i].text);
    text.pos.json_pointer = "/documents/" + std::to_string(i);
    out.texts.push_back(std::move(text));
  }
  return out;
}

}  // namespace ccteam::app
