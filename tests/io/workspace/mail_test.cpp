#include "io/workspace/mail.hpp"

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sstream>
#include <vector>

namespace ccteam::io {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find("\r\n", at);
    EXPECT_NE(end, std::string::npos) << "every line ends in CRLF";
    if (end == std::string::npos) break;
    out.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return out;
}

TEST(MailAddress, OnlyWhatNeedsNoQuoting) {
  for (const char* good : {"erika@example.com", "e.muster+jobs@mail.example.de", "a_b-c@x-y.io",
                           "o'neil@example.com"}) {
    EXPECT_TRUE(is_mail_address(good)) << good;
  }
  for (const char* bad :
       {"", "erika", "@example.com", "erika@", "erika@example", "erika@@example.com",
        "a@b@example.com", "erika@.example.com", "erika@example.com.", ".erika@example.com",
        "er..ika@example.com", "erika muster@example.com", "erika@example.com\r\nBcc: x@y.z",
        "<erika@example.com>", "\"erika\"@example.com", "erika,x@example.com", "erika@exam_ple.com",
        "jürgen@example.com", "erika@bücher.de"}) {
    EXPECT_FALSE(is_mail_address(bad)) << bad;
  }
  EXPECT_FALSE(is_mail_address(std::string(65, 'a') + "@example.com"));  // local part > 64
  EXPECT_FALSE(is_mail_address("a@" + std::string(250, 'b') + ".de"));   // > 254
}

TEST(MailText, HeaderFieldsAndABase64BodyWithCrlf) {
  MailMessage message{"jobs@example.org", "Nordlicht Recruiting", "erika@example.com", "Grüße",
                      "Hallo\nWelt\n"};
  // 2026-12-06T18:40:00Z (1,796,582,400 s): Python's email.utils.format_datetime gives
  // "Sun, 06 Dec 2026 18:40:00 +0000".
  auto text = format_mail(message, 1'796'582'400'000, "0193a1b2");
  ASSERT_TRUE(text);
  std::vector<std::string> lines = lines_of(*text);
  std::vector<std::string> expected = {
      "Date: Sun, 06 Dec 2026 18:40:00 +0000",
      "From: Nordlicht Recruiting <jobs@example.org>",
      "To: <erika@example.com>",
      // RFC 2047: "Grüße" is 47 72 C3 BC C3 9F 65, base64 "R3LDvMOfZQ==".
      "Subject: =?UTF-8?B?R3LDvMOfZQ==?=",
      "Message-ID: <0193a1b2@example.org>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: base64",
      "",
      // "Hallo\r\nWelt\r\n" in base64.
      "SGFsbG8NCldlbHQNCg==",
  };
  EXPECT_EQ(lines, expected);
}

TEST(MailText, PlainSubjectsStayAndLongOrOddOnesAreFoldedEncodedWords) {
  MailMessage message{"jobs@example.org", "", "erika@example.com", "Your application", "x"};
  auto plain = format_mail(message, 0, "1");
  ASSERT_TRUE(plain);
  EXPECT_NE(plain->find("\r\nSubject: Your application\r\n"), std::string::npos);
  EXPECT_NE(plain->find("\r\nFrom: <jobs@example.org>\r\n"), std::string::npos);
  EXPECT_NE(plain->find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"), std::string::npos);

  // A line break in the subject cannot start a header field of its own.
  message.subject = "Hi\r\nBcc: attacker@example.net";
  auto injected = format_mail(message, 0, "2");
  ASSERT_TRUE(injected);
  EXPECT_EQ(injected->find("\r\nBcc:"), std::string::npos);

  // 100 x "ä" (200 bytes): words of at most 75 characters, continued on lines that start with
  // a blank, no UTF-8 sequence split (each word's bytes decode on their own: 45 bytes would
  // split one, so a word holds 44).
  message.subject.clear();
  for (int i = 0; i < 100; ++i) message.subject += "ä";
  auto folded = format_mail(message, 0, "3");
  ASSERT_TRUE(folded);
  std::vector<std::string> lines = lines_of(*folded);
  std::size_t subject = 0;
  while (subject < lines.size() && !lines[subject].starts_with("Subject: ")) ++subject;
  ASSERT_LT(subject, lines.size());
  std::size_t words = 0;
  for (std::size_t i = subject; i < lines.size() && (i == subject || lines[i].starts_with(" "));
       ++i) {
    std::string word = lines[i].substr(i == subject ? 9 : 1);
    EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?=")) << word;
    EXPECT_LE(word.size(), 75u) << word;
    ++words;
  }
  EXPECT_EQ(words, 5u);  // 200 bytes in words of 44: 44, 44, 44, 44, 24
}

TEST(MailText, RefusesAddressesThatCouldAddAHeader) {
  MailMessage message{"jobs@example.org", "", "erika@example.com\r\nBcc: x@example.net", "S", "B"};
  auto refused = format_mail(message, 0, "1");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message.id, MsgId::mail_bad_recipient);
}

TEST(SmtpUrl, SchemeHostAndNothingElse) {
  for (const char* good :
       {"smtps://mail.example.com:465", "smtp://mail.example.com:587", "smtp://127.0.0.1:2525",
        "smtp://[::1]:25", "smtps://mail.example.com"}) {
    EXPECT_TRUE(check_smtp_url(good)) << good;
  }
  for (const char* bad : {"", "mail.example.com", "http://mail.example.com", "smtp://",
                          "smtp://user:pw@mail.example.com", "smtp://mail.example.com/x",
                          "smtp://mail.example.com:99999", "smtp://mail.example.com?x=1"}) {
    auto r = check_smtp_url(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_EQ(r.error().message.id, MsgId::config_bad_smtp_url) << bad;
    }
  }
  EXPECT_TRUE(smtp_url_is_loopback("smtp://127.0.0.1:25"));
  EXPECT_TRUE(smtp_url_is_loopback("smtp://localhost:25"));
  EXPECT_TRUE(smtp_url_is_loopback("smtp://[::1]:25"));
  EXPECT_FALSE(smtp_url_is_loopback("smtp://mail.example.com:25"));
  EXPECT_FALSE(smtp_url_is_loopback("smtp://128.0.0.1:25"));
}

TEST(Smtp, AServerThatIsDownIsAnErrorThatNamesNoAddress) {
  // A port that was free a moment ago: bound, read, closed.
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(s, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  socklen_t size = sizeof address;
  ASSERT_EQ(::getsockname(s, reinterpret_cast<sockaddr*>(&address), &size), 0);
  ::close(s);
  SmtpServer server;
  server.url = "smtp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  server.timeout_ms = 2000;
  auto sent = send_smtp(server, "jobs@example.org", "erika@example.com", "Subject: x\r\n\r\nx\r\n");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().kind, ErrorKind::io);
  EXPECT_EQ(sent.error().message.id, MsgId::mail_send_failed);
  std::string text = render(sent.error(), Lang::en);
  EXPECT_NE(text.find("connect"), std::string::npos) << text;
  EXPECT_EQ(text.find("example"), std::string::npos) << text;
  EXPECT_FALSE(send_smtp(server, "jobs@example.org", "bad address", "x"));
}

}  // namespace
}  // namespace ccteam::io
