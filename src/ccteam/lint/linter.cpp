#include "ccteam/lint/linter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

#include "ccteam/lint/readability.hpp"
#include "ccteam/posting/document.hpp"
#include "ccteam/text/normalize.hpp"

namespace ccteam::lint {

namespace {

using posting::Severity;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

struct Word {
  std::size_t start;
  std::string folded;
};

// Words of a folded line. German gendered forms (Kund*innen, Kund:innen, Kund_innen) and
// hyphenated words stay one word.
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

bool stem_matches(const std::string& stem, const std::string& word) {
  if (!stem.empty() && stem.back() == '*') {
    return word.compare(0, stem.size() - 1, stem, 0, stem.size() - 1) == 0;
  }
  return word == stem;
}

// Positions of 'phrase' (folded; trailing '*' = any ending) at word starts in 'folded'.
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

bool contains_any(const std::string& folded, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) {
    return !find_phrase(folded, std::string(n)).empty();
  });
}

// --- sections

enum class Part { none, responsibilities, requirements, offer, apply };

Part heading_part(const std::string& f) {
  if (contains_any(
          f, {"responsibilities", "you will", "what you'll do", "duties", "your tasks", "aufgaben",
              "erwartet dich", "erwartet sie", "tätigkeiten", "your responsibilities"}))
    return Part::responsibilities;
  if (contains_any(f, {"requirements", "you have", "qualifications", "what you bring", "ihr profil",
                       "dein profil", "profil", "bringst du mit", "bringen sie mit",
                       "anforderungen", "voraussetzungen", "mitbringst", "mitbringen"}))
    return Part::requirements;
  if (contains_any(f, {"we offer", "what we offer", "benefits", "compensation", "pay", "wir bieten",
                       "was wir bieten", "vergütung", "gehalt"}))
    return Part::offer;
  if (contains_any(f, {"how to apply", "bewerbung", "so bewirbst", "so bewerben"}))
    return Part::apply;
  return Part::none;
}

// --- money

struct Amount {
  std::size_t start;  // in the line's text
  double value;
  bool hourly;
};

// Amounts with a currency sign or code: "$17.50", "$63,000", "1.050 €", "3.000 EUR".
std::vector<Amount> amounts(const std::string& text, Lang lang) {
  std::vector<Amount> out;
  // Currency codes in any case, compared on the original bytes (ASCII).
  auto code_at = [&](std::size_t k, std::string_view code) {
    if (k + code.size() > text.size()) return false;
    for (std::size_t j = 0; j < code.size(); ++j) {
      char c = text[k + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != code[j]) return false;
    }
    return true;
  };
  auto parse_number = [&](std::size_t i, std::size_t& end) -> std::optional<double> {
    std::string digits;
    bool decimal = false;
    std::size_t j = i;
    char thousands = lang == Lang::de ? '.' : ',';
    char point = lang == Lang::de ? ',' : '.';
    while (j < text.size()) {
      char c = text[j];
      if (c >= '0' && c <= '9') {
        digits += c;
      } else if (c == thousands && !decimal && j + 3 < text.size() + 1 && j + 1 < text.size() &&
                 text[j + 1] >= '0' && text[j + 1] <= '9') {
        // thousands separator
      } else if (c == point && !decimal && j + 1 < text.size() && text[j + 1] >= '0' &&
                 text[j + 1] <= '9') {
        digits += '.';
        decimal = true;
      } else {
        break;
      }
      ++j;
    }
    end = j;
    if (digits.empty() || digits.size() > 12) return std::nullopt;
    return std::stod(digits);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t end = 0;
    bool euro_prefix = text.compare(i, 3, "\xE2\x82\xAC") == 0;  // "€2,900" (English)
    if (text[i] == '$' || euro_prefix) {
      std::size_t k = i + (euro_prefix ? 3 : 1);
      while (k < text.size() && text[k] == ' ') ++k;
      if (auto v = parse_number(k, end)) out.push_back(Amount{i, *v, false});
      if (end > i) i = std::max(i, end - 1);
      continue;
    }
    if (text[i] >= '0' && text[i] <= '9' &&
        (i == 0 || !is_word_byte(static_cast<unsigned char>(text[i - 1])))) {
      auto v = parse_number(i, end);
      if (!v) continue;
      std::size_t k = end;
      while (k < text.size() && (text[k] == ' ' || static_cast<unsigned char>(text[k]) == 0xC2 ||
                                 static_cast<unsigned char>(text[k]) == 0xA0))
        ++k;
      bool euro = text.compare(k, 3, "€") == 0 || code_at(k, "eur") || code_at(k, "usd") ||
                  text.compare(k, 1, "$") == 0;
      if (euro) out.push_back(Amount{i, *v, false});
      i = end;
    }
  }
  for (Amount& a : out) {
    std::string rest = text::fold(std::string_view(text).substr(a.start, 60));
    a.hourly = contains_any(rest, {"per hour", "an hour", "pro stunde", "stündlich", "hourly"}) ||
               rest.find("/h") != std::string::npos;
  }
  return out;
}

