#include "cli/context.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "app/catalog/catalog.hpp"
#include "cli/app.hpp"
#include "io/base/install_paths.hpp"
#include "io/base/markup.hpp"

namespace ccteam::cli {

Context::Context(Lang lang)
    : m_lang(lang),
      m_environment{Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())},
                    io::default_catalog_path(), io::default_posting_data_dir(),
                    io::default_examples_dir()} {}

namespace {
constexpr std::size_t k_output_piece = std::size_t{1} << 20;
}  // namespace

void Context::print(std::string_view text) {
  if (m_output_failed) return;  // reported once; the rest has nowhere to go
  m_output += text;
  if (m_output.size() < k_output_piece) return;
  if (!m_output_file) {
    auto opened = io::OutputFile::open(m_options.output);
    if (!opened) {
      m_output_failed = true;
      m_output.clear();
      return fail(opened.error());
    }
    m_output_file.emplace(std::move(*opened));
  }
  auto written = m_output_file->write(m_output);
  m_output.clear();
  if (!written) {
    m_output_failed = true;
    fail(written.error());
  }
}

void Context::finish_output() {
  if (m_output_failed) return;
  if (!m_output_file) {
    if (m_output.empty()) return;  // nothing printed: no file written
    auto opened = io::OutputFile::open(m_options.output);
    if (!opened) return fail(opened.error());
    m_output_file.emplace(std::move(*opened));
  }
  auto written = m_output_file->write(m_output);
  m_output.clear();
  if (!written) return fail(written.error());
  if (auto committed = m_output_file->commit(); !committed) fail(committed.error());
}

const catalog::Catalog* Context::catalog() {
  if (m_catalog) return &*m_catalog;
  auto loaded = app::load_catalog(m_options.catalog, m_environment);
  if (!loaded) {
    fail(loaded.error());
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
  // Quoted: they are what one types ("'md', 'html', 'text'"), not words of the sentence.
  for (std::string_view f : allowed) list += (list.empty() ? "'" : ", '") + std::string(f) + "'";
  fail(Error::usage(msg(MsgId::cli_bad_format, m_options.format, list)));
  return {};
}

std::optional<std::string> Context::binary_output(std::string_view format) {
  if (!m_options.output.empty() && m_options.output != "-") return m_options.output;
  fail(Error::usage(msg(MsgId::cli_binary_needs_output, std::string(format)),
                    msg(MsgId::hint_binary_needs_output, std::string(format))));
  return std::nullopt;
}

namespace {

// The arguments of a message as the terminal may show them: escaped (io::escape_terminal) and,
// with 'max_chars', cut (io::terminal_excerpt).
void escape_args(Message& message, std::optional<std::size_t> max_chars) {
  auto safe = [&](const std::string& text) {
    return max_chars ? io::terminal_excerpt(text, *max_chars) : io::escape_terminal(text);
  };
  for (MessageArg& arg : message.args) {
    arg.text = safe(arg.text);
    if (arg.localized)
      *arg.localized = LocalizedText{safe(arg.localized->en), safe(arg.localized->de)};
  }
}

}  // namespace

Error for_terminal(Error error) {
  escape_args(error.message, io::k_excerpt_chars);
  if (error.hint) escape_args(*error.hint, std::nullopt);
  error.where.file = io::escape_terminal(error.where.file);
  error.where.json_pointer = io::terminal_excerpt(error.where.json_pointer);
  return error;
}

Message for_terminal(Message message) {
  escape_args(message, io::k_excerpt_chars);
  return message;
}

void Context::warn(const Error& warning) const {
  Error e = for_terminal(warning);
  std::string where = to_string(e.where);
  std::cerr << (where.empty() ? "ccteam" : where) << ": " << tr(MsgId::label_warning, m_lang)
            << ": " << render(e.message, m_lang) << '\n';
  if (e.hint) {
    std::cerr << "  " << tr(MsgId::label_hint, m_lang) << ": " << render(*e.hint, m_lang) << '\n';
  }
}

void Context::report(const Error& error) const {
  // "file:line:col: error: ..." starts the line so that editors can jump to it; errors
  // without a position name the program instead.
  if (!error.where.known()) std::cerr << "ccteam: ";
  std::cerr << render(for_terminal(error), m_lang) << '\n';
}

void Context::report(const Errors& errors) const {
  for (const Error& error : errors) report(error);
}

}  // namespace ccteam::cli

namespace ccteam::cli {

void Context::fail(const Error& error) {
  report(error);
  m_exit_code = std::max(m_exit_code, app::exit_code(error.kind));
}

void Context::fail(const Errors& errors) {
  for (const Error& error : errors) fail(error);
}

void Context::fail_usage(std::string_view rendered) {
  Error e = Error::usage(
      msg(MsgId::cli_usage_error, io::terminal_excerpt(rendered, 4 * io::k_excerpt_chars)));
  std::cerr << "ccteam: " << render(e, m_lang) << '\n';
  m_exit_code = std::max(m_exit_code, app::exit_code(e.kind));
}

void Context::errors_reported() { m_exit_code = std::max(m_exit_code, app::ExitCode::unusable); }

void Context::found_problems() { m_exit_code = std::max(m_exit_code, app::ExitCode::findings); }

}  // namespace ccteam::cli
