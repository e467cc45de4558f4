#include "cli/people_input.hpp"

#include <cctype>
#include <chrono>
#include <iostream>

#include "ccteam/core/iso_codes.hpp"
#include "cli/app.hpp"
#include "cli/progress.hpp"
#include "io/base/files.hpp"
#include "io/qualify/person_csv.hpp"
#include "io/qualify/resume_json.hpp"

namespace ccteam::cli {

ReadCounts read_people(Context& ctx, const std::vector<std::string>& files,
                       const std::function<void(qualify::Person&&)>& on_person) {
  ReadCounts counts;
  std::size_t next_id = 1;
  Progress progress(tr(MsgId::progress_documents, ctx.lang()));
  auto sink = [&](Result<qualify::Person> result) {
    ++counts.read;
    progress.tick();
    if (result) {
      on_person(std::move(*result));
      return;
    }
    ++counts.rejected;
    ctx.report(result.error());
    counts.errors.push_back(std::move(result.error()));
  };
  bool stdin_read = false;
  for (const std::string& file : files) {
    if (file == "-" && stdin_read) {
      // A second '-' would read an empty stream and count a document that is not there.
      Error twice{ErrorKind::usage,
                  msg(MsgId::people_stdin_twice),
                  {},
                  msg(MsgId::hint_people_stdin_twice)};
      ctx.report(twice);
      counts.unusable = true;
      continue;
    }
    if (io::has_extension(file, ".ndjson") || io::has_extension(file, ".jsonl")) {
      // One document per line: streamed, so memory does not grow with the file.
      if (auto streamed = io::stream_ndjson_resumes(file, next_id, sink); !streamed) {
        ctx.report(streamed.error());
        counts.unusable = true;
      }
      continue;
    }
    if (file == "-") {
      stdin_read = true;
      // Standard input: NDJSON streamed line by line, one document or an array read whole.
      if (auto streamed = io::stream_json_resumes(std::cin, file, next_id, sink); !streamed) {
        ctx.report(streamed.error());
        counts.unusable = true;
      }
      continue;
    }
    auto content = io::read_file(file);
    if (!content) {
      ctx.report(content.error());
      counts.unusable = true;
      continue;
    }
    if (io::has_extension(file, ".csv")) {
      io::read_person_csv(*content, file, next_id, sink);
    } else {
      io::read_json_resumes(*content, file, next_id, sink);
    }
  }
  return counts;
}

std::optional<Date> as_of_date(Context& ctx, const std::string& text) {
  if (text.empty()) {
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  }
  auto date = parse_iso_date(text);
  if (!date) {
    Error e = date.error();
    e.kind = ErrorKind::usage;
    e.hint = msg(MsgId::hint_full_date);  // an as-of date is a day, never a month or year
    ctx.fail(e);
    return std::nullopt;
  }
  return *date;
}

std::optional<QualifySetting> qualify_setting(Context& ctx, const std::string& as_of,
                                              const std::string& country) {
  std::optional<Date> date = as_of_date(ctx, as_of);
  if (!date) return std::nullopt;
  if (country != "*" && !is_iso_country(country)) {
    std::string upper = country;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::optional<Message> hint;
    if (is_iso_country(upper)) hint = msg(MsgId::hint_country_upper, upper);
    ctx.fail(Error{ErrorKind::usage, msg(MsgId::screen_bad_country, country), {}, hint});
    return std::nullopt;
  }
  const catalog::Catalog* catalog = ctx.catalog();
  if (catalog == nullptr) return std::nullopt;
  return QualifySetting{*date, catalog};
}

const catalog::Role* find_role(Context& ctx, const catalog::Catalog& catalog,
                               const std::string& id) {
  if (const catalog::Role* role = catalog.find(RoleId(id))) return role;
  std::string known;
  for (const catalog::Role* r : catalog.by_rank()) {
    known += (known.empty() ? "" : ", ") + r->id.str();
  }
  ctx.fail(Error{ErrorKind::not_found,
                   msg(MsgId::role_not_found, id),
                   {},
                   msg(MsgId::hint_known_roles, known)});
  return nullptr;
}

}  // namespace ccteam::cli
