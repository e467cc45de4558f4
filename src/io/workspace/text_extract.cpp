#include "io/workspace/text_extract.hpp"

#include <zip.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <climits>
#include <memory>
#include <pugixml.hpp>

namespace ccteam::io {

namespace {

TextResult failed(TextFailure failure, std::string reason) {
  TextResult out;
  out.failure = failure;
  out.reason = std::move(reason);
  return out;
}

// Appends 'piece' to 'out' up to 'max' bytes in all, cut before a UTF-8 continuation byte;
// false once 'out' is full.
bool append_capped(std::string& out, std::string_view piece, std::size_t max) {
  if (out.size() >= max) return false;
  std::size_t room = max - out.size();
  if (piece.size() <= room) {
    out.append(piece);
    return true;
  }
  std::size_t cut = room;
  while (cut > 0 && (static_cast<unsigned char>(piece[cut]) & 0xC0U) == 0x80U) --cut;
  out.append(piece.substr(0, cut));
  return false;
}

// Poppler reports damaged objects on stderr by default; the reasons that matter are in the
// result, so its chatter is dropped.
void quiet(const std::string& /*message*/, void* /*closure*/) {}

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// The local name of an element ("w:t" -> "t"): Word writes the prefix "w", other producers may
// choose another.
std::string_view local_name(const char* name) {
  std::string_view n(name);
  std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// A run no reader sees: hidden (w:vanish, w:specVanish) or in a font under 3 pt (w:sz, in
// half-points): text put there for a screening program, not for people.
bool hidden_run(const pugi::xml_node& run) {
  for (pugi::xml_node properties : run.children()) {
    if (local_name(properties.name()) != "rPr") continue;
    for (pugi::xml_node p : properties.children()) {
      std::string_view name = local_name(p.name());
      std::string_view value;
      for (pugi::xml_attribute a : p.attributes()) {
        if (local_name(a.name()) == "val") value = a.value();
      }
      bool on = value.empty() || (value != "0" && value != "false" && value != "off");
      if ((name == "vanish" || name == "specVanish") && on) return true;
      if (name == "sz" && value.size() == 1 && value[0] >= '0' && value[0] < '6') return true;
    }
  }
  return false;
}

}  // namespace

TextResult pdf_text(std::string_view bytes, const TextLimits& limits) {
  poppler::set_debug_error_function(quiet, nullptr);
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return failed(TextFailure::limit, "PDF larger than 2 GB");
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return failed(TextFailure::unreadable, "damaged PDF");
  if (doc->is_locked()) return failed(TextFailure::unreadable, "encrypted PDF");
  TextResult out;
  out.ok = true;
  int pages = doc->pages();
  int read = 0;
  for (int i = 0; i < pages && static_cast<std::size_t>(i) < limits.max_pdf_pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    ++read;
    poppler::byte_array utf8 = page->text().to_utf8();
    std::string_view piece(utf8.data(), utf8.size());
    if (!append_capped(out.text, piece, limits.max_text_bytes)) break;
    if (!append_capped(out.text, "\n", limits.max_text_bytes)) break;
  }
  // A page tree poppler cannot follow (a /Count that lies, a broken /Kids): no page at all is
  // a damaged file, not a scan without text.
  if (read == 0) return failed(TextFailure::unreadable, "damaged PDF (no page could be read)");
  return out;
}

TextResult docx_text(std::string_view bytes, const TextLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return failed(TextFailure::unreadable, "not a ZIP archive");
  }
  std::unique_ptr<zip_t, ZipDiscard> archive(
      zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    zip_source_free(source);
    std::string reason = std::string("damaged ZIP archive: ") + zip_error_strerror(&error);
    zip_error_fini(&error);
    return failed(TextFailure::unreadable, reason);
  }
  zip_error_fini(&error);
  std::unique_ptr<zip_file_t, ZipFileClose> part(zip_fopen(archive.get(), "word/document.xml", 0));
  if (!part) return failed(TextFailure::unreadable, "no word/document.xml");
  // Read what the part really unpacks to, whatever its header declares, up to the cap.
  std::string xml;
  char buffer[64 * 1024];
  for (;;) {
    zip_int64_t n = zip_fread(part.get(), buffer, sizeof buffer);
    if (n < 0) {
      return failed(TextFailure::unreadable,
                    std::string("damaged word/document.xml: ") + zip_file_strerror(part.get()));
    }
    if (n == 0) break;
    if (xml.size() + static_cast<std::size_t>(n) > limits.max_docx_xml_bytes) {
      return failed(TextFailure::limit, "word/document.xml unpacks to more than " +
                                            std::to_string(limits.max_docx_xml_bytes) + " bytes");
    }
    xml.append(buffer, static_cast<std::size_t>(n));
  }
  pugi::xml_document doc;
  // No DOCTYPE or entity declarations are read (pugixml expands only the five predefined
  // entities and character references): no entity expansion attack.
  pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return failed(TextFailure::unreadable,
                  std::string("damaged word/document.xml: ") + parsed.description());
  }
  TextResult out;
  out.ok = true;
  // Depth first without recursion (a deeply nested hostile part cannot exhaust the stack).
  auto is_paragraph = [](const pugi::xml_node& n) {
    return n.type() == pugi::node_element && local_name(n.name()) == "p";
  };
  pugi::xml_node node = doc.document_element();
  bool room = true;
  while (node && room) {
    if (node.type() == pugi::node_element) {
      std::string_view name = local_name(node.name());
      if (name == "r" && hidden_run(node)) {
        name = "";  // left out with what it holds
      } else if (name == "t") {
        room = append_capped(out.text, node.text().get(), limits.max_text_bytes);
      } else if (name == "tab") {
        room = append_capped(out.text, "\t", limits.max_text_bytes);
      } else if (name == "br" || name == "cr") {
        room = append_capped(out.text, "\n", limits.max_text_bytes);
      }
      if (!name.empty() && name != "t" && node.first_child()) {
        node = node.first_child();
        continue;
      }
    }
    // 'node' is done: on to its next sibling or, past the last, up (each paragraph left ends
    // its line).
    for (;;) {
      // A paragraph ends its line; in a table cell it ends the cell ('\t'), and the row ends
      // the line: "Deutsch | Muttersprache" stays one line.
      if (is_paragraph(node)) {
        bool in_cell = node.parent() && local_name(node.parent().name()) == "tc";
        room = room && append_capped(out.text, in_cell ? "\t" : "\n", limits.max_text_bytes);
      } else if (node.type() == pugi::node_element && local_name(node.name()) == "tr") {
        room = room && append_capped(out.text, "\n", limits.max_text_bytes);
      }
      if (node.next_sibling()) {
        node = node.next_sibling();
        break;
      }
      node = node.parent();
      if (!node || node.type() == pugi::node_document) {
        node = pugi::xml_node();
        break;
      }
    }
  }
  return out;
}

}  // namespace ccteam::io
