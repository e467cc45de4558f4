#pragma once
// How serious a finding about a posting or an employer profile is.

#include <optional>
#include <string_view>

#include "ccteam/core/messages.hpp"

namespace ccteam::posting {

// error: unlawful or unusable as written; warning: likely to cost applicants or to break a
// rule in some places; info: worth a look.
enum class Severity { info, warning, error };

std::string_view to_string(Severity severity);  // "info", "warning", "error"
// The severity as people read it: MsgId::label_error, label_warning, label_info ("Fehler",
// "Warnung", "Hinweis").
MsgId severity_word(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace ccteam::posting
