#include "ccteam/core/messages.hpp"
#include "ccteam/core/message_tables.hpp"

#include <array>
#include <vector>

#include <fmt/args.h>

namespace ccteam {

std::span<const MsgEntry> messages_en();  // messages_en.cpp
std::span<const MsgEntry> messages_de();  // messages_de.cpp

std::span<const MsgEntry> msg_table(Lang lang) {
  return lang == Lang::de ? messages_de() : messages_en();
}

namespace {

constexpr std::array<std::string_view, k_msg_count> k_names = {
#define CCTEAM_MSG(name) #name,
#include "ccteam/core/messages.def"
#undef CCTEAM_MSG
};

using Index = std::array<std::string_view, k_msg_count>;

void add_to_index(Index& index, std::span<const MsgEntry> table) {
  for (const MsgEntry& entry : table) {
    auto i = static_cast<std::size_t>(entry.id);
    if (i < k_msg_count && index[i].empty()) index[i] = entry.text;
  }
}

struct Tables {
  Index en{};
  Index de{};
  std::vector<std::span<const MsgEntry>> added_en;
  std::vector<std::span<const MsgEntry>> added_de;
};

Tables& tables() {
  static Tables t = [] {
    Tables out;
    add_to_index(out.en, msg_table(Lang::en));
    add_to_index(out.de, msg_table(Lang::de));
    return out;
  }();
  return t;
}

const Index& index_for(Lang lang) { return lang == Lang::de ? tables().de : tables().en; }

}  // namespace

void add_message_tables(std::span<const MsgEntry> en, std::span<const MsgEntry> de) {
  Tables& t = tables();
  add_to_index(t.en, en);
  add_to_index(t.de, de);
  t.added_en.push_back(en);
  t.added_de.push_back(de);
}

std::vector<MsgEntry> all_msg_entries(Lang lang) {
  std::span<const MsgEntry> own = msg_table(lang);
  std::vector<MsgEntry> out(own.begin(), own.end());
  for (std::span<const MsgEntry> table : lang == Lang::de ? tables().added_de : tables().added_en) {
    out.insert(out.end(), table.begin(), table.end());
  }
  return out;
}

std::string_view msg_name(MsgId id) {
  auto i = static_cast<std::size_t>(id);
  return i < k_msg_count ? k_names[i] : std::string_view("?");
}

std::string_view msg_text(MsgId id, Lang lang) {
  auto i = static_cast<std::size_t>(id);
  if (i >= k_msg_count) return "?";
  if (!index_for(lang)[i].empty()) return index_for(lang)[i];
  if (!index_for(Lang::en)[i].empty()) return index_for(Lang::en)[i];
  return k_names[i];
}

std::string render(const Message& message, Lang lang) {
  std::string_view text = msg_text(message.id, lang);
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const MessageArg& arg : message.args) {
    store.push_back(arg.id == MsgId::count_ ? arg.in(lang) : std::string(msg_text(arg.id, lang)));
  }
  try {
    return fmt::vformat(text, store);
  } catch (const fmt::format_error&) {
    return std::string(text);
  }
}

std::string render_sentence(const Message& message, Lang lang) {
  std::string out = render(message, lang);
  if (msg_text(message.id, lang).starts_with('{') || out.empty()) return out;
  const auto first = static_cast<unsigned char>(out[0]);
  if (first >= 'a' && first <= 'z') {
    out[0] = static_cast<char>(first - 'a' + 'A');
  } else if (first == 0xC3 && out.size() > 1) {
    // The lower-case letters of German in UTF-8 (U+00E0..U+00FE but U+00F7): the upper-case
    // letter is 0x20 below.
    const auto second = static_cast<unsigned char>(out[1]);
    if (second >= 0xA0 && second <= 0xBE && second != 0xB7)
      out[1] = static_cast<char>(second - 0x20);
  }
  return out;
}

}  // namespace ccteam
