// Document contents in a directory (write, fsync, rename) or in memory.
#include "store/document_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "store/uuid.hpp"

namespace ccteam::store {

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool is_address(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Error store_failed(const std::string& what) {
  return Error::io(msg(MsgId::document_store_failed, what));
}

std::string errno_text(const std::string& what) { return what + ": " + std::strerror(errno); }

// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int value) : fd(value) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

Result<void> sync_directory(const std::string& directory) {
  Fd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.fd < 0 || ::fsync(dir.fd) != 0) {
    return tl::unexpected(store_failed(errno_text(directory)));
  }
  return {};
}

}  // namespace

std::string DirectoryDocumentStore::path_of(const std::string& sha256) const {
  return m_directory + "/" + sha256.substr(0, 2) + "/" + sha256;
}

Result<void> DirectoryDocumentStore::put(const std::string& sha256, std::string_view bytes) {
  if (!is_address(sha256)) return tl::unexpected(store_failed(sha256.substr(0, 80)));
  std::string path = path_of(sha256);
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) return {};
  std::string folder = m_directory + "/" + sha256.substr(0, 2);
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return tl::unexpected(store_failed(folder + ": " + error.message()));
  // A temporary name no other writer uses; renamed into place only once durable.
  std::string temporary = folder + "/.tmp-" + new_uuid_v7(now_ms()).to_string();
  {
    Fd file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (file.fd < 0) return tl::unexpected(store_failed(errno_text(temporary)));
    std::size_t written = 0;
    while (written < bytes.size()) {
      ssize_t n = ::write(file.fd, bytes.data() + written, bytes.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        std::string reason = errno_text(temporary);
        ::unlink(temporary.c_str());
        return tl::unexpected(store_failed(reason));
      }
      written += static_cast<std::size_t>(n);
    }
    if (::fsync(file.fd) != 0) {
      std::string reason = errno_text(temporary);
      ::unlink(temporary.c_str());
      return tl::unexpected(store_failed(reason));
    }
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string reason = errno_text(path);
    ::unlink(temporary.c_str());
    return tl::unexpected(store_failed(reason));
  }
  return sync_directory(folder);
}

Result<std::optional<std::string>> DirectoryDocumentStore::get(const std::string& sha256) {
  if (!is_address(sha256)) return std::optional<std::string>();
  std::string path = path_of(sha256);
  Fd file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.fd < 0) {
    if (errno == ENOENT) return std::optional<std::string>();
    return tl::unexpected(store_failed(errno_text(path)));
  }
  std::string out;
  char buffer[64 * 1024];
  while (true) {
    ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return tl::unexpected(store_failed(errno_text(path)));
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return std::optional<std::string>(std::move(out));
}

Result<void> DirectoryDocumentStore::remove(const std::string& sha256) {
  if (!is_address(sha256)) return {};
  std::string path = path_of(sha256);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    return tl::unexpected(store_failed(errno_text(path)));
  }
  return {};
}

Result<std::vector<StoredContent>> DirectoryDocumentStore::list() {
  std::vector<StoredContent> out;
  std::error_code error;
  if (!std::filesystem::exists(m_directory, error)) return out;
  for (auto folder = std::filesystem::directory_iterator(m_directory, error);
       !error && folder != std::filesystem::directory_iterator(); folder.increment(error)) {
    if (!folder->is_directory(error)) continue;
    std::error_code inner;
    for (auto entry = std::filesystem::directory_iterator(folder->path(), inner);
         !inner && entry != std::filesystem::directory_iterator(); entry.increment(inner)) {
      std::string name = entry->path().filename().string();
      struct stat info {};
      if (::stat(entry->path().c_str(), &info) != 0) continue;
      std::int64_t at = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000 +
                        static_cast<std::int64_t>(info.st_mtim.tv_nsec / 1'000'000);
      if (is_address(name)) {
        out.push_back({name, at});
      } else if (name.starts_with(".tmp-") && at < now_ms() - 24 * 3600 * 1000) {
        // A temporary file a crash left behind a day ago.
        ::unlink(entry->path().c_str());
      }
    }
  }
  if (error) return tl::unexpected(store_failed(m_directory + ": " + error.message()));
  return out;
}

Result<void> MemoryDocumentStore::put(const std::string& sha256, std::string_view bytes) {
  std::lock_guard lock(m_mutex);
  m_contents.try_emplace(sha256, std::string(bytes), now_ms());
  return {};
}

Result<std::optional<std::string>> MemoryDocumentStore::get(const std::string& sha256) {
  std::lock_guard lock(m_mutex);
  auto it = m_contents.find(sha256);
  if (it == m_contents.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second.first);
}

Result<void> MemoryDocumentStore::remove(const std::string& sha256) {
  std::lock_guard lock(m_mutex);
  m_contents.erase(sha256);
  return {};
}

Result<std::vector<StoredContent>> MemoryDocumentStore::list() {
  std::lock_guard lock(m_mutex);
  std::vector<StoredContent> out;
  for (const auto& [sha256, content] : m_contents) out.push_back({sha256, content.second});
  return out;
}

}  // namespace ccteam::store
