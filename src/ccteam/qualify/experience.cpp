#include "ccteam/qualify/experience.hpp"

#include <algorithm>

#include "ccteam/qualify/experience_phrases.hpp"
#include "ccteam/text/normalize.hpp"

namespace ccteam::qualify {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

Date next_day(const Date& d) { return Date{sys_days(d) + days(1)}; }

// The matcher's tag of no_work_phrases (after the kinds' tags).
constexpr int k_no_work_tag = static_cast<int>(k_experience_kinds);

// Whether a job's title says it was no work ("Career break", "Elternzeit").
bool says_no_work(const text::Matcher& matcher, const text::AnalyzedText& title,
                  std::vector<text::Matcher::Hit>& hits) {
  if (title.words.empty()) return false;
  matcher.find_into(title, hits);
  return std::ranges::any_of(hits,
                             [](const text::Matcher::Hit& h) { return h.tag == k_no_work_tag; });
}

// Catalog skills whose synonyms describe a kind of experience.
struct SkillKind {
  std::string_view skill_id;
  ExperienceKind kind;
};
constexpr SkillKind k_skill_kinds[] = {
    {"team-leadership", ExperienceKind::team_leadership},
    {"leadership-coaching", ExperienceKind::team_leadership},
    {"operations-management", ExperienceKind::operations_management},
};

}  // namespace

int whole_months(const Date& first, const Date& last) {
  if (sys_days(last) < sys_days(first)) return 0;
  Date end = next_day(last);
  int months = (static_cast<int>(end.year()) - static_cast<int>(first.year())) * 12 +
               (static_cast<int>(static_cast<unsigned>(end.month())) -
                static_cast<int>(static_cast<unsigned>(first.month())));
  if (static_cast<unsigned>(end.day()) < static_cast<unsigned>(first.day())) --months;
  return std::max(months, 0);
}

