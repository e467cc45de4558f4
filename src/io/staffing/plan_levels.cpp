#include "io/staffing/plan_levels.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "io/base/files.hpp"
#include "io/base/json_parse_text.hpp"
#include "io/base/utf8.hpp"

namespace ccteam::io {

namespace {

using nlohmann::json;

constexpr double k_max_level_fte = 1'000'000;  // named in MsgId::plan_levels_expected_fte

Error bad_plan(const std::string& file, std::string pointer, MessageArg what) {
  Error e;
  e.message = Message{MsgId::sim_bad_plan, {std::move(what)}};
  e.where.file = file;
  e.where.json_pointer = std::move(pointer);
  return e;
}

Error at_offset(Error e, std::string_view text, std::size_t offset) {
  LineColumn at = line_column(text, offset);
  e.where.line = at.line;
  e.where.column = at.column;
  return e;
}

// Follows a JSON document with nlohmann's SAX interface, keeping only the JSON pointer of the
// value being read, and stops at the first error: where (byte offset, pointer) and what token.
class PointerTracker final : public nlohmann::json_sax<json> {
 public:
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    value();
    m_frames.push_back({false, 0, {}});
    return true;
  }
  bool key(string_t& key) override {
    m_frames.back().key = key;
    return true;
  }
  bool end_object() override { return end(); }
  bool start_array(std::size_t) override {
    value();
    m_frames.push_back({true, 0, {}});
    return true;
  }
  bool end_array() override { return end(); }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception&) override {
    m_token = token;
    m_offset = position >= token.size() ? position - token.size() : 0;
    // The value that failed was never reported: in an array it is the next element.
    if (!m_frames.empty() && m_frames.back().array) ++m_frames.back().count;
    for (const Frame& f : m_frames) {
      m_pointer = f.array ? json_pointer_append(m_pointer, f.count - 1)
                          : json_pointer_append(m_pointer, f.key);
    }
    return false;
  }

  const std::string& pointer() const { return m_pointer; }
  const std::string& token() const { return m_token; }
  std::size_t offset() const { return m_offset; }

 private:
  struct Frame {
    bool array;
    std::size_t count;  // elements begun so far (arrays)
    std::string key;    // the key of the value being read (objects)
  };
  bool value() {
    if (!m_frames.empty() && m_frames.back().array) ++m_frames.back().count;
    return true;
  }
  bool end() {
    m_frames.pop_back();
    return true;
  }
  std::vector<Frame> m_frames;
  std::string m_pointer, m_token;
  std::size_t m_offset = 0;
};

// The error for JSON that parses but holds a value no double can: MsgId::yaml_out_of_range
// (the value, the double range) at its line:column and JSON pointer, with the range as hint.
// Any other exception of the library: its text without the "[json.exception...]" prefix.
Error unreadable_value(std::string_view text, const std::string& file, std::string what) {
  PointerTracker tracker;
  json::sax_parse(text, &tracker);
  if (tracker.token().empty()) {
    if (std::size_t bracket = what.find("] "); bracket != std::string::npos)
      what.erase(0, bracket + 2);
    return bad_plan(file, "", json_parse_text(what));
  }
  constexpr double k_double_max = std::numeric_limits<double>::max();
  Error e;
  e.message = msg(MsgId::yaml_out_of_range, tracker.token(), -k_double_max, k_double_max);
  e.hint = msg(MsgId::hint_range, -k_double_max, k_double_max);
  e.where.file = file;
  e.where.json_pointer = tracker.pointer();
  return at_offset(std::move(e), text, tracker.offset());
}

}  // namespace

Checked<json> parse_plan_json(std::string_view text, const std::string& file) {
  // JSON is UTF-8 (RFC 8259 §8.1): a UTF-16 file, bytes that are not UTF-8 or a NUL byte get
  // the message every text reader gives, not the library's "invalid literal".
  if (auto checked = check_text(text, file, Nul::refuse); !checked)
    return tl::unexpected(Errors{std::move(checked).error()});
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // Not JSON at all: say where, without nlohmann's "[json.exception...] parse error at" prefix.
    std::string what = e.what();
    if (std::size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    std::size_t offset = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, text.size()) : 0;
    return tl::unexpected(
        Errors{at_offset(bad_plan(file, "", json_parse_text(what)), text, offset)});
  } catch (const json::exception& e) {
    // Valid JSON the library cannot hold: a number beyond the double range ("1e400",
    // out_of_range.406, which carries neither position nor path). A second pass that only
    // follows the path finds both.
    return tl::unexpected(Errors{unreadable_value(text, file, e.what())});
  }
}

Checked<PlanLevels> parse_plan_levels(std::string_view text, const std::string& file) {
  CCTEAM_TRY(json plan, parse_plan_json(text, file));
  auto fail = [&](std::string pointer, MsgId what) {
    return tl::unexpected(Errors{bad_plan(file, std::move(pointer), MessageArg(what))});
  };
  if (!plan.is_object() || plan.value("format", json()) != "ccteam-plan/1")
    return fail("/format", MsgId::plan_levels_expected_format);
  PlanLevels out;
  out.file = file;
  const json* assumptions = plan.contains("assumptions") ? &plan["assumptions"] : nullptr;
  if (assumptions != nullptr && assumptions->is_object() &&
      assumptions->contains("paid_hours_per_fte")) {
    const json& hours = (*assumptions)["paid_hours_per_fte"];
    if (!hours.is_number() || !(hours.get<double>() > 0) || !std::isfinite(hours.get<double>()))
      return fail("/assumptions/paid_hours_per_fte", MsgId::plan_levels_expected_hours);
    out.paid_hours_per_fte = hours.get<double>();
  }
  if (!plan.contains("levels") || !plan["levels"].is_array() || plan["levels"].empty())
    return fail("/levels", MsgId::plan_levels_expected_levels);
  const json& levels = plan["levels"];
  for (std::size_t i = 0; i < levels.size(); ++i) {
    std::string at = fmt::format("/levels/{}", i);
    const json& level = levels[i];
    if (!level.is_object() || !level.contains("role") || !level["role"].is_string() ||
        level["role"].get<std::string>().empty())
      return fail(at + "/role", MsgId::plan_levels_expected_role);
    const json* fte = level.contains("fte") ? &level["fte"] : nullptr;
    if (fte == nullptr || !fte->is_number() || !std::isfinite(fte->get<double>()) ||
        fte->get<double>() < 0 || fte->get<double>() > k_max_level_fte)
      return fail(at + "/fte", MsgId::plan_levels_expected_fte);
    out.levels.push_back({RoleId(level["role"].get<std::string>()), fte->get<double>()});
  }
  return out;
}

Checked<PlanLevels> load_plan_levels(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(Errors{text.error()});
  return parse_plan_levels(*text, path == "-" ? std::string() : path);
}

}  // namespace ccteam::io
