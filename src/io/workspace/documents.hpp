#pragma once
// Documents applicants attach (a CV, certificates): what they are, judged by their content and
// never by their name or the type a browser claims, and the names they are stored under.
//
// Only two formats are taken, the ones applicants write CVs in: PDF (ISO 32000-1 7.5.2: the
// file starts with "%PDF-") and Word's DOCX (ECMA-376 part 2, Open Packaging Conventions: a ZIP
// archive with "[Content_Types].xml" and the main part "word/document.xml"). Nothing here opens
// or renders a document beyond reading a DOCX's ZIP directory with libzip (libzip-dev 1.7):
// the sizes it declares are checked before anything is unpacked, so a ZIP bomb is refused here.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ccteam/core/error.hpp"

namespace ccteam::io {

enum class DocumentType { pdf, docx };

// "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document".
std::string_view content_type(DocumentType type);
// "PDF", "DOCX" (the same in English and German).
std::string_view type_name(DocumentType type);
// "pdf", "docx".
std::string_view extension(DocumentType type);
// The DocumentType a stored content type names (content_type's inverse); nullopt for others.
std::optional<DocumentType> document_type_of(std::string_view content_type);

struct DocumentLimits {
  std::int64_t max_bytes = 5 * 1000 * 1000;  // one document, as uploaded
  // A DOCX: what its ZIP directory says it unpacks to in all, and how many entries it may have
  // (a real CV: under 1 MB unpacked and some dozen entries).
  std::int64_t max_unpacked_bytes = 50 * 1000 * 1000;
  std::int64_t max_zip_entries = 1000;
};

// The type of the document 'bytes' (uploaded as 'name', used in messages only). Errors, each
// Error::invalid_input with a hint: document_empty; document_too_large (over
// limits.max_bytes); document_type_unknown (anything else: an executable, an image, an .odt or
// .xlsx, a plain ZIP); document_docx_unreadable (a ZIP that libzip cannot read, with its
// reason, or one of more than limits.max_zip_entries entries); document_docx_too_large_unpacked
// (the sizes its directory declares add up to more than limits.max_unpacked_bytes). Only the
// declared sizes are checked here: a ZIP that understates them passes, so whatever unpacks a
// DOCX must cap the bytes it reads.
Result<DocumentType> check_document(std::string_view bytes, std::string_view name,
                                    const DocumentLimits& limits = {});

// The name a document is kept and offered for download under: the last part of 'name' after any
// '/' or '\' (browsers and some clients send whole paths), without control characters (C0, C1,
// DEL), invisible and direction-changing characters (zero-width and direction marks,
// separators, embeddings, overrides, isolates: U+200B-U+200F, U+2028-U+202E, U+2060-U+206F,
// U+FEFF) and ill-formed UTF-8, without leading dots and blanks, at most 120 bytes (cut at a
// character), ending in the type's extension (added when missing). "document.pdf" / "document.docx"
// when nothing is left.
std::string clean_file_name(std::string_view name, DocumentType type);
// The same without the extension rule (for messages about a file whose type is not known):
// "" when nothing is left.
std::string clean_file_name(std::string_view name);

// The name for a Content-Disposition header: the attachment's ASCII fallback ('"', '\' and
// each non-ASCII character as one '_') and the RFC 8187 form (filename*=UTF-8''percent-encoded), as
// `attachment; filename="..."; filename*=UTF-8''...`.
std::string attachment_disposition(std::string_view file_name);

// SHA-256 of 'bytes' as 64 lower-case hex digits: a document's address in the document store.
std::string sha256_hex(std::string_view bytes);

// Whether 'text' is 64 lower-case hex digits (a sha256_hex).
bool is_sha256_hex(std::string_view text);

}  // namespace ccteam::io
