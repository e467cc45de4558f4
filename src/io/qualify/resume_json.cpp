#include "io/qualify/resume_json.hpp"

#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <span>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "ccteam/qualify/experience.hpp"
#include "io/base/files.hpp"
#include "io/base/json_parse_text.hpp"
#include "io/base/utf8.hpp"
#include "io/qualify/json_keys.hpp"

namespace ccteam::io {

namespace {

using nlohmann::json;
using qualify::Person;

// Thrown inside this file only, to leave a document at its first error; caught per document.
struct DocumentError {
  Error error;
};

// Whether a date may say that the entry goes on ("endDate": "present").
enum class Open { no, yes };

class DocumentReader {
 public:
  DocumentReader(std::string file, int line, std::string base)
      : m_file(std::move(file)), m_line(line), m_base(std::move(base)) {}

  Person read(const json& doc) {
    Person p;
    p.pos = pos("");
    expect(doc, json::value_t::object, "");
    if (const json* basics = member(doc, "basics", json::value_t::object, "")) {
      p.personal.name = str(*basics, "name", "/basics");
      p.personal.email = str(*basics, "email", "/basics");
      p.personal.phone = str(*basics, "phone", "/basics");
      p.summary = str(*basics, "summary", "/basics");
      p.summary_pos = pos("/basics/summary");
      if (const json* loc = member(*basics, "location", json::value_t::object, "/basics")) {
        p.personal.city = str(*loc, "city", "/basics/location");
        p.personal.country_code = str(*loc, "countryCode", "/basics/location");
      }
    }
    each(doc, "work", [&](const json& w, const std::string& at) { p.work.push_back(work(w, at)); });
    each(doc, "education", [&](const json& e, const std::string& at) {
      qualify::Education ed;
      ed.study_type = str(e, "studyType", at);
      ed.area = str(e, "area", at);
      ed.institution = str(e, "institution", at);
      ed.start = date(e, "startDate", at);
      ed.end = date(e, "endDate", at, Open::yes);
      check_order(ed.start, ed.end, at);
      ed.pos = pos(at);
      p.education.push_back(std::move(ed));
    });
    each(doc, "languages", [&](const json& l, const std::string& at) {
      p.languages.push_back({str(l, "language", at), str(l, "fluency", at), pos(at)});
    });
    each(doc, "skills", [&](const json& s, const std::string& at) {
      qualify::SkillEntry skill{str(s, "name", at), str(s, "level", at), strings(s, "keywords", at),
                                pos(at)};
      p.skills.push_back(std::move(skill));
    });
    each(doc, "certificates", [&](const json& c, const std::string& at) {
      p.certificates.push_back({str(c, "name", at), date(c, "date", at), pos(at)});
    });
    if (qualify::says_nothing(p)) {
      throw DocumentError{Error{ErrorKind::invalid_input, msg(MsgId::resume_empty), pos(""),
                                msg(MsgId::hint_resume_empty)}};
    }
    return p;
  }

 private:
  SourcePos pos(const std::string& pointer) const {
    return SourcePos{m_file, m_line, 0, m_base + pointer};
  }

  [[noreturn]] void wrong_type(const std::string& pointer, MsgId type) const {
    std::string shown = m_base + pointer;
    throw DocumentError{Error{ErrorKind::invalid_input,
                              msg(MsgId::resume_wrong_type, shown.empty() ? "/" : shown, type),
                              pos(pointer), msg(MsgId::hint_resume_json)}};
  }

  void expect(const json& value, json::value_t type, const std::string& pointer) const {
    if (value.type() == type) return;
    wrong_type(pointer, type == json::value_t::object  ? MsgId::type_object
                        : type == json::value_t::array ? MsgId::type_array
                                                       : MsgId::type_string);
  }

  // The member 'key' of 'obj' if present and not null, checked to be of 'type'. The pointer
  // is built only for the error (most members are fine, and building it is not free).
  const json* member(const json& obj, const char* key, json::value_t type,
                     const std::string& at) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return nullptr;
    if (it->type() != type) expect(*it, type, json_pointer_append(at, key));
    return &*it;
  }

  std::string str(const json& obj, const char* key, const std::string& at) const {
    const json* v = member(obj, key, json::value_t::string, at);
    return v ? v->get<std::string>() : std::string();
  }

  std::vector<std::string> strings(const json& obj, const char* key, const std::string& at) const {
    std::vector<std::string> out;
    const json* v = member(obj, key, json::value_t::array, at);
    if (!v) return out;
    out.reserve(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string()) {
        expect((*v)[i], json::value_t::string,
               json_pointer_append(json_pointer_append(at, key), i));
      }
      out.push_back((*v)[i].get<std::string>());
    }
    return out;
  }

  // 'open': an end date, which may say that the entry goes on ("present").
  std::optional<PartialDate> date(const json& obj, const char* key, const std::string& at,
                                  Open open = Open::no) const {
    std::string text = str(obj, key, at);
    if (text.empty() || (open == Open::yes && qualify::means_ongoing(text))) return std::nullopt;
    auto parsed = PartialDate::parse(text);
    if (!parsed) {
      Error e = parsed.error();
      e.where = pos(json_pointer_append(at, key));
      throw DocumentError{std::move(e)};
    }
    return *parsed;
  }

  void check_order(const std::optional<PartialDate>& start, const std::optional<PartialDate>& end,
                   const std::string& at) const {
    using std::chrono::sys_days;
    if (!start || !end) return;
    // Only an end that is certainly before the start: "2019" .. "2019-03" is fine.
    if (sys_days(end->latest()) < sys_days(start->earliest())) {
      auto show = [](const PartialDate& d) {
        std::string s = std::to_string(d.year);
        if (d.month) s += fmt::format("-{:02}", d.month);
        if (d.day) s += fmt::format("-{:02}", d.day);
        return s;
      };
      throw DocumentError{Error{
          ErrorKind::invalid_input, msg(MsgId::resume_end_before_start, show(*end), show(*start)),
          pos(json_pointer_append(at, "endDate")), msg(MsgId::hint_end_before_start)}};
    }
  }

