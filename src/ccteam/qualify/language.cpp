#include "ccteam/qualify/language.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

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
    {"zweisprachig", Cefr::c2},
    {"business fluent", Cefr::c1},
    {"full professional proficiency", Cefr::c1},
    {"fließend in Wort und Schrift", Cefr::c1},
    {"verhandlungssicher", Cefr::c1},
    {"fluent", Cefr::c1},
    {"proficient", Cefr::c1},
    {"fließend", Cefr::c1},
    {"professional working proficiency", Cefr::b2},
    {"upper intermediate", Cefr::b2},
    {"very good", Cefr::b2},
    {"advanced", Cefr::b2},
    {"sehr gute Kenntnisse", Cefr::b2},
    {"sehr gut", Cefr::b2},
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

const std::map<std::string, std::string>& language_names() {
  static const std::map<std::string, std::string> names = [] {
    std::map<std::string, std::string> out;
    for (const char* const* code = uloc_getISOLanguages(); *code != nullptr; ++code) {
      if (std::string_view(*code).size() != 2) continue;
      icu::Locale locale(*code);
      for (const char* display : {"en", "de"}) {
        icu::UnicodeString name;
        locale.getDisplayLanguage(icu::Locale(display), name);
        std::string utf8;
        name.toUTF8String(utf8);
        out.emplace(text::fold(utf8), *code);
      }
      out.emplace(*code, *code);
    }
    return out;
  }();
  return names;
}

}  // namespace

std::optional<std::string> language_code(std::string_view name) {
  std::vector<std::string> w = text::words(name);
  std::string joined;
  for (const std::string& s : w) joined += (joined.empty() ? "" : " ") + s;
  const auto& names = language_names();
  if (auto it = names.find(joined); it != names.end()) return it->second;
  return std::nullopt;
}

std::optional<Cefr> cefr_of(std::string_view fluency) {
  std::vector<std::string> w = text::words(fluency);
  for (const std::string& word : w) {
    if (auto level = catalog::parse_cefr(word); level && word.size() == 2) return level;
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

}  // namespace ccteam::qualify
