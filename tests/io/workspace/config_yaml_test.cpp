#include "io/workspace/config_yaml.hpp"

#include <gtest/gtest.h>

namespace ccteam::io {
namespace {

TEST(ListenAddress, HostAndPortInEveryForm) {
  auto v4 = parse_listen_address("0.0.0.0:8080");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->host, "0.0.0.0");
  EXPECT_EQ(v4->port, 8080);
  auto v6 = parse_listen_address("[::1]:0");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
  for (const char* bad : {"8080", ":8080", "localhost:8080", "1.2.3.4:65536", "1.2.3.4:", "::1:80",
                          "[::1]8080", "1.2.3.4:80x", "[::1]", ""}) {
    auto r = parse_listen_address(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_EQ(r.error().message.id, MsgId::config_bad_listen) << bad;
    }
  }
}

TEST(TrustedProxies, AddressesAndBlocks) {
  for (const char* good : {"10.0.0.7", "10.0.0.0/8", "::1", "fd00::/8", "0.0.0.0/0", "::/128"}) {
    EXPECT_TRUE(check_proxy_entry(good)) << good;
  }
  for (const char* bad :
       {"10.0.0.0/33", "fd00::/129", "10.0.0/8", "example.com", "10.0.0.1/", "10.0.0.1/x", ""}) {
    EXPECT_FALSE(check_proxy_entry(bad)) << bad;
  }
}

TEST(TrustedProxies, TheClientIsTheFirstUntrustedAddressFromTheRight) {
  std::vector<std::string> trusted = {"10.0.0.0/8", "fd00::/8", "192.0.2.1"};
  // No proxy, or one that is not trusted: the peer, whatever it claims.
  EXPECT_EQ(client_address("198.51.100.7", "203.0.113.9", {}), "198.51.100.7");
  EXPECT_EQ(client_address("198.51.100.7", "203.0.113.9", trusted), "198.51.100.7");
  // One trusted proxy: the address it saw.
  EXPECT_EQ(client_address("10.1.2.3", "203.0.113.9", trusted), "203.0.113.9");
  // A client that forges a first entry cannot choose its address: the right-most untrusted.
  EXPECT_EQ(client_address("10.1.2.3", "1.1.1.1, 203.0.113.9, 10.9.9.9", trusted), "203.0.113.9");
  EXPECT_EQ(client_address("192.0.2.1", "2001:db8::5,fd00::1", trusted), "2001:db8::5");
  // Every hop trusted: the left-most; a malformed entry stops at the last good address.
  EXPECT_EQ(client_address("10.0.0.1", "10.0.0.2, 10.0.0.3", trusted), "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.1", "203.0.113.9, junk, 10.0.0.3", trusted), "10.0.0.3");
  EXPECT_EQ(client_address("10.0.0.1", "", trusted), "10.0.0.1");
  // Block boundaries: 10.0.0.0/8 holds 10.255.255.255, not 11.0.0.0.
  EXPECT_EQ(client_address("11.0.0.0", "203.0.113.9", trusted), "11.0.0.0");
  EXPECT_EQ(client_address("10.255.255.255", "203.0.113.9", trusted), "203.0.113.9");
}

TEST(WorkspaceConfig, EmptyFileGivesTheDefaults) {
  auto c = read_workspace_config("", "w.yaml");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->listen.host, "127.0.0.1");
  EXPECT_EQ(c->listen.port, 8080);
  EXPECT_EQ(c->db, "ccteam.db");
  EXPECT_EQ(c->limits.max_connections, 1024u);
}

TEST(WorkspaceConfig, EveryKeyIsRead) {
  auto c = read_workspace_config(R"(listen: "[::]:9000"
db: /srv/ccteam.db
public_url: https://jobs.example.com/
secret: 0123456789abcdef0123456789abcdef
trusted_proxies: [10.0.0.0/8, "::1"]
limits:
  max_connections: 64
  header_timeout_ms: 1000
  threads: 4
)",
                                 "w.yaml");
  ASSERT_TRUE(c) << c.error().size();
  EXPECT_EQ(c->listen.host, "::");
  EXPECT_EQ(c->listen.port, 9000);
  EXPECT_EQ(c->db, "/srv/ccteam.db");
  EXPECT_EQ(c->public_url, "https://jobs.example.com");
  EXPECT_EQ(c->trusted_proxies.size(), 2u);
  EXPECT_EQ(c->limits.max_connections, 64u);
  EXPECT_EQ(c->limits.header_timeout_ms, 1000);
  EXPECT_EQ(c->limits.threads, 4u);
  EXPECT_EQ(c->limits.body_timeout_ms, 30'000);  // not given: the default
}

