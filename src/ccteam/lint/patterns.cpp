#include "ccteam/lint/patterns.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace ccteam::lint {

namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value of a word of at most four digits; nullopt for anything else.
std::optional<int> small_number(std::string_view s) {
  if (!is_digits(s) || s.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

bool is_age(std::string_view s) {
  auto age = [](std::string_view part) {
    auto n = small_number(part);
    return n && part.size() <= 2 && *n >= 14 && *n <= 79;
  };
  if (age(s)) return true;
  for (std::string_view dash : {std::string_view("-"), std::string_view("\xE2\x80\x93")}) {
    std::size_t at = s.find(dash);
    if (at != std::string_view::npos && age(s.substr(0, at)) && age(s.substr(at + dash.size())))
      return true;
  }
  return false;
}

struct Token {
  enum class Kind { word, age, gap } kind = Kind::word;
  std::vector<std::string> alternatives;
};

std::vector<Token> parse_pattern(std::string_view pattern) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    std::size_t end = pattern.find(' ', i);
    if (end == std::string_view::npos) end = pattern.size();
    std::string_view piece = pattern.substr(i, end - i);
    i = end + 1;
    if (piece.empty()) continue;
    Token token;
    if (piece == "..") {
      token.kind = Token::Kind::gap;
    } else if (piece == "#age") {
      token.kind = Token::Kind::age;
    } else {
      std::size_t k = 0;
      while (k <= piece.size()) {
        std::size_t bar = piece.find('|', k);
        if (bar == std::string_view::npos) bar = piece.size();
        if (bar > k) token.alternatives.emplace_back(piece.substr(k, bar - k));
        k = bar + 1;
      }
    }
    if (out.empty() && token.kind == Token::Kind::gap) continue;
    out.push_back(std::move(token));
  }
  while (!out.empty() && out.back().kind == Token::Kind::gap) out.pop_back();
  return out;
}

bool token_matches(const Token& token, std::string_view word) {
  if (token.kind == Token::Kind::age) return is_age(word);
  return std::any_of(token.alternatives.begin(), token.alternatives.end(),
                     [&](const std::string& alt) { return stem_matches(alt, word); });
}

constexpr std::size_t k_max_gap = 4;

// Matches tokens[k..] at words[i..]; 'last' is the index of the last word matched.
bool match_from(const std::vector<Word>& text_words, std::size_t i,
                const std::vector<Token>& tokens, std::size_t k, std::size_t& last) {
  if (k == tokens.size()) {
    last = i - 1;
    return true;
  }
  if (tokens[k].kind == Token::Kind::gap) {
    for (std::size_t skip = 0; skip <= k_max_gap && i + skip <= text_words.size(); ++skip) {
      if (match_from(text_words, i + skip, tokens, k + 1, last)) return true;
    }
    return false;
  }
  if (i >= text_words.size() || !token_matches(tokens[k], text_words[i].folded)) return false;
  return match_from(text_words, i + 1, tokens, k + 1, last);
}

// Month names, case-folded, English and German (with the Austrian "Jänner").
constexpr std::array<std::string_view, 35> k_months = {
    "january", "february",  "march",   "april",    "may",      "june",    "july",
    "august",  "september", "october", "november", "december", "jan",     "feb",
    "mar",     "apr",       "jun",     "jul",      "aug",      "sep",     "sept",
    "oct",     "nov",       "dec",     "januar",   "jänner",   "februar", "märz",
    "mai",     "juni",      "juli",    "oktober",  "dezember", "feber",   "marz"};

bool is_month(std::string_view w) {
  return std::find(k_months.begin(), k_months.end(), w) != k_months.end();
}

bool is_day(std::string_view w) {
  auto n = small_number(w);
  return n && w.size() <= 2 && *n >= 1 && *n <= 31;
}

bool is_year(std::string_view w) {
  auto n = small_number(w);
  return n && w.size() == 4 && *n >= 2000 && *n <= 2099;
}

// "2027-01-15"
bool is_iso_date(std::string_view w) {
  return w.size() == 10 && w[4] == '-' && w[7] == '-' && is_year(w.substr(0, 4)) &&
         is_digits(w.substr(5, 2)) && is_digits(w.substr(8, 2));
}

}  // namespace

std::vector<Word> words(const std::string& folded) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < folded.size()) {
    auto c = static_cast<unsigned char>(folded[i]);
    if (!is_word_byte(c)) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < folded.size()) {
      auto d = static_cast<unsigned char>(folded[i]);
      bool joiner = (d == '*' || d == ':' || d == '_' || d == '-') && i + 1 < folded.size() &&
                    is_word_byte(static_cast<unsigned char>(folded[i + 1]));
      if (!is_word_byte(d) && !joiner) break;
      ++i;
    }
    out.push_back(Word{start, folded.substr(start, i - start)});
  }
  return out;
}

bool stem_matches(std::string_view stem, std::string_view word) {
  if (!stem.empty() && stem.back() == '*') return word.starts_with(stem.substr(0, stem.size() - 1));
  return word == stem;
}

std::vector<std::size_t> find_phrase(const std::string& folded, const std::string& phrase) {
  std::vector<std::size_t> out;
  bool prefix = !phrase.empty() && phrase.back() == '*';
  std::string body = prefix ? phrase.substr(0, phrase.size() - 1) : phrase;
  if (body.empty()) return out;
  for (std::size_t at = folded.find(body); at != std::string::npos;
       at = folded.find(body, at + 1)) {
    bool start_ok = at == 0 || !is_word_byte(static_cast<unsigned char>(folded[at - 1]));
    std::size_t end = at + body.size();
    bool end_ok =
        prefix || end >= folded.size() || !is_word_byte(static_cast<unsigned char>(folded[end]));
    if (start_ok && end_ok) out.push_back(at);
  }
  return out;
}

std::vector<Match> find_pattern(const std::vector<Word>& text_words, std::string_view pattern) {
  std::vector<Match> out;
  std::vector<Token> tokens = parse_pattern(pattern);
  if (tokens.empty()) return out;
  for (std::size_t i = 0; i < text_words.size(); ++i) {
    std::size_t last = i;
    if (!match_from(text_words, i, tokens, 0, last)) continue;
    out.push_back(Match{i, last, text_words[i].start,
                        text_words[last].start + text_words[last].folded.size()});
    i = last;
  }
  return out;
}

std::vector<std::size_t> find_dates(const std::vector<Word>& text_words) {
  std::vector<std::size_t> out;
  for (std::size_t y = 0; y < text_words.size(); ++y) {
    const std::string& w = text_words[y].folded;
    if (is_iso_date(w)) {
      out.push_back(y);
      continue;
    }
    if (!is_year(w) || y == 0) continue;
    const std::string& before = text_words[y - 1].folded;
    const std::string* two_before = y >= 2 ? &text_words[y - 2].folded : nullptr;
    if (is_month(before)) {
      out.push_back(two_before != nullptr && is_day(*two_before) ? y - 2 : y - 1);
    } else if (is_day(before) && two_before != nullptr &&
               (is_month(*two_before) || is_day(*two_before))) {
      out.push_back(y - 2);
    }
  }
  return out;
}

}  // namespace ccteam::lint
