#include "ccteam/metrics/pseudonym.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace ccteam::metrics {

const std::string& Pseudonymizer::operator()(const std::string& id) {
  static const std::string k_empty;
  if (id.empty()) return k_empty;
  auto it = m_cache.find(id);
  if (it != m_cache.end()) return it->second;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), m_key.data(), static_cast<int>(m_key.size()),
       reinterpret_cast<const unsigned char*>(id.data()), id.size(), digest, &length);
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out = "A-";
  for (unsigned i = 0; i < 5 && i < length; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 0xf];
  }
  return m_cache.emplace(id, std::move(out)).first->second;
}

}  // namespace ccteam::metrics
