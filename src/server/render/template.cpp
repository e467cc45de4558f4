#include "server/render/template.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>

#include <mstch/mstch.hpp>

#include "io/base/files.hpp"
#include "io/base/markup.hpp"

namespace ccteam::server::render {

Context& Context::text(std::string name, std::string value) {
  m_values.insert_or_assign(std::move(name), Value(std::move(value)));
  return *this;
}

Context& Context::flag(std::string name, bool value) {
  m_values.insert_or_assign(std::move(name), Value(value));
  return *this;
}

Context& Context::list(std::string name, std::vector<Context> items) {
  m_values.insert_or_assign(std::move(name), Value(std::move(items)));
  return *this;
}

Context& Context::child(std::string name, Context value) {
  m_values.insert_or_assign(std::move(name), Value(std::make_shared<Context>(std::move(value))));
  return *this;
}

std::string escape_html(std::string_view text) { return io::escape_markup_strict(text); }

namespace {

constexpr std::string_view k_extension = ".mustache";
constexpr std::size_t k_max_template_bytes = 1u << 20;

// mstch escapes through one global function; ours is set once, before the first render, and
// never changed (magic statics make the first call thread-safe).
void use_our_escape() {
  static const bool k_done = [] {
    mstch::config::escape = [](const std::string& text) { return escape_html(text); };
    return true;
  }();
  (void)k_done;
}

mstch::node to_node(const Context& context);

mstch::node to_node(const Context::Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  if (const auto* items = std::get_if<std::vector<Context>>(&value)) {
    mstch::array out;
    out.reserve(items->size());
    for (const Context& item : *items) out.push_back(to_node(item));
    return out;
  }
  return to_node(*std::get<std::shared_ptr<Context>>(value));
}

mstch::node to_node(const Context& context) {
  mstch::map out;
  for (const auto& [name, value] : context.values()) out.emplace(name, to_node(value));
  return out;
}

}  // namespace

Templates Templates::from_sources(std::map<std::string, std::string, std::less<>> sources) {
  Templates out;
  out.m_sources = std::move(sources);
  return out;
}

Result<Templates> Templates::load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return tl::unexpected(Error::not_found(msg(MsgId::file_not_found, dir)));
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == k_extension) {
      files.push_back(entry.path());
    }
  }
  if (ec)
    return tl::unexpected(
        Error::io(msg(MsgId::file_unreadable, dir, io::os_error_text(ec.value()))));
  if (files.empty()) {
    return tl::unexpected(Error::invalid_input(msg(MsgId::web_template_empty_folder, dir)));
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string, std::less<>> sources;
  for (const fs::path& file : files) {
    CCTEAM_TRY(std::string source, io::read_file(file.string(), k_max_template_bytes));
    sources.emplace(file.stem().string(), std::move(source));
  }
  return from_sources(std::move(sources));
}

bool Templates::has(std::string_view name) const { return m_sources.contains(name); }

Result<std::string> Templates::render(std::string_view name, const Context& context) const {
  auto found = m_sources.find(name);
  if (found == m_sources.end()) {
    return tl::unexpected(Error::not_found(msg(MsgId::web_template_unknown, name)));
  }
  return render_source(found->second, context);
}

Result<std::string> Templates::render_source(std::string_view source,
                                             const Context& context) const {
  use_our_escape();
  try {
    std::map<std::string, std::string> partials(m_sources.begin(), m_sources.end());
    return mstch::render(std::string(source), to_node(context), partials);
  } catch (const std::exception& e) {
    return tl::unexpected(Error::internal(msg(MsgId::web_template_failed, e.what())));
  } catch (...) {
    return tl::unexpected(Error::internal(msg(MsgId::web_template_failed, "?")));
  }
}

}  // namespace ccteam::server::render
