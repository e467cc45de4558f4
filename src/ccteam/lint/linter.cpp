#include "ccteam/lint/linter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

#include "ccteam/lint/amounts.hpp"
#include "ccteam/lint/patterns.hpp"
#include "ccteam/lint/readability.hpp"
#include "ccteam/lint/units.hpp"
#include "ccteam/posting/document.hpp"
#include "ccteam/text/normalize.hpp"

namespace ccteam::lint {

namespace {

using posting::Severity;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool contains_any(const std::string& folded, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) {
    return !find_phrase(folded, std::string(n)).empty();
  });
}

bool has_word(const std::vector<Word>& ws, std::initializer_list<std::string_view> stems) {
  return std::any_of(ws.begin(), ws.end(), [&](const Word& w) {
    return std::any_of(stems.begin(), stems.end(),
                       [&](std::string_view stem) { return stem_matches(stem, w.folded); });
  });
}

// --- sections

// nice_to_have: what a posting asks for without requiring it ("Nice to have"), under its own
// heading: neither counted as a requirement nor a requirement with a preference in it.
enum class Part { none, responsibilities, requirements, nice_to_have, offer, apply };

Part heading_part(const std::string& f) {
  if (contains_any(f,
                   {"nice to have", "nice-to-have", "preferred qualifications", "preferred skills",
                    "bonus points", "von vorteil", "kein muss", "wünschenswert", "wäre schön"}))
    return Part::nice_to_have;
  // Requirement headings that would read as responsibilities ("What you will need").
  if (contains_any(f, {"what you need", "what you'll need", "what you will need",
                       "what you\u2019ll need", "you'll need", "you will need"}))
    return Part::requirements;
  if (contains_any(f, {"responsibilities", "what you will do", "what you'll do",
                       "what you\u2019ll do", "you will", "duties", "your tasks", "your role",
                       "aufgaben", "erwartet dich", "erwartet sie", "dich erwartet", "sie erwartet",
                       "tätigkeiten", "your responsibilities"}))
    return Part::responsibilities;
  if (contains_any(f, {"requirements",
                       "you have",
                       "qualifications",
                       "what you bring",
                       "who we're looking for",
                       "who we\u2019re looking for",
                       "what we're looking for",
                       "what we\u2019re looking for",
                       "who we are looking for",
                       "what we are looking for",
                       "who you are",
                       "ihr profil",
                       "dein profil",
                       "profil",
                       "bringst du mit",
                       "bringen sie mit",
                       "anforderungen",
                       "voraussetzungen",
                       "mitbringst",
                       "mitbringen",
                       "wir erwarten"}))
    return Part::requirements;
  if (contains_any(f, {"we offer", "what we offer", "benefits", "compensation", "pay", "wir bieten",
                       "was wir bieten", "vergütung", "gehalt"}))
    return Part::offer;
  if (contains_any(f, {"how to apply", "bewerbung", "so bewirbst", "so bewerben"}))
    return Part::apply;
  return Part::none;
}

// --- the linter

struct Run {
  const PostingText& text;
  const RuleData& rules;
  const LintOptions& options;
  LintResult result;
  std::vector<text::FoldedText> folded;  // per line: text::fold_with_origin of its text
  std::size_t title = 0;                 // index of the title line; lines.size() when none
  std::vector<Unit> units;               // paragraphs and bullets (lint/units.hpp)
  std::vector<Part> parts;               // per line: the section it is in
  std::vector<std::size_t> sex_lines;    // lines with an agg-sex finding

  // The index in line 'line_index''s text of byte 'at' of its folded text.
  std::size_t original(std::size_t line_index, std::size_t at) const {
    return folded[line_index].origin_of(at, text.lines[line_index].text.size());
  }

