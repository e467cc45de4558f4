// The HTTP adapter over real sockets: an HttpServer on 127.0.0.1 with a small route table, and
// requests written byte for byte, so that malformed and hostile input can be sent too.

#include "server/http/http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace ccteam::server {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

Routes test_routes() {
  Routes routes;
  routes.handle = [](const Request& request) {
    Response response;
    response.set("Content-Type", "text/plain");
    if (request.path == "/") {
      response.body = "hello";
    } else if (request.path == "/echo") {
      response.body = request.body;
    } else if (request.path == "/path") {
      response.body = request.path + "|" + request.query;
    } else if (request.path == "/header") {
      const auto* value = request.header("x-test");
      response.body = value ? *value : "-";
    } else if (request.path == "/badheader") {
      response.set("X-Evil", "a\r\nInjected: 1");
      response.set("X-Good", "fine");
      response.body = "ok";
    } else if (request.path == "/slow") {
      std::this_thread::sleep_for(500ms);
      response.body = "slow";
    } else if (request.path == "/slower") {
      std::this_thread::sleep_for(2s);
      response.body = "slower";
    } else {
      response.status = 404;
      response.body = "not found";
    }
    return response;
  };
  routes.body_limit = [](std::string_view, std::string_view path) -> std::size_t {
    return path == "/echo" ? 1000 : 0;
  };
  return routes;
}

// A connected client socket, closed at the end of scope.
class Client {
 public:
  explicit Client(std::uint16_t port) {
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }
  ~Client() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool ok() const { return m_fd >= 0; }

  // Sends all of 'data'; false when the peer closed.
  bool send(std::string_view data) {
    while (!data.empty()) {
      auto n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads what arrives within 'timeout'; stops at end of stream, or when 'complete' says a
  // whole response is in. Sets closed() when the server closed the connection.
  std::string receive(std::chrono::milliseconds timeout, bool one_response = true) {
    std::string data;
    auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      if (one_response && complete(data)) break;
      pollfd p{m_fd, POLLIN, 0};
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (::poll(&p, 1, static_cast<int>(std::max<long>(left.count(), 1))) <= 0) continue;
      char buf[65536];
      auto n = ::recv(m_fd, buf, sizeof buf, 0);
      if (n <= 0) {
        m_closed = true;
        break;
      }
      data.append(buf, static_cast<std::size_t>(n));
    }
    return data;
  }

  bool closed() const { return m_closed; }

 private:
  static bool complete(const std::string& data) {
    auto end = data.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    auto head = data.substr(0, end);
    auto cl = head.find("Content-Length: ");
    if (cl == std::string::npos) return true;
    auto length = std::stoul(head.substr(cl + 16));
    return data.size() >= end + 4 + length;
  }

  int m_fd = -1;
  bool m_closed = false;
};

int status_of(const std::string& response) {
  if (response.size() < 12 || response.compare(0, 9, "HTTP/1.1 ") != 0) return 0;
  return std::stoi(response.substr(9, 3));
}

std::string body_of(const std::string& response) {
  auto end = response.find("\r\n\r\n");
  return end == std::string::npos ? std::string() : response.substr(end + 4);
}

class HttpServerTest : public ::testing::Test {
 protected:
  void start(ServerLimits limits = small_limits()) {
    m_server = std::make_unique<HttpServer>("127.0.0.1", 0, limits, test_routes(),
                                            [this](std::string_view line) {
                                              std::lock_guard lock(m_log_mutex);
                                              m_log.emplace_back(line);
                                            });
    auto started = m_server->start();
    ASSERT_TRUE(started) << started.error().message.args.size();
    ASSERT_NE(m_server->port(), 0);
  }

  static ServerLimits small_limits() {
    ServerLimits limits;
    limits.threads = 2;
    limits.header_timeout_ms = 2000;
    limits.drain_timeout_ms = 3000;
    return limits;
  }

  std::string request(std::string_view text) {
    Client client(m_server->port());
    EXPECT_TRUE(client.ok());
    client.send(text);
    return client.receive(3s);
  }

