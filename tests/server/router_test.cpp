#include "server/router.hpp"

#include <gtest/gtest.h>

#include "server/responses.hpp"

namespace ccteam::server {
namespace {

Route route(std::string method, std::string pattern, int tag) {
  return Route{std::move(method), std::move(pattern), Access::anyone(), 0,
               [tag](const Request&, const PathParams&, const Caller&) {
                 Response r;
                 r.status = tag;
                 return r;
               }};
}

int call(const Router& router, std::string_view method, std::string_view path) {
  RouteMatch m = router.match(method, path);
  return m.route ? m.route->handler(Request{}, m.params, Caller{}).status : 0;
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router router;
  router.add(route("GET", "/{lang}/roles/{id}", 1));
  router.add(route("GET", "/api/roles/{id}", 2));
  router.add(route("GET", "/api/roles/new", 3));
  EXPECT_EQ(call(router, "GET", "/en/roles/agent"), 1);
  EXPECT_EQ(call(router, "GET", "/api/roles/agent"), 2);
  EXPECT_EQ(call(router, "GET", "/api/roles/new"), 3);
}

TEST(Router, ParametersAreNamedAndNeverEmpty) {
  Router router;
  router.add(route("GET", "/{lang}/roles/{id}", 1));
  RouteMatch m = router.match("GET", "/de/roles/team-lead");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params["lang"], "de");
  EXPECT_EQ(m.params["id"], "team-lead");
  EXPECT_EQ(m.params["other"], "");
  EXPECT_EQ(call(router, "GET", "/de/roles/"), 0);     // an empty {id}
  EXPECT_EQ(call(router, "GET", "/de/roles"), 0);      // one segment short
  EXPECT_EQ(call(router, "GET", "/de/roles/a/b"), 0);  // one segment too many
}

TEST(Router, HeadIsServedByGetAndOtherMethodsListTheAllowedOnes) {
  Router router;
  router.add(route("GET", "/api/v1/roles", 1));
  router.add(route("POST", "/api/v1/roles", 2));
  EXPECT_EQ(call(router, "HEAD", "/api/v1/roles"), 1);
  RouteMatch m = router.match("DELETE", "/api/v1/roles");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
  EXPECT_TRUE(router.match("DELETE", "/nothing").allowed.empty());
}

TEST(Router, RootPathIsOneEmptySegment) {
  Router router;
  router.add(route("GET", "/", 1));
  router.add(route("GET", "/{lang}", 2));
  EXPECT_EQ(call(router, "GET", "/"), 1);
  EXPECT_EQ(call(router, "GET", "/en"), 2);
}

Request with_language(std::string value) {
  Request r;
  r.headers.push_back({"accept-language", std::move(value)});
  return r;
}

TEST(Responses, PreferredLanguageFollowsQValuesThenOrder) {
  EXPECT_EQ(preferred_lang(Request{}), Lang::en);
  EXPECT_EQ(preferred_lang(with_language("de-DE,de;q=0.9,en;q=0.8")), Lang::de);
  EXPECT_EQ(preferred_lang(with_language("en-US,en;q=0.9,de;q=0.8")), Lang::en);
  EXPECT_EQ(preferred_lang(with_language("fr-CH, fr;q=0.9, de;q=0.7, *;q=0.5")), Lang::de);
  EXPECT_EQ(preferred_lang(with_language("en;q=0.2, DE;q=0.7")), Lang::de);
  EXPECT_EQ(preferred_lang(with_language("fr, it")), Lang::en);
  EXPECT_EQ(preferred_lang(with_language("de;q=0")), Lang::en);  // q=0: not acceptable
  EXPECT_EQ(preferred_lang(with_language(";;,,q=,de")), Lang::de);
}

TEST(Responses, QueryIsSplitAndDecoded) {
  auto q = parse_query("limit=2&after=team-lead&name=J%C3%BCrgen+M&flag");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->size(), 4u);
  EXPECT_EQ((*q)[0].name, "limit");
  EXPECT_EQ((*q)[0].value, "2");
  EXPECT_EQ((*q)[2].value, "J\xC3\xBCrgen M");
  EXPECT_EQ((*q)[3].value, "");
  EXPECT_FALSE(parse_query("a=%zz"));
  EXPECT_FALSE(parse_query("a=%4"));
  EXPECT_FALSE(parse_query("a=%"));
  EXPECT_TRUE(parse_query("")->empty());
}

