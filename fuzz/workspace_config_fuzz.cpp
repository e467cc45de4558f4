// Fuzz target: the workspace configuration reader must turn any byte string into a
// configuration or into errors with positions, never crash, hang or throw; a configuration
// that reads has a listen address the same parser takes again.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/workspace/config_yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = ccteam::io::read_workspace_config(text, "fuzz.yaml");
  if (config) {
    std::string host = config->listen.host.find(':') != std::string::npos
                           ? "[" + config->listen.host + "]"
                           : config->listen.host;
    auto again = ccteam::io::parse_listen_address(host + ":" + std::to_string(config->listen.port));
    if (!again || again->host != config->listen.host) std::abort();
  } else if (config.error().empty()) {
    std::abort();
  }
  (void)ccteam::io::parse_listen_address(text);
  (void)ccteam::io::check_proxy_entry(text);
  return 0;
}