  std::vector<std::string> log_lines() {
    std::lock_guard lock(m_log_mutex);
    return m_log;
  }

  void TearDown() override {
    if (m_server) {
      m_server->stop();
      m_server->wait();
    }
  }

  std::unique_ptr<HttpServer> m_server;
  std::mutex m_log_mutex;
  std::vector<std::string> m_log;
};

TEST_F(HttpServerTest, GetIsAnsweredWithBodyAndRequestId) {
  start();
  auto response = request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(response), 200) << response;
  EXPECT_EQ(body_of(response), "hello");
  EXPECT_NE(response.find("Content-Length: 5\r\n"), std::string::npos);
  auto id = response.find("X-Request-Id: ");
  ASSERT_NE(id, std::string::npos);
  auto id_end = response.find("\r\n", id);
  EXPECT_GE(id_end - id - 14, 16U);
  // The access log names the request without its query.
  m_server->stop();
  m_server->wait();
  bool logged = false;
  for (const auto& line : log_lines()) {
    if (line.find(R"("status":200)") != std::string::npos &&
        line.find(R"("path":"/")") != std::string::npos &&
        line.find(R"("request_id":")") != std::string::npos) {
      logged = true;
    }
  }
  EXPECT_TRUE(logged);
}

TEST_F(HttpServerTest, HeadHasHeadersButNoBody) {
  start();
  Client client(m_server->port());
  client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
  auto response = client.receive(1s, false);  // everything that comes within a second
  EXPECT_EQ(status_of(response), 200);
  EXPECT_NE(response.find("Content-Length: 5\r\n"), std::string::npos);
  EXPECT_EQ(body_of(response), "");
}

