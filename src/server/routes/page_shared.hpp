#pragma once
// What the page routes share: the language of a page address, what a page needs to know about
// the request, and the answer of a page made for one signed-in reader.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ccteam/core/date.hpp"
#include "ccteam/core/lang.hpp"
#include "server/http/message.hpp"
#include "server/http/multipart.hpp"
#include "server/pages/shell.hpp"
#include "server/render/template.hpp"
#include "server/router.hpp"
#include "server/routes/routes.hpp"

namespace ccteam::server {

// The language of a page address: exactly "en" or "de" ("/EN/roles" would be a second address
// of the same page); nullopt otherwise.
std::optional<Lang> url_lang(std::string_view text);

// The page info of 'path' (without the language prefix) for 'caller': the asset version and,
// when signed in, the viewer for the header.
pages::PageInfo page_info(const RouteContext& context, std::string path, const Caller& caller);

// An HTML answer that is not kept by any cache (Cache-Control: no-store).
Response page_response(std::string html, int status = 200);

// The error page of 'error' (its status; a database that is away shown as such) on the page
// 'path' (without the language prefix), with a link to 'back' (none: the ladder).
Response error_page(const RouteContext& context, const Caller& caller, const Error& error,
                    const std::string& path,
                    const std::optional<pages::BackLink>& back = std::nullopt);

// An error as a form shows it beside its field: "file:line:col: Message. Hint" (the position
// when the error has a line: a CSV or YAML the user gave), in 'lang'; the message and the hint
// begin as sentences do (render_sentence).
std::string field_error_text(const Error& error, Lang lang);

// The error page of a page address that does not exist (404).
Response page_not_found(const RouteContext& context, const Request& request, const Caller& caller,
                        const std::string& path);

// Today in UTC: the day a page's use case counts from (a posting's validity, an opening's state).
Date today_utc();

// One choice of a <select>: its value, the title shown and whether it is chosen.
render::Context option(const std::string& value, const std::string& title, bool selected);

// Texts as a list a template repeats with {{.}} (errors, warnings, notices).
std::vector<render::Context> text_items(const std::vector<std::string>& texts);

// The parts of a page form sent as multipart/form-data (a file upload); Error::usage
// (http_unsupported_media) for another body, the multipart reader's errors.
Result<std::vector<FormPart>> multipart_form(const Request& request);

// A channel as a job board's link names it (?src=indeed): letters, digits, '.', '_', '-', at
// most 40 characters of the value; anything else is dropped.
std::string channel_of(std::string_view text);

}  // namespace ccteam::server
