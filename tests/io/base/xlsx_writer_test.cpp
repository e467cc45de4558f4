// The XLSX writer, checked by reading the workbook back with an independent reader
// (tests/support/read_xlsx.py: Python's zipfile and ElementTree, following ECMA-376 Part 1).
#include "io/base/xlsx_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "support/paths.hpp"
#include "support/xlsx.hpp"

namespace ccteam::io {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("ccteam_xlsx_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

nlohmann::json read_back(const fs::path& file) { return test::read_xlsx(file); }

TEST(XlsxWriter, WritesTypedCellsThatAnIndependentReaderReadsBack) {
  fs::path file = scratch("typed.xlsx");
  XlsxSheet first{"Bewerbungen", {"Bewerbung", "Ergebnis", "bevorzugt"}, {}};
  first.rows.push_back({XlsxCell{"00123"}, XlsxCell{"erfüllt die Anforderungen"}, XlsxCell{3.0}});
  first.rows.push_back({XlsxCell{"A2"}, XlsxCell{""}, XlsxCell{-0.25}});
  XlsxSheet second{"notes", {}, {{XlsxCell{"line one\nline two"}}}};
  ASSERT_TRUE(write_xlsx(file.string(), {first, second}).has_value());

  nlohmann::json book = read_back(file);
  ASSERT_TRUE(book.contains("sheets")) << "read_xlsx.py could not read " << file;
  ASSERT_EQ(book["sheets"].size(), 2u);
  const auto& a = book["sheets"][0];
  EXPECT_EQ(a["name"], "Bewerbungen");
  EXPECT_EQ(a["frozen_rows"], 1);  // the header stays visible
  const auto& cells = a["cells"];
  EXPECT_EQ(cells["A1"]["value"], "Bewerbung");
  EXPECT_EQ(cells["C1"]["value"], "bevorzugt");
  // An id of digits stays text, not the number 123.
  EXPECT_EQ(cells["A2"]["type"], "text");
  EXPECT_EQ(cells["A2"]["value"], "00123");
  EXPECT_EQ(cells["B2"]["value"], "erfüllt die Anforderungen");
  EXPECT_EQ(cells["C2"]["type"], "number");
  EXPECT_EQ(cells["C2"]["value"], 3.0);
  EXPECT_EQ(cells["C3"]["value"], -0.25);
  EXPECT_FALSE(cells.contains("B3"));  // empty text: no cell
  EXPECT_EQ(cells.size(), 8u);         // 3 header cells, 3 in row 2, 2 in row 3
  const auto& b = book["sheets"][1];
  EXPECT_EQ(b["name"], "notes");
  EXPECT_EQ(b["frozen_rows"], 0);
  EXPECT_EQ(b["cells"]["A1"]["value"], "line one\nline two");
  fs::remove_all(file.parent_path());
}

// Rows of two sheets interleaved, as a streamed screening writes applicants and their criteria.
TEST(XlsxStream, InterleavedSheetsReadBackInOrder) {
  fs::path file = scratch("stream.xlsx");
  auto stream = XlsxStream::create(file.string());
  ASSERT_TRUE(stream.has_value());
  std::size_t a = *stream->add_sheet("a", {"id"});
  std::size_t b = *stream->add_sheet("b", {});
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(stream->add_row(a, {XlsxCell{"A" + std::to_string(i)}}).has_value());
    ASSERT_TRUE(stream->add_row(b, {XlsxCell{static_cast<double>(i)}, XlsxCell{"x"}}).has_value());
  }
  EXPECT_EQ(stream->rows(a), 4u);  // header and 3
  EXPECT_EQ(stream->rows(b), 3u);
  EXPECT_FALSE(fs::exists(file));  // under its temporary name until close
  ASSERT_TRUE(stream->close().has_value());
  nlohmann::json book = read_back(file);
  ASSERT_TRUE(book.contains("sheets"));
  const auto& sa = book["sheets"][0]["cells"];
  EXPECT_EQ(sa["A1"]["value"], "id");
  EXPECT_EQ(sa["A4"]["value"], "A2");
  EXPECT_EQ(book["sheets"][0]["frozen_rows"], 1);
  const auto& sb = book["sheets"][1]["cells"];
  EXPECT_EQ(sb["A3"]["value"], 2.0);
  EXPECT_EQ(sb["B1"]["value"], "x");
  EXPECT_EQ(sb.size(), 6u);
  fs::remove_all(file.parent_path());
}

// A cell Excel cannot hold ends the stream: the error names the cell, no file is left.
TEST(XlsxStream, ABadCellLeavesNoFile) {
  fs::path file = scratch("bad-stream.xlsx");
  auto stream = XlsxStream::create(file.string());
  ASSERT_TRUE(stream.has_value());
  std::size_t s = *stream->add_sheet("s", {"a"});
  auto added = stream->add_row(s, {XlsxCell{std::string(32768, 'x')}});
  ASSERT_FALSE(added.has_value());
  EXPECT_NE(render(added.error(), Lang::en).find("cell A2: 32768 characters"), std::string::npos);
  EXPECT_FALSE(stream->close().has_value());
  EXPECT_FALSE(fs::exists(file));
  EXPECT_TRUE(fs::is_empty(file.parent_path()));
  fs::remove_all(file.parent_path());
}

TEST(XlsxWriter, ReplacesAnExistingFileAndLeavesNoTemporary) {
  fs::path file = scratch("replace.xlsx");
  std::ofstream(file) << "old content";
  ASSERT_TRUE(write_xlsx(file.string(), {XlsxSheet{"s", {"x"}, {{XlsxCell{1.0}}}}}).has_value());
  EXPECT_EQ(read_back(file)["sheets"][0]["cells"]["A2"]["value"], 1.0);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(file.parent_path())) ++entries;
  EXPECT_EQ(entries, 1u);
  fs::remove_all(file.parent_path());
}

