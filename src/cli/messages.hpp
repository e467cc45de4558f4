#pragma once
// The command line's own texts: help of commands and options, usage errors. They live here, not
// in the domain library, which holds the texts every client shows; cli::run() adds them to the
// lookup before anything is rendered. Ids are in src/ccteam/core/messages.def like all others.

#include <span>

#include "ccteam/core/message_tables.hpp"

namespace ccteam::cli {

std::span<const MsgEntry> cli_messages_en();  // messages_en.cpp
std::span<const MsgEntry> cli_messages_de();  // messages_de.cpp

// Adds both tables to the message lookup (add_message_tables); idempotent.
void add_cli_messages();

}  // namespace ccteam::cli
