// Fuzz target: markdown_to_blocks must take any byte string without crashing, hanging or
// throwing; what it returns has no empty block, no empty line, no line with a line break or
// untrimmed space; and its blocks are a fixed point of the editor's round trip: written by
// blocks_to_markdown and read again, they are the same blocks (when the written text is within
// the size limit; escaping can make it longer than the input).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/posting/posting_markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view markdown(reinterpret_cast<const char*>(data), size);
  auto blocks = ccteam::io::markdown_to_blocks(markdown, "about");
  if (!blocks) return 0;
  constexpr std::string_view k_space = " \t\n\r\f\v";
  for (const ccteam::posting::Block& block : *blocks) {
    if (block.lines.empty()) std::abort();
    for (const std::string& line : block.lines) {
      if (line.empty() || line.find_first_of("\n\r") != std::string::npos) std::abort();
      if (k_space.find(line.front()) != std::string_view::npos) std::abort();
      if (k_space.find(line.back()) != std::string_view::npos) std::abort();
    }
  }
  std::string written = ccteam::io::blocks_to_markdown(*blocks);
  if (written.size() > ccteam::io::k_max_section_markdown_bytes) return 0;
  auto again = ccteam::io::markdown_to_blocks(written, "about");
  if (!again || *again != *blocks) std::abort();
  return 0;
}