  template <class F>
  void each(const json& doc, const char* key, F&& f) const {
    const json* list = member(doc, key, json::value_t::array, "");
    if (!list) return;
    std::string pointer = json_pointer_append("", key);
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string at = json_pointer_append(pointer, i);
      expect((*list)[i], json::value_t::object, at);
      f((*list)[i], at);
    }
  }

  qualify::Position work(const json& w, const std::string& at) const {
    qualify::Position job;
    job.title = str(w, "position", at);
    job.organisation = str(w, "name", at);
    if (job.organisation.empty()) {
      job.organisation = str(w, "company", at);
      if (!job.organisation.empty()) job.fields = qualify::FieldNames::json_resume_company;
    }
    job.summary = str(w, "summary", at);
    job.highlights = strings(w, "highlights", at);
    job.start = date(w, "startDate", at);
    job.end = date(w, "endDate", at, Open::yes);
    check_order(job.start, job.end, at);
    job.pos = pos(at);
    return job;
  }

  std::string m_file;
  int m_line;
  std::string m_base;
};

// The fast path: simdjson's DOM parser (fully validating, one tape per thread reused across
// documents) read straight into the Person model. It reads only documents that are fine: at
// the first thing that is not (invalid JSON, a wrong type, a duplicate member this reader
// reads, a bad or reversed date, an empty résumé, a surrogate escape) it declines, and the
// nlohmann path below reads the document again to produce exactly today's result and error
// (errors are rare; nlohmann's positions and messages are the reference).
class FastReader {
 public:
  FastReader(std::string_view file, int line, std::string_view base)
      : m_file(file), m_line(line), m_base(base) {}

  // False when the document must be read by the reference path.
  bool read(simdjson::dom::element doc, Person& p) {
    simdjson::dom::object root;
    if (doc.get_object().get(root)) return false;
    p.pos = pos("");
    enum Field { basics, work, education, languages, skills, certificates, count };
    std::array<simdjson::dom::element, count> fields{};
    std::array<bool, count> seen{};
    for (simdjson::dom::key_value_pair kv : root) {
      int f = kv.key == "basics"         ? basics
              : kv.key == "work"         ? work
              : kv.key == "education"    ? education
              : kv.key == "languages"    ? languages
              : kv.key == "skills"       ? skills
              : kv.key == "certificates" ? certificates
                                         : -1;
      if (f < 0) continue;
      if (seen[static_cast<std::size_t>(f)]) return false;  // nlohmann keeps the last one
      seen[static_cast<std::size_t>(f)] = true;
      fields[static_cast<std::size_t>(f)] = kv.value;
    }
    if (seen[basics] && !fields[basics].is_null() && !read_basics(fields[basics], p)) {
      return false;
    }
    bool ok =
        each(seen[work], fields[work], "/work", p.work,
             [&](simdjson::dom::object o, const std::string& at, qualify::Position& job) {
               return read_work(o, at, job);
             }) &&
        each(seen[education], fields[education], "/education", p.education,
             [&](simdjson::dom::object o, const std::string& at, qualify::Education& ed) {
               return read_education(o, at, ed);
             }) &&
        each(seen[languages], fields[languages], "/languages", p.languages,
             [&](simdjson::dom::object o, const std::string& at, qualify::LanguageEntry& l) {
               l.pos = pos(at);
               return members(o, {{"language", &l.language}, {"fluency", &l.fluency}});
             }) &&
        each(seen[skills], fields[skills], "/skills", p.skills,
             [&](simdjson::dom::object o, const std::string& at, qualify::SkillEntry& s) {
               s.pos = pos(at);
               return members(o, {{"name", &s.name}, {"level", &s.level}},
                              {{"keywords", &s.keywords}});
             }) &&
        each(seen[certificates], fields[certificates], "/certificates", p.certificates,
             [&](simdjson::dom::object o, const std::string& at, qualify::Certificate& c) {
               c.pos = pos(at);
               std::string date;
               return members(o, {{"name", &c.name}, {"date", &date}}) && read_date(date, c.date);
             });
    return ok && !qualify::says_nothing(p);
  }

 private:
  struct StringMember {
    std::string_view key;
    std::string* out;
  };
  struct ListMember {
    std::string_view key;
    std::vector<std::string>* out;
  };

  SourcePos pos(std::string_view pointer) const {
    if (m_base.empty()) return SourcePos{std::string(m_file), m_line, 0, std::string(pointer)};
    std::string full;
    full.reserve(m_base.size() + pointer.size());
    full.append(m_base).append(pointer);
    return SourcePos{std::string(m_file), m_line, 0, std::move(full)};
  }

  // "<pointer>/<index>", as json_pointer_append writes it, made in one piece.
  static std::string index_pointer(std::string_view pointer, std::size_t index) {
    std::array<char, 64> out{};
    if (pointer.size() + 21 > out.size()) return json_pointer_append(std::string(pointer), index);
    std::memcpy(out.data(), pointer.data(), pointer.size());
    out[pointer.size()] = '/';
    char* end = std::to_chars(out.data() + pointer.size() + 1, out.data() + out.size(), index).ptr;
    return std::string(out.data(), end);
  }

  // Reads the listed members of 'o' (absent or null: left empty); false on a wrong type or a
  // listed member given twice.
  static bool members(simdjson::dom::object o, std::initializer_list<StringMember> strings,
                      std::initializer_list<ListMember> lists = {}) {
    std::uint32_t seen = 0;
    for (simdjson::dom::key_value_pair kv : o) {
      std::uint32_t bit = 1;
      bool known = false;
      for (const StringMember& m : strings) {
        if (kv.key == m.key) {
          if ((seen & bit) != 0) return false;
          seen |= bit;
          known = true;
          if (kv.value.is_null()) break;
          std::string_view text;
          if (kv.value.get_string().get(text)) return false;
          // A new string moved in: cheaper than assign() (its _M_replace) into an empty one.
          *m.out = std::string(text);
          break;
        }
        bit <<= 1;
      }
      if (known) continue;
      bit = 1u << 16;
      for (const ListMember& m : lists) {
        if (kv.key == m.key) {
          if ((seen & bit) != 0) return false;
          seen |= bit;
          if (kv.value.is_null()) break;
          simdjson::dom::array list;
          if (kv.value.get_array().get(list)) return false;
          m.out->reserve(list.size());
          for (simdjson::dom::element item : list) {
            std::string_view text;
            if (item.get_string().get(text)) return false;
            m.out->emplace_back(text);
          }
          break;
        }
        bit <<= 1;
      }
    }
    return true;
  }

