// Fuzz target: the template renderer must render any byte string as a template, with a fixed
// context and partials, into text or an error, never crash, hang or throw; and any text it
// interpolates with {{name}} must come out without a raw < > " ' or &.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "server/render/template.hpp"

namespace {

using ccteam::server::render::Context;
using ccteam::server::render::Templates;

const Templates& templates() {
  static const Templates k_templates = Templates::from_sources({
      {"item", "<li>{{name}}{{#next}}{{>item}}{{/next}}</li>"},
      {"plain", "[{{x}}]"},
  });
  return k_templates;
}

Context context(std::string_view text) {
  Context leaf;
  leaf.text("name", std::string(text)).list("next", {});
  Context node;
  node.text("name", "n").list("next", {leaf, leaf});
  Context out;
  out.text("x", std::string(text)).flag("yes", true).flag("no", false).list("items", {node});
  out.child("child", Context().text("y", "<y>"));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Context c = context(text);
  (void)templates().render_source(text, c);
  auto escaped = templates().render_source("{{x}}", c);
  if (!escaped || escaped->find_first_of("<>\"'") != std::string::npos) std::abort();
  return 0;
}