std::vector<Span> merge_spans(std::vector<Span> spans) {
  std::ranges::sort(
      spans, [](const Span& a, const Span& b) { return sys_days(a.first) < sys_days(b.first); });
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (sys_days(s.last) < sys_days(s.first)) continue;
    if (!merged.empty() && sys_days(s.first) <= sys_days(next_day(merged.back().last))) {
      if (sys_days(s.last) > sys_days(merged.back().last)) merged.back().last = s.last;
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

int merged_months(const std::vector<Span>& spans) {
  int total = 0;
  for (const Span& s : merge_spans(spans)) total += whole_months(s.first, s.last);
  return total;
}

ExperienceClassifier::ExperienceClassifier(const catalog::Catalog& catalog) {
  for (const KindPhrase& p : experience_phrases()) {
    m_matcher.add(p.phrase, p.lang, static_cast<int>(p.kind));
  }
  for (const catalog::Role& role : catalog.roles) {
    for (const catalog::Skill& skill : role.skills) {
      for (const SkillKind& sk : k_skill_kinds) {
        if (skill.id != sk.skill_id) continue;
        for (const std::string& s : skill.synonyms.en)
          m_matcher.add(s, Lang::en, static_cast<int>(sk.kind));
        for (const std::string& s : skill.synonyms.de)
          m_matcher.add(s, Lang::de, static_cast<int>(sk.kind));
      }
    }
  }
  for (std::string_view w : compound_exceptions()) m_matcher.add_compound_exception(w);
  for (const NoWorkPhrase& p : no_work_phrases()) m_matcher.add(p.phrase, p.lang, k_no_work_tag);
  for (const KindPhrase& b : context_blockers()) m_matcher.add_blocker(b.phrase);
  const std::uint32_t leading = (1u << static_cast<int>(ExperienceKind::team_leadership)) |
                                (1u << static_cast<int>(ExperienceKind::operations_management));
  for (const ReachBlocker& b : reporting_line_blockers()) {
    m_matcher.add_blocker(b.phrase, b.reach, leading);
  }
}

std::vector<text::AnalyzedText> analyze_position(const Position& position,
                                                 const text::Matcher& matcher) {
  std::vector<text::AnalyzedText> out;
  analyze_position_into(position, matcher, out);
  return out;
}

void analyze_position_into(const Position& position, const text::Matcher& matcher,
                           std::vector<text::AnalyzedText>& out) {
  out.resize(k_first_highlight_text + position.highlights.size());
  matcher.analyze_into(position.title, out[k_title_text]);
  matcher.analyze_into(position.summary, out[k_summary_text]);
  matcher.analyze_into(position.organisation, out[k_employer_text]);
  for (std::size_t h = 0; h < position.highlights.size(); ++h) {
    matcher.analyze_into(position.highlights[h], out[k_first_highlight_text + h]);
  }
}

std::string text_pointer(const Position& position, std::size_t index) {
  std::string out = position.pos.json_pointer;
  if (position.fields == FieldNames::person_csv) {
    out += index == k_title_text     ? "_title"
           : index == k_summary_text ? "_summary"
                                     : "_organisation";
    return out;
  }
  switch (index) {
    case k_title_text:
      return out + "/position";
    case k_summary_text:
      return out + "/summary";
    case k_employer_text:
      return out + (position.fields == FieldNames::json_resume_company ? "/company" : "/name");
    default:
      return out + "/highlights/" + std::to_string(index - k_first_highlight_text);
  }
}

SourcePos text_position(const Position& position, std::size_t index) {
  SourcePos out{position.pos.file, position.pos.line, position.pos.column,
                text_pointer(position, index)};
  if (index < position.text_places.size() && position.text_places[index].line > 0) {
    out.line = position.text_places[index].line;
    out.column = position.text_places[index].column;
  }
  return out;
}

std::vector<KindEvidence> ExperienceClassifier::classify(const Position& position) const {
  return classify(position, analyze_position(position, m_matcher));
}

std::vector<KindEvidence> ExperienceClassifier::classify(
    const Position& position, const std::vector<text::AnalyzedText>& texts) const {
  std::vector<KindEvidence> out;
  classify_into(position, texts, out);
  return out;
}

void ExperienceClassifier::classify_into(const Position& position,
                                         const std::vector<text::AnalyzedText>& texts,
                                         std::vector<KindEvidence>& out) const {
  for (std::size_t t = 0; t < texts.size(); ++t) {
    if (texts[t].words.empty()) continue;
    // An employer's name tells the trade, not the person's role.
    add_hits(
        texts[t], t == k_employer_text ? Kinds::customer_service_only : Kinds::all,
        [&] { return text_position(position, t); }, out);
  }
}

void ExperienceClassifier::classify_summary(const text::AnalyzedText& summary,
                                            const SourcePos& where,
                                            std::vector<KindEvidence>& out) const {
  if (summary.words.empty()) return;
  add_hits(
      summary, Kinds::all, [&] { return where; }, out);
}

template <class Where>
void ExperienceClassifier::add_hits(const text::AnalyzedText& text, Kinds kinds, const Where& where,
                                    std::vector<KindEvidence>& out) const {
  std::vector<text::Matcher::Hit>& hits = m_hits;
  m_matcher.find_into(text, hits);
  if (hits.empty()) return;
  // Evidence of this text starts here: only these can repeat a hit (same text, same pointer).
  // where() is called for the first piece; later ones copy its position.
  const std::size_t first_of_text = out.size();
  for (text::Matcher::Hit& hit : hits) {
    if (hit.tag == k_no_work_tag) continue;
    auto kind = static_cast<ExperienceKind>(hit.tag);
    if (kinds == Kinds::customer_service_only && kind != ExperienceKind::customer_service) {
      continue;
    }
    bool seen = std::any_of(
        out.begin() + static_cast<long>(first_of_text), out.end(),
        [&](const KindEvidence& e) { return e.kind == kind && e.matched == hit.matched; });
    if (seen) continue;
    SourcePos pos = out.size() == first_of_text ? where() : out[first_of_text].where;
    out.push_back(
        KindEvidence{kind, std::move(hit.phrase), std::move(hit.matched), std::move(pos)});
  }
}

namespace {

struct JobSpans {
  std::optional<Span> at_least;
  std::optional<Span> at_most;  // empty: no start date
  bool counts = false;          // starts on or before as_of
};

JobSpans job_spans(const Position& p, const Date& as_of) {
  JobSpans out;
  auto clamp = [&](Date d) { return sys_days(d) > sys_days(as_of) ? as_of : d; };
  if (!p.start) {
    out.counts = true;
    return out;
  }
  if (sys_days(p.start->earliest()) > sys_days(as_of)) return out;
  out.counts = true;
  // Month precision is read as whole months (the résumé convention); only a year alone is a
  // range.
  Date low_first = p.start->month != 0 ? p.start->earliest() : p.start->latest();
  Date low_last = clamp(p.end ? (p.end->month != 0 ? p.end->latest() : p.end->earliest()) : as_of);
  if (sys_days(low_first) <= sys_days(low_last)) out.at_least = Span{low_first, low_last};
  out.at_most = Span{p.start->earliest(), clamp(p.end ? p.end->latest() : as_of)};
  return out;
}

// merged_months without copies: sorts 'spans' in place and adds up the merged runs as they are
// joined (the same joining rule as merge_spans).
int merged_months_in_place(std::vector<Span>& spans) {
  std::ranges::sort(
      spans, [](const Span& a, const Span& b) { return sys_days(a.first) < sys_days(b.first); });
  int total = 0;
  std::optional<Span> run;
  for (const Span& s : spans) {
    if (sys_days(s.last) < sys_days(s.first)) continue;
    if (run && sys_days(s.first) <= sys_days(next_day(run->last))) {
      if (sys_days(s.last) > sys_days(run->last)) run->last = s.last;
    } else {
      if (run) total += whole_months(run->first, run->last);
      run = s;
    }
  }
  if (run) total += whole_months(run->first, run->last);
  return total;
}

// Buffers for months_where, reused from one kind to the next (no allocation per kind).
struct SpanBuffers {
  std::vector<Span> low;
  std::vector<Span> high;
};

// Each job's spans (job_spans), worked out once for all kinds.
std::vector<JobSpans> all_job_spans(const Person& person, const Date& as_of) {
  std::vector<JobSpans> out;
  out.reserve(person.work.size());
  for (const Position& job : person.work) out.push_back(job_spans(job, as_of));
  return out;
}

// Merged months of the jobs i (of 'jobs', all_job_spans) for which selected(i) is true; the
// upper bound over those for which maybe(i) is true (a superset).
template <class Selected, class Maybe>
MonthsRange months_where(const std::vector<JobSpans>& jobs, const Selected& selected,
                         const Maybe& maybe, SpanBuffers& buffers) {
  std::vector<Span>& low = buffers.low;
  std::vector<Span>& high = buffers.high;
  low.clear();
  high.clear();
  bool unbounded = false;
  bool unclassified = false;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (!maybe(i)) continue;
    const JobSpans& s = jobs[i];
    if (!s.counts) continue;
    const bool is_selected = selected(i);
    unclassified = unclassified || !is_selected;
    if (s.at_least && is_selected) low.push_back(*s.at_least);
    if (s.at_most) {
      high.push_back(*s.at_most);
    } else {
      unbounded = true;
    }
  }
  MonthsRange out;
  out.at_least = merged_months_in_place(low);
  if (!unbounded) out.at_most = merged_months_in_place(high);
  out.unclassified = unclassified;
  return out;
}

}  // namespace

Experience measure_experience(const Person& person, const ExperienceClassifier& classifier,
                              const Date& as_of) {
  std::vector<std::vector<text::AnalyzedText>> work_texts;
  work_texts.reserve(person.work.size());
  for (const Position& job : person.work) {
    work_texts.push_back(analyze_position(job, classifier.matcher()));
  }
  text::AnalyzedText summary;
  classifier.matcher().analyze_into(person.summary, summary);
  return measure_experience(person, classifier, as_of, work_texts, summary);
}

Experience measure_experience(const Person& person, const ExperienceClassifier& classifier,
                              const Date& as_of,
                              const std::vector<std::vector<text::AnalyzedText>>& work_texts,
                              const text::AnalyzedText& summary) {
  Experience out;
  out.job_kinds.resize(person.work.size());
  out.unclassified.assign(person.work.size(), 0);
  std::vector<KindEvidence> job_evidence;  // one job's, buffer reused from job to job
  // Room for the usual number of pieces of evidence, so that they are moved once, not again at
  // each growth of a vector (a piece holds five strings).
  constexpr std::size_t k_usual_evidence = 8;
  job_evidence.reserve(k_usual_evidence);
  for (std::vector<KindEvidence>& list : out.evidence) list.reserve(k_usual_evidence);
  std::vector<text::Matcher::Hit> no_work_hits;
  const std::vector<JobSpans> jobs = all_job_spans(person, as_of);
  for (std::size_t i = 0; i < person.work.size(); ++i) {
    const Position& job = person.work[i];
    const JobSpans& spans = jobs[i];
    if (!spans.counts) continue;
    job_evidence.clear();
    classifier.classify_into(job, work_texts[i], job_evidence);
    if (job_evidence.empty() &&
        !says_no_work(classifier.matcher(), work_texts[i][k_title_text], no_work_hits)) {
      out.unclassified[i] = 1;
      const std::size_t cs = index(ExperienceKind::customer_service);
      out.evidence[cs].push_back(KindEvidence{ExperienceKind::customer_service, "?", job.title,
                                              text_position(job, k_title_text)});
    }
    for (KindEvidence& e : job_evidence) {
      std::size_t k = index(e.kind);
      if (!out.job_kinds[i][k]) {
        out.job_kinds[i][k] = true;
        if (spans.at_least) out.spans[k].push_back(*spans.at_least);
        if (!job.end) out.ongoing[k] = true;
      }
      out.evidence[k].push_back(std::move(e));
    }
  }
  std::array<bool, k_experience_kinds> in_summary{};
  if (!summary.words.empty()) {
    job_evidence.clear();
    classifier.classify_summary(summary, person.summary_pos, job_evidence);
    for (KindEvidence& e : job_evidence) {
      in_summary[index(e.kind)] = true;
      out.evidence[index(e.kind)].push_back(std::move(e));
    }
  }
  SpanBuffers buffers;
  const std::size_t cs = index(ExperienceKind::customer_service);
  for (std::size_t k = 0; k < k_experience_kinds; ++k) {
    out.months[k] = months_where(
        jobs, [&](std::size_t i) { return out.job_kinds[i][k]; },
        [&](std::size_t i) { return out.job_kinds[i][k] || (k == cs && out.unclassified[i]); },
        buffers);
    out.months[k].in_summary = in_summary[k];
  }
  return out;
}

std::vector<std::size_t> jobs_starting_after(const Person& person, const Date& as_of) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < person.work.size(); ++i) {
    const Position& job = person.work[i];
    if (job.start && sys_days(job.start->earliest()) > sys_days(as_of)) out.push_back(i);
  }
  return out;
}

