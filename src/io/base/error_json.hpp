#pragma once
// The one JSON shape of an error, used wherever ccteam writes errors as JSON (`catalog validate
// --format json`, rejected documents of `screen`, later the server's problem details):
//   {"file": "", "line": 0, "column": 0, "pointer": "", "message": "...", "hint": "..." | null}
// "file" is empty and "line"/"column" are 0 when unknown; "pointer" is an RFC 6901 JSON pointer
// ("" for the whole document); texts are rendered in 'lang'.

#include <nlohmann/json.hpp>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

nlohmann::ordered_json error_to_json(const Error& error, Lang lang);

}  // namespace ccteam::io
