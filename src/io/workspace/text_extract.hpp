#pragma once
// The text of a document an applicant attached (io/workspace/documents.hpp), read with Debian's
// libraries: poppler's C++ interface (libpoppler-cpp-dev 22.12) for PDF, libzip and pugixml
// (libpugixml-dev 1.13) for DOCX. Parsers of hostile files: these functions run only in the
// child process ccteam-extract (src/extract/main.cpp), under CPU, memory and time limits, never
// in the server (io/workspace/extract_process.hpp starts that process and reads its answer).
//
// The text is UTF-8, one line per PDF text line or DOCX paragraph ('\n'), with '\t' for a DOCX
// tab; it is cut at 'max_text_bytes' (at a character). What it is used for: evidence of skills
// and languages (qualify::Person::documents), never shown whole.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ccteam::io {

struct TextLimits {
  std::size_t max_text_bytes = 1000 * 1000;  // the text kept; the rest is left out
  std::size_t max_pdf_pages = 100;           // pages read of a PDF (a CV has 1-5)
  // The bytes of word/document.xml actually unpacked (its declared size may lie: a ZIP bomb
  // that understates it is stopped here).
  std::size_t max_docx_xml_bytes = 20 * 1000 * 1000;
};

// Why a text could not be read. 'unreadable': damaged, encrypted or not the type; 'limit': the
// document needs more than the limits allow (an unpacked part over max_docx_xml_bytes).
enum class TextFailure { unreadable, limit };

struct TextResult {
  bool ok = false;
  TextFailure failure = TextFailure::unreadable;
  std::string text;    // ok: the text (may be empty: a scanned PDF has none)
  std::string reason;  // !ok: in English, for the log and the recruiter ("encrypted PDF")
};

// The text of a PDF (every page up to max_pdf_pages, in poppler's reading order). Unreadable:
// "damaged PDF" (poppler cannot open it), "encrypted PDF", "damaged PDF (no page could be
// read)" (a page tree it cannot follow, e.g. a /Count that lies).
TextResult pdf_text(std::string_view bytes, const TextLimits& limits = {});

// The text of a DOCX's main part word/document.xml: w:t runs, w:tab as '\t', w:br, w:cr and the
// end of each w:p as '\n' (headers, footers and footnotes are other parts, not read).
TextResult docx_text(std::string_view bytes, const TextLimits& limits = {});

}  // namespace ccteam::io
