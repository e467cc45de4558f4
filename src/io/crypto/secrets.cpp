#include "io/crypto/secrets.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace ccteam::io {

namespace {

void ensure_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
  });
}

std::string base64url(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

}  // namespace

Result<std::string> hash_password(std::string_view password, const PasswordHashCost& cost) {
  ensure_init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.passes, cost.memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return tl::unexpected(Error::internal(msg(MsgId::auth_busy)));
  }
  return std::string(out);
}

bool verify_password(std::string_view encoded, std::string_view password) {
  ensure_init();
  if (encoded.size() >= crypto_pwhash_STRBYTES || !encoded.starts_with("$argon2id$")) return false;
  std::string terminated(encoded);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string random_token(std::size_t bytes) {
  ensure_init();
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return base64url(buffer.data(), buffer.size());
}

std::string base64(std::string_view bytes) {
  ensure_init();
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL the length counts
  return out;
}

std::string one_time_password() {
  ensure_init();
  static constexpr std::string_view k_alphabet = "23456789abcdefghjkmnpqrstuvwxyz";  // 31
  std::string out;
  for (int group = 0; group < 4; ++group) {
    if (group > 0) out += '-';
    for (int i = 0; i < 4; ++i) {
      out += k_alphabet[randombytes_uniform(static_cast<std::uint32_t>(k_alphabet.size()))];
    }
  }
  return out;
}

Digest sha256(std::string_view text) {
  ensure_init();
  Digest out{};
  crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return out;
}

std::string keyed_digest(std::string_view key, std::string_view text) {
  ensure_init();
  unsigned char key_bytes[crypto_generichash_KEYBYTES_MAX];
  std::size_t key_size = key.size();
  if (key_size < crypto_generichash_KEYBYTES_MIN || key_size > crypto_generichash_KEYBYTES_MAX) {
    crypto_generichash(key_bytes, crypto_generichash_KEYBYTES,
                       reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
    key_size = crypto_generichash_KEYBYTES;
  } else {
    std::copy(key.begin(), key.end(), key_bytes);
  }
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), key_bytes, key_size);
  return base64url(out, sizeof out);
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  ensure_init();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ccteam::io