MonthsRange months_of_any(const Person& person, const Experience& experience,
                          const std::vector<ExperienceKind>& kinds, const Date& as_of) {
  SpanBuffers buffers;
  auto selected = [&](std::size_t i) {
    return i < experience.job_kinds.size() && std::ranges::any_of(kinds, [&](ExperienceKind k) {
             return experience.job_kinds[i][index(k)];
           });
  };
  const bool customer_service =
      std::ranges::find(kinds, ExperienceKind::customer_service) != kinds.end();
  auto maybe = [&](std::size_t i) {
    return selected(i) || (customer_service && i < experience.unclassified.size() &&
                           experience.unclassified[i] != 0);
  };
  MonthsRange out = months_where(all_job_spans(person, as_of), selected, maybe, buffers);
  out.in_summary = std::ranges::any_of(
      kinds, [&](ExperienceKind k) { return experience.months[index(k)].in_summary; });
  return out;
}

SubstitutionCheck check_substitution(const Person& person, const Experience& experience,
                                     const catalog::Substitution& rule, const Date& as_of) {
  auto reaches = [](const MonthsRange& m, int months) { return m.at_least >= months; };
  auto may_reach = [](const MonthsRange& m, int months) {
    return m.in_summary || !m.at_most || *m.at_most >= months;
  };
  SubstitutionCheck out;
  out.total = months_of_any(person, experience, rule.kinds, as_of);
  out.met = reaches(out.total, rule.months);
  out.possible = may_reach(out.total, rule.months);
  if (rule.part) {
    out.part = months_of_any(person, experience, rule.part->kinds, as_of);
    out.met = out.met && reaches(*out.part, rule.part->months);
    out.possible = out.possible && may_reach(*out.part, rule.part->months);
  }
  return out;
}

}  // namespace ccteam::qualify
