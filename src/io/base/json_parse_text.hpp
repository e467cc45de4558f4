#pragma once
// nlohmann-json's parse errors in the reader's language.

#include <string>

#include "ccteam/core/lang.hpp"

namespace ccteam::io {

// nlohmann-json's description of a parse error without its "[json.exception.parse_error.101]
// parse error at line 1, column 2: " prefix ("syntax error while parsing object - unexpected
// end of input; expected '}'"): in English as it is, in German with its fixed phrases
// translated one by one; quoted input and tokens are kept. Linear in the text's length.
LocalizedText json_parse_text(const std::string& english);

}  // namespace ccteam::io