TEST(WorkspaceConfig, EveryProblemWithItsPlace) {
  auto c = read_workspace_config(R"(listen: localhost
secret: short
trusted_proxies: [10.0.0.0/99]
public_url: jobs.example.com
limits:
  max_conections: 5
  header_timeout_ms: 0
)",
                                 "w.yaml");
  ASSERT_FALSE(c);
  const Errors& errors = c.error();
  ASSERT_EQ(errors.size(), 6u);
  EXPECT_EQ(errors[0].message.id, MsgId::config_bad_listen);
  EXPECT_EQ(errors[0].where.line, 1);
  EXPECT_EQ(errors[0].where.json_pointer, "/listen");
  EXPECT_EQ(errors[1].message.id, MsgId::config_bad_public_url);
  EXPECT_EQ(errors[1].where.line, 4);
  EXPECT_EQ(errors[2].message.id, MsgId::config_short_secret);
  EXPECT_EQ(errors[3].message.id, MsgId::config_bad_proxy);
  EXPECT_EQ(errors[3].where.json_pointer, "/trusted_proxies/0");
  // Within limits: the out-of-range value first (read in key order), then the unknown key.
  EXPECT_EQ(errors[4].where.json_pointer, "/limits/header_timeout_ms");
  EXPECT_EQ(errors[5].message.id, MsgId::yaml_unknown_key);
  EXPECT_EQ(errors[5].where.line, 6);
}

TEST(WorkspaceConfig, SmtpIsReadAndCheckedAtItsKeys) {
  auto none = read_workspace_config("listen: 127.0.0.1:8080\n", "w.yaml");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->smtp.has_value());
  auto c = read_workspace_config(R"(smtp:
  url: smtps://mail.example.com:465
  from: jobs@example.com
  from_name: Nordlicht Recruiting
  username: jobs
  password: "p w"
  retry_after_ms: 500
)",
                                 "w.yaml");
  ASSERT_TRUE(c) << render(c.error().front(), Lang::en);
  ASSERT_TRUE(c->smtp.has_value());
  EXPECT_EQ(c->smtp->server.url, "smtps://mail.example.com:465");
  EXPECT_EQ(c->smtp->from, "jobs@example.com");
  EXPECT_EQ(c->smtp->from_name, "Nordlicht Recruiting");
  EXPECT_EQ(c->smtp->server.username, "jobs");
  EXPECT_EQ(c->smtp->server.password, "p w");
  EXPECT_EQ(c->smtp->retry_after_ms, 500);
  EXPECT_EQ(c->smtp->retry_max_ms, 3'600'000);  // the defaults
  EXPECT_EQ(c->smtp->max_attempts, 20);
  EXPECT_EQ(c->smtp->server.timeout_ms, 30'000);

  auto bad = read_workspace_config(R"(smtp:
  url: http://mail.example.com
  from: Jobs <jobs@example.com>
  max_attempts: 0
  port: 25
)",
                                   "w.yaml");
  ASSERT_FALSE(bad);
  const Errors& errors = bad.error();
  ASSERT_EQ(errors.size(), 4u) << render(errors.front(), Lang::en);
  EXPECT_EQ(errors[0].message.id, MsgId::config_bad_smtp_url);
  EXPECT_EQ(errors[0].where.json_pointer, "/smtp/url");
  EXPECT_EQ(errors[0].where.line, 2);
  EXPECT_EQ(errors[1].message.id, MsgId::config_bad_mail_address);
  EXPECT_EQ(errors[1].where.json_pointer, "/smtp/from");
  EXPECT_EQ(errors[2].where.json_pointer, "/smtp/max_attempts");
  EXPECT_EQ(errors[3].message.id, MsgId::yaml_unknown_key);
  EXPECT_EQ(errors[3].where.line, 5);
  auto missing = read_workspace_config("smtp:\n  url: smtp://127.0.0.1:25\n", "w.yaml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().front().where.json_pointer, "/smtp");
}

}  // namespace
}  // namespace ccteam::io