// --- the linter

struct Run {
  const PostingText& text;
  const RuleData& rules;
  const LintOptions& options;
  LintResult result;
  std::vector<text::FoldedText> folded;  // per line: text::fold_with_origin of its text

  // The index in line 'line_index''s text of byte 'at' of its folded text.
  std::size_t original(std::size_t line_index, std::size_t at) const {
    return folded[line_index].origin_of(at, text.lines[line_index].text.size());
  }

  void add(std::string rule, Severity severity, std::size_t line_index, std::size_t at, Message why,
           Message fix, std::string source, std::string jurisdiction = {}) {
    int line = 1;
    int column = 1;
    if (line_index < text.lines.size()) {
      line = text.lines[line_index].number;
      column = text.lines[line_index].column(at);
    }
    result.findings.push_back(Finding{std::move(rule), severity, line, column, std::move(why),
                                      std::move(fix), std::move(source), std::move(jurisdiction)});
  }
};

struct Binding {
  const Law* law;
  Severity severity;
  std::string place;
};

std::vector<Binding> binding_laws(const RuleData& rules, const LintOptions& options,
                                  const std::vector<std::string>& places) {
  std::vector<Binding> out;
  for (const Law& law : rules.laws) {
    if (law.applies_from > options.today) continue;
    if (options.employees && *options.employees < law.min_employees) continue;
    for (const std::string& place : places) {
      std::string country = place.substr(0, place.find('-'));
      if (law.jurisdiction == "EU") {
        if (std::find(law.countries.begin(), law.countries.end(), country) == law.countries.end())
          continue;
        bool transposed = std::find(law.transposed.begin(), law.transposed.end(), country) !=
                          law.transposed.end();
        out.push_back(Binding{&law, transposed ? law.severity : Severity::warning, country});
        break;
      }
      if (law.jurisdiction == place || law.jurisdiction == country) {
        out.push_back(Binding{&law, law.severity, place});
        break;
      }
    }
  }
  return out;
}

// The strictest severity, all citations and places of the laws that require 'what'.
struct Requiring {
  bool any = false;
  Severity severity = Severity::info;
  std::string sources;
  std::string places;
};
Requiring requiring(const std::vector<Binding>& laws, Requirement what) {
  Requiring r;
  for (const Binding& b : laws) {
    const auto& req = b.law->demands;
    if (std::find(req.begin(), req.end(), what) == req.end()) continue;
    r.any = true;
    r.severity = std::max(r.severity, b.severity);
    r.sources += (r.sources.empty() ? "" : "; ") + b.law->citation;
    if (r.places.find(b.place) == std::string::npos)
      r.places += (r.places.empty() ? "" : ", ") + b.place;
  }
  return r;
}

