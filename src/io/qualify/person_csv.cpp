#include "io/qualify/person_csv.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <vector>

#include "ccteam/text/normalize.hpp"
#include "io/base/csv_splitter.hpp"
#include "io/base/utf8.hpp"

namespace ccteam::io {

namespace {

using qualify::Person;

struct Row {
  std::vector<std::string> fields;
  int line = 0;  // 1-based line where the row starts; -line for a row that cannot be split
};

// Keeps the rows up to the first syntax error; that one ends the reading, as it always has
// (the rows after it are not read, so a fault is never hidden behind a misaligned row).
class Collector final : public CsvSink {
 public:
  std::vector<Row> rows;
  std::vector<int> header_columns;  // 1-based byte column of each header field
  bool stopped = false;

  void row(const CsvRow& r) override {
    if (stopped) return;
    if (rows.empty()) header_columns.assign(r.columns.begin(), r.columns.end());
    rows.push_back(Row{std::vector<std::string>(r.fields.begin(), r.fields.end()), r.line});
  }
  void syntax_error(int line, int /*column*/, MsgId /*what*/) override {
    if (stopped) return;
    rows.push_back(Row{{}, -line});
    stopped = true;
  }
};

// A column name split into its family, its number (1-based, 0 when none) and its part:
// "work2_start" -> {"work", 2, "start"}; "skills" -> {"skills", 0, ""}.
struct Column {
  std::string family;
  int number = 0;
  std::string part;

  bool operator==(const Column&) const = default;
};

std::optional<Column> parse_column(std::string_view name) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> k_numbered = {
      {"work", {"title", "organisation", "start", "end", "summary"}},
      {"education", {"type", "area", "start", "end"}},
      {"language", {"", "level"}},
  };
  for (std::string_view single :
       {"id", "name", "email", "phone", "city", "country", "summary", "skills", "certificates"}) {
    if (name == single) return Column{std::string(name), 0, ""};
  }
  for (const auto& [family, parts] : k_numbered) {
    if (!name.starts_with(family)) continue;
    std::string_view rest = name.substr(family.size());
    std::size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0) continue;
    int number = 0;
    std::from_chars(rest.data(), rest.data() + digits, number);
    if (number < 1 || number > 99) continue;
    std::string_view part = rest.substr(digits);
    if (!part.empty()) {
      if (part[0] != '_') continue;
      part.remove_prefix(1);
    }
    for (const std::string& p : parts) {
      if (part == p) return Column{family, number, std::string(part)};
    }
  }
  return std::nullopt;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(';', start);
    if (end == std::string::npos) end = s.size();
    std::string item = s.substr(start, end - start);
    if (!text::is_blank(item)) {
      std::size_t a = item.find_first_not_of(" \t");
      std::size_t b = item.find_last_not_of(" \t");
      out.push_back(item.substr(a, b - a + 1));
    }
    start = end + 1;
  }
  return out;
}

struct RowError {
  Error error;
};

class RowReader {
 public:
  RowReader(const std::string& file, const std::vector<Column>& columns,
            const std::vector<std::string>& names)
      : m_file(file), m_columns(columns), m_names(names) {}

