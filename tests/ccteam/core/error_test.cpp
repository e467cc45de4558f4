// The error list every reader shares (src/ccteam/core/error.cpp): the first k_max_errors kept,
// the rest counted in one closing line.
#include "ccteam/core/error.hpp"

#include <gtest/gtest.h>

namespace ccteam {
namespace {

Error numbered(int n) {
  return Error::invalid_input(msg(MsgId::bad_date, std::to_string(n)),
                              SourcePos{"f.yaml", n, 1, ""});
}

TEST(ErrorList, KeepsAllUpToTheCapAndAddsNothing) {
  ErrorList list(3);
  for (int n = 1; n <= 3; ++n) list.add(numbered(n));
  EXPECT_TRUE(list.full());
  EXPECT_EQ(list.count(), 3u);
  Errors errors = list.take();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[2].where.line, 3);
}

TEST(ErrorList, CountsTheRestInOneClosingError) {
  ErrorList list;  // k_max_errors: 50
  for (int n = 1; n <= 100'000; ++n) list.add(numbered(n));
  EXPECT_EQ(list.count(), 100'000u);
  Errors errors = list.take();
  ASSERT_EQ(errors.size(), 51u);
  EXPECT_EQ(errors[49].where.line, 50);
  const Error& more = errors[50];
  EXPECT_EQ(render(more.message, Lang::en), "... and 99,950 more");
  EXPECT_EQ(render(more.message, Lang::de), "... und 99.950 weitere");
  EXPECT_EQ(to_string(more.where), "f.yaml");
  ASSERT_TRUE(more.hint);
  EXPECT_EQ(more.hint->id, MsgId::hint_errors_more);
  EXPECT_TRUE(list.take().empty());
}

TEST(ErrorList, CountedErrorsKeepTheirKindForTheExitCode) {
  ErrorList list(1);
  list.add(numbered(1));
  list.count_left_out(ErrorKind::not_found);
  Errors errors = list.take();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1].kind, ErrorKind::not_found);
  EXPECT_EQ(render(errors[1].message, Lang::en), "... and 1 more");
}

TEST(ErrorList, ACappedListAddedKeepsItsTotal) {
  // A validator's capped list (3 kept, "... and 7 more") passed into a reader's list of cap 2:
  // 2 kept, the 8 others counted, not "... and 2 more".
  ErrorList inner(3);
  for (int n = 1; n <= 10; ++n) inner.add(numbered(n));
  ErrorList outer(2);
  for (Error& e : inner.take()) outer.add(std::move(e));
  EXPECT_EQ(outer.count(), 10u);
  Errors errors = outer.take();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[1].where.line, 2);
  EXPECT_EQ(render(errors[2].message, Lang::en), "... and 8 more");
}

TEST(ErrorCount, CountsWhatTheClosingErrorStandsFor) {
  ErrorList list;
  for (int n = 1; n <= 9000; ++n) list.add(numbered(n));
  Errors errors = list.take();
  errors.push_back(numbered(1));  // a second file's error after the first file's count
  EXPECT_EQ(errors.size(), 52u);
  EXPECT_EQ(error_count(errors), 9001u);
  EXPECT_EQ(error_count({}), 0u);
}

TEST(CapErrors, CutsALongListAndLeavesAShortOne) {
  Errors errors;
  for (int n = 1; n <= 1234; ++n) errors.push_back(numbered(n));
  cap_errors(errors, 10);
  ASSERT_EQ(errors.size(), 11u);
  EXPECT_EQ(render(errors.back().message, Lang::en), "... and 1,224 more");
  EXPECT_EQ(render(errors.back().message, Lang::de), "... und 1.224 weitere");
  Errors few = {numbered(1), numbered(2)};
  cap_errors(few, 2);
  EXPECT_EQ(few.size(), 2u);
}

}  // namespace
}  // namespace ccteam