  static bool read_date(const std::string& text, std::optional<PartialDate>& out,
                        Open open = Open::no) {
    if (text.empty() || (open == Open::yes && qualify::means_ongoing(text))) return true;
    auto parsed = PartialDate::parse(text);
    if (!parsed) return false;
    out = *parsed;
    return true;
  }

  // Only an end that is certainly before the start is wrong (as DocumentReader::check_order).
  static bool in_order(const std::optional<PartialDate>& start,
                       const std::optional<PartialDate>& end) {
    using std::chrono::sys_days;
    return !start || !end || sys_days(end->latest()) >= sys_days(start->earliest());
  }

  bool read_basics(simdjson::dom::element value, Person& p) const {
    qualify::Personal& out = p.personal;
    simdjson::dom::object basics;
    if (value.get_object().get(basics)) return false;
    if (!members(basics, {{"name", &out.name},
                          {"email", &out.email},
                          {"phone", &out.phone},
                          {"summary", &p.summary}})) {
      return false;
    }
    p.summary_pos = pos("/basics/summary");
    bool seen = false;
    for (simdjson::dom::key_value_pair kv : basics) {
      if (kv.key != "location") continue;
      if (seen) return false;
      seen = true;
      if (kv.value.is_null()) continue;
      simdjson::dom::object loc;
      if (kv.value.get_object().get(loc)) return false;
      if (!members(loc, {{"city", &out.city}, {"countryCode", &out.country_code}})) return false;
    }
    return true;
  }

  bool read_work(simdjson::dom::object o, const std::string& at, qualify::Position& job) {
    std::string company;
    std::string start;
    std::string end;
    if (!members(o,
                 {{"position", &job.title},
                  {"name", &job.organisation},
                  {"company", &company},
                  {"summary", &job.summary},
                  {"startDate", &start},
                  {"endDate", &end}},
                 {{"highlights", &job.highlights}})) {
      return false;
    }
    if (job.organisation.empty() && !company.empty()) {
      job.organisation = std::move(company);
      job.fields = qualify::FieldNames::json_resume_company;
    }
    if (!read_date(start, job.start) || !read_date(end, job.end, Open::yes)) return false;
    job.pos = pos(at);
    return in_order(job.start, job.end);
  }

  bool read_education(simdjson::dom::object o, const std::string& at, qualify::Education& ed) {
    std::string start;
    std::string end;
    if (!members(o, {{"studyType", &ed.study_type},
                     {"area", &ed.area},
                     {"institution", &ed.institution},
                     {"startDate", &start},
                     {"endDate", &end}})) {
      return false;
    }
    if (!read_date(start, ed.start) || !read_date(end, ed.end, Open::yes)) return false;
    ed.pos = pos(at);
    return in_order(ed.start, ed.end);
  }

  // Each element of the array 'value' (absent or null: none), read by 'f' into a new T.
  template <class T, class F>
  bool each(bool present, simdjson::dom::element value, const char* pointer, std::vector<T>& out,
            F&& f) {
    if (!present || value.is_null()) return true;
    simdjson::dom::array list;
    if (value.get_array().get(list)) return false;
    out.reserve(list.size());
    std::size_t i = 0;
    for (simdjson::dom::element item : list) {
      simdjson::dom::object o;
      if (item.get_object().get(o)) return false;
      if (!f(o, index_pointer(pointer, i++), out.emplace_back())) return false;
    }
    return true;
  }

  std::string_view m_file;
  int m_line;
  std::string_view m_base;
};

// A "\\u" escape of a UTF-16 surrogate (D800-DFFF): simdjson and nlohmann may judge lone ones
// differently, so such documents take the reference path.
bool has_surrogate_escape(std::string_view text) {
  for (std::size_t i = text.find('\\'); i != std::string_view::npos; i = text.find('\\', i + 2)) {
    if (i + 3 < text.size() && text[i + 1] == 'u' && (text[i + 2] == 'd' || text[i + 2] == 'D')) {
      char c = text[i + 3];
      if ((c >= '8' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) return true;
    }
  }
  return false;
}

// One simdjson parser and padded input buffer per thread, reused for every small document
// (a parser keeps its tape, which grows to the largest document it has read).
constexpr std::size_t k_reused_parser_limit = 1u << 20;

struct FastParser {
  simdjson::dom::parser parser;
  std::string buffer;

  // The document 'text' parsed, or nullopt when simdjson rejects it.
  std::optional<simdjson::dom::element> parse(std::string_view text) {
    if (has_surrogate_escape(text)) return std::nullopt;
    buffer.assign(text);
    buffer.append(simdjson::SIMDJSON_PADDING, ' ');
    simdjson::dom::element doc;
    if (parser.parse(buffer.data(), text.size(), false).get(doc)) return std::nullopt;
    return doc;
  }

  // The tokens of the text parsed last (json_tokens), as simdjson's first stage found them; valid
  // until the next parse. simdjson keeps them in its parser's implementation, a member that its
  // header declares public but documents as private ("for benchmarking access"): reading them
  // spares ValuePlaces a second pass over every byte of a pretty-printed text. If a simdjson
  // release moves them, this stops compiling (it cannot go wrong silently); json_tokens() is
  // then the replacement.
  std::span<const std::uint32_t> tokens() const {
    const auto& stage1 = *parser.implementation;
    return {stage1.structural_indexes.get(), stage1.n_structural_indexes};
  }
};

FastParser& thread_parser() {
  thread_local FastParser parser;
  return parser;
}

Error syntax_error(const json::parse_error& e, std::string_view content, const std::string& file,
                   int first_line) {
  // nlohmann's byte is 1-based and points at the last character it read. For an unexpected
  // token (no "last read" in the message) that is the token's end; report its start.
  std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
  std::string_view message = e.what();
  if (offset < content.size() && message.find("last read") == std::string_view::npos) {
    auto literal = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+';
    };
    if (content[offset] == '"') {
      std::size_t p = offset;
      while (p > 0) {
        --p;
        if (content[p] == '"' && (p == 0 || content[p - 1] != '\\')) break;
      }
      offset = p;
    } else {
      while (offset > 0 && literal(content[offset]) && literal(content[offset - 1])) --offset;
    }
  }
  auto [line, col] = line_column(content, offset);
  std::string what = e.what();
  // Drop nlohmann's own "[json.exception...] parse error at line L, column C: " prefix: its
  // position is the end of the token, ours the start.
  if (auto c = what.find("column "); c != std::string::npos) {
    if (auto colon = what.find(": ", c); colon != std::string::npos) what = what.substr(colon + 2);
  }
  return Error{ErrorKind::invalid_input, msg(MsgId::resume_bad_json, json_parse_text(what)),
               SourcePos{file, first_line + line - 1, col, ""}, msg(MsgId::hint_resume_json)};
}

