// Documents by content: PDF by its header, DOCX by its ZIP directory (libzip), names cleaned.
#include "io/workspace/documents.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "ccteam/core/number_text.hpp"
#include "ccteam/text/normalize.hpp"
#include "io/base/number_text.hpp"
#include "io/crypto/secrets.hpp"

namespace ccteam::io {

namespace {

constexpr std::string_view k_pdf_header = "%PDF-";
constexpr std::string_view k_zip_header = "PK\x03\x04";
constexpr std::size_t k_max_file_name_bytes = 120;

// Two sizes for one message: as file managers write them, or to the byte (with digit groups)
// when they would read alike ("5 MB ... at most 5 MB" for 5,000,001 bytes).
std::pair<LocalizedText, LocalizedText> sizes(std::int64_t size, std::int64_t limit) {
  LocalizedText a = file_size_text(size);
  LocalizedText b = file_size_text(limit);
  if (a.en != b.en) return {a, b};
  auto bytes = [](std::int64_t n) {
    LocalizedText count = count_text(n);
    return LocalizedText{count.en + " bytes", count.de + " Bytes"};
  };
  return {bytes(size), bytes(limit)};
}

Error type_unknown(std::string_view name) {
  return Error::invalid_input(msg(MsgId::document_type_unknown, std::string(name)), {},
                              msg(MsgId::hint_document_type));
}

// libzip's archive, closed without writing anything back.
struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

Result<DocumentType> check_docx(std::string_view bytes, std::string_view name,
                                const DocumentLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return tl::unexpected(
        Error::invalid_input(msg(MsgId::document_docx_unreadable, std::string(name), reason), {},
                             msg(MsgId::hint_document_type)));
  }
  // ZIP_CHECKCONS: the central directory must agree with the local headers.
  std::unique_ptr<zip_t, ZipDiscard> archive(
      zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return tl::unexpected(
        Error::invalid_input(msg(MsgId::document_docx_unreadable, std::string(name), reason), {},
                             msg(MsgId::hint_document_type)));
  }
  zip_error_fini(&error);
  zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  auto too_large = [&](std::int64_t unpacked) {
    auto [size, limit] = sizes(unpacked, limits.max_unpacked_bytes);
    return tl::unexpected(
        Error::invalid_input(msg(MsgId::document_docx_too_large_unpacked, std::string(name),
                                 std::move(size), std::move(limit)),
                             {}, msg(MsgId::hint_document_too_large)));
  };
  if (entries < 0 || entries > limits.max_zip_entries) {
    // Thousands of tiny entries: a bomb of another kind. (The reason goes into the message
    // tables with their next change.)
    LocalizedText count = count_text(entries);
    LocalizedText most = count_text(limits.max_zip_entries);
    LocalizedText reason{count.en + " entries, more than " + most.en,
                         count.de + " Einträge, mehr als " + most.de};
    return tl::unexpected(Error::invalid_input(
        msg(MsgId::document_docx_unreadable, std::string(name), std::move(reason)), {},
        msg(MsgId::hint_document_type)));
  }
  bool content_types = false;
  bool main_part = false;
  std::int64_t unpacked = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0) {
      return tl::unexpected(Error::invalid_input(
          msg(MsgId::document_docx_unreadable, std::string(name), zip_strerror(archive.get())), {},
          msg(MsgId::hint_document_type)));
    }
    if ((stat.valid & ZIP_STAT_SIZE) != 0) {
      std::uint64_t size = stat.size;
      if (size > static_cast<std::uint64_t>(limits.max_unpacked_bytes - unpacked)) {
        return too_large(size > static_cast<std::uint64_t>(INT64_MAX / 2)
                             ? INT64_MAX / 2
                             : unpacked + static_cast<std::int64_t>(size));
      }
      unpacked += static_cast<std::int64_t>(size);
    }
    if ((stat.valid & ZIP_STAT_NAME) != 0 && stat.name != nullptr) {
      std::string_view entry = stat.name;
      if (entry == "[Content_Types].xml") content_types = true;
      if (entry == "word/document.xml") main_part = true;
    }
  }
  // A ZIP without Word's parts is another format (an .xlsx, an .odt, a plain archive).
  if (!content_types || !main_part) return tl::unexpected(type_unknown(name));
  return DocumentType::docx;
}

