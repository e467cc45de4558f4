#include "app/workspace/outbox.hpp"

#include <algorithm>
#include <utility>

#include "ccteam/posting/document.hpp"
#include "ccteam/posting/mail_template.hpp"
#include "io/workspace/mail.hpp"

namespace ccteam::app {

using json = nlohmann::ordered_json;

MailText acknowledgement_text(const posting::EmployerProfile& employer, std::string_view position,
                              std::string_view name, Date received, std::string_view link,
                              Lang lang) {
  posting::MailFields fields{std::string(name), std::string(position), employer.name,
                             posting::format_date(received, lang), std::string(link)};
  bool du = lang == Lang::de && employer.address_form == posting::AddressForm::du;
  MailText out;
  const posting::MailTemplate* own =
      employer.acknowledgement ? &*employer.acknowledgement : nullptr;
  if (own != nullptr && !own->subject.get(lang).empty()) {
    out.subject = posting::fill_mail_template(own->subject.get(lang), fields);
  } else {
    out.subject = render(msg(du ? MsgId::mail_ack_subject_du : MsgId::mail_ack_subject,
                             fields.position, fields.employer),
                         lang);
  }
  if (own != nullptr && !own->body.get(lang).empty()) {
    out.body = posting::fill_mail_template(own->body.get(lang), fields);
  } else {
    std::string link_paragraph =
        link.empty()
            ? std::string()
            : render(msg(du ? MsgId::mail_ack_link_du : MsgId::mail_ack_link, fields.link), lang);
    out.body = render(msg(du ? MsgId::mail_ack_body_du : MsgId::mail_ack_body, fields.name,
                          fields.position, fields.employer, fields.date, link_paragraph),
                      lang);
  }
  return out;
}

MailText art14_text(const posting::EmployerProfile& employer, std::string_view position,
                    std::string_view name, std::string_view source, std::string_view legal_basis,
                    int retention_months, std::string_view link, Lang lang) {
  bool du = lang == Lang::de && employer.address_form == posting::AddressForm::du;
  MsgId basis = MsgId::legal_basis_legitimate_interest;
  if (legal_basis == "pre_contract") basis = MsgId::legal_basis_pre_contract;
  if (legal_basis == "consent") basis = MsgId::legal_basis_consent;
  std::string privacy;
  if (!employer.privacy_url.empty()) {
    privacy = render(msg(MsgId::mail_art14_privacy, employer.privacy_url), lang);
  } else if (employer.privacy_notice) {
    const posting::PrivacyNotice& notice = *employer.privacy_notice;
    const std::string& own = lang == Lang::de ? notice.de : notice.en;
    const std::string& other = lang == Lang::de ? notice.en : notice.de;
    const std::string& text = own.empty() ? other : own;
    if (!text.empty()) privacy = render(msg(MsgId::mail_art14_privacy, text), lang);
  }
  std::string link_paragraph =
      link.empty()
          ? std::string()
          : render(msg(du ? MsgId::mail_ack_link_du : MsgId::mail_ack_link, std::string(link)),
                   lang);
  MailText out;
  out.subject = render(
      msg(du ? MsgId::mail_art14_subject_du : MsgId::mail_art14_subject, employer.name), lang);
  out.body = render(msg(du ? MsgId::mail_art14_body_du : MsgId::mail_art14_body, std::string(name),
                        employer.name, std::string(position), std::string(source), basis,
                        render(msg(MsgId::mail_art14_retention, retention_months), lang), privacy,
                        link_paragraph),
                    lang);
  return out;
}

store::StoredMessage acknowledgement_message(std::string_view email, MailText text, Lang lang,
                                             const MailSettings& settings, std::string_view kind) {
  store::StoredMessage message;
  message.kind = std::string(kind);
  message.lang = std::string(ccteam::to_string(lang));
  message.recipient = std::string(email);
  message.subject = std::move(text.subject);
  message.body = std::move(text.body);
  message.state = settings.enabled ? "queued" : "unsent";
  if (settings.enabled && !io::is_mail_address(email)) {
    message.state = "failed";
    message.last_error = render(msg(MsgId::mail_bad_recipient), Lang::en);
  }
  return message;
}

std::chrono::milliseconds mail_retry_after(std::int64_t failed, std::chrono::milliseconds first,
                                           std::chrono::milliseconds most) {
  std::chrono::milliseconds wait = std::max(first, std::chrono::milliseconds{1});
  for (std::int64_t i = 1; i < failed && wait < most; ++i) wait *= 2;
  return std::min(wait, most);
}

JobHandler mail_handler(store::Repository& repository, MailSender sender,
                        std::function<store::UnixMillis()> clock) {
  return [&repository, sender = std::move(sender), clock = std::move(clock)](
             const store::StoredJob& job, JobControl&) -> Result<std::string> {
    auto payload = nlohmann::json::parse(job.payload, nullptr, false);
    std::optional<store::Uuid> id;
    if (payload.is_object() && payload.contains("message") && payload["message"].is_string()) {
      id = store::Uuid::parse(payload["message"].get<std::string>());
    }
    if (!id) {
      return tl::unexpected(
          Error::invalid_input(msg(MsgId::mail_bad_payload, job.payload.substr(0, 80))));
    }
    CCTEAM_TRY(std::optional<store::StoredMessage> message,
               repository.message(job.organisation_id, *id));
    if (!message || message->state != "queued") return std::string(R"({"state":"skipped"})");
    store::UnixMillis at = clock ? clock() : store::unix_millis_now();
    io::MailMessage mail{sender.from, sender.from_name, message->recipient, message->subject,
                         message->body};
    auto text = io::format_mail(mail, at, message->id.to_string());
    Result<void> sent = text ? sender.transport(sender.from, message->recipient, *text)
                             : Result<void>(tl::unexpected(text.error()));
    if (sent) {
      auto recorded =
          repository.record_message_attempt(job.organisation_id, *id, "sent", std::nullopt, at);
      if (!recorded && recorded.error().kind != ErrorKind::not_found) {
        return tl::unexpected(std::move(recorded).error());
      }
      return std::string(R"({"state":"sent"})");
    }
    // An address that cannot be written never will be: no attempt is left for it.
    bool last = !text || job.attempts >= job.max_attempts;
    auto recorded =
        repository.record_message_attempt(job.organisation_id, *id, last ? "failed" : "queued",
                                          render(sent.error().message, Lang::en), at);
    if (!recorded && recorded.error().kind != ErrorKind::not_found) {
      return tl::unexpected(std::move(recorded).error());
    }
    if (!text) return std::string(R"({"state":"failed"})");
    return tl::unexpected(std::move(sent).error());
  };
}

json message_json(const store::StoredMessage& message, bool personal) {
  json out{{"id", message.id.to_string()},
           {"kind", message.kind},
           {"lang", message.lang},
           {"state", message.state},
           {"attempts", message.attempts},
           {"last_error", message.last_error ? json(*message.last_error) : json(nullptr)},
           {"created_at", message.created_at},
           {"sent_at", message.sent_at ? json(*message.sent_at) : json(nullptr)}};
  if (personal) {
    out["recipient"] = message.recipient;
    out["subject"] = message.subject;
    out["body"] = message.body;
  }
  return out;
}

}  // namespace ccteam::app