// Any error of nlohmann's parser: a syntax error (parse_error, with its byte) or a value it
// cannot hold (out_of_range 406, "number overflow parsing '1e999'"), which has no byte and is
// reported at the document's first line.
Error json_error(const json::exception& e, std::string_view content, const std::string& file,
                 int first_line) {
  if (const auto* parse = dynamic_cast<const json::parse_error*>(&e)) {
    return syntax_error(*parse, content, file, first_line);
  }
  std::string what = e.what();
  if (what.starts_with("[json.exception.")) {
    if (auto close = what.find("] "); close != std::string::npos) what = what.substr(close + 2);
  }
  return Error{ErrorKind::invalid_input, msg(MsgId::resume_bad_json, json_parse_text(what)),
               SourcePos{file, first_line, 0, ""}, msg(MsgId::hint_resume_json)};
}

// nlohmann-json takes a NUL byte for the end of the input and would read "{...}\0{...}" as the
// first document alone, dropping the rest without a word; so a NUL byte is an error here, at
// its position, before nlohmann sees the text (in a JSON string it is written \u0000).
Error nul_error(std::string_view content, std::size_t offset, const std::string& file,
                int first_line) {
  auto [line, col] = line_column(content, offset);
  return Error{ErrorKind::invalid_input,
               msg(MsgId::resume_bad_json,
                   LocalizedText{"a NUL byte (inside a string it is written \\u0000)",
                                 "ein NUL-Byte (in einer Zeichenkette als \\u0000 zu schreiben)"}),
               SourcePos{file, first_line + line - 1, col, ""}, msg(MsgId::hint_resume_json)};
}

// json::accept, except that a NUL byte is never accepted (see nul_error).
bool accepts(std::string_view text) {
  return text.find('\0') == std::string_view::npos && json::accept(text);
}

// A member given twice (json_keys.hpp) in 'content', whose first line is 'first_line' of 'file':
// at the second one, naming the line of the first.
Error duplicate_error(const DuplicateKey& d, std::string_view content, const std::string& file,
                      int first_line) {
  auto [line, col] = line_column(content, d.offset);
  int first = first_line + line_column(content, d.first).line - 1;
  return Error{ErrorKind::invalid_input, msg(MsgId::yaml_duplicate_key, d.key, first),
               SourcePos{file, first_line + line - 1, col, d.pointer},
               msg(MsgId::hint_resume_json)};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_json_structural(char c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':';
}

// The tokens of 'text', a JSON text that a parser has accepted: the offset of each structural
// character ({ } [ ] , :), of each string's opening quote and of the first byte of each other
// value (number, true, false, null), in order. What simdjson's first stage finds
// (FastParser::tokens), found byte by byte, for a text read by the reference path.
std::vector<std::uint32_t> json_tokens(std::string_view text) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_space(c)) continue;
    out.push_back(static_cast<std::uint32_t>(i));
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;  // an escaped character, perhaps a quote
      }
    } else if (!is_json_structural(c)) {
      while (i + 1 < text.size() && !is_space(text[i + 1]) && !is_json_structural(text[i + 1])) ++i;
    }
  }
  return out;
}

// How many of text[from, to) are UTF-8 continuation bytes (10xxxxxx).
std::size_t continuation_bytes(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t count = 0;
#if defined(__SSE2__)
  // As signed bytes, 80-BF are the ones below C0 (-64).
  const __m128i continuation_end = _mm_set1_epi8(static_cast<char>(0xC0));
  for (; from < to && from + 16 <= text.size(); from += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
    auto marks = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(block, continuation_end)));
    if (to - from < 16) marks &= (1u << (to - from)) - 1;
    for (; marks != 0; marks &= marks - 1) ++count;
  }
#endif
  for (; from < to; ++from) {
    if ((static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++count;
  }
  return count;
}

// The offset of the last newline of text[0, to), which has one; 16 bytes at a time backwards.
std::size_t last_newline_before(std::string_view text, std::size_t to) {
  std::size_t end = to;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  for (; end >= 16; end -= 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + end - 16));
    if (auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline)));
        mask != 0) {
      return end - 16 + static_cast<std::size_t>(31 - __builtin_clz(mask));
    }
  }
#endif
  do {
    --end;
  } while (text[end] != '\n');
  return end;
}

// Where a scan over a text has come to: the line of byte 'at', the offset where that line starts
// and how many UTF-8 continuation bytes lie between the two (a column counts characters).
struct LineCursor {
  std::size_t at = 0;
  int line = 1;
  std::size_t line_start = 0;
  std::size_t continuations = 0;

  // Moves to byte 'to' of 'text' (not before 'at') and returns its line and column (1-based,
  // the column in characters, as line_column counts them). Pretty-printed JSON has a newline
  // every 20-40 bytes: newlines are counted 16 bytes at a time up to the last 32 bytes before
  // 'to', which are looked at together for the rest, the last newline and the continuation bytes
  // after it (bytes of 'text' after 'to' may be read, never counted).
  qualify::Place advance(std::string_view text, std::size_t to) {
#if defined(__SSE2__)
    if (to >= 32) [[likely]]
      return advance_by_blocks(text, to);
#endif
    return advance_by_bytes(text, to);
  }

