// The text of applicants' documents: read in-process by the parsers (io/workspace/text_extract)
// and through the child process ccteam-extract (io/workspace/extract_process) with its limits.
// Expected texts are the documents' own words as make_documents.py and cv-en.html write them.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <fstream>

#include "io/base/files.hpp"
#include "io/workspace/extract_process.hpp"
#include "io/workspace/text_extract.hpp"
#include "store/temp_dir.hpp"
#include "support/paths.hpp"

namespace ccteam::io {
namespace {

std::string document(const std::string& name) {
  auto bytes = read_file(test::data_path("documents/" + name).string());
  EXPECT_TRUE(bytes.has_value()) << name;
  return bytes ? *bytes : std::string();
}

TEST(TextExtract, ReadsTheWordsOfADocxParagraphByParagraph) {
  TextResult text = docx_text(document("cv-de.docx"));
  ASSERT_TRUE(text.ok) << text.reason;
  EXPECT_EQ(text.text,
            "Lebenslauf\nBerufserfahrung\n"
            "2019-2024 Kundenberaterin im Kundenservice, Inbound-Hotline, Telefon und Chat\n"
            "Sprachen: Deutsch (Muttersprache), Englisch (B2), Türkisch (C1)\n"
            "Kenntnisse: CRM (Salesforce), Deeskalation, Zehnfingersystem\n");
}

TEST(TextExtract, ReadsTheLinesOfAPdfPrintedByChromium) {
  TextResult text = pdf_text(document("cv-en.pdf"));
  ASSERT_TRUE(text.ok) << text.reason;
  // cv-en.html's lines, as poppler lays them out (one line of the work entry wraps).
  EXPECT_NE(text.text.find("Curriculum vitae\n"), std::string::npos) << text.text;
  EXPECT_NE(text.text.find("English (native), German (B2), Spanish (B1)\n"), std::string::npos);
  EXPECT_NE(text.text.find("CRM (Zendesk, Salesforce), de-escalation, touch typing, MS Office"),
            std::string::npos);
}

TEST(TextExtract, RefusesWhatIsNotItsTypeAndCapsWhatItUnpacks) {
  TextResult program = pdf_text(document("program.pdf"));
  EXPECT_FALSE(program.ok);
  EXPECT_EQ(program.failure, TextFailure::unreadable);
  EXPECT_EQ(program.reason, "damaged PDF");
  // A page tree that lies about its size: damaged, not a scan without text; the same file
  // with /Count 1 is one page without text.
  std::string lying =
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages "
      "/Count 2000000000 /Kids [3 0 R] >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R "
      "/MediaBox [0 0 612 792] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  TextResult lies = pdf_text(lying);
  EXPECT_FALSE(lies.ok);
  EXPECT_EQ(lies.reason, "damaged PDF (no page could be read)");
  std::string honest = lying;
  honest.replace(honest.find("2000000000"), 10, "1");
  EXPECT_TRUE(pdf_text(honest).ok);
  TextResult odt = docx_text(document("not-word.docx"));
  EXPECT_FALSE(odt.ok);
  EXPECT_EQ(odt.reason, "no word/document.xml");
  // What word/document.xml really unpacks to counts, whatever the ZIP declares.
  TextLimits small;
  small.max_docx_xml_bytes = 500;
  TextResult capped = docx_text(document("cv-de.docx"), small);
  EXPECT_FALSE(capped.ok);
  EXPECT_EQ(capped.failure, TextFailure::limit);
  // The text is cut at a character: of "Türkisch" only the "T" fits when the limit falls
  // between the two bytes of "ü" (bytes 156 and 157 of the text, from 0).
  TextLimits short_text;
  short_text.max_text_bytes = 157;
  TextResult cut = docx_text(document("cv-de.docx"), short_text);
  ASSERT_TRUE(cut.ok);
  EXPECT_EQ(cut.text.size(), 156u);
  EXPECT_TRUE(cut.text.ends_with("Englisch (B2), T")) << cut.text;
}

// A DOCX of one word/document.xml, written with libzip's counterpart in Python's terms: the
// three parts make_documents.py writes, here from the test's own XML.
std::string docx_of(const std::string& body_xml) {
  test::TempDir dir;
  std::string xml = dir.file("document.xml");
  std::ofstream(xml)
      << R"(<?xml version="1.0" encoding="UTF-8"?>)"
      << R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)"
      << body_xml << "</w:body></w:document>";
  std::string out = dir.file("test.docx");
  std::string command = "cd '" + dir.path().string() +
                        "' && mkdir -p word && cp document.xml word/ && "
                        "python3 -c \"import zipfile; z = zipfile.ZipFile('test.docx', 'w'); "
                        "z.write('word/document.xml')\"";
  EXPECT_EQ(std::system(command.c_str()), 0);
  auto bytes = read_file(out);
  return bytes ? *bytes : std::string();
}

TEST(TextExtract, ATableRowIsOneLineAndHiddenRunsAreLeftOut) {
  TextResult text =
      docx_text(docx_of("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Deutsch</w:t></w:r></w:p></w:tc>"
                        "<w:tc><w:p><w:r><w:t>Muttersprache</w:t></w:r></w:p></w:tc></w:tr>"
                        "<w:tr><w:tc><w:p><w:r><w:t>Englisch</w:t></w:r></w:p></w:tc>"
                        "<w:tc><w:p><w:r><w:t>C1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                        "<w:p><w:r><w:t xml:space=\"preserve\">Kenntnisse: </w:t></w:r>"
                        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>English (C2)</w:t></w:r>"
                        "<w:r><w:rPr><w:sz w:val=\"2\"/></w:rPr><w:t>Salesforce</w:t></w:r>"
                        "<w:r><w:rPr><w:vanish w:val=\"0\"/><w:sz "
                        "w:val=\"22\"/></w:rPr><w:t>Excel</w:t></w:r></w:p>"));
  ASSERT_TRUE(text.ok) << text.reason;
  EXPECT_EQ(text.text, "Deutsch\tMuttersprache\t\nEnglisch\tC1\t\nKenntnisse: Excel\n");
}

class ExtractProcess : public ::testing::Test {
 protected:
  // A stand-in for ccteam-extract: a shell script (the child's behaviour without a parser).
  std::string script(const std::string& name, const std::string& body) {
    std::string path = m_dir.file(name);
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    chmod(path.c_str(), 0700);
    return path;
  }
  test::TempDir m_dir;
};

TEST_F(ExtractProcess, ReadsADocumentInTheChild) {
  auto text = extract_text(CCTEAM_EXTRACTOR, "docx", document("cv-de.docx"));
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->status, ExtractStatus::done);
  EXPECT_TRUE(text->text.starts_with("Lebenslauf\nBerufserfahrung\n")) << text->text;
  auto pdf = extract_text(CCTEAM_EXTRACTOR, "pdf", document("cv-en.pdf"));
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(pdf->status, ExtractStatus::done);
  EXPECT_NE(pdf->text.find("German (B2)"), std::string::npos);
  // A program named .pdf, JavaScript in a PDF: no text, nothing run.
  auto program = extract_text(CCTEAM_EXTRACTOR, "pdf", document("program.pdf"));
  ASSERT_TRUE(program.has_value());
  EXPECT_EQ(program->status, ExtractStatus::unreadable);
  EXPECT_EQ(program->reason, "damaged PDF");
  auto javascript = extract_text(CCTEAM_EXTRACTOR, "pdf", document("javascript.pdf"));
  ASSERT_TRUE(javascript.has_value());
  EXPECT_EQ(javascript->status, ExtractStatus::done);
  EXPECT_EQ(javascript->text, "");  // one page, no text on it (poppler gives "\n")
}