void check_pay(Run& run, const std::vector<Binding>& laws, Lang lang) {
  bool any_amount = false;
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    const std::string& f = run.folded[i].text;
    auto found = amounts(run.text.lines[i].text, lang);
    if (found.empty()) continue;
    any_amount = true;
    // Open-ended: a marker before the first amount, or after the last one.
    Requiring closed = requiring(laws, Requirement::no_open_ended_range);
    if (closed.any && found.size() == 1) {
      std::optional<std::size_t> at;
      for (std::string_view m : {"starting at", "starting from", "from", "ab", "up to", "bis zu"}) {
        for (std::size_t folded_at : find_phrase(f, std::string(m))) {
          std::size_t p = run.original(i, folded_at);  // amounts are in the original text
          if (p < found[0].start && found[0].start - p <= m.size() + 2) at = p;
        }
      }
      std::string after =
          text::fold(std::string_view(run.text.lines[i].text).substr(found[0].start, 40));
      if (!at && contains_any(after, {"and up", "or more", "und mehr", "plus"}))
        at = found[0].start;
      if (!at && after.find("+") != std::string::npos && after.find("+") < 12) at = found[0].start;
      if (at) {
        run.add("pay-open-ended", closed.severity, i, *at, msg(MsgId::lint_why_open_ended),
                msg(MsgId::lint_fix_open_ended), closed.sources, closed.places);
      }
    }
    // Minimum wage for hourly amounts.
    for (const Amount& a : found) {
      if (!a.hourly) continue;
      for (const std::string& place : run.result.jurisdictions) {
        posting::Place p{
            place.substr(0, place.find('-')),
            place.find('-') == std::string::npos ? "" : place.substr(place.find('-') + 1),
            {}};
        auto wage = run.rules.wages.in_force(p, run.options.today);
        if (!wage) continue;
        double minimum = static_cast<double>(wage->per_hour.minor) /
                         std::pow(10.0, wage->per_hour.currency.minor_digits());
        if (a.value + 1e-9 < minimum) {
          run.add("min-wage", Severity::error, i, a.start,
                  msg(MsgId::lint_why_min_wage, a.value, place, minimum),
                  msg(MsgId::lint_fix_min_wage), wage->source, place);
        }
      }
    }
  }
  if (any_amount) return;
  Requiring need = requiring(laws, Requirement::pay_range);
  std::size_t line = run.text.lines.size();
  std::size_t at = 0;
  for (std::size_t i = 0; i < run.text.lines.size() && line == run.text.lines.size(); ++i) {
    for (std::string_view vague :
         {"attraktive vergütung", "attraktives gehalt", "leistungsgerechte vergütung",
          "competitive salary", "competitive pay", "competitive compensation"}) {
      auto hits = find_phrase(run.folded[i].text, std::string(vague));
      if (!hits.empty()) {
        line = i;
        at = run.original(i, hits[0]);
        break;
      }
    }
  }
  if (need.any) {
    run.add("pay-missing", need.severity, line, at, msg(MsgId::lint_why_pay_missing),
            msg(MsgId::lint_fix_pay_missing), need.sources, need.places);
  } else {
    run.add("section-pay", Severity::warning, line, at, msg(MsgId::lint_why_section_pay),
            msg(MsgId::lint_fix_pay_missing), "");
  }
}

