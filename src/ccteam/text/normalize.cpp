#include "ccteam/text/normalize.hpp"

#include <algorithm>
#include <array>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace ccteam::text {

std::int32_t next_code_point(std::string_view utf8, std::int32_t& offset) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto size = static_cast<std::int32_t>(utf8.size());
  UChar32 c = 0;
// ICU's U8_NEXT macro narrows int to uint8_t internally; the conversion is intended there.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
  U8_NEXT(bytes, offset, size, c);
#pragma GCC diagnostic pop
  return c;
}

namespace {

bool is_lower_ascii_or_letter(char c) { return (c >= 'a' && c <= 'z') || (c & 0x80) != 0; }
bool is_letter_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of the gender marker at 'i' ("*innen", ":in", "_innen", "/-innen", "/innen", "Innen"
// after a lower-case letter), or 0 when there is none. The marker must end the word.
std::size_t gender_marker(std::string_view s, std::size_t i) {
  auto ends_word = [&](std::size_t end) { return end >= s.size() || !is_letter_ascii(s[end]); };
  auto suffix_at = [&](std::size_t at, std::string_view lower, std::string_view upper) {
    for (std::string_view form : {lower, upper}) {
      if (s.substr(at, form.size()) == form && ends_word(at + form.size())) return form.size();
    }
    return std::size_t{0};
  };
  char c = s[i];
  if (c == '*' || c == ':' || c == '_' || c == '/') {
    if (i == 0 || !is_letter_ascii(s[i - 1])) return 0;
    std::size_t at = i + 1;
    if (c == '/' && at < s.size() && s[at] == '-') ++at;
    std::size_t n = suffix_at(at, "innen", "Innen");
    if (n == 0) n = suffix_at(at, "in", "In");
    return n == 0 ? 0 : at - i + n;
  }
  if (c == 'I' && i > 0 && is_lower_ascii_or_letter(s[i - 1]) && s[i - 1] != ' ') {
    if (s.substr(i, 5) == "Innen" && ends_word(i + 5)) return 5;
    // "BeraterIn" but not "LinkedIn": the singular only after "-er".
    if (s.substr(i, 2) == "In" && ends_word(i + 2) && i >= 2 && s.substr(i - 2, 2) == "er")
      return 2;
  }
  return 0;
}

}  // namespace

std::string fold_gendered_forms(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t kept = 0;  // utf8[kept, i) is still to be copied
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const char c = utf8[i];
    if (c != '*' && c != ':' && c != '_' && c != '/' && c != 'I') continue;  // no marker here
    const std::size_t n = gender_marker(utf8, i);
    if (n == 0) continue;
    out.append(utf8.substr(kept, i - kept));
    i += n - 1;
    kept = i + 1;
  }
  out.append(utf8.substr(kept));
  return out;
}

namespace {

// Appends the case folding of 'code' (U+0080..U+00FF) to 'out' as UTF-8, per fold_latin1's
// rules below.
void append_folded_latin1(unsigned code, std::string& out) {
  if (code == 0xB5) {
    out += "\xCE\xBC";  // U+03BC
    return;
  }
  if (code == 0xDF) {
    out += "ss";
    return;
  }
  if (code >= 0xC0 && code <= 0xDE && code != 0xD7) code += 0x20;
  out += static_cast<char>(0xC0 | (code >> 6));
  out += static_cast<char>(0x80 | (code & 0x3F));
}

// fold() of text made of ASCII and Latin-1 Supplement letters (U+0080..U+00FF: German
// umlauts and ß, French and Spanish accents), the usual non-ASCII in résumés, without ICU.
// Such text is already NFC: none of these characters decomposes differently or composes with a
// neighbour (all have NFC_Quick_Check=Yes and canonical combining class 0). Case folding per
// Unicode CaseFolding.txt: U+00C0..U+00DE except U+00D7 (multiplication sign) fold to the
// letter 0x20 above; "00B5; C; 03BC" (micro sign to Greek mu); "00DF; F; 0073 0073" (sharp s to
// "ss"); all other characters of the block fold to themselves. Empty when the text holds
// anything else. A test compares it with ICU for every character of the block.
std::optional<std::string> fold_latin1(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + 2);
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 0x20 : c);
      continue;
    }
    // U+0080..U+00FF is C2 80..C3 BF in UTF-8.
    if ((c != 0xC2 && c != 0xC3) || i + 1 >= utf8.size()) return std::nullopt;
    const auto next = static_cast<unsigned char>(utf8[i + 1]);
    if ((next & 0xC0) != 0x80) return std::nullopt;
    ++i;
    append_folded_latin1(((c & 0x1Fu) << 6) | (next & 0x3Fu), out);
  }
  return out;
}

}  // namespace