TEST_F(ExtractProcess, APdfThatMakesTheReaderLoopEndsAtItsCpuLimit) {
  ExtractLimits limits;
  limits.cpu = std::chrono::seconds(1);
  limits.wall = std::chrono::milliseconds(20'000);
  auto text = extract_text(CCTEAM_EXTRACTOR, "pdf", document("loop.pdf"), limits);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->status, ExtractStatus::limit);
  EXPECT_EQ(text->reason, "used more than 1 s of CPU time");
}

TEST_F(ExtractProcess, AChildThatHangsIsKilledAtTheDeadline) {
  ExtractLimits limits;
  limits.wall = std::chrono::milliseconds(300);
  auto text = extract_text(script("hang.sh", "exec sleep 30"), "pdf", "%PDF-1.4", limits);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->status, ExtractStatus::limit);
  EXPECT_EQ(text->reason, "took longer than 300 ms");
}

TEST_F(ExtractProcess, CrashesAndRefusalsAreUnreadableWithTheirReason) {
  auto crash = extract_text(script("crash.sh", "kill -SEGV $$"), "pdf", "%PDF-1.4");
  ASSERT_TRUE(crash.has_value());
  EXPECT_EQ(crash->status, ExtractStatus::unreadable);
  EXPECT_EQ(crash->reason, "the reader crashed (signal 11)");
  auto refused = extract_text(
      script("refuse.sh", "cat > /dev/null; printf 'encrypted PDF\\001\\n' >&2; exit 3"), "pdf",
      std::string(200'000, 'x'));  // more than a pipe holds: written while the child reads
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, ExtractStatus::unreadable);
  EXPECT_EQ(refused->reason, "encrypted PDF");
  auto too_big = extract_text(script("big.sh",
                                     "echo 'unpacks to more than 20000000 bytes' >&2; "
                                     "exit 4"),
                              "docx", "PK");
  ASSERT_TRUE(too_big.has_value());
  EXPECT_EQ(too_big->status, ExtractStatus::limit);
  // A child that stops reading early does not stop the caller (no SIGPIPE).
  auto early = extract_text(script("early.sh", "exit 0"), "pdf", std::string(1'000'000, 'x'));
  ASSERT_TRUE(early.has_value());
  EXPECT_EQ(early->status, ExtractStatus::done);
  EXPECT_EQ(early->text, "");
}

TEST_F(ExtractProcess, TheTextIsCleanUtf8WithinItsLimit) {
  ExtractLimits limits;
  limits.max_text_bytes = 12;
  auto text = extract_text(
      script("dirty.sh", "cat > /dev/null; printf 'a\\001b\\377c\\tGr\\303\\274\\303\\237e\\n'"),
      "pdf", "%PDF", limits);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->status, ExtractStatus::done);
  // \001 left out, \377 replaced by U+FFFD (3 bytes), cut before the second "ß" byte would
  // overflow: "ab" + U+FFFD + "c\tGrü" = 2 + 3 + 2 + 2 + 2 = 11 bytes.
  EXPECT_EQ(text->text,
            "ab\xEF\xBF\xBD"
            "c\tGr\xC3\xBC");
}

TEST_F(ExtractProcess, AMissingReaderIsAnError) {
  auto text = extract_text(m_dir.file("no-such-program"), "pdf", "%PDF-1.4");
  ASSERT_FALSE(text.has_value());
  EXPECT_EQ(text.error().kind, ErrorKind::io);
  EXPECT_EQ(text.error().message.id, MsgId::file_unreadable);
}

}  // namespace
}  // namespace ccteam::io
