#include "io/base/spool.hpp"

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

#include "io/base/files.hpp"

namespace ccteam::io {

namespace {

constexpr std::size_t k_write_chunk = std::size_t{1} << 20;  // the file is written in 1 MiB

std::string temporary_directory() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? std::string(dir) : std::string("/tmp");
}

Error io_failure(MsgId id, const std::string& where, int errnum) {
  return Error{ErrorKind::io, msg(id, where, os_error_text(errnum)), SourcePos{where, 0, 0, ""},
               std::nullopt};
}

}  // namespace

Spool::Spool(std::size_t memory_bytes) : m_memory_bytes(memory_bytes) {}

Spool::~Spool() {
  if (m_fd >= 0) ::close(m_fd);
}

Spool::Spool(Spool&& other) noexcept
    : m_memory_bytes(other.m_memory_bytes),
      m_memory(std::move(other.m_memory)),
      m_size(other.m_size),
      m_written(other.m_written),
      m_fd(std::exchange(other.m_fd, -1)),
      m_read(std::move(other.m_read)) {}

Spool& Spool::operator=(Spool&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_memory_bytes = other.m_memory_bytes;
    m_memory = std::move(other.m_memory);
    m_size = other.m_size;
    m_written = other.m_written;
    m_fd = std::exchange(other.m_fd, -1);
    m_read = std::move(other.m_read);
  }
  return *this;
}

Result<void> Spool::move_to_file() {
  std::string path = temporary_directory() + "/ccteam-spool-XXXXXX";
  m_fd = ::mkostemp(path.data(), O_CLOEXEC);
  if (m_fd < 0) return tl::unexpected(io_failure(MsgId::file_unwritable, path, errno));
  ::unlink(path.c_str());  // gone with the descriptor, however the process ends
  return flush();
}

Result<void> Spool::flush() {
  std::size_t done = 0;
  while (done < m_memory.size()) {
    ssize_t n = ::write(m_fd, m_memory.data() + done, m_memory.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return tl::unexpected(io_failure(MsgId::file_unwritable, temporary_directory(), errno));
    }
    done += static_cast<std::size_t>(n);
  }
  m_written += m_memory.size();
  m_memory.clear();
  return {};
}

Result<Spool::Ref> Spool::add(std::string_view record) {
  if (record.size() > std::numeric_limits<std::uint32_t>::max()) {
    return fail(ErrorKind::invalid_input, msg(MsgId::file_too_large, std::size_t{4096}));
  }
  Ref ref{m_size, static_cast<std::uint32_t>(record.size())};
  m_memory.append(record);
  m_size += record.size();
  if (m_fd < 0 && m_memory.size() > m_memory_bytes) {
    if (auto moved = move_to_file(); !moved) return tl::unexpected(std::move(moved.error()));
  } else if (m_fd >= 0 && m_memory.size() >= k_write_chunk) {
    if (auto flushed = flush(); !flushed) return tl::unexpected(std::move(flushed.error()));
  }
  return ref;
}

Result<std::string_view> Spool::read(Ref ref) {
  if (ref.offset + ref.size > m_size) {
    return fail(ErrorKind::internal, msg(MsgId::file_unreadable, "<spool>", os_error_text(EINVAL)));
  }
  if (ref.offset >= m_written) {  // still in memory (all of it while there is no file)
    return std::string_view(m_memory).substr(ref.offset - m_written, ref.size);
  }
  if (ref.offset + ref.size > m_written) {  // partly written: write the rest first
    if (auto flushed = flush(); !flushed) return tl::unexpected(std::move(flushed.error()));
  }
  m_read.resize(ref.size);
  std::size_t done = 0;
  while (done < ref.size) {
    ssize_t n =
        ::pread(m_fd, m_read.data() + done, ref.size - done, static_cast<off_t>(ref.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return tl::unexpected(
          io_failure(MsgId::file_unreadable, temporary_directory(), n == 0 ? EIO : errno));
    }
    done += static_cast<std::size_t>(n);
  }
  return std::string_view(m_read);
}

}  // namespace ccteam::io
