#pragma once
// The content of applicants' documents, addressed by the SHA-256 of their bytes (64 lower-case
// hex digits, io::sha256_hex): the same file uploaded twice is kept once. Rows never hold a
// local path: application_documents rows (store/repository.hpp StoredDocument) name the
// address, and the store of the deployment holds the bytes:
//   - one node on SQLite: a directory (DirectoryDocumentStore, "<database file>-documents/"),
//     each document a file "<first 2 hex digits>/<address>", written to a temporary file,
//     flushed (fsync) and renamed into place, so a reader sees a document whole or not at all;
//   - PostgreSQL (any number of nodes): the table document_contents of the same database
//     (PostgresRepository's own DocumentStore);
//   - an in-memory SQLite database (tests): memory (MemoryDocumentStore).
//
// Contents are written before the rows that name them (so no row ever names a missing
// content), and removed after the last row naming them is deleted; a content whose rows were
// never written (a crash or a failed transaction in between) is an orphan that
// app/workspace/documents.hpp sweep_documents removes once it is older than a grace period.
// Thread-safe.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ccteam/core/error.hpp"

namespace ccteam::store {

// A stored content's address and when it was stored (Unix milliseconds).
struct StoredContent {
  std::string sha256;
  std::int64_t stored_at_ms = 0;
};

class DocumentStore {
 public:
  virtual ~DocumentStore() = default;
  // Keeps 'bytes' under 'sha256' (the caller computed it from 'bytes'), durable when it returns;
  // a content already there is left as it is. Error::io (document_store_failed) when it cannot
  // be written.
  virtual Result<void> put(const std::string& sha256, std::string_view bytes) = 0;
  // The content under 'sha256'; nullopt when there is none.
  virtual Result<std::optional<std::string>> get(const std::string& sha256) = 0;
  // Removes the content under 'sha256' (nothing when there is none).
  virtual Result<void> remove(const std::string& sha256) = 0;
  // Every content held, in no particular order.
  virtual Result<std::vector<StoredContent>> list() = 0;
};

class DirectoryDocumentStore final : public DocumentStore {
 public:
  // The directory is made (with its parents) at the first put.
  explicit DirectoryDocumentStore(std::string directory) : m_directory(std::move(directory)) {}
  Result<void> put(const std::string& sha256, std::string_view bytes) override;
  Result<std::optional<std::string>> get(const std::string& sha256) override;
  Result<void> remove(const std::string& sha256) override;
  Result<std::vector<StoredContent>> list() override;
  const std::string& directory() const { return m_directory; }

 private:
  std::string path_of(const std::string& sha256) const;
  std::string m_directory;
};

class MemoryDocumentStore final : public DocumentStore {
 public:
  Result<void> put(const std::string& sha256, std::string_view bytes) override;
  Result<std::optional<std::string>> get(const std::string& sha256) override;
  Result<void> remove(const std::string& sha256) override;
  Result<std::vector<StoredContent>> list() override;

 private:
  std::mutex m_mutex;
  std::map<std::string, std::pair<std::string, std::int64_t>> m_contents;
};

}  // namespace ccteam::store
