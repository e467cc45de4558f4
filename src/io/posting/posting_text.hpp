#pragma once
// Turns a posting as a user has it (Markdown, plain text or HTML) into lint::PostingText:
// lines without markup that remember the original line and byte column of every byte.

#include <string_view>

#include "ccteam/lint/text.hpp"

namespace ccteam::io {

// HTML (recognised by a leading "<!doctype", "<html" or an element such as <p>, <li>, <h1> in
// the first 2 KiB) has its tags removed, the content of <head>, <script> and <style> dropped and
// the entities &amp; &lt; &gt; &quot; &#39; &nbsp; decoded; <h1>-<h6> lines are headings and
// <li> lines bullets. Markdown and text keep their words; "#" lines, "**...**" lines and short
// lines ending in ':' are headings; lines starting with "-", "*", "+", "•" or "–" are bullets.
// A UTF-8 byte-order mark is skipped (columns on line 1 count from after it). Never fails: any
// byte string gives some text; callers refuse binary input first (io::check_text).
lint::PostingText read_posting_text(std::string_view raw);

}  // namespace ccteam::io
