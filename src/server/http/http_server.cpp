// The Boost.Beast adapter: the only file that includes Boost. See http_server.hpp for what it
// answers by itself and what it logs.
//
// All socket work runs on one I/O thread, so a Session and the server's bookkeeping (the set of
// sessions, the counters) are touched by that thread only; handlers run on a worker pool and
// hand their Response back to the I/O thread with asio::post.

#include "server/http/http_server.hpp"
#include "server/http/uri.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>

namespace ccteam::server {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using Tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using Millis = std::chrono::milliseconds;

constexpr std::size_t k_linger_bytes = 1024 * 1024;  // read and dropped after an error answer
constexpr Millis k_linger_time{1000};
constexpr auto k_cap_log_interval = std::chrono::seconds(10);
constexpr Millis k_accept_retry{100};

// ---- text helpers

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower_ascii(x) == lower_ascii(y);
         });
}

bool has_forbidden_char(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_token_char);
}

// Splits a request-target into the decoded path and the raw query; false when it is not an
// origin-form, absolute-form or "*" target, or its path does not decode.
bool split_target(std::string_view target, std::string& path, std::string& query) {
  if (target == "*") {
    path = "*";
    return true;
  }
  if (!target.empty() && target.front() != '/') {
    // absolute-form: scheme "://" authority, then the path
    auto scheme_end = target.find("://");
    if (scheme_end == std::string_view::npos) return false;
    auto scheme = target.substr(0, scheme_end);
    if (!iequals(scheme, "http") && !iequals(scheme, "https")) return false;
    auto rest = target.substr(scheme_end + 3);
    auto path_start = rest.find_first_of("/?");
    target = path_start == std::string_view::npos ? std::string_view("/") : rest.substr(path_start);
    if (!target.empty() && target.front() == '?') {
      query.assign(target.substr(1));
      path = "/";
      return true;
    }
  }
  if (target.empty()) return false;
  auto q = target.find('?');
  auto raw_path = target.substr(0, q);
  if (q != std::string_view::npos) query.assign(target.substr(q + 1));
  auto decoded = percent_decode(raw_path, false, true);
  if (!decoded) return false;
  path = std::move(*decoded);
  return true;
}

// A JSON string literal of 's': control characters escaped, bytes that are not UTF-8 replaced
// by U+FFFD, so every log line is valid JSON whatever a client sent.
std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\u{:04x}", c);
          } else {
            out.push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len != 0 && i + len <= s.size() && c >= 0xC2 && c <= 0xF4;
    for (std::size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\\ufffd";
      ++i;
    }
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::string utc_timestamp() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto day = floor<days>(now);
  year_month_day ymd{day};
  hh_mm_ss hms{floor<milliseconds>(now - day)};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                     hms.subseconds().count());
}