 private:
  // advance() at the start of a text, or without SSE2.
  [[gnu::noinline]] qualify::Place advance_by_bytes(std::string_view text, std::size_t to) {
    std::size_t from = at;
    for (std::size_t i = at; i < to; ++i) {
      if (text[i] != '\n') continue;
      ++line;
      line_start = i + 1;
      continuations = 0;
      from = line_start;
    }
    continuations += continuation_bytes(text, from, to);
    at = to;
    return qualify::Place{line, 1 + static_cast<int>(to - line_start - continuations)};
  }

#if defined(__SSE2__)
  [[gnu::always_inline]] qualify::Place advance_by_blocks(std::string_view text, std::size_t to) {
    const __m128i newline = _mm_set1_epi8('\n');
    auto block_at = [&](std::size_t offset) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + offset));
    };
    std::size_t i = at;
    std::size_t newlines = 0;
    while (i + 16 <= to) {
      // Per byte lane, how many newlines (at most 255 blocks before they are added up).
      __m128i lanes = _mm_setzero_si128();
      const std::size_t end = std::min(to, i + 255 * 16);
      for (; i + 16 <= end; i += 16) {
        lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(block_at(i), newline));
      }
      const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
      newlines += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
                  static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
    }
    // The last 32 bytes before 'to': bit k of a mask is byte to - 32 + k.
    const std::size_t window = to - 32;
    auto mask_of = [&](__m128i low, __m128i high) {
      return static_cast<std::uint32_t>(_mm_movemask_epi8(low)) |
             static_cast<std::uint32_t>(_mm_movemask_epi8(high)) << 16;
    };
    const __m128i low = block_at(window);
    const __m128i high = block_at(window + 16);
    const std::uint32_t newline_bits =
        mask_of(_mm_cmpeq_epi8(low, newline), _mm_cmpeq_epi8(high, newline));
    // As signed bytes, the continuation bytes 80-BF are those below C0 (-64).
    const __m128i continuation_end = _mm_set1_epi8(static_cast<char>(0xC0));
    std::uint32_t continuation_bits =
        mask_of(_mm_cmplt_epi8(low, continuation_end), _mm_cmplt_epi8(high, continuation_end));
    // The newlines of text[i, to) (fewer than 16 bytes) are the top bits of the window's.
    if (i < to) {
      for (std::uint32_t m = newline_bits >> (32 - (to - i)); m != 0; m &= m - 1) ++newlines;
    }
    std::size_t from = at;
    if (newlines > 0) {
      line += static_cast<int>(newlines);
      line_start = newline_bits != 0
                       ? window + static_cast<std::size_t>(31 - __builtin_clz(newline_bits)) + 1
                       : last_newline_before(text, window) + 1;
      continuations = 0;
      from = line_start;
    }
    if (from < window) {
      continuations += continuation_bytes(text, from, window);
    } else {
      const std::size_t before = from - window;  // 0-32 bits of the window not to count
      continuation_bits =
          static_cast<std::uint32_t>((std::uint64_t{continuation_bits} >> before) << before);
    }
    for (; continuation_bits != 0; continuation_bits &= continuation_bits - 1) ++continuations;
    at = to;
    return qualify::Place{line, 1 + static_cast<int>(to - line_start - continuations)};
  }
#endif
};

// The line and column of the values the reader places in a text that holds one document or an
// array of them over several lines (in a document on one line, NDJSON, the document's line says it
// all): each document, its entries (the opening brace of each job, education, language, skill,
// certificate), each job's texts and highlights, and the personal summary. One pass over the
// text's tokens (json_tokens: the parser has found them already) that follows the document's
// members (a member's name is the token after '{' or ',', its value the one after the ':'),
// lines counted only up to the values placed; the places are kept by document, section and index
// in flat lists (no JSON pointer is built: a pretty-printed document is read almost as fast as one
// on a line). An object keeps its lists from text to text (read_whole_fast reuses one per thread).
class ValuePlaces {
 public:
  // Finds the places of the values of 'content', whose tokens are 'tokens' (json_tokens), and
  // keeps them instead of those of the text before.
  void scan(std::string_view content, std::span<const std::uint32_t> tokens) {
    m_documents.clear();
    m_jobs.clear();
    m_highlights.clear();
    for (std::vector<qualify::Place>& list : m_entries) list.clear();
    Cursor c{content, tokens, 0, {}};
    // Outside any document: each object is one, each array a list of them (a text is one value;
    // a closing bracket here would be a text the parser had not accepted).
    while (c.t < tokens.size()) {
      const char ch = c.at(c.t);
      if (ch == '}' || ch == ']') return;
      if (ch == '{') {
        document(c);
      } else if (ch == '[') {
        ++c.t;
        elements(c, [&] {
          if (c.at(c.t) == '{') {
            document(c);
          } else {
            c.skip_value();
          }
        });
      } else {
        ++c.t;
      }
    }
  }

  // Gives 'p' (a document of the text; in an array, its pointer is "/<index>") the places of
  // its values: the line of the document (a source, shown as "file:line"), the line and column of
  // each entry, of each job's texts and of the summary.
  void place(Person& p) const {
    std::size_t index = 0;
    if (!p.pos.json_pointer.empty()) {
      std::string_view digits = std::string_view(p.pos.json_pointer).substr(1);
      std::from_chars(digits.data(), digits.data() + digits.size(), index);
    }
    if (index >= m_documents.size()) return;
    const Document& d = m_documents[index];
    auto place_of = [](SourcePos& pos, const qualify::Place& place) {
      if (place.line == 0) return;
      pos.line = place.line;
      pos.column = place.column;
    };
    if (d.object.line > 0) p.pos.line = d.object.line;
    if (!p.summary.empty()) {
      p.summary_pos.line = d.summary.line > 0 ? d.summary.line : p.pos.line;
      p.summary_pos.column = d.summary.column;
    }
    for (std::size_t i = 0; i < p.work.size() && i < d.jobs.size; ++i) {
      qualify::Position& job = p.work[i];
      const Job& j = m_jobs[d.jobs.first + i];
      place_of(job.pos, j.object);
      job.text_places.assign(qualify::k_first_highlight_text + job.highlights.size(), {});
      job.text_places[qualify::k_title_text] = j.texts[k_position];
      job.text_places[qualify::k_summary_text] = j.texts[k_summary];
      job.text_places[qualify::k_employer_text] =
          j.texts[job.fields == qualify::FieldNames::json_resume_company ? k_company : k_name];
      for (std::size_t h = 0; h < job.highlights.size() && h < j.highlights.size; ++h) {
        job.text_places[qualify::k_first_highlight_text + h] = m_highlights[j.highlights.first + h];
      }
    }
    auto entries = [&](auto& list, Section section) {
      const Range r = d.entries[section];
      for (std::size_t i = 0; i < list.size() && i < r.size; ++i) {
        place_of(list[i].pos, m_entries[section][r.first + i]);
      }
    };
    entries(p.education, k_education);
    entries(p.languages, k_languages);
    entries(p.skills, k_skills);
    entries(p.certificates, k_certificates);
  }

