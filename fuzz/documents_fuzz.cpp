// Fuzz target: what the workspace reads from an uploaded document before storing it (the
// multipart/form-data body of the application form, the document's type by content with a
// DOCX's ZIP directory, its file name) must take any bytes without a crash, hang or throw, and
// a cleaned name never holds a path separator or a control character.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/workspace/documents.hpp"
#include "server/http/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ccteam;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto parts = server::parse_multipart("multipart/form-data; boundary=x", bytes)) {
    for (const server::FormPart& part : *parts) {
      if (part.body.data() < bytes.data() ||
          part.body.data() + part.body.size() > bytes.data() + bytes.size()) {
        std::abort();
      }
    }
  }
  (void)io::check_document(bytes, "fuzz");
  std::string name = io::clean_file_name(bytes, io::DocumentType::pdf);
  if (name.size() > 120 || !name.ends_with(".pdf")) std::abort();
  for (char c : name) {
    if (c == '/' || c == '\\' || (static_cast<unsigned char>(c) < 0x20) || c == 0x7f) {
      std::abort();
    }
  }
  (void)io::attachment_disposition(name);
  return 0;
}