namespace {

// A logged path is cut after this many bytes (a client may send 8 KiB of path).
constexpr std::size_t k_max_logged_path_bytes = 256;

// What the log keeps of a client's address: its network (IPv4 /24, IPv6 /48), "10.1.2.0/24".
// An address identifies a person (GDPR); the network still tells one source of load from many.
std::string client_network(const asio::ip::address& address) {
  if (address.is_v4()) {
    auto bytes = address.to_v4().to_bytes();
    bytes[3] = 0;
    return asio::ip::make_address_v4(bytes).to_string() + "/24";
  }
  auto v6 = address.to_v6();
  if (v6.is_v4_mapped()) {
    return client_network(asio::ip::make_address_v4(asio::ip::v4_mapped, v6));
  }
  auto bytes = v6.to_bytes();
  std::fill(bytes.begin() + 6, bytes.end(), static_cast<unsigned char>(0));
  return asio::ip::make_address_v6(bytes).to_string() + "/48";
}

// A short plain-text answer the server gives by itself (parse errors, 431, 500), with the
// headers every response of ccteam carries: nothing in it may run or be framed.
Response plain_response(int status, std::string_view text) {
  Response response;
  response.status = status;
  response.set("Content-Type", "text/plain; charset=utf-8");
  response.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Cache-Control", "no-store");
  response.body = fmt::format("{}\n", text);
  return response;
}

// The Date header's value: "Sat, 05 Dec 2026 03:45:56 GMT".
std::string http_date() {
  using namespace std::chrono;
  static constexpr std::array<std::string_view, 7> k_days{"Sun", "Mon", "Tue", "Wed",
                                                          "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> k_months{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto now = system_clock::now();
  auto day = floor<days>(now);
  year_month_day ymd{day};
  weekday wd{day};
  hh_mm_ss hms{floor<seconds>(now - day)};
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", k_days[wd.c_encoding()],
                     static_cast<unsigned>(ymd.day()),
                     k_months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

std::string_view reason_phrase(int status) {
  auto known = http::int_to_status(static_cast<unsigned>(status));
  if (known == http::status::unknown) return "";
  auto reason = http::obsolete_reason(known);
  return {reason.data(), reason.size()};
}

// ---- the request parser

// Why a parse failed, when the answer depends on more than Beast's error code.
enum class ParseFailure { none, too_many_fields, bad_value, chunk_extension };

// Beast's parser with our limits: counts fields, refuses CR/LF/NUL in values, keeps the body
// within the route's limit and chunk extensions within theirs; builds a Request directly.
class RequestParser final : public http::basic_parser<true> {
 public:
  RequestParser(const ServerLimits& limits, Request& request)
      : m_limits(limits), m_request(request) {
    header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(limits.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    // The route's limit is known only after the header; until then no limit, so that a
    // Content-Length is compared with the route's limit by the session, not with Beast's default.
    body_limit(std::numeric_limits<std::uint64_t>::max());
  }

  void set_route_body_limit(std::size_t limit) {
    m_body_limit = limit;
    body_limit(limit);
  }

  ParseFailure failure() const { return m_failure; }
  int version() const { return m_version; }

 private:
  void on_request_impl(http::verb, beast::string_view method, beast::string_view target,
                       int version, beast::error_code&) override {
    m_request.method.assign(method.data(), method.size());
    m_request.target.assign(target.data(), target.size());
    m_version = version;
  }

  void on_response_impl(int, beast::string_view, int, beast::error_code& ec) override {
    ec = http::error::bad_version;  // never called for requests
  }

  void on_field_impl(http::field, beast::string_view name, beast::string_view value,
                     beast::error_code& ec) override {
    if (++m_fields > m_limits.max_header_fields) {
      m_failure = ParseFailure::too_many_fields;
      ec = http::error::header_limit;
      return;
    }
    if (has_forbidden_char({value.data(), value.size()})) {
      m_failure = ParseFailure::bad_value;
      ec = http::error::bad_value;
      return;
    }
    if (m_in_trailer) return;  // trailer fields are counted, not passed on
    Header header;
    header.name.resize(name.size());
    std::transform(name.begin(), name.end(), header.name.begin(), lower_ascii);
    header.value.assign(value.data(), value.size());
    m_request.headers.push_back(std::move(header));
  }

  void on_header_impl(beast::error_code&) override { m_in_trailer = true; }

  void on_body_init_impl(const boost::optional<std::uint64_t>& length,
                         beast::error_code& ec) override {
    if (!length) return;
    if (*length > m_body_limit) {
      ec = http::error::body_limit;
      return;
    }
    m_request.body.reserve(static_cast<std::size_t>(*length));
  }

  std::size_t on_body_impl(beast::string_view body, beast::error_code& ec) override {
    return append(body, ec);
  }

  void on_chunk_header_impl(std::uint64_t, beast::string_view extensions,
                            beast::error_code& ec) override {
    if (extensions.size() > m_limits.max_chunk_extension_bytes) {
      m_failure = ParseFailure::chunk_extension;
      ec = http::error::bad_chunk_extension;
    }
  }

  std::size_t on_chunk_body_impl(std::uint64_t, beast::string_view body,
                                 beast::error_code& ec) override {
    return append(body, ec);
  }

  void on_finish_impl(beast::error_code&) override {}

  std::size_t append(beast::string_view body, beast::error_code& ec) {
    if (body.size() > m_body_limit - std::min(m_body_limit, m_request.body.size())) {
      ec = http::error::body_limit;
      return 0;
    }
    m_request.body.append(body.data(), body.size());
    return body.size();
  }

  const ServerLimits& m_limits;
  Request& m_request;
  std::size_t m_fields = 0;
  std::size_t m_body_limit = 0;
  bool m_in_trailer = false;
  int m_version = 11;
  ParseFailure m_failure = ParseFailure::none;
};

class Session;

// ---- the server (HttpServer::Impl is this, under the name the header declares)

struct Server {
  Server(std::string listen_address, std::uint16_t listen_port, ServerLimits server_limits,
         Routes route_table, LogSink log_function)
      : address(std::move(listen_address)),
        requested_port(listen_port),
        limits(server_limits),
        routes(std::move(route_table)),
        log_sink(std::move(log_function)) {
    if (limits.threads == 0) {
      limits.threads = std::max(2U, std::thread::hardware_concurrency());
    }
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    rng.seed(seed);
  }

  std::string address;
  std::uint16_t requested_port;
  ServerLimits limits;
  Routes routes;
  LogSink log_sink;
  std::mutex log_mutex;

  asio::io_context io{1};
  Tcp::acceptor acceptor{io};
  asio::steady_timer drain_timer{io};
  asio::steady_timer accept_retry_timer{io};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::optional<asio::thread_pool> workers;
  std::thread io_thread;
  std::mutex wait_mutex;
  std::atomic<std::uint16_t> bound_port{0};
  std::atomic<bool> started{false};
  std::string listen_name;

  // I/O thread only:
  std::unordered_map<Session*, std::shared_ptr<Session>> sessions;
  std::size_t in_flight = 0;
  bool stopping = false;
  bool stopped = false;
  std::mt19937_64 rng;
  std::size_t refused_connections = 0;
  Clock::time_point last_cap_log{};
  std::size_t refused_requests = 0;
  Clock::time_point last_request_cap_log{};
  Clock::time_point last_accept_log{};

  void log(const std::string& line) {
    if (!log_sink) return;
    std::lock_guard lock(log_mutex);
    log_sink(line);
  }

  void log_event(std::string_view level, std::string_view event, const std::string& fields = {}) {
    log(fmt::format(R"({{"time":"{}","level":"{}","event":"{}"{}}})", utc_timestamp(), level, event,
                    fields));
  }

  std::string make_request_id() { return fmt::format("{:016x}{:016x}", rng(), rng()); }

  Result<void> start();
  void accept();
  void on_accept(const beast::error_code& ec, Tcp::socket socket);
  void refuse(Tcp::socket& socket);
  void begin_stop();
  void remove(Session* session);
  void finish_stop();
  void stop();
  void wait();
};

// One connection: reads requests one after the other, hands each to a worker, writes the
// answer. Owned by Server::sessions until close().
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server& server, Tcp::socket socket, std::string client, std::string client_network)
      : m_server(server),
        m_stream(std::move(socket)),
        m_buffer(
            std::max(server.limits.max_header_bytes, server.limits.max_chunk_extension_bytes + 64) +
            512),
        m_client(std::move(client)),
        m_client_network(std::move(client_network)) {}

  void start() {
    m_stream.expires_after(Millis(m_server.limits.header_timeout_ms));
    begin_request();
  }

  // Called once when the server stops.
  void on_server_stop() {
    if (m_phase == Phase::idle || m_phase == Phase::header) close();
    m_keep_alive = false;
  }

  void close() {
    if (m_phase == Phase::closed) return;
    m_phase = Phase::closed;
    beast::error_code ec;
    m_stream.socket().shutdown(Tcp::socket::shutdown_both, ec);
    m_stream.close();
    m_server.remove(this);  // may drop the last owner; callers hold a shared_ptr
  }

 private:
  enum class Phase { idle, header, body, handling, writing, lingering, closed };

  // Waits for the first byte of the next request on a kept-alive connection.
  void wait_idle() {
    if (m_buffer.size() > 0) {
      m_stream.expires_after(Millis(m_server.limits.header_timeout_ms));
      begin_request();
      return;
    }
    m_phase = Phase::idle;
    m_stream.expires_after(Millis(m_server.limits.keep_alive_idle_ms));
    auto space = std::min<std::size_t>(m_buffer.max_size(), 4096);
    m_stream.async_read_some(
        m_buffer.prepare(space), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
          if (self->m_phase == Phase::closed) return;
          if (ec) {
            self->close();
            return;
          }
          self->m_buffer.commit(n);
          self->m_stream.expires_after(Millis(self->m_server.limits.header_timeout_ms));
          self->begin_request();
        });
  }

  void begin_request() {
    m_phase = Phase::header;
    m_started = Clock::now();
    m_request = Request{};
    m_request_id = m_server.make_request_id();
    m_request.request_id = m_request_id;
    m_request.client_address = m_client;
    m_parser.emplace(m_server.limits, m_request);
    http::async_read_header(
        m_stream, m_buffer, *m_parser,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  // True when 'ec' says the request was malformed (answered), false when the connection just
  // ended or timed out (closed without an answer).
  static bool is_protocol_error(const beast::error_code& ec) {
    if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
        ec == http::error::need_more) {
      return false;
    }
    return ec.category() == beast::error_code(http::error::bad_method).category();
  }

  void fail_parse(const beast::error_code& ec, bool in_header) {
    if (!is_protocol_error(ec)) {
      close();
      return;
    }
    auto failure = m_parser ? m_parser->failure() : ParseFailure::none;
    if (ec == http::error::body_limit) {
      answer_too_large(m_body_limit_seen);
    } else if (failure == ParseFailure::too_many_fields ||
               (in_header &&
                (ec == http::error::header_limit || ec == http::error::buffer_overflow))) {
      answer_error(431, "Request Header Fields Too Large");
    } else {
      answer_error(400, "Bad Request");
    }
  }

  void on_header(const beast::error_code& ec) {
    if (m_phase == Phase::closed) return;
    if (ec) {
      fail_parse(ec, true);
      return;
    }
    if (!split_target(m_request.target, m_request.path, m_request.query)) {
      answer_error(400, "Bad Request");
      return;
    }
    // A Transfer-Encoding that does not end in chunked leaves the body's length unknown: a
    // server must refuse it (RFC 9112, 6.3), else the body would be read as the next request.
    if (m_request.header("transfer-encoding") &&
        (!m_parser->chunked() || m_parser->version() < 11)) {
      answer_error(400, "Bad Request");
      return;
    }
    m_keep_alive = m_parser->keep_alive() && !m_server.stopping;
    m_head = m_request.method == "HEAD";
    std::size_t limit = 0;
    try {
      limit = m_server.routes.body_limit
                  ? m_server.routes.body_limit(m_request.method, m_request.path)
                  : 0;
    } catch (...) {
      limit = 0;
    }
    auto length = m_parser->content_length();
    if (length && *length > limit) {
      answer_too_large(limit);
      return;
    }
    m_parser->set_route_body_limit(limit);
    m_body_limit_seen = limit;
    if (m_parser->is_done()) {
      dispatch();
      return;
    }
    m_phase = Phase::body;
    m_stream.expires_after(Millis(m_server.limits.body_timeout_ms));
    const auto* expect = m_request.header("expect");
    if (expect && iequals(*expect, "100-continue") && m_parser->version() >= 11) {
      m_out = "HTTP/1.1 100 Continue\r\n\r\n";
      asio::async_write(m_stream, asio::buffer(m_out),
                        [self = shared_from_this()](beast::error_code wec, std::size_t) {
                          if (self->m_phase == Phase::closed) return;
                          if (wec) {
                            self->close();
                            return;
                          }
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    http::async_read(m_stream, m_buffer, *m_parser,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (self->m_phase == Phase::closed) return;
                       if (ec) {
                         self->fail_parse(ec, false);
                         return;
                       }
                       self->dispatch();
                     });
  }

  void dispatch() {
    m_phase = Phase::handling;
    m_stream.expires_never();
    if (m_server.stopping) m_keep_alive = false;
    if (m_server.in_flight >= m_server.limits.max_requests_in_flight) {
      ++m_server.refused_requests;
      auto now = Clock::now();
      if (now - m_server.last_request_cap_log >= k_cap_log_interval) {
        m_server.log_event(
            "warn", "request_cap_reached",
            fmt::format(R"(,"limit":{},"refused":{})", m_server.limits.max_requests_in_flight,
                        m_server.refused_requests));
        m_server.refused_requests = 0;
        m_server.last_request_cap_log = now;
      }
      Response busy = plain_response(503, "Service Unavailable");
      busy.set("Retry-After", "1");
      m_keep_alive = false;
      respond(std::move(busy), false);
      return;
    }
    ++m_server.in_flight;
    m_method = m_request.method;
    m_path = m_request.path;
    asio::post(*m_server.workers, [self = shared_from_this(), request = std::move(m_request)]() {
      Response response;
      bool failed = false;
      try {
        response = self->m_server.routes.handle(request);
      } catch (const std::exception& e) {
        failed = true;
        self->m_server.log_event(
            "error", "handler_failed",
            fmt::format(R"(,"request_id":{},"what":{})", json_string(request.request_id),
                        json_string(e.what())));
      } catch (...) {
        failed = true;
        self->m_server.log_event(
            "error", "handler_failed",
            fmt::format(R"(,"request_id":{})", json_string(request.request_id)));
      }
      if (failed) response = plain_response(500, "Internal Server Error");
      asio::post(self->m_server.io, [self, response = std::move(response)]() mutable {
        --self->m_server.in_flight;
        if (self->m_phase == Phase::closed) return;
        self->respond(std::move(response), false);
      });
    });
  }

  // Answers a request the server refuses by itself, then closes the connection.
  // 413 as the routes word it for the client (an HTML page in the page's language, a problem
  // under /api/), else plain text.
  void answer_too_large(std::size_t limit) {
    if (!m_server.routes.too_large) {
      answer_error(413, "Payload Too Large");
      return;
    }
    Response response;
    try {
      response = m_server.routes.too_large(m_request, limit);
    } catch (...) {
      answer_error(413, "Payload Too Large");
      return;
    }
    m_keep_alive = false;
    m_method = m_request.method;
    m_path = m_request.path;
    respond(std::move(response), true);
  }

  void answer_error(int status, std::string_view text) {
    m_keep_alive = false;
    m_method = m_request.method;
    m_path = m_request.path;
    respond(plain_response(status, text), true);
  }

  void respond(Response response, bool linger) {
    if (m_method.empty() && !m_request.method.empty()) {
      m_method = m_request.method;
      m_path = m_request.path;
    }
    if (response.status < 200 || response.status > 599) {
      m_server.log_event("error", "handler_failed",
                         fmt::format(R"(,"request_id":{},"what":"status {} is not a final status")",
                                     json_string(m_request_id), response.status));
      response = plain_response(500, "Internal Server Error");
    }
    m_status = response.status;
    bool no_body = m_head || response.status == 204 || response.status == 304;
    bool no_length = response.status == 204;
    m_body_bytes = no_body ? 0 : response.body.size();

    std::string out;
    out.reserve(256 + response.body.size());
    out += fmt::format("HTTP/1.1 {} {}\r\n", response.status, reason_phrase(response.status));
    for (const auto& h : response.headers) {
      if (!is_token(h.name) || has_forbidden_char(h.value)) {
        m_server.log_event("warn", "response_header_dropped",
                           fmt::format(R"(,"request_id":{},"header":{})", json_string(m_request_id),
                                       json_string(h.name)));
        continue;
      }
      if (iequals(h.name, "content-length") || iequals(h.name, "transfer-encoding") ||
          iequals(h.name, "x-request-id") || iequals(h.name, "date")) {
        continue;
      }
      if (iequals(h.name, "connection")) {
        if (iequals(h.value, "close")) m_keep_alive = false;
        continue;
      }
      out += h.name;
      out += ": ";
      out += h.value;
      out += "\r\n";
    }
    out += "Date: " + http_date() + "\r\n";
    out += "X-Request-Id: " + m_request_id + "\r\n";
    if (!no_length) out += fmt::format("Content-Length: {}\r\n", response.body.size());
    if (!m_keep_alive) {
      out += "Connection: close\r\n";
    } else if (m_parser && m_parser->version() < 11) {
      out += "Connection: keep-alive\r\n";
    }
    out += "\r\n";
    if (!no_body) out += response.body;
    m_out = std::move(out);

    m_phase = Phase::writing;
    m_stream.expires_after(Millis(m_server.limits.write_timeout_ms));
    asio::async_write(m_stream, asio::buffer(m_out),
                      [self = shared_from_this(), linger](beast::error_code ec, std::size_t) {
                        self->on_written(ec, linger);
                      });
  }

  void on_written(const beast::error_code& ec, bool linger) {
    log_access();
    m_out.clear();
    m_out.shrink_to_fit();
    if (m_phase == Phase::closed) return;
    if (ec) {
      close();
      return;
    }
    if (linger) {
      start_linger();
      return;
    }
    if (m_keep_alive && !m_server.stopping) {
      m_parser.reset();
      m_request = Request{};
      m_method.clear();
      m_path.clear();
      wait_idle();
      return;
    }
    // A clean end: our FIN first, then drop what the client may still send.
    start_linger();
  }

  // Sends FIN and reads (and drops) what the client still sends, for a short while, so that
  // the answer is not lost to a reset when unread request bytes are left.
  void start_linger() {
    m_phase = Phase::lingering;
    m_parser.reset();
    beast::error_code ignored;
    m_stream.socket().shutdown(Tcp::socket::shutdown_send, ignored);
    m_stream.expires_after(k_linger_time);
    m_buffer.consume(m_buffer.size());
    m_lingered = 0;
    linger_read();
  }

  void linger_read() {
    auto space = std::min<std::size_t>(m_buffer.max_size(), 4096);
    m_stream.async_read_some(m_buffer.prepare(space),
                             [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                               if (self->m_phase == Phase::closed) return;
                               self->m_lingered += n;
                               if (ec || self->m_lingered > k_linger_bytes) {
                                 self->close();
                                 return;
                               }
                               self->linger_read();
                             });
  }

  void log_access() {
    auto ms = std::chrono::duration<double, std::milli>(Clock::now() - m_started).count();
    m_server.log(fmt::format(
        R"({{"time":"{}","level":"info","request_id":{},"method":{},"path":{},"status":{},"bytes":{},"duration_ms":{:.3f},"client":{}}})",
        utc_timestamp(), json_string(m_request_id), json_string(m_method),
        json_string(std::string_view(
                        m_server.routes.logged_path ? m_server.routes.logged_path(m_path) : m_path)
                        .substr(0, k_max_logged_path_bytes)),
        m_status, m_body_bytes, ms, json_string(m_client_network)));
  }

  Server& m_server;
  beast::tcp_stream m_stream;
  beast::flat_buffer m_buffer;
  std::string m_client;
  std::string m_client_network;  // what the log shows of the client: its network, not its address
  std::optional<RequestParser> m_parser;
  Request m_request;
  std::string m_request_id;
  std::string m_method;  // of the current request, for the access log
  std::string m_path;
  std::string m_out;
  Phase m_phase = Phase::header;
  Clock::time_point m_started;
  bool m_keep_alive = false;
  std::size_t m_body_limit_seen = 0;  // the route's body limit of the request being read
  bool m_head = false;
  int m_status = 0;
  std::size_t m_body_bytes = 0;
  std::size_t m_lingered = 0;
};

constexpr std::string_view k_busy_response =
    "HTTP/1.1 503 Service Unavailable\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Content-Length: 20\r\n"
    "Retry-After: 1\r\n"
    "Connection: close\r\n"
    "\r\n"
    "Service Unavailable\n";

}  // namespace

struct HttpServer::Impl : Server {
  using Server::Server;
};

Result<void> Server::start() {
  listen_name = fmt::format("{}:{}", address, requested_port);
  if (started.exchange(true)) {
    return fail(ErrorKind::io, msg(MsgId::server_already_started, listen_name));
  }
  auto fail_listen = [&](const std::string& reason) -> Result<void> {
    started = false;
    beast::error_code ignored;
    acceptor.close(ignored);
    return fail(ErrorKind::io, msg(MsgId::server_cannot_listen, listen_name, reason));
  };
  beast::error_code ec;
  Tcp::endpoint endpoint;
  auto ip = asio::ip::make_address(address, ec);
  if (!ec) {
    endpoint = Tcp::endpoint(ip, requested_port);
  } else {
    Tcp::resolver resolver(io);
    auto results =
        resolver.resolve(address, std::to_string(requested_port), Tcp::resolver::passive, ec);
    if (ec || results.empty()) return fail_listen(ec ? ec.message() : "no address");
    endpoint = results.begin()->endpoint();
  }
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return fail_listen(ec.message());
  acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (ec) return fail_listen(ec.message());
  acceptor.bind(endpoint, ec);
  if (ec) return fail_listen(ec.message());
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return fail_listen(ec.message());
  auto local = acceptor.local_endpoint(ec);
  if (ec) return fail_listen(ec.message());
  bound_port = local.port();
  auto host = local.address().to_string();
  listen_name = local.address().is_v6() ? fmt::format("[{}]:{}", host, local.port())
                                        : fmt::format("{}:{}", host, local.port());

  work.emplace(io.get_executor());
  workers.emplace(limits.threads);
  accept();
  log_event("info", "started",
            fmt::format(R"(,"address":{},"threads":{},"max_connections":{})",
                        json_string(listen_name), limits.threads, limits.max_connections));
  io_thread = std::thread([this] {
    for (;;) {
      try {
        io.run();
        return;
      } catch (const std::exception& e) {
        log_event("error", "io_failed", fmt::format(R"(,"what":{})", json_string(e.what())));
      }
    }
  });
  return {};
}

void Server::accept() {
  acceptor.async_accept(
      [this](beast::error_code ec, Tcp::socket socket) { on_accept(ec, std::move(socket)); });
}

void Server::on_accept(const beast::error_code& ec, Tcp::socket socket) {
  if (ec == asio::error::operation_aborted || stopping) return;
  if (ec) {
    // Out of descriptors or a similar state: log (rate-limited) and try again shortly.
    auto now = Clock::now();
    if (now - last_accept_log >= k_cap_log_interval) {
      log_event("error", "accept_failed", fmt::format(R"(,"what":{})", json_string(ec.message())));
      last_accept_log = now;
    }
    accept_retry_timer.expires_after(k_accept_retry);
    accept_retry_timer.async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec && !stopping) accept();
    });
    return;
  }
  if (sessions.size() >= limits.max_connections) {
    refuse(socket);
  } else {
    beast::error_code ep_ec;
    auto peer = socket.remote_endpoint(ep_ec);
    std::string client = ep_ec ? std::string() : peer.address().to_string();
    std::string network = ep_ec ? std::string() : client_network(peer.address());
    auto session =
        std::make_shared<Session>(*this, std::move(socket), std::move(client), std::move(network));
    sessions.emplace(session.get(), session);
    session->start();
  }
  accept();
}

