#include "io/workspace/documents.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "support/paths.hpp"

namespace ccteam::io {
namespace {

std::string document(const std::string& name) {
  std::ifstream in(test::data_path("documents/" + name), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  EXPECT_FALSE(out.str().empty()) << name;
  return out.str();
}

// tests/data/documents/make_documents.py says what each file is.
TEST(CheckDocument, TakesPdfAndDocxByContent) {
  auto pdf = check_document(document("cv-en.pdf"), "cv-en.pdf");
  ASSERT_TRUE(pdf.has_value()) << render(pdf.error().message, Lang::en);
  EXPECT_EQ(*pdf, DocumentType::pdf);
  auto docx = check_document(document("cv-de.docx"), "cv-de.docx");
  ASSERT_TRUE(docx.has_value()) << render(docx.error().message, Lang::en);
  EXPECT_EQ(*docx, DocumentType::docx);
  // The name does not matter: a DOCX sent as "cv.pdf" is a DOCX.
  EXPECT_EQ(check_document(document("cv-de.docx"), "cv.pdf").value(), DocumentType::docx);
  EXPECT_EQ(content_type(DocumentType::docx),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(document_type_of("application/pdf"), DocumentType::pdf);
  EXPECT_EQ(document_type_of("text/html"), std::nullopt);
}

TEST(CheckDocument, RefusesWhatIsNotPdfOrDocx) {
  auto program = check_document(document("program.pdf"), "program.pdf");
  ASSERT_FALSE(program.has_value());
  EXPECT_EQ(program.error().message.id, MsgId::document_type_unknown);
  EXPECT_EQ(render(program.error().message, Lang::de),
            "„program.pdf“ ist weder ein PDF noch ein Word-Dokument (DOCX), geprüft am Inhalt");
  ASSERT_TRUE(program.error().hint.has_value());
  // An OpenDocument text named .docx, a PNG, HTML, an empty file.
  EXPECT_EQ(check_document(document("not-word.docx"), "x.docx").error().message.id,
            MsgId::document_type_unknown);
  EXPECT_EQ(check_document("\x89PNG\r\n\x1a\n", "photo.pdf").error().message.id,
            MsgId::document_type_unknown);
  EXPECT_EQ(check_document("<html><script>alert(1)</script>", "cv.pdf").error().message.id,
            MsgId::document_type_unknown);
  EXPECT_EQ(check_document("", "cv.pdf").error().message.id, MsgId::document_empty);
  // A ZIP header with nothing after it.
  EXPECT_EQ(check_document(std::string("PK\x03\x04", 4) + "broken", "cv.docx").error().message.id,
            MsgId::document_docx_unreadable);
}

TEST(CheckDocument, RefusesAZipBombBeforeUnpacking) {
  // 60 MB of zeros in 59 kB: over the 50 MB the directory may declare.
  auto bomb = check_document(document("bomb.docx"), "bomb.docx");
  ASSERT_FALSE(bomb.has_value());
  EXPECT_EQ(bomb.error().message.id, MsgId::document_docx_too_large_unpacked);
  EXPECT_EQ(render(bomb.error().message, Lang::en),
            "'bomb.docx' unpacks to 60 MB, more than 50 MB: not taken");
  DocumentLimits tight;
  tight.max_zip_entries = 2;  // the CV has 3 entries
  auto many = check_document(document("cv-de.docx"), "cv-de.docx", tight);
  ASSERT_FALSE(many.has_value());
  EXPECT_EQ(
      render(many.error().message, Lang::de),
      "„cv-de.docx“ sieht wie ein DOCX-Dokument aus, lässt sich aber nicht lesen: 3 Einträge, "
      "mehr als 2");
}

TEST(CheckDocument, RefusesAFileOverTheLimit) {
  DocumentLimits limits;
  limits.max_bytes = 10'000;
  auto large = check_document(document("cv-en.pdf"), "cv-en.pdf", limits);
  ASSERT_FALSE(large.has_value());
  EXPECT_EQ(large.error().message.id, MsgId::document_too_large);
  // 22,378 bytes: "22 kB" (SI, as file managers write it).
  EXPECT_EQ(render(large.error().message, Lang::de),
            "„cv-en.pdf“ hat 22 kB; ein Dokument darf höchstens 10 kB haben");
  // One byte over: sizes that would read alike are written to the byte.
  limits.max_bytes = 22'377;
  auto byte_over = check_document(document("cv-en.pdf"), "cv-en.pdf", limits);
  ASSERT_FALSE(byte_over.has_value());
  EXPECT_EQ(render(byte_over.error().message, Lang::de),
            "„cv-en.pdf“ hat 22.378 Bytes; ein Dokument darf höchstens 22.377 Bytes haben");
}

TEST(CleanFileName, StripsPathsControlsAndOverrides) {
  EXPECT_EQ(clean_file_name("C:\\Users\\erika\\Lebenslauf.pdf", DocumentType::pdf),
            "Lebenslauf.pdf");
  EXPECT_EQ(clean_file_name("../../etc/passwd", DocumentType::pdf), "passwd.pdf");
  EXPECT_EQ(clean_file_name("cv\r\nX-Header: 1\t.pdf", DocumentType::pdf), "cvX-Header: 1.pdf");
  // "cv" U+202E (right-to-left override) "fdp.exe": shown reversed as "cvexe.pdf".
  EXPECT_EQ(clean_file_name("cv\xE2\x80\xAE"
                            "fdp.exe",
                            DocumentType::pdf),
            "cvfdp.exe.pdf");
  EXPECT_EQ(clean_file_name("...hidden.docx", DocumentType::docx), "hidden.docx");
  // Zero-width space, right-to-left mark, byte order mark: invisible, so gone.
  EXPECT_EQ(clean_file_name("\xE2\x80\x8F"
                            "cv\xE2\x80\x8B"
                            "2\xEF\xBB\xBF.pdf",
                            DocumentType::pdf),
            "cv2.pdf");
  EXPECT_EQ(clean_file_name("Zeugnis Müller.DOCX", DocumentType::docx), "Zeugnis Müller.DOCX");
  EXPECT_EQ(clean_file_name("", DocumentType::pdf), "document.pdf");
  EXPECT_EQ(clean_file_name("/", DocumentType::docx), "document.docx");
  EXPECT_EQ(clean_file_name("bad\xff\xfe.pdf", DocumentType::pdf), "bad.pdf");
  std::string longest = clean_file_name(std::string(300, 'a') + ".pdf", DocumentType::pdf);
  EXPECT_EQ(longest.size(), 120U);
  EXPECT_TRUE(longest.ends_with(".pdf"));
  // Cut at a character, never inside one: 100 "ä" are 200 bytes.
  std::string umlauts;
  for (int i = 0; i < 100; ++i) umlauts += "\xC3\xA4";
  std::string cut = clean_file_name(umlauts, DocumentType::pdf);
  EXPECT_LE(cut.size(), 120U);
  EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
  EXPECT_EQ((cut.size() - 4) % 2, 0U);
}

TEST(AttachmentDisposition, AsciiFallbackAndRfc8187) {
  // RFC 8187 section 3.2.3: "€ rates" is "%E2%82%AC%20rates".
  EXPECT_EQ(attachment_disposition("€ rates.pdf"),
            "attachment; filename=\"_ rates.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf");
  EXPECT_EQ(attachment_disposition("résumé.pdf"),
            "attachment; filename=\"r_sum_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf");
  EXPECT_EQ(attachment_disposition("a\"b\\c.pdf"),
            "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf");
}

TEST(Sha256Hex, FipsExample) {
  // FIPS 180-2 appendix B.1: SHA-256("abc").
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(is_sha256_hex(sha256_hex("")));
  EXPECT_FALSE(is_sha256_hex("../" + std::string(61, 'a')));
  EXPECT_FALSE(is_sha256_hex(std::string(64, 'A')));
}

}  // namespace
}  // namespace ccteam::io
