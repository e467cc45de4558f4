#include "ccteam/core/messages.hpp"

#include "ccteam/core/message_tables.hpp"
#include "cli/messages.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

namespace ccteam {
namespace {

// The placeholders a text uses: {0}, {1}, ... ("{{" is an escaped brace, not a placeholder).
std::multiset<std::string> placeholders(std::string_view text) {
  std::multiset<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "{{" || text.substr(i, 2) == "}}") {
      ++i;
      continue;
    }
    if (text[i] != '{') continue;
    std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) break;
    out.insert(std::string(text.substr(i, close - i + 1)));
    i = close;
  }
  return out;
}

class MessageTables : public ::testing::TestWithParam<Lang> {};

TEST_P(MessageTables, HaveEveryIdExactlyOnceAndNoEmptyText) {
  std::map<MsgId, int> count;
  cli::add_cli_messages();  // the command line's own texts complete the tables
  for (const MsgEntry& entry : all_msg_entries(GetParam())) {
    ++count[entry.id];
    EXPECT_FALSE(entry.text.empty()) << msg_name(entry.id);
  }
  for (std::size_t i = 0; i < k_msg_count; ++i) {
    auto id = static_cast<MsgId>(i);
    EXPECT_EQ(count[id], 1) << msg_name(id) << " in " << to_string(GetParam());
  }
}

TEST_P(MessageTables, UseTheSamePlaceholdersAsEnglish) {
  cli::add_cli_messages();
  for (std::size_t i = 0; i < k_msg_count; ++i) {
    auto id = static_cast<MsgId>(i);
    EXPECT_EQ(placeholders(msg_text(id, GetParam())), placeholders(msg_text(id, Lang::en)))
        << msg_name(id);
  }
}

TEST_P(MessageTables, EveryTextRendersWithItsArguments) {
  cli::add_cli_messages();
  for (std::size_t i = 0; i < k_msg_count; ++i) {
    auto id = static_cast<MsgId>(i);
    Message m{id, {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"}};
    std::string out = render(m, GetParam());
    // An unformattable text would come back with its raw placeholders.
    EXPECT_EQ(out.find("{0}"), std::string::npos) << msg_name(id);
  }
}

INSTANTIATE_TEST_SUITE_P(AllLanguages, MessageTables, ::testing::Values(Lang::en, Lang::de),
                         [](const auto& param_info) {
                           return std::string(to_string(param_info.param));
                         });

TEST(Messages, RenderFillsPositionalArguments) {
  EXPECT_EQ(render(msg(MsgId::yaml_duplicate_key, "level", 6), Lang::en),
            "key 'level' appears twice (first on line 6)");
  EXPECT_EQ(render(msg(MsgId::yaml_duplicate_key, "level", 6), Lang::de),
            "Schlüssel 'level' kommt doppelt vor (zuerst in Zeile 6)");
}

// A localized argument shows its text in the language the message is rendered in.
TEST(Messages, LocalizedArgumentsFollowTheRenderLanguage) {
  Message m = msg(MsgId::yaml_duplicate_key, LocalizedText{"one", "eins"}, 6);
  EXPECT_NE(render(m, Lang::en).find("'one'"), std::string::npos);
  EXPECT_NE(render(m, Lang::de).find("'eins'"), std::string::npos);
  EXPECT_EQ(m.args[0], "one");  // compares by its English text
}

TEST(Messages, EscapedBracesRenderAsBraces) {
  EXPECT_EQ(tr(MsgId::hint_both_languages, Lang::en),
            "every text needs both languages: {en: ..., de: ...}");
}

TEST(Messages, TooFewArgumentsDoNotThrow) {
  EXPECT_EQ(render(Message{MsgId::yaml_unknown_key, {}}, Lang::en), "unknown key '{0}'");
}

TEST(Messages, NamesComeFromTheDefinitionFile) {
  EXPECT_EQ(msg_name(MsgId::label_error), "label_error");
}

TEST(Messages, RenderSentenceCapitalisesItsOwnFirstWordOnly) {
  // A text that begins with a word of its own: upper case, in German also an umlaut.
  EXPECT_EQ(render_sentence(msg(MsgId::hint_plan_hours_order), Lang::en).substr(0, 16),
            "A daily profile ");
  EXPECT_EQ(render_sentence(msg(MsgId::range_above, "0"), Lang::de), "Über 0");
  EXPECT_EQ(render_sentence(msg(MsgId::range_above, "0"), Lang::en), "Above 0");
  // A text that begins with an argument keeps it as given (a value typed, a file name).
  EXPECT_EQ(render_sentence(msg(MsgId::plan_bad_argument, "calls", "x"), Lang::en),
            "calls: cannot read 'x'");
}

}  // namespace
}  // namespace ccteam
