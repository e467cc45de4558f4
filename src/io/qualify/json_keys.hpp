#pragma once
// Finding a member that a JSON Resume document gives twice ("work" twice): JSON parsers keep one
// of the two without a word (nlohmann the last, simdjson both), so the reader would silently
// read half of what the document says. Only the members the résumé reader reads are checked
// (resume_json.hpp), so that a document is an error exactly when its reading depends on which
// of two values wins.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ccteam::io {

struct DuplicateKey {
  std::string key;           // the member's name as written (unescaped only if it had no escapes)
  std::string pointer;       // JSON pointer of the second occurrence ("/work")
  std::size_t offset = 0;    // byte offset of the second occurrence's opening quote
  std::size_t first = 0;     // byte offset of the first occurrence's opening quote
  std::size_t document = 0;  // in a top-level array: the document's index; else 0
};

// The first read member given twice in one object of each document of 'text' (a JSON document
// or an array of documents; NDJSON is checked line by line), in text order; what was found up
// to a point where 'text' stops being JSON (the parser then reports the syntax error).
std::vector<DuplicateKey> find_duplicate_resume_keys(std::string_view text);

}  // namespace ccteam::io
