#include "cli/context.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "io/catalog_yaml.hpp"

namespace ccteam::cli {

std::string default_catalog_path() {
  if (const char* env = std::getenv("CCTEAM_CATALOG"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "ccteam" / "catalog";
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return "data/catalog";
}

const catalog::Catalog* Context::catalog() {
  if (m_catalog) return &*m_catalog;
  std::vector<std::string> paths = m_options.catalog;
  if (paths.empty()) paths.push_back(default_catalog_path());
  auto loaded = io::load_catalog(paths);
  if (!loaded) {
    report(loaded.error());
    report(Error{ErrorKind::invalid_input,
                 msg(MsgId::cli_catalog_failed, loaded.error().size()),
                 {},
                 std::nullopt});
    exit_code = k_exit_unusable;
    return nullptr;
  }
  m_catalog = std::move(*loaded);
  return &*m_catalog;
}

std::string Context::format(std::initializer_list<std::string_view> allowed) {
  if (m_options.format.empty()) return std::string(*allowed.begin());
  for (std::string_view f : allowed) {
    if (f == m_options.format) return m_options.format;
  }
  std::string list;
  for (std::string_view f : allowed) list += (list.empty() ? "" : ", ") + std::string(f);
  report(Error{ErrorKind::usage, msg(MsgId::cli_bad_format, m_options.format, list), {}, {}});
  exit_code = k_exit_unusable;
  return {};
}

std::optional<std::string> Context::binary_output(std::string_view format) {
  if (!m_options.output.empty() && m_options.output != "-") return m_options.output;
  report(Error{ErrorKind::usage,
               msg(MsgId::cli_binary_needs_output, std::string(format)),
               {},
               msg(MsgId::hint_binary_needs_output, std::string(format))});
  exit_code = k_exit_unusable;
  return std::nullopt;
}

void Context::report(const Error& error) const {
  // "file:line:col: error: ..." starts the line so that editors can jump to it; errors
  // without a position name the program instead.
  if (!error.where.known()) std::cerr << "ccteam: ";
  std::cerr << render(error, m_lang) << '\n';
}

void Context::report(const Errors& errors) const {
  for (const Error& error : errors) report(error);
}

}  // namespace ccteam::cli
