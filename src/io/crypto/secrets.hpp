#pragma once
// Passwords, tokens and digests of the workspace, on libsodium (the only user of it; see
// tests/layering). Thread-safe; libsodium is initialised on first use.
//
// Passwords are hashed with Argon2id (RFC 9106) into libsodium's self-describing string
// ("$argon2id$v=19$m=65536,t=2,p=1$salt$hash"), so that a later change of the cost still
// verifies old hashes. Session and API tokens are 32 random bytes; the store keeps only their
// SHA-256 digest, so a copy of the database does not sign anyone in.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

// The work of one Argon2id hash: passes over memory and memory in bytes. The default is
// libsodium's "interactive" limit (2 passes, 64 MiB; about 0.1 s per hash on one core), which
// OWASP's Password Storage Cheat Sheet lists as adequate (m=64 MiB, t=2 is above its minimum).
struct PasswordHashCost {
  unsigned long long passes = 2;
  std::size_t memory_bytes = std::size_t{64} << 20;
};

// The Argon2id string of 'password'. Error::internal when libsodium cannot allocate the memory.
Result<std::string> hash_password(std::string_view password, const PasswordHashCost& cost = {});
// True when 'password' matches 'encoded' (hash_password's string); false for a mismatch or a
// string that is not an Argon2id hash. Takes the time and memory the string's cost names.
bool verify_password(std::string_view encoded, std::string_view password);

// 'bytes' random bytes (from the operating system) as base64url without padding.
std::string random_token(std::size_t bytes = 32);
// A one-time password people can read aloud and type: 4 groups of 4 characters from an
// alphabet without look-alikes (0/O, 1/l/I), e.g. "h7kq-3mzt-w9pe-rc4x": 80 random bits.
std::string one_time_password();

using Digest = std::array<std::uint8_t, 32>;
// SHA-256 of 'text' (how the store keys session and API tokens).
Digest sha256(std::string_view text);
// BLAKE2b-256 of 'text' keyed with 'key' (16 to 64 bytes; longer keys are hashed first), as
// base64url: derived tokens such as the CSRF token of a session.
std::string keyed_digest(std::string_view key, std::string_view text);

// 'bytes' in standard base64 with padding (RFC 4648 section 4): MIME bodies and RFC 2047
// encoded-words.
std::string base64(std::string_view bytes);

// Compares in time independent of where the inputs differ (for tokens sent by clients).
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace ccteam::io