  Person read(const Row& row) {
    Person p;
    p.pos = SourcePos{m_file, row.line, 0, ""};
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      const Column& c = m_columns[i];
      const std::string& v = row.fields[i];
      SourcePos at{m_file, row.line, 0, "/" + m_names[i]};
      if (c.family == "id")
        p.id = v;
      else if (c.family == "name")
        p.personal.name = v;
      else if (c.family == "email")
        p.personal.email = v;
      else if (c.family == "phone")
        p.personal.phone = v;
      else if (c.family == "city")
        p.personal.city = v;
      else if (c.family == "country")
        p.personal.country_code = v;
      else if (c.family == "summary") {
        p.summary = v;
        p.summary_pos = at;
      } else if (c.family == "skills") {
        for (std::string& s : split_list(v)) p.skills.push_back({std::move(s), "", {}, at});
      } else if (c.family == "certificates") {
        for (std::string& s : split_list(v))
          p.certificates.push_back({std::move(s), std::nullopt, at});
      } else if (c.family == "work") {
        qualify::Position& job = slot(p.work, c.number, row.line, "work");
        job.fields = qualify::FieldNames::person_csv;
        if (c.part == "title")
          job.title = v;
        else if (c.part == "organisation")
          job.organisation = v;
        else if (c.part == "summary")
          job.summary = v;
        else if (c.part == "start")
          job.start = date(v, at);
        else if (c.part == "end" && !qualify::means_ongoing(v))
          job.end = date(v, at);
      } else if (c.family == "education") {
        qualify::Education& e = slot(p.education, c.number, row.line, "education");
        if (c.part == "type")
          e.study_type = v;
        else if (c.part == "area")
          e.area = v;
        else if (c.part == "start")
          e.start = date(v, at);
        else if (c.part == "end" && !qualify::means_ongoing(v))
          e.end = date(v, at);
      } else if (c.family == "language") {
        qualify::LanguageEntry& l = slot(p.languages, c.number, row.line, "language");
        if (c.part.empty())
          l.language = v;
        else
          l.fluency = v;
      }
    }
    drop_blank(p);
    for (const auto& job : p.work) check_order(job.start, job.end, job.pos);
    for (const auto& e : p.education) check_order(e.start, e.end, e.pos);
    // Evidence of an education entry points at a column: its qualification's.
    for (auto& e : p.education) e.pos.json_pointer += "_type";
    return p;
  }

 private:
  template <class T>
  T& slot(std::vector<T>& list, int number, int line, const char* family) {
    if (static_cast<int>(list.size()) < number) list.resize(static_cast<std::size_t>(number));
    T& item = list[static_cast<std::size_t>(number - 1)];
    item.pos = SourcePos{m_file, line, 0, "/" + std::string(family) + std::to_string(number)};
    return item;
  }

  std::optional<PartialDate> date(const std::string& v, const SourcePos& at) const {
    if (text::is_blank(v)) return std::nullopt;
    auto parsed = PartialDate::parse(v);
    if (!parsed) {
      Error e = parsed.error();
      e.where = at;
      throw RowError{std::move(e)};
    }
    return *parsed;
  }

  static void check_order(const std::optional<PartialDate>& start,
                          const std::optional<PartialDate>& end, const SourcePos& at) {
    using std::chrono::sys_days;
    if (start && end && sys_days(end->latest()) < sys_days(start->earliest())) {
      throw RowError{Error{
          ErrorKind::invalid_input,
          msg(MsgId::resume_end_before_start, to_iso(end->latest()), to_iso(start->earliest())), at,
          msg(MsgId::hint_end_before_start)}};
    }
  }

  // Numbered entries whose cells are all blank (work3_* left empty) are not entries.
  static void drop_blank(Person& p) {
    std::erase_if(p.work, [](const qualify::Position& j) {
      return text::is_blank(j.title) && text::is_blank(j.summary) && !j.start && !j.end;
    });
    std::erase_if(p.education, [](const qualify::Education& e) {
      return text::is_blank(e.study_type) && text::is_blank(e.area) && !e.start && !e.end;
    });
    std::erase_if(p.languages,
                  [](const qualify::LanguageEntry& l) { return text::is_blank(l.language); });
  }

  const std::string& m_file;
  const std::vector<Column>& m_columns;
  const std::vector<std::string>& m_names;
};

// A row the CSV splitter rejects, in words a user can act on, in English and German.
LocalizedText csv_problem() {
  return {
      "a quoted field is not closed, or its closing quote is followed by other characters "
      "than a comma",
      "ein Feld in Anführungszeichen ist nicht geschlossen, oder nach dem schließenden "
      "Anführungszeichen folgt etwas anderes als ein Komma"};
}

}  // namespace

