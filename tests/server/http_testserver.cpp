// A small HTTP server for tests/server/hostile_client.py: HttpServer with limits from the
// command line and two routes, GET /healthz (200 "ok") and POST /echo (the body back, at most
// --body-limit-bytes). Prints "listening on HOST:PORT" on standard output once it accepts, the
// JSON log on standard error, and stops gracefully on SIGINT or SIGTERM.
//
//   ccteam_http_testserver [--host H] [--port P] [--max-connections N] [--header-timeout-ms T]
//       [--body-timeout-ms T] [--keep-alive-idle-ms T] [--write-timeout-ms T]
//       [--max-header-bytes N] [--max-header-fields N] [--max-chunk-extension-bytes N]
//       [--body-limit-bytes N] [--threads N] [--quiet]

#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "server/http/http_server.hpp"

int main(int argc, char** argv) {
  using namespace ccteam::server;
  std::string host = "127.0.0.1";
  unsigned long port = 0;
  unsigned long body_limit = 64 * 1024;
  bool quiet = false;
  ServerLimits limits;
  for (int i = 1; i < argc; ++i) {
    std::string_view name = argv[i];
    if (name == "--quiet") {
      quiet = true;
      continue;
    }
    if (i + 1 >= argc) {
      std::cerr << "missing value after " << name << "\n";
      return 2;
    }
    std::string value = argv[++i];
    try {
      auto number = [&] { return std::stoul(value); };
      if (name == "--host") {
        host = value;
      } else if (name == "--port") {
        port = number();
      } else if (name == "--max-connections") {
        limits.max_connections = number();
      } else if (name == "--header-timeout-ms") {
        limits.header_timeout_ms = static_cast<std::uint32_t>(number());
      } else if (name == "--body-timeout-ms") {
        limits.body_timeout_ms = static_cast<std::uint32_t>(number());
      } else if (name == "--keep-alive-idle-ms") {
        limits.keep_alive_idle_ms = static_cast<std::uint32_t>(number());
      } else if (name == "--write-timeout-ms") {
        limits.write_timeout_ms = static_cast<std::uint32_t>(number());
      } else if (name == "--max-header-bytes") {
        limits.max_header_bytes = number();
      } else if (name == "--max-header-fields") {
        limits.max_header_fields = number();
      } else if (name == "--max-chunk-extension-bytes") {
        limits.max_chunk_extension_bytes = number();
      } else if (name == "--body-limit-bytes") {
        body_limit = number();
      } else if (name == "--threads") {
        limits.threads = static_cast<unsigned>(number());
      } else {
        std::cerr << "unknown option " << name << "\n";
        return 2;
      }
    } catch (const std::exception&) {
      std::cerr << "not a number: " << value << "\n";
      return 2;
    }
  }

  Routes routes;
  routes.handle = [](const Request& request) {
    Response response;
    response.set("Content-Type", "text/plain; charset=utf-8");
    if (request.path == "/healthz") {
      response.body = "ok\n";
    } else if (request.path == "/echo") {
      response.body = request.body;
    } else {
      response.status = 404;
      response.body = "not found\n";
    }
    return response;
  };
  routes.body_limit = [body_limit](std::string_view method, std::string_view path) {
    return (path == "/echo" && method == "POST") ? static_cast<std::size_t>(body_limit) : 0;
  };
  HttpServer server(host, static_cast<std::uint16_t>(port), limits, routes,
                    [quiet](std::string_view line) {
                      if (!quiet) std::cerr << line << '\n';
                    });
  auto started = server.start();
  if (!started) {
    std::cerr << ccteam::render(started.error(), ccteam::Lang::en) << "\n";
    return 1;
  }
  std::cout << "listening on " << host << ":" << server.port() << std::endl;
  run_until_signal(server);
  return 0;
}
