#include "server/http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ccteam::server {
namespace {

// RFC 2046 5.1.1's rules with the example of RFC 7578 section 4.4 (a text field), a file and a
// file field left empty, as browsers send them.
TEST(Multipart, ReadsFieldsAndFiles) {
  std::string body =
      "--AaB03x\r\n"
      "content-disposition: form-data; name=\"field1\"\r\n"
      "content-type: text/plain;charset=UTF-8\r\n"
      "\r\n"
      "Joe owes \xE2\x82\xAC"
      "100.\r\n"
      "--AaB03x\r\n"
      "Content-Disposition: form-data; name=\"documents\"; filename=\"C:\\cv.pdf\"\r\n"
      "Content-Type: application/pdf\r\n"
      "\r\n"
      "%PDF-1.4\r\n\r\n--AaB03 not yet\r\n"
      "--AaB03x\r\n"
      "Content-Disposition: form-data; name=\"documents\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n"
      "\r\n"
      "\r\n"
      "--AaB03x--\r\n";
  auto parts = parse_multipart("multipart/form-data; boundary=AaB03x", body);
  ASSERT_TRUE(parts.has_value()) << render(parts.error().message, Lang::en);
  ASSERT_EQ(parts->size(), 2U);  // the empty file field is left out
  EXPECT_EQ((*parts)[0].name, "field1");
  EXPECT_FALSE((*parts)[0].file_name.has_value());
  EXPECT_EQ((*parts)[0].body,
            "Joe owes \xE2\x82\xAC"
            "100.");
  EXPECT_EQ((*parts)[1].name, "documents");
  EXPECT_EQ((*parts)[1].file_name, "C:\\cv.pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  // A body may hold CRLFs and text like the delimiter without being cut.
  EXPECT_EQ((*parts)[1].body, "%PDF-1.4\r\n\r\n--AaB03 not yet");
}

// HTML's encoding of '"', CR and LF in names (the multipart/form-data encoding algorithm).
TEST(Multipart, PercentEncodedQuotesAndLineBreaksInNames) {
  std::string body =
      "--x\r\n"
      "Content-Disposition: form-data; name=\"documents\"; filename=\"Zeugnis "
      "%22neu%22%0D%0A.pdf\"\r\n"
      "\r\n"
      "%PDF-\r\n"
      "--x--";
  auto parts = parse_multipart("Multipart/Form-Data; BOUNDARY=x", body);
  ASSERT_TRUE(parts.has_value()) << render(parts.error().message, Lang::en);
  EXPECT_EQ((*parts)[0].file_name, "Zeugnis \"neu\"\r\n.pdf");
  EXPECT_TRUE(is_multipart_form("Multipart/Form-Data; boundary=x"));
  EXPECT_TRUE(is_multipart_form("multipart/form-data"));
  EXPECT_FALSE(is_multipart_form("multipart/mixed; boundary=x"));
  EXPECT_FALSE(is_multipart_form("text/plain"));
}

TEST(Multipart, QuotedBoundaryAndPreamble) {
  std::string body =
      "a preamble to ignore\r\n"
      "--x y\r\n"
      "Content-Disposition: form-data; name=\"a\"\r\n\r\n"
      "1\r\n"
      "--x y--";
  auto parts = parse_multipart("multipart/form-data; boundary=\"x y\"", body);
  ASSERT_TRUE(parts.has_value()) << render(parts.error().message, Lang::en);
  ASSERT_EQ(parts->size(), 1U);
  EXPECT_EQ((*parts)[0].body, "1");
}

TEST(Multipart, SaysWhatIsWrong) {
  auto error_of = [](std::string_view type, std::string_view body) {
    auto parts = parse_multipart(type, body);
    EXPECT_FALSE(parts.has_value()) << body;
    return parts ? std::string() : render(parts.error().message, Lang::en);
  };
  EXPECT_EQ(error_of("multipart/form-data", "--x\r\n"),
            "the form data (multipart/form-data) do not read: the Content-Type names no boundary");
  EXPECT_EQ(error_of("multipart/form-data; boundary=" + std::string(71, 'b'), ""),
            "the form data (multipart/form-data) do not read: the Content-Type names no boundary");
  EXPECT_EQ(error_of("multipart/form-data; boundary=x",
                     "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"),
            "the form data (multipart/form-data) do not read: the body ends inside a part");
  EXPECT_EQ(error_of("multipart/form-data; boundary=x",
                     "--x\r\nContent-Type: text/plain\r\n\r\n1\r\n--x--"),
            "the form data (multipart/form-data) do not read: part 1 has no "
            "'Content-Disposition: form-data; name=...' header");
  // A header section over 64 KiB.
  EXPECT_EQ(error_of("multipart/form-data; boundary=x",
                     "--x\r\nX: " + std::string(70000, 'a') + "\r\n\r\n1\r\n--x--"),
            "the form data (multipart/form-data) do not read: part 1 has no "
            "'Content-Disposition: form-data; name=...' header");
  std::string many;
  for (int i = 0; i < 5; ++i)
    many += "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";
  many += "--x--";
  auto limited = parse_multipart("multipart/form-data; boundary=x", many, 4);
  ASSERT_FALSE(limited.has_value());
  EXPECT_EQ(render(limited.error().message, Lang::de),
            "die Formulardaten (multipart/form-data) lassen sich nicht lesen: mehr als 4 Teile");
  EXPECT_EQ(parse_multipart("multipart/form-data; boundary=x", many, 5)->size(), 5U);
}

}  // namespace
}  // namespace ccteam::server