// Controls, and the characters that change or hide what a name shows: zero-width and
// direction marks (U+200B-U+200F), line and paragraph separators, embeddings and overrides
// (U+2028-U+202E), invisible operators and isolates (U+2060-U+206F), the byte order mark.
bool hidden_code_point(std::int32_t c) {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) ||
         (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c == 0xfeff;
}

}  // namespace

std::string_view content_type(DocumentType type) {
  return type == DocumentType::pdf
             ? "application/pdf"
             : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

std::string_view type_name(DocumentType type) { return type == DocumentType::pdf ? "PDF" : "DOCX"; }

std::string_view extension(DocumentType type) { return type == DocumentType::pdf ? "pdf" : "docx"; }

std::optional<DocumentType> document_type_of(std::string_view type) {
  if (type == content_type(DocumentType::pdf)) return DocumentType::pdf;
  if (type == content_type(DocumentType::docx)) return DocumentType::docx;
  return std::nullopt;
}

Result<DocumentType> check_document(std::string_view bytes, std::string_view name,
                                    const DocumentLimits& limits) {
  if (bytes.empty()) {
    return tl::unexpected(Error::invalid_input(msg(MsgId::document_empty, std::string(name))));
  }
  if (static_cast<std::int64_t>(bytes.size()) > limits.max_bytes) {
    auto [size, limit] = sizes(static_cast<std::int64_t>(bytes.size()), limits.max_bytes);
    return tl::unexpected(Error::invalid_input(
        msg(MsgId::document_too_large, std::string(name), std::move(size), std::move(limit)), {},
        msg(MsgId::hint_document_too_large)));
  }
  if (bytes.starts_with(k_pdf_header)) return DocumentType::pdf;
  if (bytes.starts_with(k_zip_header)) return check_docx(bytes, name, limits);
  return tl::unexpected(type_unknown(name));
}

std::string clean_file_name(std::string_view name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string out;
  std::int32_t offset = 0;
  const auto size = static_cast<std::int32_t>(std::min<std::size_t>(name.size(), 4096));
  while (offset < size) {
    std::int32_t start = offset;
    std::int32_t c = text::next_code_point(name.substr(0, static_cast<std::size_t>(size)), offset);
    if (c < 0 || hidden_code_point(c)) continue;
    if (out.empty() && (c == '.' || c == ' ')) continue;
    std::string_view piece =
        name.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(offset - start));
    if (out.size() + piece.size() > k_max_file_name_bytes) break;
    out += piece;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string clean_file_name(std::string_view name, DocumentType type) {
  std::string out = clean_file_name(name);
  std::string suffix = "." + std::string(extension(type));
  std::string lower = out;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (out.empty()) return "document" + suffix;
  if (!lower.ends_with(suffix)) {
    // Keep the whole name within the limit with the extension added.
    while (out.size() + suffix.size() > k_max_file_name_bytes) {
      out.pop_back();
      // Never end inside a multi-byte character.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
        out.pop_back();
      }
      if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80) != 0) out.pop_back();
    }
    out += suffix;
  }
  return out;
}

std::string attachment_disposition(std::string_view file_name) {
  std::string ascii;
  std::string encoded;
  for (char ch : file_name) {
    auto byte = static_cast<unsigned char>(ch);
    bool plain = byte >= 0x20 && byte < 0x7f;
    // One '_' per character that ASCII cannot hold (not per byte of it).
    if (plain && ch != '"' && ch != '\\') {
      ascii += ch;
    } else if ((byte & 0xC0) != 0x80) {
      ascii += '_';
    }
    // RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" /
    // "`" / "|" / "~"; everything else percent-encoded.
    bool attr_char = std::isalnum(byte) != 0 ||
                     std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
    if (attr_char && byte < 0x80) {
      encoded += ch;
    } else {
      encoded += fmt::format("%{:02X}", byte);
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

std::string sha256_hex(std::string_view bytes) {
  Digest digest = sha256(bytes);
  std::string out;
  out.reserve(64);
  for (std::uint8_t byte : digest) out += fmt::format("{:02x}", byte);
  return out;
}

bool is_sha256_hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace ccteam::io
