#pragma once
// Reading the people a screening or career path is about, and the checks of the setting both
// share (as-of date, country). Orchestration of the io readers: JSON Resume (one object, an
// array or NDJSON), NDJSON / JSON Lines streamed, person CSV; the reader is chosen by the file
// name. Nothing here prints; the client shows the problems it returns.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/date.hpp"
#include "ccteam/core/error.hpp"
#include "ccteam/qualify/person.hpp"

namespace ccteam::app {

// What reading the inputs found.
struct PeopleRead {
  std::size_t read = 0;      // documents (or CSV rows) found
  std::size_t rejected = 0;  // of which could not be read as a person; each in 'rejected_errors'
  Errors rejected_errors;    // one per rejected document, in input order (unless handed over)
  bool unusable = false;     // an input could not be read at all (missing file, '-' twice)
  Errors problems;  // the problems in input order (rejected documents, unusable inputs): the
                    // first k_max_errors, then "... and N more"
};

// How positions and problems name an input: by its file name, or by its number among the inputs
// ("#3" for the third; standard input stays "<stdin>"), for a blind screening: file names often
// carry a person's name or birth year.
enum class FileNames : unsigned char { shown, numbered };

// Where the inputs come from: file names, "-" for 'standard_input'.
struct PeopleSource {
  std::vector<std::string> files;
  std::istream* standard_input = nullptr;  // what "-" reads; not owned; null: "-" reads nothing
  FileNames file_names = FileNames::shown;
};

using PersonHandler = std::function<void(qualify::Person&&)>;
using DocumentTick = std::function<void()>;  // called once per document found (progress)
using RejectedHandler = std::function<void(const Error&)>;

// Reads every input of 'source' in order and calls 'on_person' for each document that could be
// read, with ids "1", "2", ... in input order across files. "-": JSON Resume from
// 'standard_input' (NDJSON streamed line by line, one object or an array read whole), read
// once (a second "-" is an Error::usage problem, MsgId::people_stdin_twice); "*.ndjson" and
// "*.jsonl": streamed line by line; "*.csv": person CSV; anything else: JSON Resume read whole.
// A file that cannot be opened makes 'unusable' true and the rest is still read. With
// FileNames::numbered no position, problem or person names a file: each says "#N" instead.
// With 'on_rejected', each rejected document's error goes there instead of into
// PeopleRead::rejected_errors (a batch of millions keeps them elsewhere).
PeopleRead read_people(const PeopleSource& source, const PersonHandler& on_person,
                       const DocumentTick& on_document = {},
                       const RejectedHandler& on_rejected = {});

// The as-of date of a screening or career path from its text, YYYY-MM-DD. Error::usage with
// the date parser's message and MsgId::hint_full_date (a day, never a month or a year).
Result<Date> parse_as_of(std::string_view text);

// "*" (no country in particular) or an ISO 3166-1 alpha-2 code in capitals. Error::usage
// (MsgId::screen_bad_country), hinting at the capitalised code when that is one.
Result<void> check_country(const std::string& country);

}  // namespace ccteam::app
