#pragma once
// The HTTP/1.1 server of `ccteam serve`: accepts connections, parses requests into Request
// values, calls Routes::handle and writes its Response. Boost.Beast stays inside
// http_server.cpp; this header names no Boost type.
//
// Threads: one I/O thread runs every socket asynchronously (an idle or slow connection costs a
// timer and a buffer, never a thread); ServerLimits::threads worker threads run the handlers.
//
// What the server answers by itself, before or instead of the handler (every such answer
// carries `Connection: close`, and the connection is closed after it):
//   400  the request cannot be parsed: bad request line, bad header field, a header value with
//        CR, LF or NUL, a malformed %-escape or a NUL in the path, a chunk extension longer than
//        max_chunk_extension_bytes;
//   413  the body is longer than Routes::body_limit(method, path) (Content-Length or chunked);
//   431  the header is longer than max_header_bytes or has more than max_header_fields fields;
//   500  the handler threw or returned a status outside 200..599;
//   503  max_connections connections are open (answered at accept, before reading anything),
//        or max_requests_in_flight handlers are running or queued.
// A client that does not send its header within header_timeout_ms (or its body within
// body_timeout_ms, or does not read the response within write_timeout_ms) is disconnected
// without an answer.
//
// Log lines: one JSON object per line, handed to the log sink (never concurrently). Requests:
//   {"time":"2026-12-05T03:45:56.123Z","level":"info","request_id":"...","method":"GET",
//    "path":"/healthz","status":200,"bytes":2,"duration_ms":0.41,"client":"127.0.0.1"}
// ('path' is percent-decoded and without the query, which may hold personal data; 'bytes' the
// response body's length.) Server events carry "event": started, stopping, stopped,
// connection_cap_reached (at most one line per 10 s, with the number refused), request_cap_reached
// (likewise), response_header_dropped, handler_failed, accept_failed.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"
#include "server/http/message.hpp"

namespace ccteam::server {

// Limits of one server. Every size is in bytes, every time in milliseconds; the defaults suit a
// server on the open network.
struct ServerLimits {
  // The request line and header fields together, CRLFs included; longer: 431.
  std::size_t max_header_bytes = 8 * 1024;
  // Header fields of one request (trailer fields of a chunked body count too); more: 431.
  std::size_t max_header_fields = 100;
  // The extension of one chunk header (";name=value..."); longer: 400. A chunk header line
  // longer than the read buffer (max(max_header_bytes, this + 64)) is cut off the same way.
  std::size_t max_chunk_extension_bytes = 1024;
  // Open connections; the next one is answered 503 at once and closed, never queued.
  std::size_t max_connections = 1024;
  // Requests whose handler is running or waiting for a worker thread; beyond: 503.
  std::size_t max_requests_in_flight = 256;
  // From accepting a connection (or the first byte of a later request on it) to the end of
  // the request's header.
  std::uint32_t header_timeout_ms = 10'000;
  // From the end of the header to the end of the body.
  std::uint32_t body_timeout_ms = 30'000;
  // For writing one response.
  std::uint32_t write_timeout_ms = 30'000;
  // An idle keep-alive connection (a response written, no byte of the next request yet) is
  // closed after this.
  std::uint32_t keep_alive_idle_ms = 30'000;
  // stop(): how long requests already being read or handled may take to finish.
  std::uint32_t drain_timeout_ms = 10'000;
  // Worker threads running handlers; 0: the hardware's concurrency, at least 2.
  unsigned threads = 0;
};

// One JSON object, without a newline. Called from the server's threads, never concurrently.
using LogSink = std::function<void(std::string_view json_line)>;

class HttpServer {
 public:
  // 'address': a numeric IPv4/IPv6 address or a host name ("127.0.0.1", "::", "localhost");
  // 'port' 0: any free port (see port() after start()). Nothing is opened until start().
  HttpServer(std::string address, std::uint16_t port, ServerLimits limits, Routes routes,
             LogSink log);
  // Stops (as stop()) and waits.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and starts the threads. Error (ErrorKind::io) naming the address and the
  // operating system's reason, such as "cannot listen on 127.0.0.1:8080: Address already in
  // use"; also when called twice.
  Result<void> start();

  // The bound port (the one chosen when constructed with 0); 0 before start().
  std::uint16_t port() const;

  // Graceful stop, from any thread, any number of times: stops accepting, closes connections
  // that have not sent a whole request header (idle keep-alive ones among them), lets requests
  // whose header is in finish (their bodies read, handlers run, responses written with
  // Connection: close) and closes everything still open after drain_timeout_ms. Returns at
  // once; wait() waits for the end.
  void stop();

  // Blocks until the server has stopped and its threads have ended (a handler that never
  // returns keeps it waiting). Returns at once when start() did not succeed.
  void wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// The log's time format: "2026-12-05T03:45:56.123Z" (UTC, milliseconds), now.
std::string utc_timestamp();

// Catches SIGINT and SIGTERM (replacing their default action while it runs) and calls
// server.stop() on the first one; returns when the server has stopped, for a signal or any
// other reason. Call it after a successful start().
void run_until_signal(HttpServer& server);

}  // namespace ccteam::server
