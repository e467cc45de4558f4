#pragma once
// Reading and writing whole files, with errors that name the path and the reason.

#include <filesystem>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

// The whole content of 'path', or "-" for standard input. Fails with ErrorKind::not_found
// when the file does not exist and ErrorKind::io when it cannot be read; refuses files larger
// than 'max_bytes' with ErrorKind::invalid_input.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes = 256u << 20);

// Writes 'content' to 'path' ("-" = standard output). A regular file is written to a temporary
// file renamed into place, so that a failed write never leaves half a file; a device or pipe is
// written in place. ErrorKind::io on failure (full disk, no permission).
Result<void> write_file(const std::string& path, std::string_view content);

}  // namespace ccteam::io
