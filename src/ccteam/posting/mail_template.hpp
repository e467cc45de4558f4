#pragma once
// E-mail templates an employer writes for applicants (the employer profile's
// 'acknowledgement', docs/employer-format.md): plain text with the placeholders {name},
// {position}, {employer}, {date} and {link}; "{{" and "}}" write a brace.

#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/lang.hpp"

namespace ccteam::posting {

// The employer's own acknowledgement of an application, per language; an empty text means the
// standard text of that language.
struct MailTemplate {
  LocalizedText subject;
  LocalizedText body;
  bool operator==(const MailTemplate&) const = default;
};

// What the placeholders stand for, as the reader should see them (a date already formatted in
// the message's language; 'link' empty when there is none).
struct MailFields {
  std::string name;      // {name}: the applicant's name as they wrote it
  std::string position;  // {position}: the posting's title
  std::string employer;  // {employer}: the employer's name
  std::string date;      // {date}: the day the application was received
  std::string link;      // {link}: the applicant's private link
};

// The placeholders of 'text' that are not one of the five, as written ("{salary}", or "{" for
// a brace that is never closed), in order of appearance, each once, at most 'cap'.
std::vector<std::string> unknown_placeholders(std::string_view text, std::size_t cap = 10);

// 'text' with each placeholder replaced by its field and "{{"/"}}" by a brace; anything
// unknown_placeholders finds is kept as written. Linear in the size of the result.
std::string fill_mail_template(std::string_view text, const MailFields& fields);

}  // namespace ccteam::posting
