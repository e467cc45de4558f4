#include "io/staffing/plan_levels.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "io/base/files.hpp"
#include "io/base/utf8.hpp"

namespace ccteam::io {

namespace {

using nlohmann::json;

constexpr double k_max_level_fte = 1'000'000;

Error bad_plan(const std::string& file, std::string pointer, std::string what) {
  Error e;
  e.message = msg(MsgId::sim_bad_plan, std::move(what));
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

}  // namespace

Checked<json> parse_plan_json(std::string_view text, const std::string& file) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // Not JSON at all: say where, without nlohmann's "[json.exception...] parse error at" prefix.
    std::string what = e.what();
    if (std::size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    std::size_t offset = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, text.size()) : 0;
    return tl::unexpected(Errors{at_offset(bad_plan(file, "", what), text, offset)});
  } catch (const json::exception& e) {
    // Valid JSON the library cannot hold, such as a number beyond the double range ("1e400":
    // out_of_range.406, which carries no position): point at the number's first appearance.
    std::string what = e.what();
    if (std::size_t bracket = what.find("] "); bracket != std::string::npos)
      what.erase(0, bracket + 2);
    Error error = bad_plan(file, "", what);
    std::size_t quote = what.find('\'');
    std::size_t end = quote == std::string::npos ? quote : what.find('\'', quote + 1);
    if (end != std::string::npos && end > quote + 1) {
      std::size_t offset = text.find(std::string_view(what).substr(quote + 1, end - quote - 1));
      if (offset != std::string_view::npos) error = at_offset(std::move(error), text, offset);
    }
    return tl::unexpected(Errors{std::move(error)});
  }
}

Checked<PlanLevels> parse_plan_levels(std::string_view text, const std::string& file) {
  CCTEAM_TRY(json plan, parse_plan_json(text, file));
  auto fail = [&](std::string pointer, std::string what) {
    return tl::unexpected(Errors{bad_plan(file, std::move(pointer), std::move(what))});
  };
  if (!plan.is_object() || plan.value("format", json()) != "ccteam-plan/1")
    return fail("/format", "expected \"ccteam-plan/1\"");
  PlanLevels out;
  out.file = file;
  const json* assumptions = plan.contains("assumptions") ? &plan["assumptions"] : nullptr;
  if (assumptions != nullptr && assumptions->is_object() &&
      assumptions->contains("paid_hours_per_fte")) {
    const json& hours = (*assumptions)["paid_hours_per_fte"];
    if (!hours.is_number() || !(hours.get<double>() > 0) || !std::isfinite(hours.get<double>()))
      return fail("/assumptions/paid_hours_per_fte", "expected a number > 0");
    out.paid_hours_per_fte = hours.get<double>();
  }
  if (!plan.contains("levels") || !plan["levels"].is_array() || plan["levels"].empty())
    return fail("/levels", "expected a list of levels");
  const json& levels = plan["levels"];
  for (std::size_t i = 0; i < levels.size(); ++i) {
    std::string at = fmt::format("/levels/{}", i);
    const json& level = levels[i];
    if (!level.is_object() || !level.contains("role") || !level["role"].is_string() ||
        level["role"].get<std::string>().empty())
      return fail(at + "/role", "expected a role id");
    const json* fte = level.contains("fte") ? &level["fte"] : nullptr;
    if (fte == nullptr || !fte->is_number() || !std::isfinite(fte->get<double>()) ||
        fte->get<double>() < 0 || fte->get<double>() > k_max_level_fte)
      return fail(at + "/fte", fmt::format("expected a number from 0 to {:g}", k_max_level_fte));
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