void check_law_text(Run& run, const std::vector<Binding>& laws) {
  bool benefits = false;
  bool deadline = false;
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    const std::string& f = run.folded[i].text;
    benefits = benefits ||
               contains_any(f, {"benefit*", "medical", "dental", "401(k)", "paid time off", "pto",
                                "insurance", "urlaub", "jobrad", "zuschuss", "betriebliche*"});
    deadline =
        deadline || contains_any(f, {"apply by", "deadline", "closes on", "applications close",
                                     "application window", "bis zum", "bewerbungsschluss"});
    Requiring history = requiring(laws, Requirement::no_pay_history_question);
    if (history.any) {
      for (std::string_view q :
           {"aktuellen gehalt*", "derzeitigen gehalt*", "bisherigen gehalt*", "aktuelles gehalt",
            "derzeitiges gehalt", "bisheriges gehalt", "current salary", "current pay",
            "salary history", "pay history", "previous salary", "current compensation"}) {
        for (std::size_t at : find_phrase(f, std::string(q))) {
          run.add("pay-history", history.severity, i, run.original(i, at),
                  msg(MsgId::lint_why_pay_history), msg(MsgId::lint_fix_pay_history),
                  history.sources, history.places);
        }
      }
    }
  }
  Requiring need_benefits = requiring(laws, Requirement::benefits);
  if (need_benefits.any && !benefits) {
    run.add("benefits-missing", need_benefits.severity, run.text.lines.size(), 0,
            msg(MsgId::lint_why_benefits), msg(MsgId::lint_fix_benefits), need_benefits.sources,
            need_benefits.places);
  }
  Requiring need_deadline = requiring(laws, Requirement::application_deadline);
  if (need_deadline.any && !deadline) {
    run.add("deadline-missing", need_deadline.severity, run.text.lines.size(), 0,
            msg(MsgId::lint_why_deadline), msg(MsgId::lint_fix_deadline), need_deadline.sources,
            need_deadline.places);
  }
}

// The posting's title: its first non-blank line; lines.size() when there is none.
std::size_t title_line(const Run& run) {
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    if (run.text.lines[i].text.find_first_not_of(" \t") != std::string::npos) return i;
  }
  return run.text.lines.size();
}

void check_agg(Run& run, const std::vector<Binding>& laws, Lang lang) {
  Requiring title = requiring(laws, Requirement::gender_neutral_title);
  if (title.any && lang == Lang::de) {
    const std::size_t i = title_line(run);
    if (i < run.text.lines.size() && !posting::has_gender_neutral_marker(run.text.lines[i].text)) {
      std::size_t at = run.text.lines[i].text.find_first_not_of(" \t");
      run.add("title-gender", title.severity, i, at, msg(MsgId::lint_why_title),
              msg(MsgId::lint_fix_title), title.sources, title.places);
    }
  }
  for (const Phrase& phrase : run.rules.phrases) {
    if (phrase.lang != lang) continue;
    Requirement what = phrase.rule == "agg-age"      ? Requirement::no_age_wording
                       : phrase.rule == "agg-origin" ? Requirement::no_origin_wording
                                                     : Requirement::no_photo_request;
    Requiring law = requiring(laws, what);
    Severity severity = law.any ? law.severity : Severity::warning;
    MsgId why = phrase.rule == "agg-age"      ? MsgId::lint_why_age
                : phrase.rule == "agg-origin" ? MsgId::lint_why_origin
                                              : MsgId::lint_why_photo;
    MsgId fix = phrase.rule == "agg-age"      ? MsgId::lint_fix_age
                : phrase.rule == "agg-origin" ? MsgId::lint_fix_origin
                                              : MsgId::lint_fix_photo;
    for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
      for (std::size_t at : find_phrase(run.folded[i].text, phrase.text)) {
        run.add(phrase.rule, severity, i, run.original(i, at), msg(why, phrase.text), msg(fix),
                phrase.source + (law.any ? "; " + law.sources : ""), law.places);
      }
    }
  }
}

// Lawful positive action ("we especially welcome applications from women") is not coded wording.
bool positive_action(const std::string& f) {
  return contains_any(f, {"especially welcome", "particularly welcome", "under-represented",
                          "underrepresented", "ausdrücklich erwünscht", "besonders willkommen",
                          "unterrepräsentiert", "begrüssen wir besonders", "freuen uns besonders"});
}