std::string fold(std::string_view utf8) {
  if (std::optional<std::string> out = fold_latin1(utf8)) return std::move(*out);
  // Any other text through ICU in UTF-16 (ill-formed UTF-8 becomes U+FFFD on the way in).
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString normal = nfc->normalize(text, status);
    if (U_SUCCESS(status)) text = normal;
  }
  text.foldCase(U_FOLD_CASE_DEFAULT);
  std::string out;
  text.toUTF8String(out);
  return out;
}

FoldedText fold_with_origin(std::string_view utf8) {
  FoldedText out;
  out.text.reserve(utf8.size());
  out.origin.reserve(utf8.size());
  if (std::ranges::all_of(utf8, [](char c) { return (c & 0x80) == 0; })) {
    for (std::size_t i = 0; i < utf8.size(); ++i) {
      char c = utf8[i];
      out.text += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      out.origin.push_back(static_cast<std::uint32_t>(i));
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  auto size = static_cast<std::int32_t>(utf8.size());
  // One NFC segment at a time: a character that starts a segment (hasBoundaryBefore) ends the
  // previous one; fold(segment) is then what fold() makes of those characters in context.
  std::int32_t segment = 0;
  auto flush = [&](std::int32_t end) {
    if (end <= segment) return;
    if (end - segment == 1 && (utf8[static_cast<std::size_t>(segment)] & 0x80) == 0) {
      char c = utf8[static_cast<std::size_t>(segment)];  // ASCII alone: no ICU call
      out.text += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      out.origin.push_back(static_cast<std::uint32_t>(segment));
      segment = end;
      return;
    }
    std::string folded = fold(
        utf8.substr(static_cast<std::size_t>(segment), static_cast<std::size_t>(end - segment)));
    out.text += folded;
    out.origin.insert(out.origin.end(), folded.size(), static_cast<std::uint32_t>(segment));
    segment = end;
  };
  for (std::int32_t i = 0; i < size;) {
    std::int32_t start = i;
    UChar32 c = next_code_point(utf8, i);
    bool boundary = c < 0 || U_FAILURE(status) || nfc->hasBoundaryBefore(c);
    if (boundary) flush(start);
  }
  flush(size);
  return out;
}

namespace {

// The length 'word' keeps once strip_feminine_suffix has removed "-in"/"-innen".
std::size_t without_feminine_suffix(std::string_view word) {
  static constexpr std::array<std::string_view, 11> k_stems = {
      "er", "ent", "ant", "ist", "eur", "or", "og", "at", "kund", "kolleg", "beamt"};
  if (word.empty() || word.back() != 'n') return word.size();  // both endings end in 'n'
  for (std::string_view ending : {std::string_view("innen"), std::string_view("in")}) {
    if (word.size() < ending.size() + 3 || !word.ends_with(ending)) continue;
    std::string_view base = word.substr(0, word.size() - ending.size());
    for (std::string_view stem : k_stems) {
      if (base.ends_with(stem) && base.size() >= 3) return base.size();
    }
    return word.size();
  }
  return word.size();
}

}  // namespace

std::string strip_feminine_suffix(std::string word) {
  word.resize(without_feminine_suffix(word));
  return word;
}

namespace {

// ASCII text needs no ICU: NFC leaves it unchanged, default case folding of ASCII is
// lower-casing, and its letters and digits are [A-Za-z0-9]. Same result, much faster.
// The next string of 'out' to write a word into: out[n] when there is one (its capacity is
// reused), else a new one.
[[gnu::noinline]] void add_word(std::vector<std::string>& out) { out.emplace_back(); }
inline std::string& next_word(std::vector<std::string>& out, std::size_t& n) {
  if (n == out.size()) [[unlikely]]
    add_word(out);
  return out[n++];
}

// Per ASCII byte: the byte lower-cased when it is a letter or digit, 0 when it is neither (a
// word's end); 0 for bytes of 0x80 and above too.
constexpr std::array<char, 256> k_ascii_word_bytes = [] {
  std::array<char, 256> out{};
  for (int c = 0; c < 0x80; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out[static_cast<std::size_t>(c)] = static_cast<char>(c);
    if (c >= 'A' && c <= 'Z') out[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}();
inline char ascii_word_byte(char c) { return k_ascii_word_bytes[static_cast<unsigned char>(c)]; }

// Appends the words of 'text' to out[n...] (see next_word); returns the new count.
std::size_t ascii_words(std::string_view text, std::vector<std::string>& out, std::size_t n) {
  for (std::size_t i = 0; i < text.size();) {
    if (ascii_word_byte(text[i]) == 0) {
      ++i;
      continue;
    }
    // Lower-cased while its end is looked for, into a buffer on the stack (one pass over the
    // word), then into the vector's string, cut to its length without a feminine suffix (no
    // temporary strings; this runs for every word screened). A longer word goes on in chunks.
    std::string& word = next_word(out, n);
    word.clear();
    std::array<char, 64> buffer;  // NOLINT: written before it is read
    std::size_t end = i;
    for (;;) {
      const std::size_t from = end;
      const std::size_t stop = std::min(text.size(), from + buffer.size());
      for (char c = 0; end < stop && (c = ascii_word_byte(text[end])) != 0; ++end) {
        buffer[end - from] = c;
      }
      word.append(buffer.data(), end - from);
      if (end - from < buffer.size()) break;
    }
    word.resize(without_feminine_suffix(word));
    i = end;
  }
  return n;
}

// Whether each character of U+0080..U+00FF is a letter or digit once folded (u_isalnum of its
// case folding: µ folds to the letter μ, ß to "ss"; ², ¼ and the like are no digits to ICU),
// asked of ICU once.
const std::array<bool, 128>& latin1_alnum() {
  static const std::array<bool, 128> table = [] {
    std::array<bool, 128> out{};
    for (UChar32 c = 0x80; c <= 0xFF; ++c) {
      const UChar32 folded = c == 0xB5   ? 0x3BC
                             : c == 0xDF ? 's'
                                         : u_foldCase(c, U_FOLD_CASE_DEFAULT);
      out[static_cast<std::size_t>(c - 0x80)] = u_isalnum(folded) != 0;
    }
    return out;
  }();
  return table;
}

// The words of 'text', which holds only ASCII and well-formed characters of U+0080..U+00FF,
// into out[n...] (see next_word); returns the new count. The same words as folding the whole
// text (fold_latin1) and splitting it, in one pass without the folded copy: each character of
// the block folds on its own (fold_latin1's rules) and a word is a run of letters and digits.
std::size_t latin1_words(std::string_view text, std::vector<std::string>& out, std::size_t n) {
  const std::array<bool, 128>& alnum = latin1_alnum();
  std::string* word = nullptr;  // the word being written, if any
  auto end_word = [&] {
    if (word != nullptr) word->resize(without_feminine_suffix(*word));
    word = nullptr;
  };
  auto in_word = [&]() -> std::string& {
    if (word == nullptr) {
      word = &next_word(out, n);
      word->clear();
    }
    return *word;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (ascii_word_byte(text[i]) == 0) {
        end_word();
        continue;
      }
      // A run of ASCII letters and digits, appended at once and lower-cased in place.
      std::size_t end = i + 1;
      while (end < text.size() && ascii_word_byte(text[end]) != 0) ++end;
      std::string& w = in_word();
      const std::size_t from = w.size();
      w.append(text.substr(i, end - i));
      for (std::size_t k = from; k < w.size(); ++k) w[k] = ascii_word_byte(w[k]);
      i = end - 1;
      continue;
    }
    const auto next = static_cast<unsigned char>(text[++i]);  // checked by the caller
    const unsigned code = ((c & 0x1Fu) << 6) | (next & 0x3Fu);
    if (!alnum[code - 0x80]) {
      end_word();
      continue;
    }
    append_folded_latin1(code, in_word());
  }
  end_word();
  return n;
}

// What words_into must know of a text before it splits it: is it ASCII, or else of ASCII and
// well-formed characters of U+0080..U+00FF only (C2 or C3 and one continuation byte), and does
// it hold a gender marker?
struct TextKind {
  bool ascii = true;
  bool latin1 = true;
  bool marker = false;
};

// Whether byte 'c' needs a look in text_kind: 0x80 and above, or a character that may start a
// gender marker ("Inbound" starts with a capital I, but not a marker).
constexpr std::array<bool, 256> k_needs_look = [] {
  std::array<bool, 256> out{};
  for (std::size_t c = 0x80; c < out.size(); ++c) out[c] = true;
  for (char c : {'*', ':', '_', '/', 'I'}) out[static_cast<unsigned char>(c)] = true;
  return out;
}();
inline bool needs_look(unsigned char c) { return k_needs_look[c]; }

// text_kind's look at byte i (needs_look); returns where to go on.
std::size_t look_at(std::string_view utf8, std::size_t i, TextKind& kind) {
  const auto c = static_cast<unsigned char>(utf8[i]);
  if (c >= 0x80) {
    kind.ascii = false;
    if ((c != 0xC2 && c != 0xC3) || i + 1 >= utf8.size() ||
        (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) != 0x80) {
      kind.latin1 = false;
      return i + 1;
    }
    return i + 2;  // a continuation byte is no marker
  }
  if (!kind.marker) kind.marker = gender_marker(utf8, i) > 0;
  return i + 1;
}

TextKind text_kind(std::string_view utf8) {
  TextKind kind;
  std::size_t i = 0;
#if defined(__SSE2__)
  // 16 bytes at a time: most blocks hold no byte that needs a look.
  const __m128i star = _mm_set1_epi8('*');
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i underscore = _mm_set1_epi8('_');
  const __m128i slash = _mm_set1_epi8('/');
  const __m128i capital_i = _mm_set1_epi8('I');
  while (i + 16 <= utf8.size()) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(utf8.data() + i));
    const __m128i marks = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(b, star), _mm_cmpeq_epi8(b, colon)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, underscore), _mm_cmpeq_epi8(b, slash)),
                     _mm_cmpeq_epi8(b, capital_i)));
    // Bit k: byte k is 0x80 or above (its top bit), or may start a marker.
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(b) | _mm_movemask_epi8(marks));
    if (mask == 0) {
      i += 16;
      continue;
    }
    const std::size_t end = i + 16;
    i += static_cast<std::size_t>(__builtin_ctz(mask));
    while (i < end) {
      i = needs_look(static_cast<unsigned char>(utf8[i])) ? look_at(utf8, i, kind) : i + 1;
    }
  }
