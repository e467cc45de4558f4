#pragma once
// E-mail to applicants as use cases: the acknowledgement of an application, written in the
// applicant's language from the employer's template (the profile's 'acknowledgement') or the
// standard text, stored in the outbox in the transaction that stores the application
// (store::ApplicationSubmission::acknowledgement), and the background job that sends a queued
// message over SMTP and tries again with back-off.
//
// Delivery is at least once: a node that stops after the mail server took a message and before
// it recorded "sent" leaves the job to another node, which sends it again. Nothing personal goes
// to a log or an error: a failure records the mail server's or the connection's answer
// (io::send_smtp), never an address or a word of the message. Messages are personal data:
// erasing an application erases them (store::Repository::erase_application), the GDPR export
// includes them.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/workspace/jobs.hpp"
#include "ccteam/core/date.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "ccteam/posting/employer.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

inline constexpr std::string_view k_send_mail_job = "mail.send";
inline constexpr std::string_view k_acknowledgement_message = "application.acknowledgement";
// The information GDPR art. 14 requires, to an applicant a recruiter added by import.
inline constexpr std::string_view k_art14_message = "application.art14";

// How this node writes e-mail (the configuration's 'smtp' section and public_url).
struct MailSettings {
  bool enabled = false;            // a mail server is configured; else messages are "unsent"
  std::int64_t max_attempts = 20;  // sending attempts of one message
  std::string public_url;          // "https://jobs.example.com": for the private link; "" none
};

struct MailText {
  std::string subject;
  std::string body;
};

// The acknowledgement of an application in 'lang': the employer's template for 'lang' where it
// has one (subject and body each; io placeholders filled), else the standard text (German in
// the profile's address form, Sie or du). 'position' is the posting's title, 'name' the
// applicant's, 'received' the day it came in (written as the language writes dates), 'link' the
// applicant's private link ("" leaves the link paragraph out).
MailText acknowledgement_text(const posting::EmployerProfile& employer, std::string_view position,
                              std::string_view name, Date received, std::string_view link,
                              Lang lang);

// The information GDPR art. 14(1), (2) requires, for an applicant whose details a recruiter
// imported, in 'lang' (German in the profile's address form): who the employer is ('employer'),
// the position ('position'), what data and where it came from ('source', as the recruiter
// wrote it), the purpose, the legal basis ('legal_basis': "legitimate_interest",
// "pre_contract" or "consent"; MsgId::legal_basis_*), that a person decides, how long the
// details are kept ('retention_months' after the selection), the applicant's rights, the
// employer's privacy notice (its privacy_url, else its text in 'lang' or the other language;
// left out when there is neither)
// and the private link ('link'; "" leaves it out).
MailText art14_text(const posting::EmployerProfile& employer, std::string_view position,
                    std::string_view name, std::string_view source, std::string_view legal_basis,
                    int retention_months, std::string_view link, Lang lang);

// A message of 'kind' to the applicant with e-mail address 'email' as the outbox stores it:
// "queued" when 'settings' has a mail server, else "unsent"; "failed" at once (with the reason
// as last_error) when the address cannot be written into a header (io::is_mail_address).
store::StoredMessage acknowledgement_message(std::string_view email, MailText text, Lang lang,
                                             const MailSettings& settings,
                                             std::string_view kind = k_acknowledgement_message);

// The wait before the next attempt after 'failed' failed attempts (1, 2, ...): 'first', doubled
// for each further failure, at most 'most'.
std::chrono::milliseconds mail_retry_after(std::int64_t failed, std::chrono::milliseconds first,
                                           std::chrono::milliseconds most = std::chrono::hours{1});

// Sends one formatted message (io::format_mail's text) from 'from' to 'to'; the server passes
// io::send_smtp, tests their own.
using MailTransport =
    std::function<Result<void>(std::string_view from, std::string_view to, std::string_view text)>;

struct MailSender {
  std::string from;       // the sender's address
  std::string from_name;  // its display name; may be empty
  MailTransport transport;
};

// The handler of k_send_mail_job (payload {"message": "<id>"}): sends the message while it is
// "queued" and records "sent"; a failure records the attempt with the server's answer and fails
// the job (the runner tries again after mail_retry_after), and the job's last attempt records
// "failed". A message that is gone (its application erased) or no longer queued is done
// without sending. Result: {"state": "sent" | "failed" | "skipped"}.
JobHandler mail_handler(store::Repository& repository, MailSender sender,
                        std::function<store::UnixMillis()> clock);

// A message as the API and the GDPR export show it: id, kind, lang, state, attempts,
// last_error, created_at, sent_at (Unix milliseconds), and with 'personal' the recipient,
// subject and body.
nlohmann::ordered_json message_json(const store::StoredMessage& message, bool personal);

}  // namespace ccteam::app
