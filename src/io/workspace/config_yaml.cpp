#include "io/workspace/config_yaml.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <limits>

#include "io/base/files.hpp"
#include "io/base/yaml_reader.hpp"

namespace ccteam::io {

namespace {

// Bytes of an IPv4 (4) or IPv6 (16) literal; 0 when 'text' is neither.
int address_bytes(const std::string& text) {
  unsigned char buffer[16];
  if (inet_pton(AF_INET, text.c_str(), buffer) == 1) return 4;
  if (inet_pton(AF_INET6, text.c_str(), buffer) == 1) return 16;
  return 0;
}

Error bad_listen(std::string_view text) {
  return Error::invalid_input(msg(MsgId::config_bad_listen, std::string(text)), {},
                              msg(MsgId::hint_config_listen));
}

// Reads a whole number of 'key' in [min, max] into 'into' (unchanged when absent or wrong).
template <class T>
void read_whole(MapReader& map, std::string_view key, long long min, long long max, T& into) {
  if (auto v = map.integer(key, false, min, max)) into = static_cast<T>(*v);
}

void read_limits(MapReader& map, ServerLimitsConfig& limits) {
  constexpr long long k_hour_ms = 3'600'000;
  read_whole(map, "max_connections", 1, 1'000'000, limits.max_connections);
  read_whole(map, "max_requests_in_flight", 1, 1'000'000, limits.max_requests_in_flight);
  read_whole(map, "max_header_bytes", 1024, 1 << 20, limits.max_header_bytes);
  read_whole(map, "max_header_fields", 8, 10'000, limits.max_header_fields);
  read_whole(map, "max_body_bytes", 0, 1LL << 30, limits.max_body_bytes);
  read_whole(map, "header_timeout_ms", 10, k_hour_ms, limits.header_timeout_ms);
  read_whole(map, "body_timeout_ms", 10, k_hour_ms, limits.body_timeout_ms);
  read_whole(map, "write_timeout_ms", 10, k_hour_ms, limits.write_timeout_ms);
  read_whole(map, "keep_alive_idle_ms", 10, k_hour_ms, limits.keep_alive_idle_ms);
  read_whole(map, "threads", 0, 256, limits.threads);
  read_whole(map, "max_active_simulations", 1, 1000, limits.max_active_simulations);
  read_whole(map, "max_simulated_calls", 1000, 1'000'000'000, limits.max_simulated_calls);
  read_whole(map, "max_applications_per_address", 1, 100'000, limits.max_applications_per_address);
  read_whole(map, "max_documents", 0, 10, limits.max_documents);
  read_whole(map, "max_document_bytes", 10'000, 100'000'000, limits.max_document_bytes);
  read_whole(map, "extract_cpu_seconds", 1, 600, limits.extract_cpu_seconds);
  read_whole(map, "extract_memory_bytes", 67'108'864, 1LL << 33, limits.extract_memory_bytes);
  read_whole(map, "extract_timeout_ms", 100, 600'000, limits.extract_timeout_ms);
  map.finish();
}

void read_smtp(YamlContext& ctx, MapReader& map, SmtpConfig& smtp) {
  auto report = [&](std::string_view key, Message message, std::optional<Message> hint) {
    ctx.error(*map.get(key, false), map.pointer_of(key), std::move(message), std::move(hint));
  };
  if (auto url = map.string("url", true)) {
    if (auto ok = check_smtp_url(*url); ok) {
      smtp.server.url = *url;
    } else {
      report("url", ok.error().message, ok.error().hint);
    }
  }
  if (auto from = map.string("from", true)) {
    if (is_mail_address(*from)) {
      smtp.from = *from;
    } else {
      report("from", msg(MsgId::config_bad_mail_address, *from),
             msg(MsgId::hint_config_mail_address));
    }
  }
  smtp.from_name = map.string("from_name", false).value_or("");
  smtp.server.username = map.string("username", false).value_or("");
  smtp.server.password = map.string("password", false).value_or("");
  constexpr long long k_hour_ms = 3'600'000;
  read_whole(map, "timeout_ms", 100, k_hour_ms, smtp.server.timeout_ms);
  read_whole(map, "retry_after_ms", 100, k_hour_ms, smtp.retry_after_ms);
  read_whole(map, "retry_max_ms", 100, 24 * k_hour_ms, smtp.retry_max_ms);
  read_whole(map, "max_attempts", 1, 100, smtp.max_attempts);
  map.finish();
}

}  // namespace

Result<ListenAddress> parse_listen_address(std::string_view text) {
  std::string_view host;
  std::string_view port;
  if (text.starts_with('[')) {
    auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return tl::unexpected(bad_listen(text));
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos || text.find(':') != colon) {
      return tl::unexpected(bad_listen(text));
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  ListenAddress out;
  out.host = std::string(host);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || value > 65535 ||
      address_bytes(out.host) == 0) {
    return tl::unexpected(bad_listen(text));
  }
  out.port = static_cast<std::uint16_t>(value);
  return out;
}

Result<void> check_proxy_entry(std::string_view text) {
  auto slash = text.find('/');
  std::string address(text.substr(0, slash));
  int bytes = address_bytes(address);
  bool ok = bytes != 0;
  if (ok && slash != std::string_view::npos) {
    std::string_view bits = text.substr(slash + 1);
    int value = -1;
    auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), value);
    ok = !bits.empty() && ec == std::errc{} && end == bits.data() + bits.size() && value >= 0 &&
         value <= bytes * 8;
  }
  if (!ok) {
    return tl::unexpected(Error::invalid_input(msg(MsgId::config_bad_proxy, std::string(text)), {},
                                               msg(MsgId::hint_config_proxy)));
  }
  return {};
}

namespace {

// The bytes of an address literal; 0 bytes when it is none.
int address_value(const std::string& text, unsigned char (&out)[16]) {
  if (inet_pton(AF_INET, text.c_str(), out) == 1) return 4;
  if (inet_pton(AF_INET6, text.c_str(), out) == 1) return 16;
  return 0;
}

// True when 'address' lies in 'entry' (an address or a CIDR block, as check_proxy_entry takes).
bool in_block(const std::string& address, std::string_view entry) {
  unsigned char a[16];
  unsigned char b[16];
  int size = address_value(address, a);
  auto slash = entry.find('/');
  int entry_size = address_value(std::string(entry.substr(0, slash)), b);
  if (size == 0 || size != entry_size) return false;
  int bits = size * 8;
  if (slash != std::string_view::npos) {
    std::string_view text = entry.substr(slash + 1);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), bits);
    if (ec != std::errc{} || bits < 0 || bits > size * 8) return false;
  }
  for (int i = 0; i < bits; ++i) {
    unsigned mask = 0x80u >> (i % 8);
    if ((a[i / 8] & mask) != (b[i / 8] & mask)) return false;
  }
  return true;
}

bool trusted_address(const std::string& address, const std::vector<std::string>& trusted) {
  for (const auto& entry : trusted) {
    if (in_block(address, entry)) return true;
  }
  return false;
}

}  // namespace

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted) {
  std::string current(peer);
  if (trusted.empty() || forwarded_for.empty() || !trusted_address(current, trusted)) {
    return current;
  }
  std::string_view rest = forwarded_for.substr(0, 4096);
  while (!rest.empty()) {
    auto comma = rest.rfind(',');
    std::string_view part = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
    unsigned char ignored[16];
    std::string candidate(part);
    if (address_value(candidate, ignored) == 0) return current;
    current = candidate;
    if (!trusted_address(current, trusted)) return current;
  }
  return current;
}

Checked<WorkspaceConfig> read_workspace_config(std::string_view text, const std::string& file) {
  WorkspaceConfig config;
  auto root = parse_yaml(text, file);
  if (!root) return tl::unexpected(Errors{root.error()});
  YamlContext ctx(file, text);
  if (root->IsNull()) return config;  // an empty file: every default
  MapReader map(ctx, *root, "");
  if (map.is_map()) {
    // A rule a value breaks, reported at the value with the rule's own message and hint.
    auto report = [&](const Error& error, const YAML::Node& node, const std::string& pointer) {
      ctx.error(node, pointer, error.message, error.hint);
    };
    if (auto node = map.get("listen", false)) {
      if (auto value = read_string(ctx, *node, map.pointer_of("listen"))) {
        auto listen = parse_listen_address(*value);
        if (listen) {
          config.listen = *listen;
        } else {
          report(listen.error(), *node, map.pointer_of("listen"));
        }
      }
    }
    if (auto db = map.string("db", false)) config.db = *db;
    if (auto url = map.string("public_url", false)) {
      if (!url->starts_with("http://") && !url->starts_with("https://")) {
        ctx.error(*map.get("public_url", false), map.pointer_of("public_url"),
                  msg(MsgId::config_bad_public_url, *url), msg(MsgId::hint_config_public_url));
      } else {
        config.public_url = *url;
        while (config.public_url.ends_with('/')) config.public_url.pop_back();
      }
    }
    if (auto secret = map.string("secret", false)) {
      if (secret->size() < 32) {
        ctx.error(*map.get("secret", false), map.pointer_of("secret"),
                  msg(MsgId::config_short_secret, secret->size()), msg(MsgId::hint_config_secret));
      } else {
        config.secret = *secret;
      }
    }
    map.list("trusted_proxies", false, [&](const YAML::Node& node, const std::string& pointer) {
      auto value = read_string(ctx, node, pointer);
      if (!value) return;
      auto ok = check_proxy_entry(*value);
      if (ok) {
        config.trusted_proxies.push_back(*value);
      } else {
        report(ok.error(), node, pointer);
      }
    });
    if (auto node = map.get("limits", false)) {
      MapReader limits(ctx, *node, map.pointer_of("limits"));
      if (limits.is_map()) read_limits(limits, config.limits);
    }
    if (auto node = map.get("smtp", false)) {
      MapReader smtp(ctx, *node, map.pointer_of("smtp"));
      if (smtp.is_map()) {
        config.smtp.emplace();
        read_smtp(ctx, smtp, *config.smtp);
      }
    }
    map.finish();
  }
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  return config;
}

Checked<WorkspaceConfig> load_workspace_config(const std::string& path) {
  auto text = read_file(path, 1u << 20);
  if (!text) return tl::unexpected(Errors{text.error()});
  return read_workspace_config(*text, path);
}

}  // namespace ccteam::io