TEST(XlsxWriter, StandardOutputIsAUsageError) {
  auto written = write_xlsx("-", {XlsxSheet{"s", {}, {}}});
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().kind, ErrorKind::usage);
  EXPECT_NE(render(written.error(), Lang::en).find("-o"), std::string::npos);
  EXPECT_NE(render(written.error(), Lang::de).find("Binärdatei"), std::string::npos);
}

TEST(XlsxWriter, RefusesWhatExcelCannotHoldBeforeWritingAnything) {
  fs::path file = scratch("bad.xlsx");
  auto refused = [&](const std::vector<XlsxSheet>& sheets) {
    auto written = write_xlsx(file.string(), sheets);
    EXPECT_FALSE(fs::exists(file));
    return written ? std::string() : render(written.error(), Lang::en);
  };
  EXPECT_NE(refused({XlsxSheet{"a/b", {}, {}}}).find("cannot name an Excel sheet"),
            std::string::npos);
  EXPECT_NE(refused({XlsxSheet{std::string(32, 'x'), {}, {}}}).find("cannot name"),
            std::string::npos);
  // Excel compares sheet names without case.
  EXPECT_NE(refused({XlsxSheet{"Data", {}, {}}, XlsxSheet{"data", {}, {}}}).find("two sheets"),
            std::string::npos);
  std::string nan =
      refused({XlsxSheet{"s", {"a", "b"}, {{XlsxCell{1.0}, XlsxCell{std::nan("")}}}}});
  EXPECT_NE(nan.find("sheet 's', cell B2"), std::string::npos) << nan;
  std::string long_text = refused({XlsxSheet{"s", {}, {{XlsxCell{std::string(32768, 'x')}}}}});
  EXPECT_NE(long_text.find("cell A1: 32768 characters"), std::string::npos) << long_text;
  EXPECT_NE(refused({}).find("at least one sheet"), std::string::npos);
  fs::remove_all(file.parent_path());
}

// Found out before libxlsxwriter is asked, which would print "[ERROR] workbook_close(): ..."
// to stderr itself, in English, beside ccteam's message.
TEST(XlsxWriter, AFolderThatDoesNotExistIsAnIoError) {
  testing::internal::CaptureStderr();
  auto written = write_xlsx("/nonexistent-ccteam-folder/out.xlsx", {XlsxSheet{"s", {}, {}}});
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().kind, ErrorKind::io);
  EXPECT_NE(render(written.error(), Lang::en).find("/nonexistent-ccteam-folder/out.xlsx"),
            std::string::npos);
}

}  // namespace
}  // namespace ccteam::io
