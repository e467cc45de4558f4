#pragma once
// The configuration of `ccteam serve`: a YAML file (docs/configuration.md) read by the strict
// YAML reader, and the `--listen` address form both the file and the command line use.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"
#include "io/workspace/mail.hpp"

namespace ccteam::io {

// Where the server listens: an IPv4 or IPv6 literal (without brackets) and a TCP port.
struct ListenAddress {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
};

// Bounds on what one client may cost the server. Defaults suit a workspace of one
// organisation on a small machine; docs/configuration.md explains each.
struct ServerLimitsConfig {
  std::size_t max_connections = 1024;        // beyond: 503 at once
  std::size_t max_requests_in_flight = 256;  // beyond: 503
  std::size_t max_header_bytes = 8 * 1024;   // request line + header fields
  std::size_t max_header_fields = 100;
  std::size_t max_body_bytes = 16'777'216;  // the largest body any route accepts
  std::int64_t header_timeout_ms = 10'000;  // the whole header must arrive within this
  std::int64_t body_timeout_ms = 30'000;
  std::int64_t write_timeout_ms = 30'000;
  std::int64_t keep_alive_idle_ms = 5'000;  // an idle keep-alive connection is closed after it
  unsigned threads = 0;                     // 0: one per core, at least 2
  // Simulations started from plan pages (app/workspace/simulations.hpp): queued or running at
  // once in the organisation (the queue limit; beyond, a start gets 429), and the simulated
  // calls one may take (replications x the plan's calls per day).
  std::int64_t max_active_simulations = 4;
  std::int64_t max_simulated_calls = 5'000'000;
  // Applications the public form takes from one client address in 10 minutes (counted in the
  // database, so across nodes); beyond, the form answers 429.
  std::int64_t max_applications_per_address = 10;
  // Documents an applicant attaches on the form (a CV, certificates: PDF or DOCX): how many,
  // and the size of each; 0 documents hides the form's file field. The form's body limit is
  // what these allow, capped by max_body_bytes.
  std::int64_t max_documents = 3;
  std::int64_t max_document_bytes = 5'000'000;
  // Reading a document's text (ccteam-extract, io/workspace/extract_process.hpp): the CPU time
  // and address space of the child process, and the time after which it is killed.
  std::int64_t extract_cpu_seconds = 5;
  std::int64_t extract_memory_bytes = 536'870'912;
  std::int64_t extract_timeout_ms = 15'000;
};

// E-mail to applicants (the outbox, app/workspace/outbox.hpp): the mail server and the sender.
// Without it messages are recorded as "unsent". A failed attempt is tried again after
// retry_after_ms, doubling each time up to retry_max_ms, at most max_attempts times in all.
struct SmtpConfig {
  SmtpServer server;
  std::string from;       // the sender's address (is_mail_address)
  std::string from_name;  // the sender's display name; may be empty
  std::int64_t retry_after_ms = 60'000;
  std::int64_t retry_max_ms = 3'600'000;
  std::int64_t max_attempts = 20;
};

struct WorkspaceConfig {
  ListenAddress listen;
  std::string db = "ccteam.db";  // a SQLite file
  std::string public_url;        // "https://jobs.example.com": links in e-mails, cookies' Secure
  std::string secret;            // at least 32 characters when set (signs tokens)
  std::vector<std::string>
      trusted_proxies;  // addresses or CIDR blocks whose X-Forwarded-For counts
  ServerLimitsConfig limits;
  std::optional<SmtpConfig> smtp;  // nullopt: no e-mail is sent
};

// Parses "127.0.0.1:8080", "[::1]:8080" or ":8080" (all interfaces is *not* the default: the
// host must be written, "0.0.0.0:8080"). MsgId::config_bad_listen with the form as the hint.
Result<ListenAddress> parse_listen_address(std::string_view text);

// Parses an address ("10.0.0.7", "::1") or a CIDR block ("10.0.0.0/8", "fd00::/8") of the
// trusted proxy list; MsgId::config_bad_proxy when it is neither.
Result<void> check_proxy_entry(std::string_view text);

// The client of a request that reached us from 'peer' with the X-Forwarded-For header
// 'forwarded_for' (empty when absent): 'peer' itself unless it is in 'trusted' (addresses or
// CIDR blocks); else the right-most address of the header that is not trusted, walking from the
// right (each trusted proxy appends the address it got the request from), or the left-most
// when every one is trusted. A malformed entry stops the walk at the last address known good.
std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted);

// Reads the configuration file text 'text' (named 'file' in errors) over the defaults. Every
// problem of the file, each with file:line:col and a JSON pointer; unknown keys with the
// nearest known one. Relative 'db' paths are kept as written (relative to the working folder).
Checked<WorkspaceConfig> read_workspace_config(std::string_view text, const std::string& file);

// read_workspace_config of the file at 'path' (Error::not_found, Error::io as io::read_file).
Checked<WorkspaceConfig> load_workspace_config(const std::string& path);

}  // namespace ccteam::io