void Server::refuse(Tcp::socket& socket) {
  beast::error_code ec;
  socket.non_blocking(true, ec);
  socket.write_some(asio::buffer(k_busy_response.data(), k_busy_response.size()), ec);
  socket.shutdown(Tcp::socket::shutdown_send, ec);
  socket.close(ec);
  ++refused_connections;
  auto now = Clock::now();
  if (now - last_cap_log >= k_cap_log_interval) {
    log_event(
        "warn", "connection_cap_reached",
        fmt::format(R"(,"limit":{},"refused":{})", limits.max_connections, refused_connections));
    refused_connections = 0;
    last_cap_log = now;
  }
}

void Server::remove(Session* session) {
  auto it = sessions.find(session);
  if (it == sessions.end()) return;
  auto keep = std::move(it->second);  // destroyed after the erase, outside the map
  sessions.erase(it);
  if (stopping && sessions.empty()) finish_stop();
}

void Server::begin_stop() {
  if (stopping) return;
  stopping = true;
  log_event("info", "stopping",
            fmt::format(R"(,"address":{},"open_connections":{},"in_flight":{})",
                        json_string(listen_name), sessions.size(), in_flight));
  beast::error_code ignored;
  acceptor.close(ignored);
  accept_retry_timer.cancel();
  std::vector<std::shared_ptr<Session>> open;
  open.reserve(sessions.size());
  for (auto& [ptr, session] : sessions) open.push_back(session);
  for (auto& session : open) session->on_server_stop();
  if (sessions.empty()) {
    finish_stop();
    return;
  }
  drain_timer.expires_after(Millis(limits.drain_timeout_ms));
  drain_timer.async_wait([this](beast::error_code ec) {
    if (ec || stopped) return;
    std::vector<std::shared_ptr<Session>> left;
    for (auto& [ptr, session] : sessions) left.push_back(session);
    log_event("warn", "drain_timeout", fmt::format(R"(,"closed":{})", left.size()));
    for (auto& session : left) session->close();
    finish_stop();
  });
}

