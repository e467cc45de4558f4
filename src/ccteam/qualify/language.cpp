#include "ccteam/qualify/language.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include "ccteam/qualify/person.hpp"
#include "ccteam/text/normalize.hpp"

namespace ccteam::qualify {

namespace {

using catalog::Cefr;

struct FluencyRow {
  std::string_view words;
  Cefr level;
};

constexpr FluencyRow k_fluency[] = {
    {"native speaker", Cefr::c2},
    {"mother tongue", Cefr::c2},
    {"first language", Cefr::c2},
    {"native", Cefr::c2},
    {"bilingual", Cefr::c2},
    {"Muttersprache", Cefr::c2},
    {"muttersprachlich", Cefr::c2},
    {"Muttersprachler", Cefr::c2},
    {"zweisprachig", Cefr::c2},
    {"business fluent", Cefr::c1},
    {"full professional proficiency", Cefr::c1},
    {"fließend in Wort und Schrift", Cefr::c1},
    {"verhandlungssicher", Cefr::c1},
    {"fluent", Cefr::c1},
    {"proficient", Cefr::c1},
    {"fließend", Cefr::c1},
    {"fließende", Cefr::c1},
    {"professional working proficiency", Cefr::b2},
    {"upper intermediate", Cefr::b2},
    {"very good", Cefr::b2},
    {"advanced", Cefr::b2},
    {"sehr gute Kenntnisse", Cefr::b2},
    {"sehr gut", Cefr::b2},
    {"fortgeschritten", Cefr::b2},
    {"fortgeschrittene", Cefr::b2},
    {"limited working proficiency", Cefr::b1},
    {"intermediate", Cefr::b1},
    {"conversational", Cefr::b1},
    {"gute Kenntnisse", Cefr::b1},
    {"good", Cefr::b1},
    {"gut", Cefr::b1},
    {"Grundkenntnisse", Cefr::a2},
    {"Basiskenntnisse", Cefr::a2},
    {"elementary", Cefr::a2},
    {"basic", Cefr::a2},
    {"beginner", Cefr::a1},
    {"Anfänger", Cefr::a1},
};

bool contains_run(const std::vector<std::string>& text, const std::vector<std::string>& run) {
  if (run.empty() || run.size() > text.size()) return false;
  return std::search(text.begin(), text.end(), run.begin(), run.end()) != text.end();
}

// ICU's display name of 'code' in 'display' ("de" in "en": "German"); empty when it has none
// (ICU then returns the code).
std::string display_name(const char* code, const char* display) {
  icu::UnicodeString name;
  icu::Locale(code).getDisplayLanguage(icu::Locale(display), name);
  std::string utf8;
  name.toUTF8String(utf8);
  return utf8 == code ? "" : utf8;
}

// Every two-letter ISO 639 code with its English and German name, read from ICU once.
const std::map<std::string, LocalizedText, std::less<>>& display_names() {
  static const std::map<std::string, LocalizedText, std::less<>> names = [] {
    std::map<std::string, LocalizedText, std::less<>> out;
    for (const char* const* c = uloc_getISOLanguages(); *c != nullptr; ++c) {
      if (std::string_view(*c).size() != 2) continue;
      out.emplace(*c, LocalizedText{display_name(*c, "en"), display_name(*c, "de")});
    }
    return out;
  }();
  return names;
}

// Folded names in both languages, and the codes themselves, to the code.
const std::map<std::string, std::string>& language_names() {
  static const std::map<std::string, std::string> names = [] {
    std::map<std::string, std::string> out;
    for (const auto& [code, name] : display_names()) {
      for (const std::string& n : {name.en, name.de}) {
        if (!n.empty()) out.emplace(text::fold(n), code);
      }
      out.emplace(code, code);
    }
    return out;
  }();
  return names;
}

}  // namespace

LocalizedText language_name(const std::string& code) {
  if (auto it = display_names().find(code); it != display_names().end()) {
    const LocalizedText& name = it->second;
    if (!name.en.empty() && !name.de.empty()) return name;
  }
  return LocalizedText{code, code};
}

std::optional<std::string> language_code(std::string_view name) {
  const auto& names = language_names();
  auto lookup = [&](std::string_view text) -> std::optional<std::string> {
    std::vector<std::string> w = text::words(text);
    std::string joined;
    for (const std::string& s : w) joined += (joined.empty() ? "" : " ") + s;
    if (auto it = names.find(joined); it != names.end()) return it->second;
    return std::nullopt;
  };
  if (std::optional<std::string> code = lookup(name)) return code;
  // "Deutsch (Muttersprache)": the name before a remark in parentheses.
  if (std::size_t open = name.find('('); open != std::string_view::npos && open > 0) {
    return lookup(name.substr(0, open));
  }
  return std::nullopt;
}

std::optional<Cefr> cefr_of(std::string_view fluency) {
  std::vector<std::string> w = text::words(fluency);
  // Levels written out; of several ("B2/C1") the lowest, the level the person surely claims.
  std::optional<Cefr> written;
  for (const std::string& word : w) {
    if (auto level = catalog::parse_cefr(word); level && word.size() == 2) {
      if (!written || *level < *written) written = level;
    }
  }
  if (written) return written;
  // "not fluent", "nicht fließend", "keine Kenntnisse": a negated level cannot be placed.
  static const std::vector<std::string> k_negations = {"not", "nicht", "kein", "keine"};
  for (const std::string& word : w) {
    if (std::ranges::find(k_negations, word) != k_negations.end()) return std::nullopt;
  }
  static const std::vector<std::vector<std::string>> k_row_words = [] {
    std::vector<std::vector<std::string>> rows;
    for (const FluencyRow& row : k_fluency) rows.push_back(text::words(row.words));
    return rows;
  }();
  for (std::size_t i = 0; i < k_row_words.size(); ++i) {
    if (contains_run(w, k_row_words[i])) return k_fluency[i].level;
  }
  return std::nullopt;
}

std::vector<LanguageMention> languages_in_text(std::string_view text, std::size_t max) {
  constexpr std::size_t k_window = 4;  // words read for a level after a name
  // Words that make a level something other than what the person has now: a goal, a course,
  // an exam failed ("Englisch: Ziel C1", "C1-Kurs abgebrochen", "C1 exam failed").
  static const std::vector<std::string> k_not_a_level = {
      "ziel",   "target", "goal",     "angestrebt", "failed", "abgebrochen", "kurs",
      "course", "lerne",  "learning", "bestanden",  "passed", "exam",        "prüfung"};
  const auto& names = language_names();
  std::vector<LanguageMention> out;
  int line_number = 0;
  auto read_clause = [&](std::string_view clause) {
    std::vector<std::string> w = text::words(clause);
    auto code_at = [&](std::size_t i) -> const std::string* {
      if (w[i].size() < 4) return nullptr;
      auto it = names.find(w[i]);
      return it == names.end() || it->second == w[i] ? nullptr : &it->second;
    };
    for (std::size_t i = 0; i < w.size() && out.size() < max; ++i) {
      const std::string* code = code_at(i);
      if (code == nullptr) continue;
      std::string after;
      bool plain = true;
      for (std::size_t j = i + 1; j < w.size() && j <= i + k_window && code_at(j) == nullptr; ++j) {
        after += (after.empty() ? "" : " ") + w[j];
        plain = plain && std::ranges::find(k_not_a_level, w[j]) == k_not_a_level.end();
      }
      if (!plain) continue;
      if (std::optional<Cefr> level = cefr_of(after)) {
        out.push_back({*code, *level, std::move(after), line_number});
      }
    }
  };
  for_each_document_line(text, [&](int number, std::string_view line) {
    if (out.size() >= max) return false;
    line_number = number;
    // A level belongs to the language of its clause: "English-speaking customers, native German
    // speaker" states no level for English.
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
      bool boundary = i == line.size() || line[i] == ',' || line[i] == ';' || line[i] == '.' ||
                      line[i] == '|' || (line.substr(i).starts_with("\u2022")) ||  // bullet
                      (line.substr(i).starts_with("\u00b7"));                      // middle dot
      if (!boundary) continue;
      if (i > start) read_clause(line.substr(start, i - start));
      start = i + 1;
    }
    return true;
  });
  return out;
}

}  // namespace ccteam::qualify