 private:
  // A job's texts by member name; the employer is "name" or "company".
  enum JobText : std::uint8_t { k_position, k_summary, k_name, k_company, k_job_texts };
  enum Section : std::uint8_t { k_education, k_languages, k_skills, k_certificates, k_sections };
  // The member names the scan looks for, wherever they stand.
  enum class Key : std::uint8_t {
    other,
    basics,
    work,
    education,
    languages,
    skills,
    certificates,
    summary,
    position,
    name,
    company,
    highlights,
    count
  };
  // What a name stands for as a document's member (a section) and as a job's (a text).
  struct KeyUse {
    Section section = k_sections;
    JobText text = k_job_texts;
  };
  static const KeyUse& key_use(Key key) {
    static constexpr std::array<KeyUse, static_cast<std::size_t>(Key::count)> k_table = [] {
      std::array<KeyUse, static_cast<std::size_t>(Key::count)> out{};
      auto use = [&out](Key k) -> KeyUse& { return out[static_cast<std::size_t>(k)]; };
      use(Key::education).section = k_education;
      use(Key::languages).section = k_languages;
      use(Key::skills).section = k_skills;
      use(Key::certificates).section = k_certificates;
      use(Key::position).text = k_position;
      use(Key::summary).text = k_summary;
      use(Key::name).text = k_name;
      use(Key::company).text = k_company;
      return out;
    }();
    return k_table[static_cast<std::size_t>(key)];
  }
  // Part of one of the flat lists: a document's jobs, a job's highlights, a document's entries.
  struct Range {
    std::uint32_t first = 0;
    std::uint32_t size = 0;
  };
  struct Job {
    qualify::Place object;
    std::array<qualify::Place, k_job_texts> texts{};
    Range highlights;
  };
  struct Document {
    qualify::Place object;
    qualify::Place summary;
    Range jobs;
    std::array<Range, k_sections> entries{};
  };

  // Per first byte of a token: +1 for '{' and '[', -1 for '}' and ']', else 0.
  static constexpr std::array<std::int8_t, 256> k_depth_change = [] {
    std::array<std::int8_t, 256> out{};
    out['{'] = out['['] = 1;
    out['}'] = out[']'] = -1;
    return out;
  }();

  // Where the scan is: the next token, and the line and column of the value placed last.
  struct Cursor {
    std::string_view text;
    std::span<const std::uint32_t> tokens;
    std::size_t t = 0;
    LineCursor lines;

    // The first character of token 'k'; '}' past the last token, so that every loop ends there.
    char at(std::size_t k) const { return k < tokens.size() ? text[tokens[k]] : '}'; }

    // The place of token 't'. Values are placed in text order, so the newlines before each are
    // counted once.
    qualify::Place place() { return lines.advance(text, tokens[t]); }

    // Past the value at token 't' (a container: past its closing bracket).
    void skip_value() {
      const char c = at(t++);
      if (c != '{' && c != '[') return;
      for (int depth = 1; depth > 0 && t < tokens.size(); ++t) {
        depth += k_depth_change[static_cast<unsigned char>(text[tokens[t]])];
      }
    }

    // The name of the member whose name is token 't' (a string; the ':' is token 't' + 1), as
    // one the scan looks for. Compared as written (an escaped letter is another name).
    Key key() const {
      const std::size_t from = tokens[t] + 1;
      std::size_t close = t + 1 < tokens.size() ? tokens[t + 1] : text.size();
      while (close > from && text[close - 1] != '"') --close;  // blanks before the ':'
      if (close <= from) return Key::other;
      const char* name = text.data() + from;
      // Compared with memcmp of a fixed size, which the compiler does inline.
      auto is = [name](const char* literal, std::size_t size) {
        return std::memcmp(name, literal, size) == 0;
      };
      switch (close - 1 - from) {
        case 4:
          return is("work", 4) ? Key::work : is("name", 4) ? Key::name : Key::other;
        case 6:
          return is("basics", 6) ? Key::basics : is("skills", 6) ? Key::skills : Key::other;
        case 7:
          return is("summary", 7) ? Key::summary : is("company", 7) ? Key::company : Key::other;
        case 8:
          return is("position", 8) ? Key::position : Key::other;
        case 9:
          return is("education", 9)   ? Key::education
                 : is("languages", 9) ? Key::languages
                                      : Key::other;
        case 10:
          return is("highlights", 10) ? Key::highlights : Key::other;
        case 12:
          return is("certificates", 12) ? Key::certificates : Key::other;
        default:
          return Key::other;
      }
    }
  };

  // The members of the object whose '{' is token 't': 'member(key)' for each, with 't' at its
  // value, which it reads or skips; 't' ends past the '}'.
  template <class Member>
  static void members(Cursor& c, Member&& member) {
    ++c.t;
    for (;;) {
      const char ch = c.at(c.t);
      if (ch == '}') break;
      if (ch == ',') {
        ++c.t;
        continue;
      }
      const Key key = c.key();
      c.t += 2;  // the name and the ':'
      member(key);
    }
    ++c.t;
  }

  // The elements of the array whose '[' is token 't' - 1: 'element()' for each, with 't' at it,
  // which reads or skips it; 't' ends past the ']'.
  template <class Element>
  static void elements(Cursor& c, Element&& element) {
    for (;;) {
      const char ch = c.at(c.t);
      if (ch == ']' || ch == '}') break;
      if (ch == ',') {
        ++c.t;
        continue;
      }
      element();
    }
    ++c.t;
  }

  // Adds the document whose '{' is token 't'.
  void document(Cursor& c) {
    m_documents.push_back(Document{c.place(), {}, {}, {}});
    const auto d = m_documents.size() - 1;
    members(c, [&](Key key) {
      const char ch = c.at(c.t);
      if (key == Key::basics && ch == '{') {
        members(c, [&](Key inner) {
          if (inner == Key::summary && c.at(c.t) == '"') m_documents[d].summary = c.place();
          c.skip_value();
        });
        return;
      }
      if (ch != '[') {
        c.skip_value();
        return;
      }
      if (key == Key::work) {
        work(c, m_documents[d].jobs);
      } else if (const Section s = key_use(key).section; s != k_sections) {
        entries(c, s, m_documents[d].entries[s]);
      } else {
        c.skip_value();
      }
    });
  }

