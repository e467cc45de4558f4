#include "ccteam/qualify/education.hpp"

#include <string_view>
#include <utility>

namespace ccteam::qualify {

namespace {

struct LevelPhrase {
  Lang lang;
  std::string_view phrase;
  IscedLevel isced;
};

using enum IscedLevel;

constexpr LevelPhrase k_levels[] = {
    {Lang::de, "Hauptschulabschluss", lower_secondary},
    {Lang::de, "Erster Schulabschluss", lower_secondary},
    {Lang::de, "Realschulabschluss", lower_secondary},
    {Lang::de, "Mittlere Reife", lower_secondary},
    {Lang::de, "Mittlerer Schulabschluss", lower_secondary},
    {Lang::de, "Fachabitur", upper_secondary},
    {Lang::de, "Fachhochschulreife", upper_secondary},
    {Lang::de, "Abitur", upper_secondary},
    {Lang::de, "Hochschulreife", upper_secondary},
    {Lang::de, "Ausbildung", upper_secondary},
    {Lang::de, "Berufsausbildung", upper_secondary},
    {Lang::de, "duale Ausbildung", upper_secondary},
    {Lang::de, "Kaufmann", upper_secondary},
    {Lang::de, "Kauffrau", upper_secondary},
    {Lang::de, "Servicefachkraft", upper_secondary},
    {Lang::de, "Fachwirt", bachelor},
    {Lang::de, "Meister", bachelor},
    {Lang::de, "staatlich geprüfter Techniker", bachelor},
    {Lang::de, "staatlich geprüfter Betriebswirt", bachelor},
    // A Fachschule's state-certified qualifications are DQR 6; a Berufsfachschule (full-time
    // vocational school, a compound exception below) gives ISCED 3.
    {Lang::de, "Fachschule", bachelor},
    {Lang::de, "Berufsfachschule", upper_secondary},
    {Lang::de, "Betriebswirt IHK", bachelor},
    {Lang::de, "Bachelor", bachelor},
    {Lang::de, "Diplom FH", bachelor},
    {Lang::de, "Diplom", master},
    {Lang::de, "Magister", master},
    {Lang::de, "Staatsexamen", master},
    {Lang::de, "Master", master},
    {Lang::de, "Promotion", doctoral},
    {Lang::de, "Doktor", doctoral},
    {Lang::en, "GCSE", lower_secondary},
    {Lang::en, "GED", upper_secondary},
    {Lang::en, "high school diploma", upper_secondary},
    {Lang::en, "high school", upper_secondary},
    {Lang::en, "A levels", upper_secondary},
    {Lang::en, "A level", upper_secondary},
    {Lang::en, "associate degree", short_cycle_tertiary},
    {Lang::en, "associate of", short_cycle_tertiary},
    {Lang::en, "HND", short_cycle_tertiary},
    {Lang::en, "foundation degree", short_cycle_tertiary},
    {Lang::en, "bachelor", bachelor},
    {Lang::en, "BA", bachelor},
    {Lang::en, "BSc", bachelor},
    {Lang::en, "BCom", bachelor},
    {Lang::en, "master", master},
    {Lang::en, "MA", master},
    {Lang::en, "MSc", master},
    {Lang::en, "MBA", master},
    {Lang::en, "PhD", doctoral},
    {Lang::en, "doctorate", doctoral},
};

// Words that say an entry was not finished ("Ausbildung (abgebrochen)", "BA, dropped out"):
// matched by the same matcher as the levels, with tags after the last level.
constexpr std::pair<Lang, std::string_view> k_not_completed[] = {
    {Lang::de, "abgebrochen"}, {Lang::de, "ohne Abschluss"},   {Lang::de, "nicht abgeschlossen"},
    {Lang::en, "dropped out"}, {Lang::en, "not completed"},    {Lang::en, "incomplete"},
    {Lang::en, "unfinished"},  {Lang::en, "did not graduate"},
};
constexpr int k_not_completed_tag = static_cast<int>(std::size(k_levels));

}  // namespace

EducationClassifier::EducationClassifier() {
  for (int i = 0; i < static_cast<int>(std::size(k_levels)); ++i) {
    m_matcher.add(k_levels[i].phrase, k_levels[i].lang, i);
  }
  for (const auto& [lang, words] : k_not_completed) m_matcher.add(words, lang, k_not_completed_tag);
  // "Berufsfachschule" ends in "Fachschule" but is no Fachschule (ISCED 3, not DQR 6).
  m_matcher.add_compound_exception("berufsfachschule");
}

std::optional<EducationLevel> EducationClassifier::level_of(const Education& entry) const {
  bool not_completed = false;
  return classify(entry, not_completed);
}

std::optional<EducationLevel> EducationClassifier::classify(const Education& entry,
                                                            bool& not_completed) const {
  std::optional<EducationLevel> best;
  bool diplom_fh = false;
  for (const std::string* text : {&entry.study_type, &entry.area}) {
    if (text->empty()) continue;
    m_matcher.analyze_into(*text, m_scratch);
    m_matcher.find_into(m_scratch, m_hits);
    for (const text::Matcher::Hit& hit : m_hits) {
      if (hit.tag == k_not_completed_tag) {
        not_completed = true;
        continue;
      }
      const LevelPhrase& lp = k_levels[static_cast<std::size_t>(hit.tag)];
      if (lp.phrase == "Diplom FH") diplom_fh = true;
      if (lp.phrase == "Diplom" && diplom_fh) continue;
      if (!best || to_int(lp.isced) > to_int(best->isced)) {
        best = EducationLevel{lp.isced, std::string(lp.phrase), hit.matched, entry.pos};
      }
    }
  }
  return best;
}

EducationSummary EducationClassifier::assess(const Person& person, const Date& as_of) const {
  using std::chrono::sys_days;
  EducationSummary out;
  for (const Education& e : person.education) {
    bool not_completed = false;
    EducationEntryResult r{&e, classify(e, not_completed), !not_completed};
    if (e.start && !e.end) r.completed = false;
    if (e.end && sys_days(e.end->latest()) > sys_days(as_of)) r.completed = false;
    if (!r.level) out.any_unplaced = true;
    if (r.level && r.completed &&
        (!out.highest_completed || to_int(r.level->isced) > to_int(out.highest_completed->isced))) {
      out.highest_completed = r.level;
    }
    out.entries.push_back(std::move(r));
  }
  return out;
}

FieldMatcher::FieldMatcher(const catalog::LocalizedList& fields) {
  for (Lang lang : {Lang::en, Lang::de}) {
    for (const std::string& f : fields.get(lang)) {
      if (f == "related field" || f == "verwandtes Fach") continue;
      m_matcher.add(f, lang, 0);
    }
  }
}

std::optional<std::string> FieldMatcher::match(const Education& entry) const {
  for (const std::string* text : {&entry.area, &entry.study_type}) {
    if (text->empty()) continue;
    m_matcher.analyze_into(*text, m_scratch);
    m_matcher.find_into(m_scratch, m_hits);
    if (!m_hits.empty()) return m_hits.front().phrase;
  }
  return std::nullopt;
}

}  // namespace ccteam::qualify
