#pragma once
// A spool: records written once and read back in any order, for batch work whose output order
// is known only after the last input (a screening sorted for review). Records stay in memory up
// to a limit; beyond it all of them move to an unnamed temporary file (created in $TMPDIR, else
// /tmp, and unlinked at once, so nothing is left behind even when the process is killed), and
// memory stays flat whatever the number of records.
//
// Example:
//   io::Spool spool;
//   auto first = spool.add("one");    // Result<Spool::Ref>
//   auto text = spool.read(*first);   // Result<std::string_view>: "one"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

class Spool {
 public:
  // Where a record is: its offset in the spool and its length, in bytes.
  struct Ref {
    std::uint64_t offset = 0;
    std::uint32_t size = 0;
  };

  // Records are kept in memory until they take more than 'memory_bytes' together.
  explicit Spool(std::size_t memory_bytes = std::size_t{4} << 20);
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  Spool(Spool&& other) noexcept;
  Spool& operator=(Spool&& other) noexcept;

  // Appends 'record' (at most 4 GiB - 1). ErrorKind::io when the temporary file cannot be
  // created or written (the directory and the system's reason: no space left on device);
  // ErrorKind::invalid_input for a record over the size limit.
  Result<Ref> add(std::string_view record);

  // The record at 'ref' (from add on this spool); the view is valid until the next call of
  // read or add. ErrorKind::io when the temporary file cannot be read back.
  Result<std::string_view> read(Ref ref);

  // Bytes added so far, and whether they went to the temporary file.
  std::uint64_t size() const { return m_size; }
  bool on_disk() const { return m_fd >= 0; }

 private:
  Result<void> move_to_file();
  Result<void> flush();

  std::size_t m_memory_bytes;
  std::string m_memory;         // every record while there is no file; the unwritten tail after
  std::uint64_t m_size = 0;     // bytes added
  std::uint64_t m_written = 0;  // bytes in the file
  int m_fd = -1;
  std::string m_read;  // the last record read from the file
};

}  // namespace ccteam::io