void read_person_csv(std::string_view content, const std::string& file_in, std::size_t& next_id,
                     const PersonSink& sink) {
  std::string file = file_in.empty() || file_in == "-" ? "<stdin>" : file_in;
  // A spreadsheet saved as Latin-1 or Windows-1252 ("J\xfcrgen"): refused whole at its first
  // byte that is not UTF-8, with the hint to save it as UTF-8, as every text reader does; its
  // texts would otherwise reach every writer (JSON, XLSX, a page) as bytes no one can show.
  if (auto text = check_text(content, file, Nul::refuse); !text) {
    ++next_id;
    sink(tl::unexpected(std::move(text).error()));
    return;
  }
  Collector collector;
  CsvSplitter::split(content, collector, FieldColumns::yes);
  const bool ok = !collector.stopped;
  const LocalizedText parse_problem = ok ? LocalizedText{} : csv_problem();

  if (collector.rows.empty() || collector.rows.front().line < 0) {
    ++next_id;
    sink(fail(ErrorKind::invalid_input,
              ok ? msg(MsgId::csv_no_header) : msg(MsgId::csv_syntax, parse_problem),
              SourcePos{file, 1, 0, ""}, msg(MsgId::hint_person_csv)));
    return;
  }
  const std::vector<std::string>& names = collector.rows.front().fields;
  // A spreadsheet saved with German settings separates by ';': one header field holding the
  // names. Say so once instead of naming the whole header as an unknown column.
  if (names.size() == 1) {
    for (char sep : {';', '\t'}) {
      if (names[0].find(sep) == std::string::npos) continue;
      ++next_id;
      sink(
          fail(ErrorKind::invalid_input,
               msg(MsgId::person_csv_separator, sep == ';' ? std::string(";") : std::string("tab")),
               SourcePos{file, 1, 1, ""}, msg(MsgId::hint_person_csv_separator)));
      return;
    }
  }
  std::vector<Column> columns;
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto column = parse_column(names[i]);
    if (!column) {
      ++next_id;
      sink(fail(ErrorKind::invalid_input, msg(MsgId::csv_unknown_column, names[i]),
                SourcePos{file, 1, 0, "/" + names[i]}, msg(MsgId::hint_person_csv)));
      return;
    }
    // The same column twice ("work1_title" and "work01_title" too): one value would be lost.
    if (std::ranges::find(columns, *column) != columns.end()) {
      ++next_id;
      const int at = i < collector.header_columns.size() ? collector.header_columns[i] : 0;
      sink(fail(ErrorKind::invalid_input, msg(MsgId::metrics_duplicate_column, names[i]),
                SourcePos{file, 1, at, "/" + names[i]}, msg(MsgId::hint_unique_ids)));
      return;
    }
    columns.push_back(*column);
  }
  RowReader reader(file, columns, names);
  for (std::size_t r = 1; r < collector.rows.size(); ++r) {
    const Row& row = collector.rows[r];
    std::string id = "A" + std::to_string(next_id++);
    if (row.line < 0) {
      sink(fail(ErrorKind::invalid_input, msg(MsgId::csv_syntax, parse_problem),
                SourcePos{file, -row.line, 0, ""}, msg(MsgId::hint_person_csv)));
      continue;
    }
    if (row.fields.size() != names.size()) {
      sink(fail(ErrorKind::invalid_input,
                msg(MsgId::csv_row_width, row.fields.size(), names.size()),
                SourcePos{file, row.line, 0, ""}, msg(MsgId::hint_person_csv)));
      continue;
    }
    try {
      Person p = reader.read(row);
      if (text::is_blank(p.id)) p.id = id;
      if (qualify::says_nothing(p)) {
        sink(fail(ErrorKind::invalid_input, msg(MsgId::resume_empty), p.pos,
                  msg(MsgId::hint_resume_empty)));
        continue;
      }
      sink(std::move(p));
    } catch (const RowError& e) {
      sink(tl::unexpected(e.error));
    }
  }
}

}  // namespace ccteam::io
