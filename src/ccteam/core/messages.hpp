#pragma once
// Every user-facing text of ccteam, in one table per language.
//
// The domain library never formats a sentence itself: it returns a Message (an id plus its
// arguments) and the edge (CLI, HTTP) renders it in the user's language.
//
// Adding a text:
//   1. add CCTEAM_MSG(your_id) to messages.def, in the section of your capability;
//   2. add {MsgId::your_id, "..."} to messages_en.cpp and to messages_de.cpp;
//   3. run scripts/messages confirm your_id: it stamps the German text as a translation of the
//      English text now, in messages_de.en-sha (id, TAB, the start of the SHA-256 of the
//      English text as written).
// Texts use fmt syntax with positional arguments ({0}, {1}, ...). The test
// tests/ccteam/core/messages_test.cpp fails when a language misses an id, has it twice, or uses
// other placeholders than English. scripts/messages check (ctest unit.message_tables_check)
// fails when an English text changed after its German text was confirmed: update the German
// text (or keep it when it still fits), then scripts/messages confirm your_id. Changing an
// English text therefore means looking at its German one. scripts/messages regroup puts the
// ids into their capability's section; scripts/messages unused lists ids no code uses.

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "ccteam/core/lang.hpp"

namespace ccteam {

enum class MsgId : std::uint16_t {
#define CCTEAM_MSG(name) name,
#include "ccteam/core/messages.def"
#undef CCTEAM_MSG
  count_
};

inline constexpr std::size_t k_msg_count = static_cast<std::size_t>(MsgId::count_);

// The id's name as written in messages.def ("catalog_unknown_key").
std::string_view msg_name(MsgId id);

// The format text of 'id' in 'lang'. Falls back to English, then to the id's name, so that a
// missing translation shows up in output instead of crashing (the test keeps tables complete).
std::string_view msg_text(MsgId id, Lang lang);

// A text to be shown to a user: which one, and its arguments already turned into strings.
// One argument of a Message: a value already turned into text, a word of the message tables
// (a MsgId), which is translated when the message is rendered ("integer"/"Ganzzahl"), or a
// value already formatted in every language (an amount of money: "USD 7.25" / "7,25 $"), of
// which render picks the message's language.
struct MessageArg {
  MessageArg(std::string value) : text(std::move(value)) {}  // NOLINT: implicit on purpose
  MessageArg(const char* value) : text(value) {}             // NOLINT
  MessageArg(MsgId word) : id(word) {}                       // NOLINT
  MessageArg(LocalizedText value)                            // NOLINT
      : localized(std::move(value)) {}

  // Equal to a plain text argument with that text (for tests and checks); a localized argument
  // compares by its English text.
  bool operator==(std::string_view other) const {
    return id == MsgId::count_ && in(Lang::en) == other;
  }

  // The argument's text in 'lang' (a MsgId word is looked up by render, not here).
  const std::string& in(Lang lang) const { return localized ? localized->get(lang) : text; }

  std::string text;          // a plain argument's text; empty for MsgId and localized ones
  MsgId id = MsgId::count_;  // count_: use 'text' or 'localized'
  std::optional<LocalizedText> localized;
};

struct Message {
  MsgId id = MsgId::count_;
  std::vector<MessageArg> args;
};

namespace detail {
inline MessageArg to_arg(MsgId word) { return MessageArg(word); }
inline MessageArg to_arg(const LocalizedText& text) { return MessageArg(text); }
inline MessageArg to_arg(LocalizedText&& text) { return MessageArg(std::move(text)); }
// What fmt's "{}" makes of strings and integers, without going through fmt::format (messages
// are built for every criterion of every applicant screened).
inline MessageArg to_arg(const std::string& value) { return MessageArg(value); }
inline MessageArg to_arg(std::string&& value) { return MessageArg(std::move(value)); }
inline MessageArg to_arg(const char* value) { return MessageArg(value); }
inline MessageArg to_arg(std::string_view value) { return MessageArg(std::string(value)); }
template <class T>
requires std::same_as<T, int> || std::same_as<T, long> || std::same_as<T, long long> ||
    std::same_as<T, unsigned> || std::same_as<T, unsigned long> ||
    std::same_as<T, unsigned long long>
        MessageArg to_arg(const T& value) {
  return MessageArg(fmt::format_int(value).str());
}
template <class T>
MessageArg to_arg(const T& value) {
  return MessageArg(fmt::format("{}", value));
}
}  // namespace detail

// Builds a Message; each argument is formatted with fmt's "{}", except MsgId arguments, which
// are translated at render time. Each argument is converted once, straight into the message
// (an initializer list would copy it a second time), and temporaries are moved.
template <class... Args>
Message msg(MsgId id, Args&&... args) {
  Message out{id, {}};
  out.args.reserve(sizeof...(Args));
  (out.args.push_back(detail::to_arg(std::forward<Args>(args))), ...);
  return out;
}

// The message's text in 'lang' with its arguments filled in. A text whose placeholders do not
// match its arguments renders unformatted rather than throwing.
std::string render(const Message& message, Lang lang);

// The message as the first sentence of a paragraph: render(message, lang) with its first letter
// in upper case when the text begins with a word of its own ("the closing time ..." -> "The
// closing time ...", "über ..." -> "Über ..."). A text that begins with an argument (a value as
// typed, a file name, a field's label) is left as it is.
std::string render_sentence(const Message& message, Lang lang);

// Shorthand for a message without arguments.
inline std::string tr(MsgId id, Lang lang) { return render(Message{id, {}}, lang); }

// One table row; the tables are exposed for the completeness test.
struct MsgEntry {
  MsgId id;
  std::string_view text;
};
std::span<const MsgEntry> msg_table(Lang lang);

}  // namespace ccteam
