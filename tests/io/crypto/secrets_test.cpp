// Password hashes, tokens and digests (libsodium).
#include "io/crypto/secrets.hpp"

#include <gtest/gtest.h>

#include <set>

namespace ccteam::io {
namespace {

std::string hex(const Digest& digest) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  for (auto byte : digest) {
    out += k_digits[byte >> 4];
    out += k_digits[byte & 15];
  }
  return out;
}

TEST(Secrets, Sha256MatchesTheFipsExamples) {
  // FIPS 180-2, appendix B.1 and B.2.
  EXPECT_EQ(hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Secrets, Argon2idHashesVerifyOnlyTheirPassword) {
  PasswordHashCost cheap{1, 8192};  // the smallest cost libsodium allows, for the test's speed
  auto hash = hash_password("correct horse battery staple", cheap);
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=8,t=1,p=1$"));
  EXPECT_TRUE(verify_password(*hash, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(verify_password("not a hash", "x"));
  EXPECT_FALSE(verify_password("", ""));
  // The same password gets another salt each time.
  EXPECT_NE(*hash, *hash_password("correct horse battery staple", cheap));
}

TEST(Secrets, TokensAreRandomAndUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string token = random_token(32);
    EXPECT_EQ(token.size(), 43u);  // 32 bytes in base64 without padding
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Secrets, OneTimePasswordsAreFourGroupsWithoutLookAlikes) {
  for (int i = 0; i < 50; ++i) {
    std::string password = one_time_password();
    ASSERT_EQ(password.size(), 19u);
    for (std::size_t k : {4u, 9u, 14u}) EXPECT_EQ(password[k], '-');
    EXPECT_EQ(password.find_first_of("01ilIoO"), std::string::npos) << password;
  }
}

TEST(Secrets, KeyedDigestsDependOnKeyAndText) {
  std::string key(32, 'k');
  EXPECT_EQ(keyed_digest(key, "csrf"), keyed_digest(key, "csrf"));
  EXPECT_NE(keyed_digest(key, "csrf"), keyed_digest(std::string(32, 'j'), "csrf"));
  EXPECT_NE(keyed_digest(key, "csrf"), keyed_digest(key, "csrg"));
  EXPECT_EQ(keyed_digest("short", "x").size(), 43u);  // a short key is hashed first
}

TEST(Secrets, ComparesTokens) {
  EXPECT_TRUE(equal_in_constant_time("abc", "abc"));
  EXPECT_FALSE(equal_in_constant_time("abc", "abd"));
  EXPECT_FALSE(equal_in_constant_time("abc", "ab"));
  EXPECT_FALSE(equal_in_constant_time("", "a"));
}

}  // namespace
TEST(Base64, TheTestVectorsOfRfc4648) {
  // RFC 4648 section 10.
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
}

}  // namespace ccteam::io
