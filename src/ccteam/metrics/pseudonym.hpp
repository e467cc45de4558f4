#pragma once
// Pseudonymous agent ids for performance reports. German works councils treat per-agent
// performance reports as technical monitoring that needs their consent (BetrVG § 87(1) no. 6);
// ccteam shows agents under pseudonyms by default so that a report names no one.

#include <string>
#include <string_view>
#include <unordered_map>

namespace ccteam::metrics {

// Maps agent ids to pseudonyms "A-" + the first 10 hex digits of HMAC-SHA256(key, id) (RFC 2104
// with SHA-256, FIPS 180-4; computed by OpenSSL). The same key gives the same pseudonym in every
// run, so a team lead who holds the key can follow an agent over time; without the key the id
// cannot be recovered by trying names. An empty key is allowed but gives no protection (the CLI
// draws a random key per run when none is given). Not thread-safe (it caches results).
class Pseudonymizer {
 public:
  explicit Pseudonymizer(std::string key) : m_key(std::move(key)) {}

  // The pseudonym of 'id'; an empty id stays empty.
  const std::string& operator()(const std::string& id);

 private:
  std::string m_key;
  std::unordered_map<std::string, std::string> m_cache;
};

}  // namespace ccteam::metrics
