#pragma once
// Escaping text for its output: HTML and XML (SVG), one function for both, because the five
// entities it writes mean the same in HTML 5 and XML 1.0; the terminal, where control
// characters from input could move the cursor, recolour, retitle the window or hide a line; and
// CSV, which spreadsheets read as formulas.

#include <cstddef>
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

// Whether escape_terminal passes line feeds and tabs (a text of several lines) or escapes them
// (a value inside a line: a table cell, a value quoted in a message).
enum class Newlines { keep, escape };

// 'text' safe to print on a terminal, every control character written as an escape a user can
// read: C0 controls (U+0000-U+001F) and DEL as \xHH with lowercase hex (ESC as \x1b, CR as
// \x0d), line feed and tab included unless 'newlines' keeps them; C1 controls (U+0080-U+009F,
// which terminals may take as ESC [ and the like) as \u0080-\u009f; each byte that is not
// part of well-formed UTF-8 as \xHH. Everything else, other UTF-8 and the backslash included,
// passes unchanged.
std::string escape_terminal(std::string_view text, Newlines newlines = Newlines::escape);

// Characters kept of a value quoted in a message.
inline constexpr std::size_t k_excerpt_chars = 80;

// escape_terminal(text), at most 'max_chars' characters (code points) long, for input quoted in
// a message: a longer one keeps about its first two thirds and its last third of max_chars - 1
// characters, never half an escape, with "…" (U+2026) between (the start of a value and the
// file name at the end of a path both stay).
std::string terminal_excerpt(std::string_view text, std::size_t max_chars = k_excerpt_chars);

// One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a
// line break. A value a spreadsheet would take for a formula (starting with = + - @, a tab or a
// carriage return) gets a leading apostrophe, so Excel and LibreOffice show it as text instead
// of running it (OWASP, "CSV Injection"): "=HYPERLINK(...)" is written '=HYPERLINK(...).
// For text that may come from input; numbers the program wrote itself go in unchanged.
std::string csv_field(std::string_view text);

}  // namespace ccteam::io