// The title is left out: it names the role ("Team Lead"), which the employer cannot reword,
// and Gaucher, Friesen & Kay (2011) scored the wording of the advertisement's body.
void check_gender_words(Run& run, Lang lang) {
  struct Hit {
    std::size_t line;
    std::size_t at;
    std::string word;
    const CodedWord* coded;
  };
  std::vector<Hit> masculine;
  int feminine = 0;
  const std::size_t title = title_line(run);
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    if (i == title || positive_action(run.folded[i].text)) continue;
    for (const Word& w : words(run.folded[i].text)) {
      for (const CodedWord& c : run.rules.words) {
        if (c.lang != lang || !stem_matches(c.stem, w.folded)) continue;
        if (c.masculine) {
          std::size_t start = run.original(i, w.start);
          std::size_t end = run.original(i, w.start + w.folded.size());
          masculine.push_back(Hit{i, start, run.text.lines[i].text.substr(start, end - start), &c});
        } else {
          ++feminine;
        }
        break;
      }
    }
  }
  run.result.gender_score = feminine - static_cast<int>(masculine.size());
  if (run.result.gender_score >= 0) return;
  for (const Hit& h : masculine) {
    run.add("gender-coded", Severity::info, h.line, h.at,
            msg(MsgId::lint_why_gender, h.word, run.result.gender_score),
            msg(MsgId::lint_fix_gender), h.coded->source);
  }
}

void check_structure(Run& run) {
  std::map<Part, bool> seen;
  Part current = Part::none;
  int requirement_bullets = 0;
  bool apply = false;
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    const TextLine& line = run.text.lines[i];
    const std::string& f = run.folded[i].text;
    apply = apply || contains_any(f, {"apply", "bewirb*", "bewerb*"}) ||
            f.find('@') != std::string::npos;
    Part part = Part::none;
    if (line.heading || (!line.bullet && line.text.size() < 60)) part = heading_part(f);
    if (part != Part::none) {
      current = part;
      seen[part] = true;
      continue;
    }
    if (current == Part::responsibilities && !line.bullet && line.heading) current = Part::none;
    if (current != Part::requirements || !line.bullet) continue;
    ++requirement_bullets;
    for (std::string_view marker : {"idealerweise", "wünschenswert", "von vorteil", "gerne",
                                    "ideally", "preferred", "a plus", "nice to have", "bonus"}) {
      for (std::size_t at : find_phrase(f, std::string(marker))) {
        run.add("requirements-mixed", Severity::warning, i, run.original(i, at),
                msg(MsgId::lint_why_mixed), msg(MsgId::lint_fix_mixed), "");
      }
    }
  }
  std::size_t end = run.text.lines.size();
  if (!seen[Part::responsibilities]) {
    run.add("section-responsibilities", Severity::warning, end, 0,
            msg(MsgId::lint_why_section_tasks), msg(MsgId::lint_fix_section), "");
  }
  if (!seen[Part::requirements]) {
    run.add("section-requirements", Severity::warning, end, 0,
            msg(MsgId::lint_why_section_requirements), msg(MsgId::lint_fix_section), "");
  }
  if (!apply) {
    run.add("section-apply", Severity::warning, end, 0, msg(MsgId::lint_why_section_apply),
            msg(MsgId::lint_fix_section), "");
  }
  if (requirement_bullets > 10) {
    run.add("too-many-requirements", Severity::info, end, 0,
            msg(MsgId::lint_why_too_many, requirement_bullets), msg(MsgId::lint_fix_too_many), "");
  }
}