  // Appends to 'list' (a section's entries of the current document: the last of m_entries[s])
  // the entries of the array whose '[' is token 't': the place of each object, none for another
  // value.
  void entries(Cursor& c, Section s, Range& list) {
    if (list.size == 0) list.first = static_cast<std::uint32_t>(m_entries[s].size());
    ++c.t;
    elements(c, [&] {
      m_entries[s].push_back(c.at(c.t) == '{' ? c.place() : qualify::Place{});
      ++list.size;
      c.skip_value();
    });
  }

  // Appends to 'jobs' (the current document's) the jobs of the array whose '[' is token 't'.
  void work(Cursor& c, Range& jobs) {
    if (jobs.size == 0) jobs.first = static_cast<std::uint32_t>(m_jobs.size());
    ++c.t;
    elements(c, [&] {
      ++jobs.size;
      if (c.at(c.t) != '{') {
        m_jobs.push_back(Job{});
        c.skip_value();
        return;
      }
      m_jobs.push_back(Job{c.place(), {}, {}});
      const auto j = m_jobs.size() - 1;
      members(c, [&](Key key) {
        const char ch = c.at(c.t);
        if (ch == '"') {
          if (const JobText text = key_use(key).text; text != k_job_texts) {
            m_jobs[j].texts[text] = c.place();
          }
          ++c.t;
          return;
        }
        if (key != Key::highlights || ch != '[') {
          c.skip_value();
          return;
        }
        Range& highlights = m_jobs[j].highlights;
        if (highlights.size == 0)
          highlights.first = static_cast<std::uint32_t>(m_highlights.size());
        ++c.t;
        elements(c, [&] {
          m_highlights.push_back(c.at(c.t) == '"' ? c.place() : qualify::Place{});
          ++highlights.size;
          c.skip_value();
        });
      });
    });
  }

  std::vector<Document> m_documents;
  std::vector<Job> m_jobs;
  std::vector<qualify::Place> m_highlights;
  std::array<std::vector<qualify::Place>, k_sections> m_entries;
};

// Whether the non-blank part of 'content' spans more than one line.
bool over_several_lines(std::string_view content) {
  std::size_t first = content.find_first_not_of(" \t\r\n");
  std::size_t last = content.find_last_not_of(" \t\r\n");
  return first != std::string_view::npos &&
         content.substr(first, last - first).find('\n') != std::string_view::npos;
}

// 'places': the places of the values of the text 'doc' comes from; null for a document on one
// line.
void emit(const json& doc, const std::string& file, int line, const std::string& base,
          std::size_t& next_id, const PersonSink& sink, const ValuePlaces* places = nullptr) {
  std::string id = "A" + std::to_string(next_id++);
  try {
    Person p = DocumentReader(file, line, base).read(doc);
    p.id = std::move(id);
    if (places != nullptr) places->place(p);
    sink(std::move(p));
  } catch (const DocumentError& e) {
    sink(tl::unexpected(e.error));
  }
}

// Reads the parsed document 'doc' through the fast path and hands the person to 'sink'; false
// (nothing emitted, 'next_id' unchanged) when the reference path must read it.
bool emit_fast(simdjson::dom::element doc, const std::string& file, int line, std::string_view base,
               std::size_t& next_id, const PersonSink& sink, const ValuePlaces* places = nullptr) {
  Person p;
  if (!FastReader(file, line, base).read(doc, p)) return false;
  p.id = "A" + std::to_string(next_id++);
  if (places != nullptr) places->place(p);
  sink(std::move(p));
  return true;
}

// Documents of 'content', one per line, the first being line 'first_line' of 'file'.
// 'fast': try the simdjson path first (false: the nlohmann reference path alone).
void read_ndjson_lines(std::string_view content, const std::string& file, int first_line,
                       std::size_t& next_id, const PersonSink& sink, bool fast = true) {
  int line = first_line;
  for (std::size_t start = 0; start < content.size(); ++line) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view text = content.substr(start, end - start);
    start = end + 1;
    if (std::ranges::all_of(text, is_space)) continue;
    if (fast) {
      if (auto doc = thread_parser().parse(text);
          doc && emit_fast(*doc, file, line, "", next_id, sink)) {
        continue;
      }
    }
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
      ++next_id;
      sink(tl::unexpected(nul_error(text, nul, file, line)));
      continue;
    }
    try {
      json doc = json::parse(text);
      if (std::vector<DuplicateKey> d = find_duplicate_resume_keys(text); !d.empty()) {
        ++next_id;
        sink(tl::unexpected(duplicate_error(d.front(), text, file, line)));
        continue;
      }
      emit(doc, file, line, "", next_id, sink);
    } catch (const json::exception& e) {
      ++next_id;
      sink(tl::unexpected(json_error(e, text, file, line)));
    }
  }
}

// One document or an array read whole through the fast path; false (nothing emitted) when any
// document of it must be read by the reference path (or the content is NDJSON).
bool read_whole_fast(std::string_view content, const std::string& file, int line,
                     std::size_t& next_id, const PersonSink& sink) {
  FastParser local;
  FastParser& fast = content.size() <= k_reused_parser_limit ? thread_parser() : local;
  std::optional<simdjson::dom::element> doc = fast.parse(content);
  if (!doc) return false;
  // The places' lists are kept from text to text, as the parser is; every person is placed
  // before any is handed on ('sink' may read another text).
  thread_local ValuePlaces reused_places;
  std::optional<ValuePlaces> local_places;
  ValuePlaces* placed = nullptr;
  if (over_several_lines(content)) {
    placed = content.size() <= k_reused_parser_limit ? &reused_places : &local_places.emplace();
    placed->scan(content, fast.tokens());
  }
  simdjson::dom::array list;
  if (doc->get_array().get(list)) {
    return emit_fast(*doc, file, line, "", next_id, sink, placed);
  }
  std::vector<Person> people(list.size());
  std::size_t i = 0;
  for (simdjson::dom::element item : list) {
    std::string base = json_pointer_append("", i);
    if (!FastReader(file, 0, base).read(item, people[i])) return false;
    if (placed != nullptr) placed->place(people[i]);
    ++i;
  }
  for (Person& p : people) {
    p.id = "A" + std::to_string(next_id++);
    sink(std::move(p));
  }
  return true;
}

