#include "io/base/files.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <utility>

namespace ccteam::io {

LocalizedText os_error_text(int errnum) {
  static constexpr std::pair<int, std::string_view> k_german[] = {
      {ENOENT, "Datei oder Verzeichnis nicht gefunden"},
      {EACCES, "keine Berechtigung"},
      {EPERM, "Vorgang nicht erlaubt"},
      {EISDIR, "ist ein Verzeichnis"},
      {ENOTDIR, "ein Teil des Pfads ist kein Verzeichnis"},
      {ENOSPC, "kein Platz mehr auf dem Datenträger"},
      {EDQUOT, "Speicherkontingent überschritten"},
      {EROFS, "Dateisystem nur lesbar"},
      {EEXIST, "existiert bereits"},
      {ENAMETOOLONG, "Dateiname zu lang"},
      {EMFILE, "zu viele offene Dateien"},
      {ENFILE, "zu viele offene Dateien im System"},
      {EIO, "Ein-/Ausgabefehler"},
      {EBUSY, "Gerät oder Ressource belegt"},
      {EXDEV, "Verschieben zwischen Dateisystemen nicht möglich"},
  };
  std::string english = std::strerror(errnum);
  for (const auto& [code, german] : k_german) {
    if (code == errnum) return LocalizedText{english, std::string(german)};
  }
  return LocalizedText{english, english};
}

bool has_extension(std::string_view path, std::string_view extension) {
  if (path.size() < extension.size()) return false;
  return std::equal(
      extension.begin(), extension.end(), path.end() - extension.size(),
      [](char lower, char c) { return lower == std::tolower(static_cast<unsigned char>(c)); });
}

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  SourcePos where{path, 0, 0, ""};
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    std::string text = std::move(buffer).str();
    if (text.size() > max_bytes) {
      return fail(ErrorKind::invalid_input, msg(MsgId::file_too_large, max_bytes >> 20), where);
    }
    return text;
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return fail(ErrorKind::not_found, msg(MsgId::file_not_found, path), where,
                msg(MsgId::hint_check_path));
  }
  if (std::filesystem::is_directory(path, ec)) {
    return fail(ErrorKind::io, msg(MsgId::file_is_directory, path), where);
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return fail(ErrorKind::invalid_input, msg(MsgId::file_too_large, max_bytes >> 20), where);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail(ErrorKind::io, msg(MsgId::file_unreadable, path, os_error_text(errno)), where);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return fail(ErrorKind::io, msg(MsgId::file_unreadable, path, os_error_text(errno)), where);
  }
  return text;
}

Result<void> write_file(const std::string& path, std::string_view content) {
  auto file = OutputFile::open(path);
  if (!file) return tl::unexpected(std::move(file.error()));
  if (auto written = file->write(content); !written) return written;
  return file->commit();
}

Result<OutputFile> OutputFile::open(const std::string& path) {
  OutputFile out;
  out.m_path = path;
  if (path == "-") return out;
  std::error_code status_error;
  auto status = std::filesystem::status(path, status_error);
  // A device or pipe (/dev/stdout, a FIFO): written in place; renaming over it would replace it.
  const bool in_place =
      !status_error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
  if (!in_place) out.m_temporary = path + ".tmp";
  out.m_file.open(in_place ? path : out.m_temporary, std::ios::binary | std::ios::trunc);
  if (!out.m_file) {
    Error e = out.failure(errno);
    out.m_temporary.clear();  // nothing was created
    return tl::unexpected(std::move(e));
  }
  return out;
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : m_path(std::move(other.m_path)),
      m_temporary(std::move(other.m_temporary)),
      m_file(std::move(other.m_file)),
      m_done(other.m_done) {
  other.m_temporary.clear();
  other.m_done = true;
}

OutputFile::~OutputFile() {
  if (m_done || m_temporary.empty()) return;
  m_file.close();
  std::error_code ignored;
  std::filesystem::remove(m_temporary, ignored);
}

Error OutputFile::failure(int errnum) const {
  if (m_path == "-")
    return Error{ErrorKind::io, msg(MsgId::file_unwritable, "-", "stdout"), {}, {}};
  return Error{ErrorKind::io, msg(MsgId::file_unwritable, m_path, os_error_text(errnum)),
               SourcePos{m_path, 0, 0, ""}, std::nullopt};
}

Result<void> OutputFile::write(std::string_view content) {
  std::ostream& out = m_path == "-" ? std::cout : static_cast<std::ostream&>(m_file);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) return tl::unexpected(failure(errno));
  return {};
}

Result<void> OutputFile::commit() {
  m_done = true;
  if (m_path == "-") {
    std::cout.flush();
    if (!std::cout) return tl::unexpected(failure(errno));
    return {};
  }
  m_file.close();
  if (!m_file) {
    Error e = failure(errno);
    if (!m_temporary.empty()) {
      std::error_code ignored;
      std::filesystem::remove(m_temporary, ignored);
    }
    return tl::unexpected(std::move(e));
  }
  if (m_temporary.empty()) return {};
  std::error_code ec;
  std::filesystem::rename(m_temporary, m_path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
    return tl::unexpected(failure(ec.value()));
  }
  return {};
}

}  // namespace ccteam::io
