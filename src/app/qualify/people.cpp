#include "app/qualify/people.hpp"

#include <cctype>
#include <optional>

#include "ccteam/core/iso_codes.hpp"
#include "io/base/files.hpp"
#include "io/qualify/person_csv.hpp"
#include "io/qualify/resume_json.hpp"

namespace ccteam::app {

namespace {

void unusable(PeopleRead& out, ErrorList& problems, Error error) {
  out.unusable = true;
  problems.add(std::move(error));
}

// 'error' with the file name 'file' replaced by 'name' in its position and its message.
Error named(Error error, const std::string& file, const std::string& name) {
  if (file == name) return error;
  if (error.where.file == file) error.where.file = name;
  for (MessageArg& arg : error.message.args) {
    if (arg.id == MsgId::count_ && !arg.localized && arg.text == file) arg.text = name;
  }
  return error;
}

}  // namespace

PeopleRead read_people(const PeopleSource& source, const PersonHandler& on_person,
                       const DocumentTick& on_document, const RejectedHandler& on_rejected) {
  PeopleRead out;
  ErrorList problems;
  std::size_t next_id = 1;
  auto sink = [&](Result<qualify::Person> result) {
    ++out.read;
    if (on_document) on_document();
    if (result) {
      on_person(std::move(*result));
      return;
    }
    ++out.rejected;
    problems.add(result.error());
    if (on_rejected) {
      on_rejected(result.error());
    } else {
      out.rejected_errors.push_back(std::move(result.error()));
    }
  };
  bool stdin_read = false;
  std::size_t input = 0;
  for (const std::string& file : source.files) {
    ++input;
    const std::string name = source.file_names == FileNames::numbered && file != "-"
                                 ? "#" + std::to_string(input)
                                 : file;
    if (file == "-" && stdin_read) {
      // A second '-' would read an empty stream and count a document that is not there.
      unusable(out, problems,
               Error::usage(msg(MsgId::people_stdin_twice), msg(MsgId::hint_people_stdin_twice)));
      continue;
    }
    if (io::has_extension(file, ".ndjson") || io::has_extension(file, ".jsonl")) {
      // One document per line: streamed, so memory does not grow with the file.
      if (auto streamed = io::stream_ndjson_resumes(file, next_id, sink, name); !streamed) {
        unusable(out, problems, named(std::move(streamed.error()), file, name));
      }
      continue;
    }
    if (file == "-") {
      stdin_read = true;
      if (source.standard_input == nullptr) continue;
      // Standard input: NDJSON streamed line by line, one document or an array read whole.
      if (auto streamed = io::stream_json_resumes(*source.standard_input, file, next_id, sink);
          !streamed) {
        unusable(out, problems, std::move(streamed.error()));
      }
      continue;
    }
    auto content = io::read_file(file);
    if (!content) {
      unusable(out, problems, named(std::move(content.error()), file, name));
      continue;
    }
    if (io::has_extension(file, ".csv")) {
      io::read_person_csv(*content, name, next_id, sink);
    } else {
      io::read_json_resumes(*content, name, next_id, sink);
    }
  }
  out.problems = problems.take();
  return out;
}

Result<Date> parse_as_of(std::string_view text) {
  auto date = parse_iso_date(text);
  if (date) return *date;
  Error e = std::move(date.error());
  e.kind = ErrorKind::usage;
  e.hint = msg(MsgId::hint_full_date);  // an as-of date is a day, never a month or year
  return tl::unexpected(std::move(e));
}

Result<void> check_country(const std::string& country) {
  if (country == "*" || is_iso_country(country)) return {};
  std::string upper = country;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::optional<Message> hint;
  if (is_iso_country(upper)) hint = msg(MsgId::hint_country_upper, upper);
  return tl::unexpected(Error::usage(msg(MsgId::screen_bad_country, country), hint));
}

}  // namespace ccteam::app
