#include "io/workspace/mail.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "io/crypto/secrets.hpp"

namespace ccteam::io {

namespace {

bool is_atext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool plain_header_text(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7f;
  });
}

// 'text' as RFC 2047 "B" encoded-words in UTF-8, folded onto continuation lines: each word
// holds at most 45 bytes (60 base64 characters, 72 with its delimiters; the limit is 75) and
// never splits a UTF-8 sequence.
std::string encoded_words(std::string_view text) {
  constexpr std::size_t k_chunk = 45;
  std::string out;
  while (!text.empty()) {
    std::size_t size = std::min(k_chunk, text.size());
    while (size < text.size() && size > 1 &&
           (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) {
      --size;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(0, size)) + "?=";
    text.remove_prefix(size);
  }
  return out;
}

// A header field's unstructured text: as it is when plain ASCII that fits a line, else
// encoded-words. Line breaks become blanks first (a header is one logical line).
std::string header_text(std::string_view text, std::size_t room) {
  std::string flat(text);
  std::replace(flat.begin(), flat.end(), '\r', ' ');
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  if (plain_header_text(flat) && flat.size() <= room) return flat;
  return encoded_words(flat);
}

// A display name: as it is when it is atext and blanks only, else encoded-words.
std::string display_name(std::string_view name) {
  bool plain =
      !name.empty() && name.size() <= 60 &&
      std::all_of(name.begin(), name.end(), [](char c) { return c == ' ' || is_atext(c); });
  return plain ? std::string(name) : encoded_words(name);
}

std::string rfc5322_date(std::int64_t date_ms) {
  std::time_t seconds = static_cast<std::time_t>(date_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  static constexpr std::string_view k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::string_view k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", k_days[utc.tm_wday], utc.tm_mday,
                     k_months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

// The body with CRLF line ends, in base64 lines of 76 characters.
std::string body_base64(std::string_view body) {
  std::string crlf;
  crlf.reserve(body.size() + body.size() / 32);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') continue;
    if (body[i] == '\n') {
      crlf += "\r\n";
    } else {
      crlf += body[i];
    }
  }
  std::string encoded = base64(crlf);
  std::string out;
  out.reserve(encoded.size() + encoded.size() / 38 + 2);
  for (std::size_t at = 0; at < encoded.size(); at += 76) {
    out.append(encoded, at, 76);
    out += "\r\n";
  }
  return out;
}

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlUrl {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle{curl_url(), &curl_url_cleanup};
  std::string part(CURLUPart which) const {
    char* text = nullptr;
    if (curl_url_get(handle.get(), which, &text, 0) != CURLUE_OK || text == nullptr) return {};
    std::string out(text);
    curl_free(text);
    return out;
  }
};

struct Upload {
  std::string_view text;
  std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  std::size_t room = size * count;
  std::size_t n = std::min(room, upload->text.size() - upload->at);
  std::memcpy(buffer, upload->text.data() + upload->at, n);
  upload->at += n;
  return n;
}

}  // namespace

bool is_mail_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 ||
      address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view local = address.substr(0, at);
  std::string_view domain = address.substr(at + 1);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return false;
  }
  if (!std::all_of(local.begin(), local.end(), [](char c) { return c == '.' || is_atext(c); })) {
    return false;
  }
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' || domain.front() == '-' ||
      domain.find("..") != std::string_view::npos || domain.find('.') == std::string_view::npos) {
    return false;
  }
  return std::all_of(domain.begin(), domain.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.';
  });
}

Result<std::string> format_mail(const MailMessage& message, std::int64_t date_ms,
                                std::string_view message_id) {
  if (!is_mail_address(message.from_address) || !is_mail_address(message.to_address)) {
    return tl::unexpected(Error::invalid_input(msg(MsgId::mail_bad_recipient)));
  }
  std::string_view domain =
      std::string_view(message.from_address).substr(message.from_address.find('@') + 1);
  std::string out;
  out += "Date: " + rfc5322_date(date_ms) + "\r\n";
  out += "From: ";
  if (!message.from_name.empty()) out += display_name(message.from_name) + " ";
  out += "<" + message.from_address + ">\r\n";
  out += "To: <" + message.to_address + ">\r\n";
  out += "Subject: " + header_text(message.subject, 78 - 9) + "\r\n";
  out += fmt::format("Message-ID: <{}@{}>\r\n", message_id, domain);
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "\r\n";
  out += body_base64(message.body);
  return out;
}

Result<void> check_smtp_url(std::string_view url) {
  init_curl();
  auto bad = [&] {
    return tl::unexpected(Error::invalid_input(msg(MsgId::config_bad_smtp_url, std::string(url)),
                                               {}, msg(MsgId::hint_config_smtp_url)));
  };
  CurlUrl parsed;
  if (!parsed.handle ||
      curl_url_set(parsed.handle.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK) {
    return bad();
  }
  std::string scheme = parsed.part(CURLUPART_SCHEME);
  std::string path = parsed.part(CURLUPART_PATH);
  if ((scheme != "smtp" && scheme != "smtps") || parsed.part(CURLUPART_HOST).empty() ||
      !parsed.part(CURLUPART_USER).empty() || !parsed.part(CURLUPART_QUERY).empty() ||
      !parsed.part(CURLUPART_FRAGMENT).empty() || (!path.empty() && path != "/")) {
    return bad();
  }
  return {};
}

bool smtp_url_is_loopback(std::string_view url) {
  init_curl();
  CurlUrl parsed;
  if (!parsed.handle ||
      curl_url_set(parsed.handle.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK) {
    return false;
  }
  std::string host = parsed.part(CURLUPART_HOST);
  return host == "localhost" || host == "[::1]" || host == "::1" || host.starts_with("127.");
}

Result<void> send_smtp(const SmtpServer& server, std::string_view from, std::string_view to,
                       std::string_view text) {
  init_curl();
  if (!is_mail_address(from) || !is_mail_address(to)) {
    return tl::unexpected(Error::invalid_input(msg(MsgId::mail_bad_recipient)));
  }
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  auto failed = [](std::string why) {
    return tl::unexpected(Error::io(msg(MsgId::mail_send_failed, std::move(why)), {},
                                    msg(MsgId::hint_mail_send_failed)));
  };
  if (!curl) return failed("curl_easy_init");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, ("<" + std::string(to) + ">").c_str()), &curl_slist_free_all);
  if (!recipients) return failed("curl_slist_append");
  std::string sender = "<" + std::string(from) + ">";
  Upload upload{text};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, server.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(server.timeout_ms));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(server.timeout_ms));
  curl_easy_setopt(
      h, CURLOPT_USE_SSL,
      static_cast<long>(smtp_url_is_loopback(server.url) ? CURLUSESSL_TRY : CURLUSESSL_ALL));
  if (!server.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, server.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, server.password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, sender.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, &read_upload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.size()));
  CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) {
    long reply = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
    return failed(reply != 0 ? fmt::format("{} (reply {})", curl_easy_strerror(code), reply)
                             : std::string(curl_easy_strerror(code)));
  }
  return {};
}

}  // namespace ccteam::io