void check_sentences(Run& run) {
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    const std::string& t = run.text.lines[i].text;
    std::size_t start = 0;
    int count = 0;
    bool in_word = false;
    for (std::size_t k = 0; k <= t.size(); ++k) {
      bool end = k == t.size() || ((t[k] == '.' || t[k] == '!' || t[k] == '?') &&
                                   (k + 1 == t.size() || t[k + 1] == ' '));
      if (k < t.size() && !end) {
        bool space = t[k] == ' ' || t[k] == '\t';
        if (!space && !in_word) ++count;
        in_word = !space;
        continue;
      }
      if (count > 30) {
        std::size_t first = t.find_first_not_of(" \t", start);
        run.add("long-sentence", Severity::info, i, first == std::string::npos ? start : first,
                msg(MsgId::lint_why_long, count), msg(MsgId::lint_fix_long), "");
      }
      start = k + 1;
      count = 0;
      in_word = false;
    }
  }
}

void check_readability(Run& run, Lang lang) {
  auto limit = std::find_if(run.rules.readability.begin(), run.rules.readability.end(),
                            [&](const ReadabilityLimit& l) { return l.lang == lang; });
  if (limit == run.rules.readability.end()) return;
  TextStats stats = text_stats(run.text, lang);
  if (stats.words < limit->min_words) return;
  double score = reading_ease(stats, lang);
  run.result.reading_ease = score;
  if (score >= limit->min_score) return;
  run.add("readability", Severity::info, run.text.lines.size(), 0,
          msg(MsgId::lint_why_readability, fmt::format("{:.0f}", score), limit->formula,
              fmt::format("{:.0f}", limit->min_score)),
          msg(MsgId::lint_fix_readability), limit->source);
}

}  // namespace

int TextLine::column(std::size_t index) const {
  if (index < columns.size()) return columns[index];
  if (columns.empty()) return 1;
  return columns.back() + 1;
}

Lang detect_lang(const PostingText& text) {
  static constexpr std::array<std::string_view, 32> k_de = {
      "und", "der", "die",    "das",  "mit",   "für",  "wir",  "sie",   "du",  "ist",  "bei",
      "von", "zu",  "im",     "auf",  "eine",  "dich", "dein", "deine", "ihr", "ihre", "bis",
      "zum", "pro", "brutto", "oder", "nicht", "sich", "uns",  "unser", "als", "auch"};
  static constexpr std::array<std::string_view, 20> k_en = {
      "the", "and", "with", "for",  "we",   "you", "to",  "of",   "in",   "a",
      "our", "is",  "at",   "your", "will", "an",  "per", "from", "this", "are"};
  int de = 0;
  int en = 0;
  for (const TextLine& line : text.lines) {
    // ß folds to "ss"; it marks German in the original.
    for (std::size_t at = line.text.find("\xC3\x9F"); at != std::string::npos;
         at = line.text.find("\xC3\x9F", at + 2))
      ++de;
    for (const Word& w : words(text::fold(line.text))) {
      if (std::find(k_de.begin(), k_de.end(), w.folded) != k_de.end()) ++de;
      if (std::find(k_en.begin(), k_en.end(), w.folded) != k_en.end()) ++en;
      // Words with ä, ö or ü are German.
      for (std::string_view u : {"\xC3\xA4", "\xC3\xB6", "\xC3\xBC"}) {
        if (w.folded.find(u) != std::string::npos) {
          ++de;
          break;
        }
      }
    }
  }
  return de > en ? Lang::de : Lang::en;
}

