// The CSV splitter (src/io/base/csv_splitter.cpp) against RFC 4180 section 2 (its examples: quoted
// fields, doubled quotes, line breaks inside quotes, CRLF) and the leniencies stated in the
// header; the rows and lines expected are read off the inputs by hand.
#include "io/base/csv_splitter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ccteam::io {
namespace {

struct Collect final : CsvSink {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  std::vector<std::tuple<int, int, MsgId>> errors;
  void row(const CsvRow& r) override {
    std::vector<std::string> fields(r.fields.begin(), r.fields.end());
    rows.emplace_back(r.line, std::move(fields));
  }
  void syntax_error(int line, int column, MsgId what) override {
    errors.emplace_back(line, column, what);
  }
};

// Splits 'text' fed in pieces of 'piece' bytes (0: all at once).
Collect split(std::string_view text, std::size_t piece = 0) {
  Collect out;
  CsvSplitter splitter;
  if (piece == 0) piece = text.size() + 1;
  for (std::size_t at = 0; at < text.size(); at += piece)
    splitter.feed(text.substr(at, piece), out);
  splitter.finish(out);
  return out;
}

using Rows = std::vector<std::pair<int, std::vector<std::string>>>;

TEST(CsvSplitter, Rfc4180Examples) {
  // RFC 4180 2.1-2.7: CRLF, last row without a line end, quoted fields with commas, CRLF and
  // doubled quotes inside.
  std::string text =
      "aaa,bbb,ccc\r\n"
      "zzz,yyy,xxx\r\n"
      "\"aaa\",\"b\r\nbb\",\"ccc\"\r\n"
      "\"aaa\",\"b\"\"bb\",\"ccc\"\r\n"
      "\"a,b\",,\"\"";
  Rows want = {{1, {"aaa", "bbb", "ccc"}},
               {2, {"zzz", "yyy", "xxx"}},
               {3, {"aaa", "b\r\nbb", "ccc"}},
               {5, {"aaa", "b\"bb", "ccc"}},
               {6, {"a,b", "", ""}}};
  for (std::size_t piece : std::vector<std::size_t>{0, 1, 2, 3, 5, 7, 64}) {
    Collect got = split(text, piece);
    EXPECT_EQ(got.rows, want) << "pieces of " << piece;
    EXPECT_TRUE(got.errors.empty());
  }
}

TEST(CsvSplitter, LeniencyBomBlankLinesSpacesLoneCr) {
  std::string text = "\xEF\xBB\xBFh1,h2\n\n  a , \"b \" \n   \nc,d\re,f\n";
  Rows want = {{1, {"h1", "h2"}}, {3, {"a", "b "}}, {5, {"c", "d"}}, {6, {"e", "f"}}};
  for (std::size_t piece : std::vector<std::size_t>{0, 1, 2, 4})
    EXPECT_EQ(split(text, piece).rows, want) << piece;
}

TEST(CsvSplitter, Utf16IsRefusedAtItsMarkWithoutRows) {
  // "h,1\n" as UTF-16LE and UTF-16BE with their marks: one not_utf8 at 1:1, no row (before,
  // "h\0,\01\0" came out as a row of NUL-laden fields). Fed whole, byte by byte, and in memory.
  std::string le(
      "\xFF\xFEh\0,\0"
      "1\0\n\0",
      10);
  std::string be(
      "\xFE\xFF\0h\0,\0"
      "1\0\n",
      10);
  std::vector<std::tuple<int, int, MsgId>> want = {{1, 1, MsgId::not_utf8}};
  for (const std::string& text : {le, be}) {
    for (std::size_t piece : std::vector<std::size_t>{0, 1}) {
      Collect got = split(text, piece);
      EXPECT_TRUE(got.rows.empty()) << piece;
      EXPECT_EQ(got.errors, want) << piece;
    }
    Collect whole;
    CsvSplitter::split(text, whole);
    EXPECT_TRUE(whole.rows.empty());
    EXPECT_EQ(whole.errors, want);
  }
  // Two bytes only: checked at the end of the input.
  EXPECT_EQ(split("\xFF\xFE").errors, want);
}

TEST(CsvSplitter, BadRowsAreReportedAndSkipped) {
  // Line 2: a quote inside an unquoted field (column 3); line 3: text after a closing quote
  // (column 5); line 4 is read again; line 5 opens a quote that is never closed (column 3).
  std::string text = "a,b\nx,y\"z\n\"q\"x,1\nc,d\ne,\"f\n,g\n";
  for (std::size_t piece : std::vector<std::size_t>{0, 1, 3}) {
    Collect got = split(text, piece);
    Rows want = {{1, {"a", "b"}}, {4, {"c", "d"}}};
    EXPECT_EQ(got.rows, want) << piece;
    std::vector<std::tuple<int, int, MsgId>> errors = {{2, 4, MsgId::csv_stray_quote},
                                                       {3, 4, MsgId::csv_text_after_quote},
                                                       {5, 3, MsgId::csv_unclosed_quote}};
    EXPECT_EQ(got.errors, errors) << piece;
  }
}

TEST(CsvSplitter, LongRowStopsTheReading) {
  Collect out;
  CsvSplitter splitter(16);
  splitter.feed("a,b\n\"0123456789", out);
  splitter.feed("0123456789", out);
  EXPECT_TRUE(splitter.stopped());
  splitter.feed("\"\nc,d\n", out);
  splitter.finish(out);
  ASSERT_EQ(out.rows.size(), 1u);
  std::vector<std::tuple<int, int, MsgId>> errors = {{2, 1, MsgId::csv_row_too_long}};
  EXPECT_EQ(out.errors, errors);
}

struct CollectColumns final : CsvSink {
  std::vector<std::vector<int>> columns;
  std::vector<std::tuple<int, int, MsgId>> errors;
  void row(const CsvRow& r) override { columns.emplace_back(r.columns.begin(), r.columns.end()); }
  void syntax_error(int line, int column, MsgId what) override {
    errors.emplace_back(line, column, what);
  }
};

TEST(CsvSplitter, ColumnsOfFieldsWhenAskedFor) {
  // Columns in bytes from the start of the field's own line, after the byte-order mark: the
  // field after a quoted line break starts on line 3; a blank before a field is part of it.
  std::string text =
      "\xEF\xBB\xBF"
      "ab,c\n x,\"y\ny\",z\n";
  CollectColumns got;
  CsvSplitter::split(text, got, FieldColumns::yes);
  std::vector<std::vector<int>> want = {{1, 4}, {1, 4, 4}};
  EXPECT_EQ(got.columns, want);
  CollectColumns none;
  CsvSplitter::split(text, none);
  EXPECT_EQ(none.columns, (std::vector<std::vector<int>>{{}, {}}));
}

TEST(CsvSplitter, SplitInMemoryHasNoRowLimitAndStopsAtAnUnclosedQuote) {
  std::string text = "a,\"" + std::string(CsvSplitter::k_default_max_row + 10, 'x') + "\"\nb,\"c\n";
  CollectColumns got;
  CsvSplitter::split(text, got);
  EXPECT_EQ(got.columns.size(), 1u);
  std::vector<std::tuple<int, int, MsgId>> errors = {{2, 3, MsgId::csv_unclosed_quote}};
  EXPECT_EQ(got.errors, errors);
}

}  // namespace
}  // namespace ccteam::io