TEST(Responses, ProblemDetailsNameTheFieldAndTheRequest) {
  Request request;
  request.request_id = "r-1";
  Error e = Error::invalid_input(msg(MsgId::http_unknown_query_parameter, "sort"),
                                 SourcePos{"", 0, 0, "/limit"});
  Response r = problem(e, Lang::de, request);
  EXPECT_EQ(r.status, 422);
  auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["status"], 422);
  EXPECT_EQ(body["title"], "Nicht verarbeitbarer Inhalt");
  EXPECT_EQ(body["request_id"], "r-1");
  EXPECT_EQ(body["errors"][0]["pointer"], "/limit");
  EXPECT_EQ(body["detail"], "unbekannter Abfrageparameter „sort“");
  const std::string* type = nullptr;
  for (const auto& h : r.headers) {
    if (h.name == "Content-Type") type = &h.value;
  }
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(*type, "application/problem+json");
}

TEST(Responses, ShortenCutsAtACharacterBoundary) {
  EXPECT_EQ(shorten("agent", 80), "agent");
  EXPECT_EQ(shorten("abcdef", 3), "abc\u2026");
  // "ü" is two bytes: a cut after its first byte backs up before it.
  EXPECT_EQ(shorten("a\xC3\xBC", 2), "a\u2026");
}

TEST(Responses, SecurityHeadersDoNotOverrideTheRoute) {
  Request request;
  request.request_id = "abc";
  Response r;
  r.set("X-Frame-Options", "SAMEORIGIN");
  add_security_headers(r, request);
  int frame = 0;
  bool csp = false;
  for (const auto& h : r.headers) {
    if (h.name == "X-Frame-Options") {
      ++frame;
      EXPECT_EQ(h.value, "SAMEORIGIN");
    }
    if (h.name == "Content-Security-Policy") {
      csp = h.value.find("script-src 'self'") != std::string::npos &&
            h.value.find("unsafe-inline") == std::string::npos;
    }
  }
  EXPECT_EQ(frame, 1);
  EXPECT_TRUE(csp);
}

TEST(Responses, ConditionalRequestsMatchTheQuotedTag) {
  Request request;
  request.headers.push_back({"if-none-match", "W/\"x\", \"c7-en\""});
  Response r;
  EXPECT_TRUE(not_modified(request, r, "c7-en", "public, max-age=60"));
  Response other;
  EXPECT_FALSE(not_modified(request, other, "c8-en", "public, max-age=60"));
  EXPECT_FALSE(not_modified(Request{}, other, "c7-en", "public, max-age=60"));
}

TEST(Responses, NestedDeeperThanNamesTheFirstValueTooDeep) {
  auto body = nlohmann::json::parse(R"({"profile": {"employer": {"name": "A"}, "a/b": [1, [2]]}})");
  // Depths: body 0, profile 1, employer and "a/b" 2, [2] 3.
  EXPECT_EQ(nested_deeper_than(body, 4), std::nullopt);
  EXPECT_EQ(nested_deeper_than(body, 3), std::optional<std::string>("/profile/a~1b/1"));
  EXPECT_EQ(nested_deeper_than(nlohmann::json(5), 0), std::nullopt);
  // Thousands of brackets are walked without recursion.
  std::string deep(5000, '[');
  deep += std::string(5000, ']');
  auto nested = nlohmann::json::parse(deep);
  auto pointer = nested_deeper_than(nested, 8);
  ASSERT_TRUE(pointer.has_value());
  EXPECT_EQ(*pointer, "/0/0/0/0/0/0/0/0");
}

TEST(Responses, YamlMediaTypesAreKnownWithOrWithoutParameters) {
  EXPECT_TRUE(is_yaml_content_type("application/yaml"));
  EXPECT_TRUE(is_yaml_content_type("text/yaml; charset=utf-8"));
  EXPECT_TRUE(is_yaml_content_type("application/x-yaml"));
  EXPECT_FALSE(is_yaml_content_type("application/json"));
  EXPECT_FALSE(is_yaml_content_type("application/yamlx"));
}

}  // namespace
}  // namespace ccteam::server