TEST_F(HttpServerTest, HandlerStatusPassesThrough) {
  start();
  auto response = request("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(response), 404);
  EXPECT_EQ(body_of(response), "not found");
}

TEST_F(HttpServerTest, PathIsDecodedQueryIsNot) {
  start();
  auto response = request("GET /p%61th?a=%41 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(body_of(response), "/path|a=%41");
  EXPECT_EQ(status_of(request("GET /p%zzth HTTP/1.1\r\nHost: x\r\n\r\n")), 400);
  EXPECT_EQ(status_of(request("GET /p%00th HTTP/1.1\r\nHost: x\r\n\r\n")), 400);
  EXPECT_EQ(status_of(request("GET /p% HTTP/1.1\r\nHost: x\r\n\r\n")), 400);
}

TEST_F(HttpServerTest, HeaderNamesAreLowerCase) {
  start();
  auto response = request("GET /header HTTP/1.1\r\nHost: x\r\nX-Test: value\r\n\r\n");
  EXPECT_EQ(body_of(response), "value");
}

TEST_F(HttpServerTest, ControlCharactersInHeaderValuesAre400) {
  start();
  std::string with_nul = "GET / HTTP/1.1\r\nHost: x\r\nX-Test: a";
  with_nul.push_back('\0');
  with_nul += "b\r\n\r\n";
  EXPECT_EQ(status_of(request(with_nul)), 400);
  EXPECT_EQ(status_of(request("GET / HTTP/1.1\r\nHost: x\r\nX-Test: a\rb\r\n\r\n")), 400);
  EXPECT_EQ(status_of(request("garbage\r\n\r\n")), 400);
  // Bodies of unknown length, and conflicting lengths.
  EXPECT_EQ(status_of(request("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")),
            400);
  EXPECT_EQ(status_of(request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")),
            400);
  EXPECT_EQ(status_of(request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                              "Content-Length: 4\r\n\r\nabcd")),
            400);
}

TEST_F(HttpServerTest, HeaderTooLargeIs431) {
  start();
  auto response =
      request("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10'000, 'a') + "\r\n\r\n");
  EXPECT_EQ(status_of(response), 431) << response.substr(0, 100);
}

TEST_F(HttpServerTest, TooManyFieldsIs431) {
  start();
  std::string text = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 101; ++i) text += "X-F" + std::to_string(i) + ": 1\r\n";
  text += "\r\n";
  ASSERT_LT(text.size(), 8000U);
  EXPECT_EQ(status_of(request(text)), 431);
}

TEST_F(HttpServerTest, BodyWithinTheRouteLimitIsPassedOn) {
  start();
  auto response = request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde");
  EXPECT_EQ(body_of(response), "abcde");
  response = request(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n");
  EXPECT_EQ(body_of(response), "abcde");
}

TEST_F(HttpServerTest, BodyOverTheRouteLimitIs413) {
  start();
  auto response = request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n");
  EXPECT_EQ(status_of(response), 413);
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  response = request("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na");
  EXPECT_EQ(status_of(response), 413);

  Client client(m_server->port());
  client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  std::string chunk = "200\r\n" + std::string(512, 'x') + "\r\n";
  client.send(chunk);
  client.send(chunk);  // 1024 bytes > 1000
  response = client.receive(3s);
  EXPECT_EQ(status_of(response), 413);
}

TEST_F(HttpServerTest, LongChunkExtensionIsCutOff) {
  start();
  auto response = request(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3;x=" +
      std::string(2000, 'a') + "\r\nabc\r\n0\r\n\r\n");
  EXPECT_EQ(status_of(response), 400);
  // Far longer than the read buffer: cut off too, without reading all of it.
  Client client(m_server->port());
  client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;x=");
  std::string part(64 * 1024, 'a');
  for (int i = 0; i < 4 && client.send(part); ++i) {
  }
  response = client.receive(3s, false);
  EXPECT_TRUE(status_of(response) == 400 || status_of(response) == 431) << response;
  EXPECT_TRUE(client.closed());
}

TEST_F(HttpServerTest, ControlCharactersInResponseHeadersAreNotWritten) {
  start();
  auto response = request("GET /badheader HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(response), 200);
  EXPECT_EQ(response.find("Injected"), std::string::npos);
  EXPECT_EQ(response.find("X-Evil"), std::string::npos);
  EXPECT_NE(response.find("X-Good: fine\r\n"), std::string::npos);
}

TEST_F(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  start();
  Client client(m_server->port());
  client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  auto first = client.receive(3s);
  client.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n");
  auto second = client.receive(3s);
  EXPECT_EQ(status_of(first), 200);
  EXPECT_EQ(status_of(second), 404);
  EXPECT_FALSE(client.closed());
  // Connection: close is honoured.
  client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto third = client.receive(3s, false);
  EXPECT_EQ(status_of(third), 200);
  EXPECT_NE(third.find("Connection: close"), std::string::npos);
  EXPECT_TRUE(client.closed());
}

TEST_F(HttpServerTest, Http10ClosesUnlessAskedToKeepAlive) {
  start();
  Client client(m_server->port());
  client.send("GET / HTTP/1.0\r\n\r\n");
  auto response = client.receive(3s, false);
  EXPECT_EQ(status_of(response), 200);
  EXPECT_TRUE(client.closed());
  Client keep(m_server->port());
  keep.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  response = keep.receive(3s);
  EXPECT_NE(response.find("Connection: keep-alive"), std::string::npos);
  keep.send("GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(status_of(keep.receive(3s)), 200);
}

TEST_F(HttpServerTest, ConnectionsBeyondTheCapGet503AtOnce) {
  auto limits = small_limits();
  limits.max_connections = 4;
  start(limits);
  std::vector<std::unique_ptr<Client>> idle;
  for (int i = 0; i < 4; ++i) idle.push_back(std::make_unique<Client>(m_server->port()));
  std::this_thread::sleep_for(100ms);  // let the server accept them
  auto before = Clock::now();
  Client fifth(m_server->port());
  auto response = fifth.receive(2s, false);
  auto took = Clock::now() - before;
  EXPECT_EQ(status_of(response), 503);
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  EXPECT_TRUE(fifth.closed());
  EXPECT_LT(took, 1s);
  // One idle connection gone: a new one is served again.
  idle.pop_back();
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(status_of(request("GET / HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
}

TEST_F(HttpServerTest, SlowHeaderIsCutOffAtTheHeaderTimeout) {
  auto limits = small_limits();
  limits.header_timeout_ms = 300;
  start(limits);
  Client client(m_server->port());
  auto before = Clock::now();
  client.send("GET / HTTP/1.1\r\n");
  client.receive(3s, false);
  EXPECT_TRUE(client.closed());
  EXPECT_LT(Clock::now() - before, 1500ms);
}

TEST_F(HttpServerTest, SlowBodyIsCutOffAtTheBodyTimeout) {
  auto limits = small_limits();
  limits.body_timeout_ms = 300;
  start(limits);
  Client client(m_server->port());
  auto before = Clock::now();
  client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab");
  client.receive(3s, false);
  EXPECT_TRUE(client.closed());
  EXPECT_LT(Clock::now() - before, 1500ms);
}

TEST_F(HttpServerTest, IdleKeepAliveIsClosedAfterItsTimeout) {
  auto limits = small_limits();
  limits.keep_alive_idle_ms = 300;
  start(limits);
  Client client(m_server->port());
  client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(client.receive(3s)), 200);
  auto before = Clock::now();
  client.receive(3s, false);
  EXPECT_TRUE(client.closed());
  EXPECT_LT(Clock::now() - before, 1500ms);
}

TEST_F(HttpServerTest, ExpectContinueGetsAnInterimAnswer) {
  start();
  Client client(m_server->port());
  client.send(
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  auto interim = client.receive(1s, false);
  EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  client.send("abc");
  auto response = client.receive(3s);
  EXPECT_EQ(status_of(response), 200);
  EXPECT_EQ(body_of(response), "abc");
}

TEST_F(HttpServerTest, RequestsBeyondTheInFlightCapGet503) {
  auto limits = small_limits();
  limits.max_requests_in_flight = 1;
  start(limits);
  Client slow(m_server->port());
  slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(150ms);
  EXPECT_EQ(status_of(request("GET / HTTP/1.1\r\nHost: x\r\n\r\n")), 503);
  EXPECT_EQ(status_of(slow.receive(3s)), 200);
  EXPECT_EQ(status_of(request("GET / HTTP/1.1\r\nHost: x\r\n\r\n")), 200);
}

TEST_F(HttpServerTest, GracefulStopLetsAnInFlightRequestFinish) {
  start();
  Client slow(m_server->port());
  Client idle(m_server->port());
  slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(150ms);
  m_server->stop();
  auto response = slow.receive(3s, false);
  EXPECT_EQ(status_of(response), 200);
  EXPECT_EQ(body_of(response), "slow");
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  idle.receive(3s, false);
  EXPECT_TRUE(idle.closed());
  m_server->wait();
  Client after(m_server->port());
  EXPECT_FALSE(after.ok());
}

TEST_F(HttpServerTest, StopClosesWhatIsLeftAfterTheDrainTimeout) {
  auto limits = small_limits();
  limits.drain_timeout_ms = 100;
  start(limits);
  Client slow(m_server->port());
  slow.send("GET /slower HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(100ms);
  auto before = Clock::now();
  m_server->stop();
  auto response = slow.receive(5s, false);
  EXPECT_TRUE(slow.closed());
  EXPECT_EQ(response, "");
  EXPECT_LT(Clock::now() - before, 1500ms);  // the handler still sleeps; its answer is dropped
  m_server->wait();                          // returns once the handler has returned
}

TEST_F(HttpServerTest, StartReportsAnAddressInUse) {
  start();
  HttpServer second("127.0.0.1", m_server->port(), small_limits(), test_routes(), {});
  auto started = second.start();
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().kind, ErrorKind::io);
  ASSERT_EQ(started.error().message.args.size(), 2U);
  EXPECT_EQ(started.error().message.args[0].text, "127.0.0.1:" + std::to_string(m_server->port()));
  EXPECT_NE(started.error().message.args[1].text.find("in use"), std::string::npos);
}

}  // namespace
}  // namespace ccteam::server
