#include "io/base/error_json.hpp"

namespace ccteam::io {

nlohmann::ordered_json error_to_json(const Error& error, Lang lang) {
  nlohmann::ordered_json out;
  out["file"] = error.where.file;
  out["line"] = error.where.line;
  out["column"] = error.where.column;
  out["pointer"] = error.where.json_pointer;
  out["message"] = render(error.message, lang);
  out["hint"] = error.hint ? nlohmann::ordered_json(render(*error.hint, lang)) : nullptr;
  return out;
}

}  // namespace ccteam::io
