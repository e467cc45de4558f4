#pragma once
// Escaping text for HTML and XML (SVG) output: one function for both, because the five
// entities it writes mean the same in HTML 5 and XML 1.0.

#include <string>
#include <string_view>

namespace ccteam::io {

// 'text' with & < > " ' replaced by &amp; &lt; &gt; &quot; &#39;, safe inside element content
// and inside attribute values quoted with " or '. The apostrophe becomes the numeric reference
// &#39;, valid in both HTML and XML (HTML 4 has no &apos;). Other bytes, UTF-8 included, pass
// unchanged.
std::string escape_markup(std::string_view text);

// escape_markup, and ` = replaced by &#96; &#61; as well: for values a template places where the
// template's author may not have quoted the attribute (the workspace's Mustache templates).
std::string escape_markup_strict(std::string_view text);

}  // namespace ccteam::io
