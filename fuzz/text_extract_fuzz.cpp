// Fuzz target: reading an applicant's document's text (ccteam-extract's parsers: poppler for
// PDF, libzip and pugixml for DOCX) and finding the languages a CV names with a level must take
// any bytes without a crash, hang or throw; the text stays within its limit.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ccteam/qualify/language.hpp"
#include "io/workspace/text_extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ccteam;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  io::TextLimits limits;
  limits.max_text_bytes = 4096;
  limits.max_docx_xml_bytes = 1 << 20;
  limits.max_pdf_pages = 5;
  for (const io::TextResult& text : {io::pdf_text(bytes, limits), io::docx_text(bytes, limits)}) {
    if (text.text.size() > limits.max_text_bytes) std::abort();
  }
  if (qualify::languages_in_text(bytes, 20).size() > 20) std::abort();
  return 0;
}
