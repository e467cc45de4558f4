#pragma once
// Reading and writing whole files, with errors that name the path and the reason.

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"

namespace ccteam::io {

// The reason an operating-system call failed (an errno value), in English and German:
// strerror's English text, and our German wording of the common ones (no such file, no
// permission, is a directory, disk full, ...; the C library speaks the C locale only).
LocalizedText os_error_text(int errnum);

// True when 'path' ends with 'extension' (".csv"), compared without regard to ASCII case
// ("PEOPLE.CSV" is a CSV file). 'extension' is written in lower case.
bool has_extension(std::string_view path, std::string_view extension);

// The whole content of 'path', or "-" for standard input. Fails with ErrorKind::not_found
// when the file does not exist and ErrorKind::io when it cannot be read; refuses files larger
// than 'max_bytes' with ErrorKind::invalid_input.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes = 256u << 20);

// Writes 'content' to 'path' ("-" = standard output). A regular file is written to a temporary
// file renamed into place, so that a failed write never leaves half a file; a device or pipe is
// written in place. ErrorKind::io on failure (full disk, no permission).
Result<void> write_file(const std::string& path, std::string_view content);

// A file written in pieces, as write_file writes a whole one: "-" is standard output, a device
// or pipe is written in place, a regular file goes to "<path>.tmp" and commit() renames it into
// place; a temporary file never committed is removed (an error half way leaves the old file).
// Errors: ErrorKind::io naming 'path' and the system's reason (no permission, disk full).
class OutputFile {
 public:
  static Result<OutputFile> open(const std::string& path);
  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  Result<void> write(std::string_view content);
  Result<void> commit();

 private:
  OutputFile() = default;
  Error failure(int errnum) const;

  std::string m_path;
  std::string m_temporary;  // empty: written in place (standard output, a device, a pipe)
  std::ofstream m_file;     // closed for standard output
  bool m_done = false;
};

}  // namespace ccteam::io