  // A finding at byte 'at' of line 'line_index'; line_index == lines.size() is the whole
  // posting (line and column 0).
  void add(std::string rule, Severity severity, std::size_t line_index, std::size_t at, Message why,
           Message fix, LocalizedText source, std::string jurisdiction = {}) {
    int line = 0;
    int column = 0;
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

// 'more' appended to 'to' in each language, after "; " where 'to' is not empty.
void append_source(LocalizedText& to, const LocalizedText& more) {
  for (Lang lang : k_all_langs) {
    std::string& text = to.get(lang);
    text += (text.empty() ? "" : "; ") + more.get(lang);
  }
}

// The strictest severity, all citations and places of the laws that require 'what'.
struct Requiring {
  bool any = false;
  Severity severity = Severity::info;
  LocalizedText sources;
  std::string places;
};
Requiring requiring(const std::vector<Binding>& laws, Requirement what) {
  Requiring r;
  for (const Binding& b : laws) {
    const auto& req = b.law->demands;
    if (std::find(req.begin(), req.end(), what) == req.end()) continue;
    r.any = true;
    r.severity = std::max(r.severity, b.severity);
    append_source(r.sources, b.law->citation);
    if (r.places.find(b.place) == std::string::npos)
      r.places += (r.places.empty() ? "" : ", ") + b.place;
  }
  return r;
}

void check_pay(Run& run, const std::vector<Binding>& laws, Lang lang) {
  bool any_amount = false;
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    const std::string& f = run.folded[i].text;
    const std::string& line = run.text.lines[i].text;
    auto found = amounts(line, lang);
    if (found.empty()) continue;
    any_amount = true;
    // Open-ended: a marker just before the only amount, or "and up", "+" just after it.
    Requiring closed = requiring(laws, Requirement::no_open_ended_range);
    if (closed.any && found.size() == 1) {
      std::optional<std::size_t> at;
      for (std::string_view m : {"starting at", "starting from", "from", "ab", "up to", "bis zu"}) {
        for (std::size_t folded_at : find_phrase(f, std::string(m))) {
          std::size_t p = run.original(i, folded_at);  // amounts are in the original text
          if (p < found[0].start && found[0].start - p <= m.size() + 2) at = p;
        }
      }
      std::string after = text::fold(std::string_view(line).substr(found[0].end, 40));
      // "$75,000+" and "$20 and up" are open; "$45,000 per year plus commission" is not: "plus"
      // counts only where nothing follows it.
      bool plus_alone = false;
      for (std::size_t p : find_phrase(after, "plus")) {
        std::size_t k = after.find_first_not_of(" ", p + 4);
        plus_alone = plus_alone || k == std::string::npos ||
                     std::string_view(".,;)!").find(after[k]) != std::string_view::npos;
      }
      if (!at && (contains_any(after, {"and up", "or more", "und mehr"}) || plus_alone ||
                  after.starts_with("+")))
        at = found[0].start;
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
        const Currency currency = wage->per_hour.currency;
        const double minor_per_major = std::pow(10.0, currency.minor_digits());
        double minimum = static_cast<double>(wage->per_hour.minor) / minor_per_major;
        if (a.value + 1e-9 < minimum) {
          // Both amounts in the wage's currency as the reader writes money ("13,90 €").
          const Money offered{std::llround(a.value * minor_per_major), currency};
          run.add("min-wage", Severity::error, i, a.start,
                  msg(MsgId::lint_why_min_wage, format_money_localized(offered), place,
                      format_money_localized(wage->per_hour)),
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
          "leistungsgerechtes gehalt", "attraktive bezahlung", "competitive salary",
          "competitive pay", "competitive compensation", "attractive salary", "salary commensurate",
          "commensurate with experience"}) {
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
            msg(MsgId::lint_fix_pay_missing), {});
  }
}

// Benefits are described where a benefit the employer gives is named outside the
// responsibilities and requirements: "insurance" or "benefits" alone says nothing (an insurer's
// posting names insurance, "you will benefit from" names no benefit).
bool names_benefits(const Unit& unit) {
  static constexpr std::array<std::string_view, 24> k_benefits = {
      "medical",        "dental",     "vision",        "health insurance",
      "health plan*",   "401(k)",     "403(b)",        "401k",
      "retirement",     "pension*",   "paid time off", "pto",
      "paid leave",     "sick leave", "paid holidays", "vacation",
      "urlaub*",        "jobrad",     "*zuschuss",     "betriebliche altersvorsorge",
      "altersvorsorge", "jobticket",  "season pass",   "tuition"};
  const std::string& f = unit.folded.text;
  for (std::string_view b : k_benefits) {
    if (b.starts_with("*")) {
      std::string_view tail = b.substr(1);
      if (std::any_of(unit.words.begin(), unit.words.end(),
                      [&](const Word& w) { return w.folded.ends_with(tail); }))
        return true;
    } else if (b.find('(') != std::string_view::npos) {
      if (f.find(b) != std::string::npos) return true;
    } else if (!find_phrase(f, std::string(b)).empty()) {
      return true;
    }
  }
  return false;
}

// Words before a date that make it the closing date of applications.
bool deadline_before(const Unit& unit, std::size_t date) {
  std::size_t from = date > 5 ? date - 5 : 0;
  for (std::size_t k = from; k < date; ++k) {
    if (stem_matches("deadline*", unit.words[k].folded) ||
        stem_matches("*schluss", unit.words[k].folded))
      return true;
    for (std::string_view w : {"by", "until", "till", "before", "than", "closes", "close",
                               "closing", "ends", "bis", "spätestens", "endet", "einsendeschluss",
                               "bewerbungsschluss", "bewerbungsfrist", "frist"}) {
      if (unit.words[k].folded == w) return true;
    }
  }
  return false;
}

// A unit that names applications and a date right after "by", "until", "no later than",
// "closes on", "bis", "Bewerbungsschluss".
bool states_deadline(const Unit& unit) {
  if (!has_word(unit.words,
                {"apply*", "application*", "applicant*", "accept*", "submit*", "posting", "closes",
                 "deadline*", "bewerb*", "bewirb*", "*schluss", "einsend*", "frist"}))
    return false;
  auto dates = find_dates(unit.words);
  return std::any_of(dates.begin(), dates.end(),
                     [&](std::size_t d) { return deadline_before(unit, d); });
}

void check_law_text(Run& run, const std::vector<Binding>& laws, Lang lang) {
  bool benefits = false;
  bool deadline = false;
  for (const Unit& unit : run.units) {
    std::size_t line = unit.lines.front();
    Part part = run.parts[line];
    // Where benefits are offered: the offer section, a paragraph with the pay, or one that says
    // it offers ("We offer ...", "Wir bieten ..."); not an introduction that names the
    // employer's products ("helps employers' staff pick their health plans").
    bool offered = part == Part::offer || !amounts(unit.text, lang).empty() ||
                   contains_any(unit.folded.text,
                                {"we offer", "we provide", "you get", "you'll get", "you will get",
                                 "benefits include", "wir bieten", "bieten wir", "du bekommst",
                                 "sie erhalten", "du erhältst"});
    benefits = benefits || (line != run.title && offered && names_benefits(unit));
    deadline = deadline || states_deadline(unit);
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
std::size_t title_line(const PostingText& text) {
  for (std::size_t i = 0; i < text.lines.size(); ++i) {
    if (text.lines[i].text.find_first_not_of(" \t") != std::string::npos) return i;
  }
  return text.lines.size();
}

void check_title(Run& run, const std::vector<Binding>& laws, Lang lang) {
  Requiring title = requiring(laws, Requirement::gender_neutral_title);
  if (!title.any || lang != Lang::de || run.title >= run.text.lines.size()) return;
  const std::string& text = run.text.lines[run.title].text;
  posting::TitleGender gender = posting::title_gender(text);
  if (gender == posting::TitleGender::all) return;
  std::size_t at = text.find_first_not_of(" \t");
  run.add("title-gender", title.severity, run.title, at,
          msg(gender == posting::TitleGender::binary ? MsgId::lint_why_title_binary
                                                     : MsgId::lint_why_title),
          msg(MsgId::lint_fix_title), title.sources, title.places);
}

// A reason that makes preferring one sex lawful positive action (AGG § 5; Title VII allows
// none in advertisements, but an under-representation statement is the usual form).
bool positive_action_reason(const Unit& unit) {
  return has_word(unit.words, {"unterrepräsentiert*", "under-represented", "underrepresented",
                               "frauenförder*", "gleichstellungsplan*", "frauenanteil*"});
}

struct PhraseRule {
  std::string_view rule;
  Requirement requirement;
  MsgId why;
  MsgId fix;
};

constexpr std::array<PhraseRule, 6> k_phrase_rules = {{
    {"agg-age", Requirement::no_age_wording, MsgId::lint_why_age, MsgId::lint_fix_age},
    {"agg-origin", Requirement::no_origin_wording, MsgId::lint_why_origin, MsgId::lint_fix_origin},
    {"agg-photo", Requirement::no_photo_request, MsgId::lint_why_photo, MsgId::lint_fix_photo},
    {"agg-sex", Requirement::no_sex_preference, MsgId::lint_why_sex, MsgId::lint_fix_sex},
    {"agg-personal-data", Requirement::no_personal_data_request, MsgId::lint_why_personal_data,
     MsgId::lint_fix_personal_data},
    {"pay-history", Requirement::no_pay_history_question, MsgId::lint_why_pay_history,
     MsgId::lint_fix_pay_history},
}};

// The phrase rules of data/posting/phrases.yaml. A rule's matches in one unit that overlap are
// one finding ("Deutsch als Muttersprache" holds "Muttersprache"). pay-history is reported only
// where a law bans the question; the others also without one, as warnings.
void check_phrases(Run& run, const std::vector<Binding>& laws, Lang lang) {
  for (const PhraseRule& pr : k_phrase_rules) {
    Requiring law = requiring(laws, pr.requirement);
    if (pr.rule == "pay-history" && !law.any) continue;
    Severity severity = law.any ? law.severity : Severity::warning;
    for (const Unit& unit : run.units) {
      if (pr.rule == "agg-sex" && positive_action_reason(unit)) continue;
      struct Hit {
        Match match;
        const Phrase* phrase;
      };
      std::vector<Hit> hits;
      for (const Phrase& phrase : run.rules.phrases) {
        if (phrase.lang != lang || phrase.rule != pr.rule) continue;
        for (const Match& m : find_pattern(unit.words, phrase.text)) hits.push_back({m, &phrase});
      }
      std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.match.start != b.match.start ? a.match.start < b.match.start
                                              : a.match.end > b.match.end;
      });
      std::size_t covered = 0;
      for (const Hit& h : hits) {
        if (h.match.start < covered) continue;
        covered = h.match.end;
        auto [line, at] = unit.folded_position(h.match.start);
        if (pr.rule == "agg-sex") run.sex_lines.push_back(line);
        LocalizedText source = h.phrase->source;
        if (law.any) append_source(source, law.sources);
        run.add(std::string(pr.rule), severity, line, at,
                msg(pr.why, unit.original(h.match.start, h.match.end)), msg(pr.fix),
                std::move(source), law.places);
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

// The title is left out, and so is the role's name where the text repeats it ("As shift lead,
// you ..."): it names the role, which the employer cannot reword, and Gaucher, Friesen & Kay
// (2011) scored the wording of the advertisement's body.
void check_gender_words(Run& run, Lang lang) {
  struct Hit {
    std::size_t line;
    std::size_t at;
    std::string word;
    const CodedWord* coded;
  };
  std::string role;  // the title's words before a ',', '(', '|', ':' or " - "
  if (run.title < run.text.lines.size()) {
    const std::string& t = run.folded[run.title].text;
    std::size_t end = std::min({t.find(','), t.find('('), t.find('|'), t.find(':'), t.find(" - "),
                                t.find(" \xE2\x80\x93 ")});
    for (const Word& w : words(t.substr(0, end))) role += (role.empty() ? "" : " ") + w.folded;
  }
  std::vector<Hit> masculine;
  int feminine = 0;
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    if (i == run.title || positive_action(run.folded[i].text)) continue;
    std::vector<Word> line_words = words(run.folded[i].text);
    std::vector<Match> role_names =
        role.find(' ') != std::string::npos ? find_pattern(line_words, role) : std::vector<Match>{};
    for (std::size_t k = 0; k < line_words.size(); ++k) {
      const Word& w = line_words[k];
      bool in_role = std::any_of(role_names.begin(), role_names.end(),
                                 [&](const Match& m) { return k >= m.first && k <= m.last; });
      if (in_role) continue;
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

// The section of each line, from the headings above it.
std::vector<Part> section_parts(const Run& run) {
  std::vector<Part> out(run.text.lines.size(), Part::none);
  Part current = Part::none;
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    const TextLine& line = run.text.lines[i];
    Part part = Part::none;
    if (i != run.title && (line.heading || (!line.bullet && line.text.size() < 60)))
      part = heading_part(run.folded[i].text);
    if (part != Part::none) {
      current = part;
    } else if (current == Part::responsibilities && !line.bullet && line.heading) {
      current = Part::none;
    }
    out[i] = current;
  }
  return out;
}

void check_structure(Run& run) {
  std::map<Part, bool> seen;
  int requirement_bullets = 0;
  bool apply = false;
  for (std::size_t i = 0; i < run.text.lines.size(); ++i) {
    const TextLine& line = run.text.lines[i];
    const std::string& f = run.folded[i].text;
    apply = apply || contains_any(f, {"apply", "bewirb*", "bewerb*"}) ||
            f.find('@') != std::string::npos;
    bool heading = i != run.title && (line.heading || (!line.bullet && line.text.size() < 60)) &&
                   heading_part(f) != Part::none;
    if (heading) {
      seen[run.parts[i]] = true;
      continue;
    }
    if (run.parts[i] != Part::requirements || !line.bullet) continue;
    ++requirement_bullets;
    // A preference for one sex is reported as such, not as a nice-to-have.
    if (std::find(run.sex_lines.begin(), run.sex_lines.end(), i) != run.sex_lines.end()) continue;
    for (std::string_view marker : {"idealerweise", "wünschenswert", "von vorteil", "gerne",
                                    "ideally", "preferred", "a plus", "nice to have", "bonus"}) {
      for (std::size_t at : find_phrase(f, std::string(marker))) {
        run.add("requirements-mixed", Severity::warning, i, run.original(i, at),
                msg(MsgId::lint_why_mixed), msg(MsgId::lint_fix_mixed), {});
      }
    }
  }
  std::size_t end = run.text.lines.size();
  if (!seen[Part::responsibilities]) {
    run.add("section-responsibilities", Severity::warning, end, 0,
            msg(MsgId::lint_why_section_tasks), msg(MsgId::lint_fix_section), {});
  }
  if (!seen[Part::requirements]) {
    run.add("section-requirements", Severity::warning, end, 0,
            msg(MsgId::lint_why_section_requirements), msg(MsgId::lint_fix_section), {});
  }
  if (!apply) {
    run.add("section-apply", Severity::warning, end, 0, msg(MsgId::lint_why_section_apply),
            msg(MsgId::lint_fix_section), {});
  }
  if (requirement_bullets > 10) {
    run.add("too-many-requirements", Severity::info, end, 0,
            msg(MsgId::lint_why_too_many, requirement_bullets), msg(MsgId::lint_fix_too_many), {});
  }
}

// Sentences of more than 30 words, counted in units, so a sentence wrapped over lines is one.
void check_sentences(Run& run) {
  for (const Unit& unit : run.units) {
    const std::string& t = unit.text;
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
        auto [line, at] = unit.position(first == std::string::npos ? start : first);
        run.add("long-sentence", Severity::info, line, at, msg(MsgId::lint_why_long, count),
                msg(MsgId::lint_fix_long), {});
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
  // Wrapped lines joined: a sentence ends at its full stop, not where the line wraps.
  PostingText joined;
  for (const Unit& unit : run.units)
    joined.lines.push_back(TextLine{0, unit.text, {}, false, false});
  TextStats stats = text_stats(joined, lang);
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

std::vector<std::string> detect_jurisdictions(const PostingText& text, Lang lang,
                                              const std::vector<PlaceName>& places) {
  using Kind = PlaceName::Kind;
  // What the posting names, by kind: states or Länder, cities, countries.
  std::vector<std::string> regions;
  std::vector<std::string> cities;
  std::vector<std::string> countries;
  auto add_to = [](std::vector<std::string>& to, const std::string& code) {
    if (std::find(to.begin(), to.end(), code) == to.end()) to.push_back(code);
  };
  auto add = [&](const std::string& code) { add_to(regions, code); };
  // US state codes after a city: "Seattle, WA".
  std::vector<std::string> us_codes;
  for (const PlaceName& p : places) {
    if (p.jurisdiction.starts_with("US-") &&
        std::find(us_codes.begin(), us_codes.end(), p.jurisdiction) == us_codes.end())
      us_codes.push_back(p.jurisdiction);
  }
  // A name two places share ("Glendale", "Aurora") counts for neither.
  std::map<std::string_view, std::string_view> jurisdiction_of;
  std::vector<std::string_view> shared;
  for (const PlaceName& p : places) {
    auto [it, inserted] = jurisdiction_of.emplace(p.name, p.jurisdiction);
    if (!inserted && it->second != p.jurisdiction) shared.push_back(p.name);
  }
  struct Hit {
    std::size_t start;
    std::size_t end;
    const PlaceName* place;
  };
  for (const TextLine& line : text.lines) {
    std::string f = text::fold(line.text);
    std::vector<Hit> hits;
    for (const PlaceName& p : places) {
      if (p.needs_region ||
          std::find(shared.begin(), shared.end(), std::string_view(p.name)) != shared.end())
        continue;
      for (std::size_t at : find_phrase(f, p.name)) {
        hits.push_back(Hit{at, at + p.name.size(), &p});
      }
    }
    // A name inside a longer one ("Virginia" in "West Virginia", "Washington" in "Washington,
    // D.C.") counts only as the longer.
    for (const Hit& h : hits) {
      bool inside = std::any_of(hits.begin(), hits.end(), [&](const Hit& o) {
        return o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start;
      });
      if (inside) continue;
      const PlaceName& p = *h.place;
      add_to(p.kind == Kind::region ? regions
             : p.kind == Kind::city ? cities
                                    : countries,
             p.jurisdiction);
    }
    for (const std::string& code : us_codes) {
      std::string abbr = ", " + code.substr(3);
      for (std::size_t at = line.text.find(abbr); at != std::string::npos;
           at = line.text.find(abbr, at + 1)) {
        std::size_t end = at + abbr.size();
        if (end == line.text.size() || !is_word_byte(static_cast<unsigned char>(line.text[end])))
          add(code);
      }
    }
  }
  // The place of work is a state or city; countries named beside one are markets ("we serve
  // customers in Germany and Austria"). A city in another state of a country whose state the
  // posting names ("Chesapeake Health Partners in Baltimore, Maryland") is a name, not a place.
  auto country_of = [](const std::string& code) { return code.substr(0, code.find('-')); };
  std::vector<std::string> out = regions;
  for (const std::string& city : cities) {
    bool other_state = std::any_of(regions.begin(), regions.end(), [&](const std::string& r) {
      return country_of(r) == country_of(city) && r != city;
    });
    bool same_state = std::find(regions.begin(), regions.end(), city) != regions.end();
    if (same_state || !other_state) add_to(out, city);
  }
  if (out.empty()) out = countries;
  if (out.empty()) out.push_back(lang == Lang::de ? "DE" : "US");
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
  Run run{text, rules, options, {}, {}, title_line(text), {}, {}, {}};
  run.folded.reserve(text.lines.size());
  for (const TextLine& line : text.lines) run.folded.push_back(text::fold_with_origin(line.text));
  run.units = split_units(text, run.title);
  run.parts = section_parts(run);
  run.result.lang = options.lang ? *options.lang : detect_lang(text);
  run.result.jurisdictions = options.jurisdictions.empty()
                                 ? detect_jurisdictions(text, run.result.lang, rules.places)
                                 : options.jurisdictions;
  auto laws = binding_laws(rules, options, run.result.jurisdictions);
  check_title(run, laws, run.result.lang);
  check_phrases(run, laws, run.result.lang);
  check_pay(run, laws, run.result.lang);
  check_law_text(run, laws, run.result.lang);
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