std::vector<std::string> detect_jurisdictions(const PostingText& text, Lang lang) {
  if (lang == Lang::de) return {"DE"};
  struct State {
    std::string_view name;
    std::string_view code;
  };
  static constexpr std::array<State, 20> k_states = {{{"california", "CA"},
                                                      {"colorado", "CO"},
                                                      {"new york", "NY"},
                                                      {"washington", "WA"},
                                                      {"hawaii", "HI"},
                                                      {"maryland", "MD"},
                                                      {"district of columbia", "DC"},
                                                      {"illinois", "IL"},
                                                      {"minnesota", "MN"},
                                                      {"new jersey", "NJ"},
                                                      {"vermont", "VT"},
                                                      {"massachusetts", "MA"},
                                                      {"texas", "TX"},
                                                      {"florida", "FL"},
                                                      {"georgia", "GA"},
                                                      {"arizona", "AZ"},
                                                      {"ohio", "OH"},
                                                      {"pennsylvania", "PA"},
                                                      {"oregon", "OR"},
                                                      {"nevada", "NV"}}};
  std::vector<std::string> out;
  auto add = [&out](std::string code) {
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
  };
  for (const TextLine& line : text.lines) {
    std::string f = text::fold(line.text);
    for (const State& s : k_states) {
      for (std::size_t at : find_phrase(f, std::string(s.name))) {
        // "Washington, DC" is the District, not the state.
        if (s.code == "WA" && f.compare(at + 10, 4, ", dc") == 0) continue;
        add("US-" + std::string(s.code));
      }
      // ", WA" abbreviation after a city.
      std::string abbr = ", " + std::string(s.code);
      for (std::size_t at = line.text.find(abbr); at != std::string::npos;
           at = line.text.find(abbr, at + 1)) {
        std::size_t end = at + abbr.size();
        if (end == line.text.size() || !is_word_byte(static_cast<unsigned char>(line.text[end])))
          add("US-" + std::string(s.code));
      }
    }
  }
  if (out.empty()) out.push_back("US");
  return out;
}

std::vector<posting::ProfileIssue> check_profile_laws(const posting::EmployerProfile& profile,
                                                      const RuleData& rules) {
  std::vector<posting::ProfileIssue> out;
  LintOptions options;
  options.today = profile.posting_date;
  options.employees = profile.headcount;
  std::vector<std::string> places;
  for (const posting::Place& place : profile.places()) places.push_back(place.code());
  auto laws = binding_laws(rules, options, places);
  Requiring range = requiring(laws, Requirement::pay_range);
  Requiring closed = requiring(laws, Requirement::no_open_ended_range);
  for (std::size_t i = 0; i < profile.positions.size(); ++i) {
    const posting::Position& p = profile.positions[i];
    std::string pointer = "/positions/" + std::to_string(i);
    SourcePos where = p.pos;
    where.file = profile.file;
    if (!p.pay && !p.adopt_market_reference && range.any) {
      where.json_pointer = pointer + "/pay";
      out.push_back(
          {range.severity, Error{ErrorKind::invalid_input,
                                 msg(MsgId::profile_law_no_pay, p.role.str(), range.places), where,
                                 msg(MsgId::hint_profile_law, range.sources)}});
    }
    if (p.pay && !p.pay->max && closed.any) {
      where = p.pay->pos;
      where.file = profile.file;
      where.json_pointer = pointer + "/pay/max";
      out.push_back(
          {closed.severity, Error{ErrorKind::invalid_input,
                                  msg(MsgId::profile_law_open_ended, p.role.str(), closed.places),
                                  where, msg(MsgId::hint_profile_law, closed.sources)}});
    }
  }
  return out;
}

LintResult lint_posting(const PostingText& text, const RuleData& rules,
                        const LintOptions& options) {
  Run run{text, rules, options, {}, {}};
  run.folded.reserve(text.lines.size());
  for (const TextLine& line : text.lines) run.folded.push_back(text::fold_with_origin(line.text));
  run.result.lang = options.lang ? *options.lang : detect_lang(text);
  run.result.jurisdictions = options.jurisdictions.empty()
                                 ? detect_jurisdictions(text, run.result.lang)
                                 : options.jurisdictions;
  auto laws = binding_laws(rules, options, run.result.jurisdictions);
  check_agg(run, laws, run.result.lang);
  check_pay(run, laws, run.result.lang);
  check_law_text(run, laws);
  check_gender_words(run, run.result.lang);
  check_structure(run);
  check_sentences(run);
  check_readability(run, run.result.lang);
  std::stable_sort(run.result.findings.begin(), run.result.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  return std::move(run.result);
}

}  // namespace ccteam::lint
