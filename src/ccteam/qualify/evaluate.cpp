#include "ccteam/qualify/evaluate.hpp"

#include <algorithm>

#include "ccteam/qualify/document_language.hpp"
#include "ccteam/qualify/language.hpp"

namespace ccteam::qualify {

using catalog::Cefr;
using catalog::Importance;
using catalog::Role;

std::string_view to_string(Outcome value) {
  switch (value) {
    case Outcome::met:
      return "met";
    case Outcome::met_by_substitution:
      return "met_by_substitution";
    case Outcome::not_met:
      return "not_met";
    case Outcome::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view to_string(Verdict value) {
  switch (value) {
    case Verdict::meets:
      return "meets";
    case Verdict::meets_by_substitution:
      return "meets_by_substitution";
    case Verdict::needs_review:
      return "needs_review";
    case Verdict::does_not_meet_minimum:
      return "does_not_meet_minimum";
  }
  return "needs_review";
}

std::string_view to_string(CriterionKind value) {
  switch (value) {
    case CriterionKind::education:
      return "education";
    case CriterionKind::language:
      return "language";
    case CriterionKind::experience:
      return "experience";
    case CriterionKind::preferred_education:
      return "preferred_education";
    case CriterionKind::skill:
      return "skill";
  }
  return "education";
}

MsgId label(Outcome value) {
  switch (value) {
    case Outcome::met:
      return MsgId::q_outcome_met;
    case Outcome::met_by_substitution:
      return MsgId::q_outcome_substitution;
    case Outcome::not_met:
      return MsgId::q_outcome_not_met;
    case Outcome::unknown:
      return MsgId::q_outcome_unknown;
  }
  return MsgId::q_outcome_unknown;
}

MsgId label(const Criterion& criterion) {
  if (criterion.kind == CriterionKind::skill && criterion.outcome == Outcome::unknown) {
    return MsgId::q_outcome_interview;
  }
  return label(criterion.outcome);
}

MsgId label(Verdict value) {
  switch (value) {
    case Verdict::meets:
      return MsgId::q_verdict_meets;
    case Verdict::meets_by_substitution:
      return MsgId::q_verdict_substitution;
    case Verdict::needs_review:
      return MsgId::q_verdict_review;
    case Verdict::does_not_meet_minimum:
      return MsgId::q_verdict_not_minimum;
  }
  return MsgId::q_verdict_review;
}

// Per role: skill phrases (tag = index into role.skills) and preferred fields of study.
// The skills matcher shares the experience classifier's word cache: it matches the job texts
// the classifier analysed without looking their words up again.
struct Evaluator::RoleMatchers {
  RoleMatchers(const Role& r, const text::Matcher& classifier)
      : role(&r), skills(text::Matcher::ShareWordsWith{classifier}) {}
  const Role* role = nullptr;
  text::Matcher skills;
  std::vector<std::unique_ptr<FieldMatcher>> fields;  // per role.preferred_education
};

Evaluator::Evaluator(const catalog::Catalog& catalog) : m_classifier(catalog) {}
Evaluator::~Evaluator() = default;

const Evaluator::RoleMatchers& Evaluator::matchers_for(const Role& role) const {
  for (const auto& m : m_role_matchers) {
    if (m->role == &role) return *m;
  }
  auto m = std::make_unique<RoleMatchers>(role, m_classifier.matcher());
  for (std::size_t i = 0; i < role.skills.size(); ++i) {
    const catalog::Skill& skill = role.skills[i];
    int tag = static_cast<int>(i);
    m->skills.add(skill.name.en, Lang::en, tag);
    m->skills.add(skill.name.de, Lang::de, tag);
    for (const std::string& s : skill.synonyms.en) m->skills.add(s, Lang::en, tag);
    for (const std::string& s : skill.synonyms.de) m->skills.add(s, Lang::de, tag);
  }
  for (const catalog::PreferredEducation& p : role.preferred_education) {
    m->fields.push_back(std::make_unique<FieldMatcher>(p.fields));
  }
  m_role_matchers.push_back(std::move(m));
  return *m_role_matchers.back();
}

Experience Evaluator::experience(const Person& person, const Date& as_of) const {
  return measure_experience(person, m_classifier, as_of);
}

namespace {

bool applies_to(const std::vector<std::string>& countries, const std::string& country) {
  return countries.empty() || std::ranges::find(countries, country) != countries.end();
}

const catalog::MinimumEducation* minimum_for(const Role& role, const std::string& country) {
  const catalog::MinimumEducation* fallback = nullptr;
  for (const catalog::MinimumEducation& m : role.minimum_education) {
    if (m.country == country) return &m;
    if (m.country == "*") fallback = &m;
  }
  return fallback;
}

// The experience kinds in the reader's language, joined by " / " ("team leadership").
LocalizedText kinds_label(const std::vector<catalog::ExperienceKind>& kinds) {
  LocalizedText out;
  for (Lang lang : {Lang::en, Lang::de}) {
    for (catalog::ExperienceKind k : kinds) {
      std::string& text = out.get(lang);
      text += (text.empty() ? "" : " / ") + std::string(msg_text(catalog::label(k), lang));
    }
  }
  return out;
}

Criterion education_criterion(const Person& person, const Role& role,
                              const catalog::MinimumEducation& minimum,
                              const EducationSummary& education, const Experience& experience,
                              const EvaluationOptions& options) {
  int needed = to_int(minimum.isced);
  Criterion c;
  c.kind = CriterionKind::education;
  c.subject = "isced>=" + std::to_string(needed);
  c.title = msg(MsgId::q_crit_education);
  for (const EducationEntryResult& e : education.entries) {
    if (e.level && e.completed)
      c.evidence.push_back({e.level->matched, e.level->phrase, e.entry->pos});
  }
  const std::optional<EducationLevel>& best = education.highest_completed;
  if (best && to_int(best->isced) >= needed) {
    c.outcome = Outcome::met;
    c.explanation = msg(MsgId::q_edu_met, to_int(best->isced), best->phrase, needed);
    return c;
  }
  c.outcome = best ? Outcome::not_met : Outcome::unknown;
  c.explanation = best ? msg(MsgId::q_edu_below, to_int(best->isced), best->phrase, needed)
                       : msg(MsgId::q_edu_none, needed);
  auto upper = [](const MonthsRange& m) {
    return m.at_most ? std::to_string(*m.at_most) : std::string("?");
  };
  for (const catalog::Substitution& rule : role.substitutions) {
    if (to_int(rule.replaces_isced) < needed) continue;
    SubstitutionCheck check = check_substitution(person, experience, rule, options.as_of);
    const MonthsRange& months = check.total;
    if (check.met) {
      c.outcome = Outcome::met_by_substitution;
      c.substitution = rule.id;
      c.explanation =
          rule.part
              ? msg(MsgId::q_edu_substituted_part, months.at_least, check.part->at_least,
                    kinds_label(rule.part->kinds), needed, rule.id, rule.months, rule.part->months)
              : msg(MsgId::q_edu_substituted, months.at_least, needed, rule.id, rule.months);
      return c;
    }
    if (!check.possible) continue;
    c.outcome = Outcome::unknown;
    if (rule.part && months.at_least >= rule.months) {
      // The whole is shown; what may be missing is the part of the rule's own kinds: stated in
      // the summary without dates, or in jobs with partial dates.
      const MonthsRange& part = *check.part;
      c.explanation =
          part.in_summary
              ? msg(MsgId::q_edu_maybe_summary, part.at_least, upper(part), rule.id,
                    rule.part->months, needed)
              : msg(MsgId::q_edu_maybe_substituted_part, months.at_least, part.at_least,
                    upper(part), kinds_label(rule.part->kinds), rule.id, rule.part->months);
      continue;
    }
    MsgId why = months.in_summary     ? MsgId::q_edu_maybe_summary
                : months.unclassified ? MsgId::q_edu_maybe_unclassified
                                      : MsgId::q_edu_maybe_substituted;
    c.explanation = msg(why, months.at_least, upper(months), rule.id, rule.months, needed);
  }
  return c;
}

// Points into the person (through NamedLanguage); no copies until evidence is built.
struct StatedLanguage {
  std::optional<Cefr> level;
  const std::string* words = nullptr;
  const SourcePos* where = nullptr;
  bool mentioned = false;
};

// Every language the document names (languages, skills with a level, and what attached
// documents name with a level, languages_in_text), read once per person: its ISO 639-1 code and
// the CEFR level its words map to.
struct NamedLanguage {
  std::string code;
  std::optional<Cefr> level;
  std::string words;
  SourcePos where;
};

std::vector<NamedLanguage> named_languages(const Person& person) {
  std::vector<NamedLanguage> out;
  auto consider = [&](const std::string& name, const std::string& fluency, const SourcePos& pos) {
    if (std::optional<std::string> code = language_code(name)) {
      // A level may be written into the name instead: "Deutsch (Muttersprache)".
      std::optional<Cefr> level = cefr_of(fluency);
      if (!level && fluency.empty()) level = cefr_of(name);
      out.push_back({std::move(*code), level, level && fluency.empty() ? name : fluency, pos});
    }
  };
  for (const LanguageEntry& l : person.languages) consider(l.language, l.fluency, l.pos);
  for (const SkillEntry& s : person.skills) {
    if (!s.level.empty()) consider(s.name, s.level, s.pos);
  }
  for (const AttachedText& document : person.documents) {
    for (LanguageMention& m : languages_in_text(document.text)) {
      SourcePos where = document.pos;
      where.line = m.line;
      out.push_back({std::move(m.code), m.level, std::move(m.words), std::move(where)});
    }
  }
  return out;
}

// The highest level stated for 'code' (the first mention when none has a level).
StatedLanguage stated_language(const std::vector<NamedLanguage>& named, const std::string& code) {
  StatedLanguage best;
  for (const NamedLanguage& n : named) {
    if (n.code != code) continue;
    if (!best.mentioned || (n.level && (!best.level || *n.level > *best.level))) {
      best = StatedLanguage{n.level, &n.words, &n.where, true};
    }
  }
  return best;
}

// 'written_in()': the document's own language (document_language.hpp), evidence of that
// language when the document does not name it (asked only then).
template <class WrittenIn>
Criterion language_criterion(const std::vector<NamedLanguage>& named,
                             const catalog::LanguageRequirement& req, const WrittenIn& written_in,
                             const SourcePos& document) {
  Criterion c;
  c.kind = CriterionKind::language;
  c.importance = req.importance;
  std::string level(catalog::to_string(req.level));
  c.subject = req.language + ">=" + level;
  const LocalizedText name = language_name(req.language);
  c.title = msg(MsgId::q_crit_language, name, level);
  StatedLanguage stated = stated_language(named, req.language);
  if (!stated.mentioned && written_in() == req.language) {
    // The whole document is the evidence (pointer ""), at the level asked for.
    c.outcome = Outcome::met;
    c.evidence.push_back({level, "", SourcePos{document.file, document.line, 0, ""}});
    c.explanation = msg(MsgId::q_lang_document, name, level, level);
    return c;
  }
  if (!stated.mentioned) {
    c.outcome = Outcome::unknown;
    c.explanation = msg(MsgId::q_lang_missing, name, level);
    return c;
  }
  // Blind: the level words are not shown ("Muttersprache" would reveal a mother tongue);
  // only the CEFR level they map to.
  c.evidence.push_back(
      {stated.level ? std::string(catalog::to_string(*stated.level)) : "", "", *stated.where});
  if (!stated.level) {
    c.outcome = Outcome::unknown;
    c.explanation = msg(MsgId::q_lang_unplaced, name, *stated.words, level);
    return c;
  }
  c.outcome = *stated.level >= req.level ? Outcome::met : Outcome::not_met;
  // A level read from an attached document below the one asked for is left to a person
  // ("cannot tell"): a CV's wording is read less surely than the form's level field, and a
  // misread must not put the applicant last.
  if (c.outcome == Outcome::not_met && is_document_pointer(stated.where->json_pointer)) {
    c.outcome = Outcome::unknown;
  }
  c.explanation = msg(MsgId::q_lang_level, name, catalog::to_string(*stated.level), level);
  return c;
}

// 'take_evidence': the last requirement of its kind takes the evidence instead of copying it.
Criterion experience_criterion(const Person& person, const catalog::ExperienceRequirement& req,
                               Experience& experience, bool take_evidence) {
  Criterion c;
  c.kind = CriterionKind::experience;
  c.importance = req.importance;
  std::string kind(catalog::to_string(req.kind));
  c.subject = kind + ">=" + std::to_string(req.months);
  c.title = msg(MsgId::q_crit_experience, kind, req.months);
  std::vector<KindEvidence>& kind_evidence = experience.evidence[index(req.kind)];
  c.evidence.reserve(kind_evidence.size());
  for (KindEvidence& e : kind_evidence) {
    if (take_evidence) {
      c.evidence.push_back({std::move(e.matched), std::move(e.phrase), std::move(e.where)});
    } else {
      c.evidence.push_back({e.matched, e.phrase, e.where});
    }
  }
  if (person.work.empty()) {
    c.outcome = Outcome::unknown;
    c.explanation = msg(MsgId::q_exp_no_work, req.months, kind);
    return c;
  }
  const MonthsRange& m = experience.of(req.kind);
  if (m.at_least >= req.months) {
    c.outcome = Outcome::met;
  } else if (m.at_most && *m.at_most < req.months && !m.in_summary) {
    c.outcome = Outcome::not_met;
  } else {
    c.outcome = Outcome::unknown;
  }
  if (c.outcome == Outcome::unknown && m.in_summary) {
    c.explanation = msg(MsgId::q_exp_summary, m.at_least, kind, req.months);
  } else if (m.unclassified && m.at_most != m.at_least) {
    c.explanation = msg(MsgId::q_exp_unclassified, m.at_least,
                        m.at_most ? std::to_string(*m.at_most) : "?", kind, req.months);
  } else if (!m.at_most) {
    c.explanation = msg(MsgId::q_exp_open, m.at_least, kind, req.months);
  } else if (*m.at_most != m.at_least) {
    c.explanation = msg(MsgId::q_exp_range, m.at_least, *m.at_most, kind, req.months);
  } else {
    c.explanation = msg(MsgId::q_exp_months, m.at_least, kind, req.months);
  }
  return c;
}

Criterion preferred_education_criterion(const catalog::PreferredEducation& pref,
                                        const FieldMatcher& fields,
                                        const EducationSummary& education) {
  Criterion c;
  c.kind = CriterionKind::preferred_education;
  c.importance = Importance::preferred;
  int needed = to_int(pref.isced);
  c.subject = "preferred:isced>=" + std::to_string(needed);
  c.title = msg(MsgId::q_crit_preferred_education);
  c.outcome = Outcome::not_met;
  c.explanation = msg(MsgId::q_pref_edu_none, needed);
  for (const EducationEntryResult& e : education.entries) {
    if (!e.level || !e.completed || to_int(e.level->isced) < needed) continue;
    std::optional<std::string> field = fields.match(*e.entry);
    if (field || pref.fields.en.empty()) {
      c.outcome = Outcome::met;
      c.evidence = {{e.entry->area, field.value_or(""), e.entry->pos}};
      c.explanation = msg(MsgId::q_pref_edu_met, to_int(e.level->isced), field.value_or("-"));
      return c;
    }
    c.outcome = Outcome::unknown;
    c.evidence = {{e.entry->area, "", e.entry->pos}};
    c.explanation = msg(MsgId::q_pref_edu_other_field, to_int(e.level->isced));
  }
  return c;
}

// Looks for the role's skills in every piece of free text of the document that may name one:
// skills (name, keywords), jobs (title, summary, highlights; analysed beforehand, in
// work_texts), certificates and the personal summary (analysed beforehand, 'summary'), in this
// order. 'scratch': reused for the texts analysed here.
void add_skill_criteria(const Person& person, const Role& role, const text::Matcher& matcher,
                        const std::vector<std::vector<text::AnalyzedText>>& work_texts,
                        const text::AnalyzedText& summary, text::AnalyzedText& scratch,
                        std::vector<Criterion>& out) {
  std::vector<std::vector<Evidence>> found(role.skills.size());
  std::vector<text::Matcher::Hit> hits;  // buffer reused from text to text
  // 'where()' gives the text's position; built only when the text has a hit (most have none).
  auto look = [&](const text::AnalyzedText& text, const auto& where) {
    if (text.words.empty()) return;
    matcher.find_into(text, hits);
    if (hits.empty()) return;
    SourcePos pos = where();
    // The first piece of evidence kept from this text takes the position; later ones copy it.
    std::optional<std::pair<std::size_t, std::size_t>> first;  // its tag and index in 'found'
    auto position = [&]() -> const SourcePos& {
      return first ? found[first->first][first->second].where : pos;
    };
    for (text::Matcher::Hit& hit : hits) {
      const auto tag = static_cast<std::size_t>(hit.tag);
      std::vector<Evidence>& list = found[tag];
      const std::string& pointer = position().json_pointer;
      bool seen = std::ranges::any_of(list, [&](const Evidence& e) {
        return e.text == hit.matched && e.where.json_pointer == pointer;
      });
      if (seen || list.size() >= 3) continue;
      if (!first) {
        list.push_back({std::move(hit.matched), std::move(hit.phrase), std::move(pos)});
        first.emplace(tag, list.size() - 1);
      } else {
        SourcePos copy = position();
        list.push_back({std::move(hit.matched), std::move(hit.phrase), std::move(copy)});
      }
    }
  };
  auto look_up = [&](const std::string& text, const SourcePos& pos) {
    if (text.empty()) return;
    matcher.analyze_into(text, scratch);
    look(scratch, [&] { return pos; });
  };
  for (const SkillEntry& s : person.skills) {
    look_up(s.name, s.pos);
    for (const std::string& k : s.keywords) look_up(k, s.pos);
  }
  for (std::size_t i = 0; i < person.work.size(); ++i) {
    const Position& job = person.work[i];
    for (std::size_t t = 0; t < work_texts[i].size(); ++t) {
      if (t == k_employer_text || work_texts[i][t].words.empty()) continue;
      look(work_texts[i][t], [&] { return text_position(job, t); });
    }
  }
  for (const Certificate& c : person.certificates) look_up(c.name, c.pos);
  look(summary, [&] { return person.summary_pos; });
  // Attached documents last (what the form says comes first), line by line so that evidence
  // names its line.
  for (const AttachedText& document : person.documents) {
    for_each_document_line(document.text, [&](int line, std::string_view text) {
      matcher.analyze_into(text, scratch);
      look(scratch, [&] {
        SourcePos pos = document.pos;
        pos.line = line;
        return pos;
      });
      return true;
    });
  }
  for (std::size_t i = 0; i < role.skills.size(); ++i) {
    Criterion c;
    c.kind = CriterionKind::skill;
    c.importance = role.skills[i].importance;
    c.subject = role.skills[i].id;
    const catalog::Skill& skill = role.skills[i];
    c.title = skill.name.en.empty() ? msg(MsgId::q_crit_skill, skill.id)
                                    : msg(MsgId::q_crit_skill, skill.name);
    c.evidence = std::move(found[i]);
    c.outcome = c.evidence.empty() ? Outcome::unknown : Outcome::met;
    c.explanation = c.evidence.empty() ? msg(MsgId::q_skill_missing)
                                       : msg(MsgId::q_skill_found, c.evidence.front().text);
    out.push_back(std::move(c));
  }
}

Verdict verdict_of(const std::vector<Criterion>& criteria) {
  bool unknown = false;
  bool substituted = false;
  for (const Criterion& c : criteria) {
    if (c.importance != Importance::required || c.kind == CriterionKind::skill ||
        c.kind == CriterionKind::preferred_education) {
      continue;
    }
    if (c.outcome == Outcome::not_met) return Verdict::does_not_meet_minimum;
    unknown = unknown || c.outcome == Outcome::unknown;
    substituted = substituted || c.outcome == Outcome::met_by_substitution;
  }
  if (unknown) return Verdict::needs_review;
  return substituted ? Verdict::meets_by_substitution : Verdict::meets;
}

}  // namespace

Evaluation Evaluator::evaluate(const Person& person, const Role& role,
                               const EvaluationOptions& options) const {
  Evaluation out;
  out.criteria.reserve(1 + role.languages.size() + role.experience.size() +
                       role.preferred_education.size() + role.skills.size());
  out.person_id = person.id;
  out.role = role.id;
  // Each job's texts and the summary analysed once, for the experience classifier, the
  // document's language and the skills.
  std::vector<std::vector<text::AnalyzedText>>& work_texts = m_work_texts;
  work_texts.resize(person.work.size());
  for (std::size_t i = 0; i < person.work.size(); ++i) {
    analyze_position_into(person.work[i], m_classifier.matcher(), work_texts[i]);
  }
  m_classifier.matcher().analyze_into(person.summary, m_summary_text);
  Experience experience =
      measure_experience(person, m_classifier, options.as_of, work_texts, m_summary_text);
  EducationSummary education = m_education.assess(person, options.as_of);
  const RoleMatchers& matchers = matchers_for(role);

  if (const catalog::MinimumEducation* minimum = minimum_for(role, options.country)) {
    out.criteria.push_back(
        education_criterion(person, role, *minimum, education, experience, options));
  }
  std::vector<NamedLanguage> named;
  bool named_read = false;
  // The document's own language, worked out only when a language asked for is not named.
  std::optional<std::optional<std::string>> written_in;
  auto document_written_in = [&]() -> const std::optional<std::string>& {
    if (!written_in) written_in = document_language(work_texts, m_summary_text);
    return *written_in;
  };
  for (const catalog::LanguageRequirement& req : role.languages) {
    if (req.countries.empty() ||
        (options.country != "*" && applies_to(req.countries, options.country))) {
      if (!named_read) {
        named = named_languages(person);
        named_read = true;
      }
      out.criteria.push_back(language_criterion(named, req, document_written_in, person.pos));
    }
  }
  // The experience criteria come last of what reads 'experience'.
  for (std::size_t i = 0; i < role.experience.size(); ++i) {
    const catalog::ExperienceRequirement& req = role.experience[i];
    bool last_of_kind =
        std::none_of(role.experience.begin() + static_cast<long>(i) + 1, role.experience.end(),
                     [&](const auto& later) { return later.kind == req.kind; });
    out.criteria.push_back(experience_criterion(person, req, experience, last_of_kind));
  }
  for (std::size_t i = 0; i < role.preferred_education.size(); ++i) {
    out.criteria.push_back(
        preferred_education_criterion(role.preferred_education[i], *matchers.fields[i], education));
  }
  add_skill_criteria(person, role, matchers.skills, work_texts, m_summary_text, m_scratch_text,
                     out.criteria);

  out.verdict = verdict_of(out.criteria);
  for (const Criterion& c : out.criteria) {
    bool counts = c.importance == Importance::preferred || c.kind == CriterionKind::skill;
    if (counts && c.outcome == Outcome::met) ++out.preferred_met;
  }
  return out;
}

ReviewKey review_key(const Evaluation& evaluation) {
  return ReviewKey{evaluation.verdict, evaluation.preferred_met};
}

bool review_before(const ReviewKey& a, const ReviewKey& b) {
  if (a.verdict != b.verdict) return static_cast<int>(a.verdict) < static_cast<int>(b.verdict);
  return a.preferred_met > b.preferred_met;
}

bool review_before(const Evaluation& a, const Evaluation& b) {
  return review_before(review_key(a), review_key(b));
}

void order_for_review(std::vector<Evaluation>& evaluations) {
  std::ranges::stable_sort(
      evaluations, [](const Evaluation& a, const Evaluation& b) { return review_before(a, b); });
}

}  // namespace ccteam::qualify
