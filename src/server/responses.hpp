#pragma once
// Building responses: JSON, HTML, redirects, and errors as problem details (RFC 9457), plus the
// request facts every route needs (the reader's language, conditional requests).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/error.hpp"
#include "ccteam/core/lang.hpp"
#include "io/base/xlsx_writer.hpp"
#include "server/http/message.hpp"

namespace ccteam::server {

// The HTTP status of an error kind (app::http_status): invalid_input 422, not_found 404,
// usage 400, io and internal 500.
int status_of(const Error& error);

// The error as a client is shown it: a database that cannot be reached is "Service
// unavailable" with the hint that the service returns by itself, without the database's name
// or the driver's text (those go to the operator: /readyz's log line, the job worker's log);
// every other error as it is.
Error shown_error(const Error& error);

// 'text' cut to at most 'max_bytes' bytes (at a UTF-8 boundary) and "…" added when it was longer:
// for echoing what a client sent (an id, a path) in messages and pages.
std::string shorten(std::string_view text, std::size_t max_bytes = 80);

// application/problem+json: {"type": "about:blank", "title": <status in 'lang'>, "status": N,
// "detail": <the first error's message in 'lang'>, "request_id": ..., "errors": [<one JSON error
// shape per error (io::error_to_json): pointer names the offending field>]}.
Response problem(int status, const Errors& errors, Lang lang, const Request& request);
Response problem(const Error& error, Lang lang, const Request& request);

// The errors of a document the server made from a JSON body or a form (a YAML file read by a
// reader) as their client sees them: the JSON pointer only, without the position in that
// generated text.
Errors without_positions(Errors errors);

// The JSON pointer of the first value of 'value' nested more than 'max_depth' arrays or objects
// deep ("/profile/employer/name/a/a/..."), or nullopt. Walks with a stack of its own, so that a
// body of thousands of nested brackets is refused before anything recursive (a conversion, a
// YAML writer) sees it.
std::optional<std::string> nested_deeper_than(const nlohmann::json& value, std::size_t max_depth);

// True for a YAML media type ("application/yaml", "text/yaml", "application/x-yaml",
// "text/x-yaml", parameters after ';' ignored): a body that is a YAML file.
bool is_yaml_content_type(std::string_view content_type);

// A workbook of 'sheets' (io::write_xlsx) as bytes: written to a file of its own in the
// temporary folder (libxlsxwriter writes files only), read back and removed. write_xlsx's
// errors.
Result<std::string> xlsx_bytes(const std::vector<io::XlsxSheet>& sheets);

Response json_response(const nlohmann::ordered_json& body, int status = 200);
Response html_response(std::string body, int status = 200);
// 303 See Other to 'location' (a path on this server), with Vary when the target was chosen
// from a request header.
Response redirect(std::string location, std::string_view vary = {});

// The language the reader asked for in Accept-Language ("de-DE,de;q=0.9,en;q=0.8" -> de), by
// q-value, first listed on ties; English when neither German nor English is acceptable.
Lang preferred_lang(const Request& request);

// Cache validators of public resources: sets ETag ("\"" + tag + "\"") and Cache-Control; true
// when the request's If-None-Match already names the tag (the caller answers 304 then).
bool not_modified(const Request& request, Response& response, std::string_view tag,
                  std::string_view cache_control);
Response not_modified_response(std::string_view tag, std::string_view cache_control);

// The headers every response carries: a strict Content-Security-Policy (no inline script or
// style, nothing from other origins), nosniff, no framing, no referrer beyond the origin, and
// the request id. Only fills in what the route did not set itself.
void add_security_headers(Response& response, const Request& request);

// A query string split into decoded name=value pairs; nullopt for a malformed %-escape.
struct QueryParam {
  std::string name;
  std::string value;
};
std::optional<std::vector<QueryParam>> parse_query(std::string_view query);

// 'text' as a whole number (decimal digits, an optional '-') from 'min' to 'max'; nullopt for
// anything else (other characters, out of range). For query parameters and form fields.
std::optional<std::int64_t> whole_number(
    std::string_view text, std::int64_t min,
    std::int64_t max = std::numeric_limits<std::int64_t>::max());

// A bad query parameter, named by the pointer "/query/<name>" (docs/api/openapi.yaml):
// Error::usage (http_bad_query) with 'hint'.
Error bad_query_parameter(const std::string& name, const std::string& value, Message hint);
// The query parameters of a route: only the names in 'known'; each at most once. Error::usage
// for a malformed query string, an unknown or a repeated parameter.
Result<std::vector<QueryParam>> read_query(const Request& request,
                                           std::initializer_list<std::string_view> known);

}  // namespace ccteam::server