void Server::finish_stop() {
  if (stopped) return;
  stopped = true;
  drain_timer.cancel();
  log_event("info", "stopped", fmt::format(R"(,"address":{})", json_string(listen_name)));
  work.reset();
}

void Server::stop() {
  if (!started) return;
  asio::post(io, [this] { begin_stop(); });
}

void Server::wait() {
  std::lock_guard lock(wait_mutex);
  if (io_thread.joinable()) io_thread.join();
  if (workers) workers->join();
}

HttpServer::HttpServer(std::string address, std::uint16_t port, ServerLimits limits, Routes routes,
                       LogSink log)
    : m_impl(std::make_unique<Impl>(std::move(address), port, limits, std::move(routes),
                                    std::move(log))) {}

HttpServer::~HttpServer() {
  stop();
  wait();
}

Result<void> HttpServer::start() { return m_impl->start(); }

std::uint16_t HttpServer::port() const { return m_impl->bound_port; }

void HttpServer::stop() { m_impl->stop(); }

void HttpServer::wait() { m_impl->wait(); }

void run_until_signal(HttpServer& server) {
  asio::io_context io{1};
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&server](const beast::error_code& ec, int) {
    if (!ec) server.stop();
  });
  std::thread signal_thread([&io] { io.run(); });
  server.wait();
  asio::post(io, [&signals] {
    beast::error_code ignored;
    signals.cancel(ignored);
  });
  signal_thread.join();
}

}  // namespace ccteam::server
