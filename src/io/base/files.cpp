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
  if (path == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) return fail(ErrorKind::io, msg(MsgId::file_unwritable, "-", "stdout"));
    return {};
  }
  std::error_code status_error;
  auto status = std::filesystem::status(path, status_error);
  if (!status_error && std::filesystem::exists(status) &&
      !std::filesystem::is_regular_file(status)) {
    // A device or pipe (/dev/stdout, a FIFO): write in place; renaming over it would replace it.
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      return fail(ErrorKind::io, msg(MsgId::file_unwritable, path, os_error_text(errno)),
                  SourcePos{path, 0, 0, ""});
    }
    return {};
  }
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      return fail(ErrorKind::io, msg(MsgId::file_unwritable, path, os_error_text(errno)),
                  SourcePos{path, 0, 0, ""});
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::filesystem::remove(temporary);
      return fail(ErrorKind::io, msg(MsgId::file_unwritable, path, os_error_text(errno)),
                  SourcePos{path, 0, 0, ""});
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary);
    return fail(ErrorKind::io, msg(MsgId::file_unwritable, path, os_error_text(ec.value())),
                SourcePos{path, 0, 0, ""});
  }
  return {};
}

}  // namespace ccteam::io
