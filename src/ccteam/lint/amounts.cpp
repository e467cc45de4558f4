#include "ccteam/lint/amounts.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "ccteam/lint/patterns.hpp"
#include "ccteam/text/normalize.hpp"

namespace ccteam::lint {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ISO 4217 codes of the currencies of the countries in the rule data (US, the EU's member
// states and their neighbours), compared case-insensitively.
constexpr std::array<std::string_view, 12> k_codes = {"eur", "usd", "pln", "czk", "huf", "ron",
                                                      "bgn", "sek", "dkk", "chf", "gbp", "nok"};
// Signs written before or after the number.
constexpr std::array<std::string_view, 3> k_signs = {"$", "\xE2\x82\xAC", "\xC2\xA3"};  // $ € £
// Signs and words written after the number only.
constexpr std::array<std::string_view, 3> k_after = {"z\xC5\x82", "euro", "dollar"};  // zł

// The length of the currency code at 'k' when it stands as a word of its own, else 0.
std::size_t code_at(const std::string& text, std::size_t k) {
  if (k > 0 && is_letter(text[k - 1])) return 0;
  for (std::string_view code : k_codes) {
    if (k + code.size() > text.size()) continue;
    bool same = true;
    for (std::size_t j = 0; j < code.size() && same; ++j) {
      char c = text[k + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == code[j];
    }
    std::size_t end = k + code.size();
    if (same && (end == text.size() || !is_letter(text[end]))) return code.size();
  }
  return 0;
}

std::size_t sign_at(const std::string& text, std::size_t k) {
  for (std::string_view sign : k_signs) {
    if (text.compare(k, sign.size(), sign) == 0) return sign.size();
  }
  return 0;
}

std::size_t skip_spaces(const std::string& text, std::size_t k) {
  while (k < text.size()) {
    if (text[k] == ' ') {
      ++k;
    } else if (text.compare(k, 2, "\xC2\xA0") == 0 || text.compare(k, 3, "\xE2\x80\xAF") == 0) {
      k += text[k] == '\xC2' ? std::size_t{2}
                             : std::size_t{3};  // no-break space, narrow no-break space
    } else {
      break;
    }
  }
  return k;
}

// The number at 'i' ("8,500", "1.150", "17.50", "8 500"); 'end' is set past it.
std::optional<double> parse_number(const std::string& text, std::size_t i, Lang lang,
                                   std::size_t& end) {
  std::string digits;
  bool decimal = false;
  std::size_t j = i;
  const char thousands = lang == Lang::de ? '.' : ',';
  const char point = lang == Lang::de ? ',' : '.';
  while (j < text.size()) {
    char c = text[j];
    bool digit_follows = j + 1 < text.size() && is_digit(text[j + 1]);
    // A group of three digits after a separator: "8,500", "1.150", "8 500".
    bool group = j + 3 < text.size() && digit_follows && is_digit(text[j + 2]) &&
                 is_digit(text[j + 3]) && (j + 4 == text.size() || !is_digit(text[j + 4]));
    if (is_digit(c)) {
      digits += c;
    } else if ((c == thousands || c == ' ') && !decimal && group) {
      // thousands separator
    } else if (c == point && !decimal && digit_follows) {
      digits += '.';
      decimal = true;
    } else {
      break;
    }
    ++j;
  }
  end = j;
  if (digits.empty() || digits.size() > 12 || digits.back() == '.') return std::nullopt;
  return std::stod(digits);
}

}  // namespace

std::vector<Amount> amounts(const std::string& text, Lang lang) {
  std::vector<Amount> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t end = 0;
    std::size_t before = sign_at(text, i);
    if (before == 0) before = code_at(text, i);
    if (before > 0) {
      std::size_t k = skip_spaces(text, i + before);
      if (k < text.size() && is_digit(text[k])) {
        if (auto v = parse_number(text, k, lang, end)) {
          out.push_back(Amount{i, end, *v, false});
          i = end - 1;
          continue;
        }
      }
      i += before - 1;
      continue;
    }
    if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || is_letter(text[i - 1]))))
      continue;
    auto v = parse_number(text, i, lang, end);
    if (!v) continue;
    std::size_t k = skip_spaces(text, end);
    bool currency = sign_at(text, k) > 0 || code_at(text, k) > 0 ||
                    std::any_of(k_after.begin(), k_after.end(), [&](std::string_view a) {
                      return text.compare(k, a.size(), a) == 0;
                    });
    if (currency) out.push_back(Amount{i, end, *v, false});
    i = end - 1;
  }
  for (Amount& a : out) {
    std::string rest = text::fold(std::string_view(text).substr(a.start, 60));
    a.hourly = !find_phrase(rest, "per hour").empty() || !find_phrase(rest, "an hour").empty() ||
               !find_phrase(rest, "pro stunde").empty() ||
               !find_phrase(rest, "stündlich").empty() || !find_phrase(rest, "hourly").empty() ||
               rest.find("/h") != std::string::npos;
  }
  return out;
}

}  // namespace ccteam::lint
