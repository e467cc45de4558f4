#pragma once
// Where the texts of messages.hpp come from. The domain library holds the texts every client
// shows (core/messages_en.cpp, messages_de.cpp); a client adds its own once at start-up: the
// command line's help and usage texts live in src/cli/messages_en.cpp and messages_de.cpp and
// are added by cli::run(). All ids are in messages.def.
//
// Adding a text: CCTEAM_MSG(your_id) in messages.def, then {MsgId::your_id, "..."} in both
// languages' tables: the domain's for a text any client may show, src/cli/'s for a text only
// the command line shows (help of an option, a usage error); then scripts/messages confirm
// your_id (see messages.hpp). tests/ccteam/core/messages_test.cpp checks that every id has
// exactly one text per language over all tables.

#include <span>
#include <vector>

#include "ccteam/core/messages.hpp"

namespace ccteam {

// Adds a client's tables (English, German) to the lookup. Call at start-up, before the first
// render and before other threads start; the tables must outlive the program (static arrays).
// An id that already has a text keeps it.
void add_message_tables(std::span<const MsgEntry> en, std::span<const MsgEntry> de);

// Every text of 'lang' known now: the domain's table (msg_table) and the tables added so far.
std::vector<MsgEntry> all_msg_entries(Lang lang);

}  // namespace ccteam
