#include "ccteam/core/messages.hpp"

#include <array>

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

Index build_index(Lang lang) {
  Index index{};
  for (const MsgEntry& entry : msg_table(lang)) {
    auto i = static_cast<std::size_t>(entry.id);
    if (i < k_msg_count && index[i].empty()) index[i] = entry.text;
  }
  return index;
}

const Index& index_for(Lang lang) {
  static const Index en = build_index(Lang::en);
  static const Index de = build_index(Lang::de);
  return lang == Lang::de ? de : en;
}

}  // namespace

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

}  // namespace ccteam