void read_all(std::string_view content, const std::string& file_in, std::size_t& next_id,
              const PersonSink& sink, bool fast) {
  std::string file = file_in.empty() || file_in == "-" ? "<stdin>" : file_in;
  if (auto utf16 = check_not_utf16(content, file); !utf16) {
    ++next_id;
    sink(tl::unexpected(std::move(utf16).error()));
    return;
  }
  content.remove_prefix(bom_length(content));
  std::size_t first = 0;
  while (first < content.size() && is_space(content[first])) ++first;
  if (first == content.size()) {
    ++next_id;
    sink(fail(ErrorKind::invalid_input, msg(MsgId::resume_empty), SourcePos{file, 0, 0, ""},
              msg(MsgId::hint_resume_empty)));
    return;
  }
  if (fast && read_whole_fast(content, file, line_column(content, first).line, next_id, sink)) {
    return;
  }
  std::optional<Error> whole_error;
  if (std::size_t nul = content.find('\0'); nul != std::string_view::npos) {
    whole_error = nul_error(content, nul, file, 1);
  } else {
    try {
      json whole = json::parse(content);
      std::vector<DuplicateKey> duplicates = find_duplicate_resume_keys(content);
      std::optional<ValuePlaces> places;
      if (over_several_lines(content)) places.emplace().scan(content, json_tokens(content));
      const ValuePlaces* placed = places ? &*places : nullptr;
      auto duplicate_in = [&](std::size_t document) -> const DuplicateKey* {
        auto it = std::ranges::find(duplicates, document, &DuplicateKey::document);
        return it == duplicates.end() ? nullptr : &*it;
      };
      if (whole.is_array()) {
        for (std::size_t i = 0; i < whole.size(); ++i) {
          if (const DuplicateKey* d = duplicate_in(i)) {
            ++next_id;
            sink(tl::unexpected(duplicate_error(*d, content, file, 1)));
            continue;
          }
          emit(whole[i], file, 0, json_pointer_append("", i), next_id, sink, placed);
        }
      } else if (!duplicates.empty()) {
        ++next_id;
        sink(tl::unexpected(duplicate_error(duplicates.front(), content, file, 1)));
      } else {
        emit(whole, file, line_column(content, first).line, "", next_id, sink, placed);
      }
      return;
    } catch (const json::exception& e) {
      whole_error = json_error(e, content, file, 1);
    }
  }
  // NDJSON when the first non-blank line is a complete document on its own.
  std::size_t eol = content.find('\n', first);
  std::string_view first_line =
      content.substr(first, eol == std::string_view::npos ? std::string_view::npos : eol - first);
  if (eol == std::string_view::npos || !accepts(first_line)) {
    ++next_id;
    sink(tl::unexpected(std::move(*whole_error)));
    return;
  }
  read_ndjson_lines(content, file, 1, next_id, sink, fast);
}

}  // namespace

void read_json_resumes(std::string_view content, const std::string& file, std::size_t& next_id,
                       const PersonSink& sink) {
  read_all(content, file, next_id, sink, true);
}

void read_json_resumes_reference(std::string_view content, const std::string& file,
                                 std::size_t& next_id, const PersonSink& sink) {
  read_all(content, file, next_id, sink, false);
}

namespace {

// Streams the remaining lines of 'in' as NDJSON, the next being line 'number' + 1.
Result<void> stream_lines(std::istream& in, const std::string& file, int number,
                          std::size_t& next_id, const PersonSink& sink) {
  std::string line;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (auto utf16 = check_not_utf16(line, file); !utf16) return utf16;
    }
    read_ndjson_lines(line, file, number, next_id, sink);
  }
  if (in.bad()) {
    return fail(ErrorKind::io, msg(MsgId::file_unreadable, file, os_error_text(errno)));
  }
  return {};
}

}  // namespace

Result<void> stream_ndjson_resumes(const std::string& path, std::size_t& next_id,
                                   const PersonSink& sink, const std::string& name) {
  std::ifstream file_stream;
  std::istream* in = &std::cin;
  if (path != "-") {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return fail(ErrorKind::not_found, msg(MsgId::file_not_found, path), SourcePos{},
                  msg(MsgId::hint_check_path));
    }
    file_stream.open(path, std::ios::binary);
    if (!file_stream) {
      return fail(ErrorKind::io, msg(MsgId::file_unreadable, path, os_error_text(errno)));
    }
    in = &file_stream;
  }
  return stream_lines(*in, path == "-" ? "<stdin>" : name.empty() ? path : name, 0, next_id, sink);
}

Result<void> stream_json_resumes(std::istream& in, const std::string& file_in, std::size_t& next_id,
                                 const PersonSink& sink, std::size_t max_bytes) {
  std::string file = file_in.empty() || file_in == "-" ? "<stdin>" : file_in;
  // Lines up to and including the first non-blank one.
  std::string head;
  std::string line;
  int number = 0;
  bool found = false;
  while (!found && std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (auto utf16 = check_not_utf16(line, file); !utf16) return utf16;
      line.erase(0, bom_length(line));
    }
    found = !std::ranges::all_of(line, is_space);
    head += line;
    head += '\n';
  }
  if (in.bad()) return fail(ErrorKind::io, msg(MsgId::file_unreadable, file, os_error_text(errno)));
  std::string_view first = line;
  while (!first.empty() && is_space(first.front())) first.remove_prefix(1);
  if (found && first.starts_with('{') && accepts(line)) {
    // NDJSON: blank lines before the first document only move the line numbers on.
    read_ndjson_lines(line, file, number, next_id, sink);
    return stream_lines(in, file, number, next_id, sink);
  }
  // One document or an array: the whole text is needed before anything can be read.
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    head.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (head.size() > max_bytes) {
      return fail(ErrorKind::invalid_input, msg(MsgId::file_too_large, max_bytes >> 20),
                  SourcePos{file, 0, 0, ""});
    }
  }
  if (in.bad()) return fail(ErrorKind::io, msg(MsgId::file_unreadable, file, os_error_text(errno)));
  read_json_resumes(head, file, next_id, sink);
  return {};
}

}  // namespace ccteam::io
