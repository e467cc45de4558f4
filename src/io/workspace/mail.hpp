#pragma once
// E-mail as the workspace's outbox sends it (app/workspace/outbox.hpp): the message text
// (RFC 5322 header fields, MIME per RFC 2045 and 2047) and its delivery to the organisation's
// mail server over SMTP (RFC 5321) with libcurl.
//
// Sources: RFC 5322 (Internet Message Format: Date, From, To, Subject, Message-ID), RFC 2045
// (MIME: Content-Type, base64 in lines of 76 characters), RFC 2047 (encoded-words for non-ASCII
// header text, each at most 75 characters), RFC 8314 (TLS for mail submission: smtps on 465,
// STARTTLS on 587).

#include <cstdint>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

// Whether 'address' can be written into a header field and an SMTP envelope as it is: one
// '@' between a local part of letters, digits and !#$%&'*+-/=?^_`{|}~. and a domain of
// letters, digits, '-' and '.'; no blanks, controls, brackets, quotes or commas; at most 254
// characters (RFC 5321 4.5.3.1). Stricter than RFC 5322 on purpose: anything that needs
// quoting is refused, so nothing an applicant writes can add a header or a recipient.
bool is_mail_address(std::string_view address);

struct MailMessage {
  std::string from_address;  // "jobs@example.com" (is_mail_address)
  std::string from_name;     // "Example GmbH", UTF-8; may be empty
  std::string to_address;    // is_mail_address
  std::string subject;       // UTF-8; line breaks are turned into blanks
  std::string body;          // UTF-8 plain text, '\n' (or "\r\n") line ends
};

// The message as it goes to the server: Date ('date_ms', Unix milliseconds, written in UTC as
// "Sun, 06 Dec 2026 18:40:00 +0000"), From, To, Subject (RFC 2047 "B" encoded-words in UTF-8
// when it is not plain printable ASCII or is longer than one line allows), Message-ID
// ("<'message_id'@the sender's domain>"), MIME-Version, Content-Type text/plain;
// charset=UTF-8 and the body in base64 (its line ends as CRLF), every line ending in CRLF.
// Errors: Error::invalid_input (mail_bad_recipient) when from_address or to_address is not
// is_mail_address.
Result<std::string> format_mail(const MailMessage& message, std::int64_t date_ms,
                                std::string_view message_id);

// The mail server of the configuration's 'smtp' section (docs/configuration.md).
struct SmtpServer {
  std::string url;       // "smtps://mail.example.com:465" or "smtp://mail.example.com:587"
  std::string username;  // empty: no authentication
  std::string password;
  std::int64_t timeout_ms = 30'000;  // connecting and the whole transfer, each
};

// Whether 'url' names a mail server: scheme smtp or smtps, a host, an optional port and no
// path, query or user part. Error::invalid_input (config_bad_smtp_url) otherwise.
Result<void> check_smtp_url(std::string_view url);

// Whether the host of 'url' is a loopback address (127.0.0.0/8, ::1, localhost): the only
// place plain smtp:// is sent to without STARTTLS.
bool smtp_url_is_loopback(std::string_view url);

// Sends 'text' (format_mail's) with the envelope sender 'from' to the one recipient 'to'
// through 'server': TLS from the start for smtps://, STARTTLS required for smtp:// except to a
// loopback address. Thread-safe (one libcurl handle per call). Errors: Error::io
// (mail_send_failed) naming libcurl's description of the failure and the server's last reply
// code, never an address or a word of the message.
Result<void> send_smtp(const SmtpServer& server, std::string_view from, std::string_view to,
                       std::string_view text);

}  // namespace ccteam::io
