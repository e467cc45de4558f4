#include "ccteam/core/error.hpp"

namespace ccteam {

std::string render(const Error& error, Lang lang) {
  std::string out = to_string(error.where);
  if (!out.empty()) out += ": ";
  out += tr(MsgId::label_error, lang) + ": " + render(error.message, lang);
  if (error.hint) out += "\n  " + tr(MsgId::label_hint, lang) + ": " + render(*error.hint, lang);
  return out;
}

}  // namespace ccteam
