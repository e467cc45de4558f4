#pragma once
// Reading and writing whole files, with errors that name the path and the reason.

#include <filesystem>
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

}  // namespace ccteam::io
