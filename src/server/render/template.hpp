#pragma once
// Mustache templates for the web pages, rendered with HTML escaping by default.
//
// Templates are the files web/templates/<name>.mustache, loaded once at start; every template is
// also a partial of every other under its name ({{>shell_start}}). The engine is Debian's
// libmstch (Mustache 1.x: interpolation, sections, inverted sections, partials, comments, set
// delimiters, lambdas), included by template.cpp only. It lacks the optional spec modules
// "inheritance" ({{<parent}}{{$block}}) and "dynamic names" ({{>*name}}), so a page includes a
// start and an end partial of the shell instead of extending a layout.
//
// Escaping: {{name}} replaces & < > " ' ` = with character references, so a value is safe in
// element text and in double- or single-quoted attribute values (not in an unquoted attribute,
// a URL scheme, a script or a style). {{{name}}} and {{& name}} insert raw text: the pages never
// use them for anything a user or the catalog wrote.
//
// A partial may include itself inside a section to draw a tree ({{#next}}{{>node}}{{/next}});
// that ends only because the data ends, and every node must then set 'next' itself (an empty
// list at a leaf), since Mustache looks a missing name up in the enclosing contexts.
//
// A Templates object is immutable after loading and may be shared by threads.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ccteam/core/error.hpp"

namespace ccteam::server::render {

// The data a template is rendered with: named texts, flags, lists of contexts and nested
// contexts, the shapes Mustache knows. Setting a name again replaces its value.
class Context {
 public:
  // {{name}}: the text, escaped when rendered.
  Context& text(std::string name, std::string value);
  // {{#name}}...{{/name}} shows its block when true; {{^name}} when false.
  Context& flag(std::string name, bool value);
  // {{#name}}...{{/name}} repeats its block once per item, with the item's names in scope;
  // {{^name}} shows its block when the list is empty.
  Context& list(std::string name, std::vector<Context> items);
  // {{#name}}...{{/name}} shows its block once with the child's names in scope; {{name.x}}.
  Context& child(std::string name, Context value);

  using Value = std::variant<std::string, bool, std::vector<Context>, std::shared_ptr<Context>>;
  // The values by name, for the renderer.
  const std::map<std::string, Value, std::less<>>& values() const { return m_values; }

 private:
  std::map<std::string, Value, std::less<>> m_values;
};

// 'text' with & < > " ' ` = replaced by character references (what {{name}} does).
std::string escape_html(std::string_view text);

class Templates {
 public:
  // Every *.mustache file of 'dir' (not its subfolders), named by its file name without the
  // extension. Error::not_found (file_not_found) when 'dir' is not a folder;
  // Error::io (file_unreadable) naming the file that cannot be read; Error::invalid_input
  // (web_template_empty_folder) when the folder holds no template.
  static Result<Templates> load(const std::string& dir);

  // Templates given as name -> source text, for tests and tools.
  static Templates from_sources(std::map<std::string, std::string, std::less<>> sources);

  // The template 'name' rendered with 'context', the other templates as partials.
  // Error::not_found (web_template_unknown) for a name that was not loaded; Error::internal
  // (web_template_failed) when the engine fails.
  Result<std::string> render(std::string_view name, const Context& context) const;

  // 'source', a template that is not among the loaded ones, rendered with 'context' and the
  // loaded templates as partials. Error::internal (web_template_failed) when the engine fails.
  Result<std::string> render_source(std::string_view source, const Context& context) const;

  // True when a template 'name' was loaded.
  bool has(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> m_sources;
};

}  // namespace ccteam::server::render