#endif
  while (i < utf8.size()) {
    i = needs_look(static_cast<unsigned char>(utf8[i])) ? look_at(utf8, i, kind) : i + 1;
  }
  return kind;
}

}  // namespace

std::vector<std::string> words(std::string_view utf8) {
  std::vector<std::string> out;
  out.reserve(utf8.size() / 6 + 1);  // about one word per six bytes of prose
  words_into(utf8, out);
  return out;
}

void words_into(std::string_view utf8, std::vector<std::string>& out) {
  // One pass: is the text ASCII, or else of ASCII and well-formed characters of U+0080..U+00FF
  // only (C2 or C3 and one continuation byte), and does it hold a gender marker? (Only then is
  // a folded copy made; "Inbound" starts with a capital I, but not a marker.)
  const TextKind kind = text_kind(utf8);
  const bool ascii = kind.ascii;
  const bool latin1 = kind.latin1;
  const bool marker = kind.marker;
  std::string gender_folded;
  std::string_view input = utf8;
  if (marker) {
    gender_folded = fold_gendered_forms(utf8);
    input = gender_folded;
  }
  std::size_t n = 0;
  if (ascii) {  // folding gendered forms removes only ASCII
    out.resize(ascii_words(input, out, n));
    return;
  }
  if (latin1) {  // German and Western European text (folding gendered forms keeps it so)
    out.resize(latin1_words(input, out, n));
    return;
  }
  // Words are runs of letters and digits (u_isalnum) in the folded text, which fold() writes
  // as well-formed UTF-8 (ill-formed input comes out with U+FFFD).
  const std::string folded = fold(input);
  const auto size = static_cast<std::int32_t>(folded.size());
  // Whether the code point at 'i' is a letter or digit; moves 'i' past it.
  auto alnum_at = [&](std::int32_t& i) {
    const auto byte = static_cast<unsigned char>(folded[static_cast<std::size_t>(i)]);
    if (byte < 0x80) {  // ASCII, most of the text: no ICU call
      ++i;
      return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
             (byte >= '0' && byte <= '9');
    }
    const UChar32 c = next_code_point(folded, i);
    return c >= 0 && u_isalnum(c) != 0;
  };
  std::int32_t i = 0;
  while (i < size) {
    std::int32_t start = i;
    if (!alnum_at(i)) continue;
    std::int32_t end = i;
    while (i < size && alnum_at(i)) end = i;
    std::string& word = next_word(out, n);
    word.assign(folded, static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    word.resize(without_feminine_suffix(word));
  }
  out.resize(n);
}

bool is_blank(std::string_view utf8) {
  // An ASCII letter or digit answers at once; ASCII-only text has no other letters or digits.
  bool ascii = true;
  for (char c : utf8) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
    ascii = ascii && (c & 0x80) == 0;
  }
  if (ascii) return true;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    if (u_isalnum(text.char32At(i))) return false;
  }
  return true;
}

}  // namespace ccteam::text
