#include "ccteam/posting/document.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ccteam/core/iso_codes.hpp"
#include "ccteam/core/money.hpp"

namespace ccteam::posting {

namespace {

struct Writer {
  Lang lang;
  bool du;

  std::string t(MsgId id) const { return tr(id, lang); }
  // The du form where German uses it, else the Sie form (both are the same in English).
  std::string t(MsgId sie, MsgId du_form) const { return tr(du ? du_form : sie, lang); }
  template <class... Args>
  std::string f(MsgId id, const Args&... args) const {
    return render(msg(id, args...), lang);
  }
};

MsgId type_label(EmploymentType type) {
  switch (type) {
    case EmploymentType::full_time:
      return MsgId::posting_type_full_time;
    case EmploymentType::part_time:
      return MsgId::posting_type_part_time;
    case EmploymentType::temporary:
      return MsgId::posting_type_temporary;
    case EmploymentType::contractor:
      return MsgId::posting_type_contractor;
    case EmploymentType::intern:
      return MsgId::posting_type_intern;
    case EmploymentType::apprenticeship:
      return MsgId::posting_type_apprenticeship;
  }
  return MsgId::posting_type_full_time;
}

MsgId remote_label(RemotePolicy policy) {
  switch (policy) {
    case RemotePolicy::on_site:
      return MsgId::posting_remote_on_site;
    case RemotePolicy::hybrid:
      return MsgId::posting_remote_hybrid;
    case RemotePolicy::remote:
      return MsgId::posting_remote_remote;
  }
  return MsgId::posting_remote_on_site;
}

MsgId period_label(catalog::PayPeriod period, bool gross) {
  switch (period) {
    case catalog::PayPeriod::hour:
      return gross ? MsgId::posting_gross_hour : MsgId::posting_net_hour;
    case catalog::PayPeriod::month:
      return gross ? MsgId::posting_gross_month : MsgId::posting_net_month;
    case catalog::PayPeriod::year:
      return gross ? MsgId::posting_gross_year : MsgId::posting_net_year;
  }
  return MsgId::posting_gross_year;
}

std::string language_name(const std::string& code, const Writer& w) {
  if (code == "de") return w.t(MsgId::posting_lang_de);
  if (code == "en") return w.t(MsgId::posting_lang_en);
  return code;
}

std::string duration(int months, const Writer& w) {
  if (months == 12) return w.t(MsgId::posting_one_year);
  if (months % 12 == 0) return w.f(MsgId::posting_years, months / 12);
  return w.f(MsgId::posting_months, months);
}

// The country the posting is mainly for: the first location's, else the first remote place's.
std::string main_country(const EmployerProfile& p) {
  if (!p.locations.empty()) return p.locations.front().country;
  if (!p.remote_allowed.empty()) return p.remote_allowed.front().country;
  return "";
}

bool applies_in(const std::vector<std::string>& countries, const std::string& country) {
  return countries.empty() ||
         std::find(countries.begin(), countries.end(), country) != countries.end();
}

Section requirements(const catalog::Role& role, const EmployerProfile& p, const Writer& w) {
  Section s{"requirements", w.t(MsgId::posting_sec_bring, MsgId::posting_sec_bring_du), {}};
  std::string country = main_country(p);
  Block required{Block::Kind::bullets, {}};
  Block preferred{Block::Kind::bullets, {}};
  const catalog::MinimumEducation* education = nullptr;
  for (const auto& e : role.minimum_education) {
    if (e.country == country) education = &e;
  }
  if (education == nullptr) {
    for (const auto& e : role.minimum_education) {
      if (e.country == "*") education = &e;
    }
  }
  if (education != nullptr) required.lines.push_back(education->description.get(w.lang));
  // How experience replaces the degree is a rule, not a requirement: one sentence after the list.
  std::string substitutes;
  for (const auto& sub : role.substitutions) {
    substitutes += (substitutes.empty() ? "" : " ") + sub.description.get(w.lang);
  }
  for (const auto& e : role.experience) {
    std::string line =
        w.f(MsgId::posting_experience, duration(e.months, w), tr(catalog::label(e.kind), w.lang));
    (e.importance == catalog::Importance::required ? required : preferred).lines.push_back(line);
  }
  for (const auto& l : role.languages) {
    if (!applies_in(l.countries, country)) continue;
    std::string line =
        w.f(MsgId::posting_language, language_name(l.language, w), catalog::to_string(l.level));
    (l.importance == catalog::Importance::required ? required : preferred).lines.push_back(line);
  }
  for (const auto& skill : role.skills) {
    auto& block = skill.importance == catalog::Importance::required ? required : preferred;
    block.lines.push_back(skill.name.get(w.lang));
  }
  for (const auto& e : role.preferred_education) {
    if (!e.fields.get(w.lang).empty()) {
      std::string fields;
      for (const auto& field : e.fields.get(w.lang)) fields += (fields.empty() ? "" : ", ") + field;
      preferred.lines.push_back(fields);
    }
  }
  s.blocks.push_back(Block{Block::Kind::subheading, {w.t(MsgId::posting_required)}});
  s.blocks.push_back(std::move(required));
  if (!substitutes.empty()) {
    s.blocks.push_back(
        Block{Block::Kind::paragraph, {w.f(MsgId::posting_experience_replaces, substitutes)}});
  }
  if (!preferred.lines.empty()) {
    s.blocks.push_back(Block{Block::Kind::subheading, {w.t(MsgId::posting_preferred)}});
    s.blocks.push_back(std::move(preferred));
  }
  return s;
}

std::string pay_line(const catalog::PayRange& pay, bool gross, const Writer& w) {
  std::string period = w.t(period_label(pay.period, gross));
  if (pay.max) {
    return w.f(MsgId::posting_pay_range, format_money(pay.min, w.lang),
               format_money(*pay.max, w.lang), period);
  }
  return w.f(MsgId::posting_pay_from, format_money(pay.min, w.lang), period);
}

Section offer(const EmployerProfile& p, const Position& position,
              const std::optional<catalog::PayRange>& pay, const Writer& w) {
  Section s{"offer", w.t(MsgId::posting_sec_offer), {}};
  Block b{Block::Kind::bullets, {}};
  if (pay) {
    std::string line = pay_line(*pay, position.pay_gross || position.adopt_market_reference, w);
    b.lines.push_back(line);
  }
  b.lines.push_back(w.f(MsgId::posting_hours, fmt::format("{:g}", p.weekly_hours)) + ", " +
                    w.t(type_label(p.employment_type)));
  if (p.contract == Contract::permanent) {
    b.lines.push_back(w.t(MsgId::posting_permanent));
  } else if (p.fixed_term_months) {
    b.lines.push_back(w.f(MsgId::posting_fixed_term, *p.fixed_term_months));
  } else {
    b.lines.push_back(w.t(MsgId::posting_fixed_term_open));
  }
  if (p.shift_pattern) b.lines.push_back(w.f(MsgId::posting_shifts, p.shift_pattern->get(w.lang)));
  if (p.remote != RemotePolicy::on_site && !p.remote_allowed.empty()) {
    std::string places;
    for (const Place& place : p.remote_allowed) {
      // "Germany", "United States (WA)": the name a reader knows, the region as its code.
      std::string name = country_name(place.country, w.lang);
      if (!place.region.empty()) name += " (" + place.region + ")";
      places += (places.empty() ? "" : ", ") + name;
    }
    b.lines.push_back(w.f(MsgId::posting_remote_from, places));
  }
  for (const auto& benefit : p.benefits) b.lines.push_back(benefit.get(w.lang));
  if (p.collective_agreement) {
    b.lines.push_back(w.f(MsgId::posting_collective, p.collective_agreement->get(w.lang)));
  }
  s.blocks.push_back(std::move(b));
  return s;
}

Section apply(const EmployerProfile& p, const Position& position, const Writer& w) {
  Section s{"apply", w.t(MsgId::posting_sec_apply, MsgId::posting_sec_apply_du), {}};
  // How many are hired belongs to applying ("We are filling 6 positions."), not to what the
  // employer offers.
  if (position.openings > 1) {
    s.blocks.push_back(
        Block{Block::Kind::paragraph, {w.f(MsgId::posting_openings, position.openings)}});
  }
  std::string where = !p.apply_url.empty() ? p.apply_url : p.apply_email;
  if (!p.apply_url.empty() && !p.apply_email.empty()) where += " / " + p.apply_email;
  std::string line = render(msg(w.du ? MsgId::posting_apply_until_du : MsgId::posting_apply_until,
                                format_date(p.valid_through, w.lang), where),
                            w.lang);
  s.blocks.push_back(Block{Block::Kind::paragraph, {line}});
  if (p.contact) {
    std::string who = p.contact->name;
    if (!p.contact->email.empty()) who += ", " + p.contact->email;
    if (!p.contact->phone.empty()) who += ", " + p.contact->phone;
    s.blocks.push_back(Block{
        Block::Kind::paragraph,
        {render(msg(w.du ? MsgId::posting_contact_du : MsgId::posting_contact, who), w.lang)}});
  }
  if (!p.privacy_url.empty()) {
    s.blocks.push_back(
        Block{Block::Kind::paragraph, {w.t(MsgId::posting_privacy) + ": " + p.privacy_url}});
  }
  return s;
}

}  // namespace

namespace {

// "m/w/d", "w/m/d", "m/f/d", "m/w/x": letters m, w, f, d, x, i separated by '/', ',', '|' or
// spaces, naming at least two genders. 'third' tells whether d, x or i is among them.
bool gender_letters(std::string_view inner, bool& third) {
  int letters = 0;
  third = false;
  if (inner.empty()) return false;
  for (char c : inner) {
    if (c == 'm' || c == 'w' || c == 'f' || c == 'd' || c == 'x' || c == 'i') {
      ++letters;
      third = third || c == 'd' || c == 'x' || c == 'i';
    } else if (c != '/' && c != ',' && c != '|' && c != ' ') {
      return false;
    }
  }
  return letters >= 2 && inner.find_first_of("/,|") != std::string_view::npos;
}

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(),
                     [&](std::string_view e) { return word.ends_with(e); });
}

// The title's words before its first bracket, comma or preposition ("Servicefachkraft im
// Kundendialog" -> "servicefachkraft"), lower case (ASCII and ä ö ü as they are).
std::vector<std::string> head_words(const std::string& lower) {
  std::size_t end = lower.size();
  for (std::string_view stop :
       {"(", ",", "|", " im ", " in ", " für ", " bei ", " - ", " \xE2\x80\x93 "}) {
    end = std::min(end, lower.find(stop));
  }
  std::vector<std::string> out;
  std::string word;
  for (char c : lower.substr(0, end) + " ") {
    if (c == ' ' || c == '-') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else if (c != '#' && c != '*' && c != '"') {
      word += c;
    }
  }
  return out;
}

}  // namespace

TitleGender title_gender(std::string_view title) {
  std::string lower;
  for (char c : title) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  bool binary = false;
  // Markers in brackets, and named forms.
  for (std::size_t open = lower.find('('); open != std::string::npos;
       open = lower.find('(', open + 1)) {
    std::size_t close = lower.find(')', open);
    if (close == std::string::npos) break;
    std::string_view inner(lower.data() + open + 1, close - open - 1);
    if (inner == "gn" || inner == "all genders" || inner == "alle geschlechter" || inner == "gn*")
      return TitleGender::all;
    bool third = false;
    if (gender_letters(inner, third)) {
      if (third) return TitleGender::all;
      binary = true;
    }
  }
  // Markers without brackets: "Kundenberater m/w/d Inbound".
  std::size_t start = 0;
  while (start < lower.size()) {
    std::size_t end = lower.find(' ', start);
    if (end == std::string::npos) end = lower.size();
    std::string_view token(lower.data() + start, end - start);
    bool third = false;
    if (gender_letters(token, third) && token.size() >= 3) {
      if (third) return TitleGender::all;
      binary = true;
    }
    start = end + 1;
  }
  // Inclusive forms inside words: Berater*in, Berater:in, Berater_in, BeraterIn.
  for (std::string_view form : {"*in", ":in", "_in"}) {
    if (title.find(form) != std::string_view::npos) return TitleGender::all;
  }
  for (std::size_t i = 1; i + 1 < title.size(); ++i) {
    if (title[i] == 'I' && title[i + 1] == 'n' && title[i - 1] >= 'a' && title[i - 1] <= 'z')
      return TitleGender::all;
  }
  // Two genders: Kundenberater/-in, Kundenberater/in, Kaufmann/-frau, Beraterin oder Berater.
  for (std::string_view form : {"/-in", "/in", "/-frau", "/frau", "/-innen", "/innen"}) {
    std::size_t at = lower.find(form);
    if (at == std::string::npos) continue;
    std::size_t end = at + form.size();
    if (end == lower.size() || lower[end] == ' ' || lower[end] == ')' || lower[end] == ',')
      binary = true;
  }
  if (lower.find("in oder ") != std::string::npos || lower.find("in und ") != std::string::npos ||
      lower.find("innen und ") != std::string::npos)
    binary = true;
  if (binary) return TitleGender::binary;
  // A neutral noun and no person noun in the head: "Teamleitung", "Mitarbeitende".
  auto head = head_words(lower);
  bool neutral = std::any_of(head.begin(), head.end(), [](const std::string& w) {
    return ends_with_any(
        w, {"ung", "kraft",
            "kr\xC3\xA4"
            "fte",
            "hilfe", "person", "personal", "ende", "enden", "leute", "team", "assistenz"});
  });
  bool person = std::any_of(head.begin(), head.end(), [](const std::string& w) {
    return w.size() > 3 &&
           ends_with_any(w, {"er", "ent", "ist", "eur", "ant", "mann", "frau", "ling", "in"});
  });
  return neutral && !person ? TitleGender::all : TitleGender::one;
}

std::string posting_title(const catalog::Role& role, const Position& position, Lang lang) {
  std::string title = position.title ? position.title->get(lang) : role.job_title().get(lang);
  if (lang == Lang::de && !has_gender_neutral_marker(title)) title += " (m/w/d)";
  return title;
}

bool has_gender_neutral_marker(std::string_view title) {
  return title_gender(title) == TitleGender::all;
}

std::string format_date(const Date& date, Lang lang) {
  int y = static_cast<int>(date.year());
  unsigned m = static_cast<unsigned>(date.month());
  unsigned d = static_cast<unsigned>(date.day());
  if (lang == Lang::de) return fmt::format("{:02}.{:02}.{:04}", d, m, y);
  static constexpr std::array<std::string_view, 12> k_months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return fmt::format("{} {}, {}", k_months[(m + 11) % 12], d, y);
}

Result<PostingDocument> build_posting(const catalog::Role& role, const catalog::Catalog& catalog,
                                      const EmployerProfile& profile, Lang lang) {
  const Position* position = profile.find(role.id);
  if (position == nullptr) {
    std::string known;
    for (const Position& p : profile.positions) known += (known.empty() ? "" : ", ") + p.role.str();
    return fail(ErrorKind::not_found, msg(MsgId::posting_no_position, role.id.str()),
                SourcePos{profile.file, 0, 0, "/positions"},
                msg(MsgId::hint_posting_positions, known));
  }
  Writer w{lang, lang == Lang::de && profile.address_form == AddressForm::du};
  PostingDocument doc;
  doc.lang = lang;
  doc.role = &role;
  doc.profile = &profile;
  doc.position = position;
  if (position->pay) doc.pay = position->pay;
  if (position->adopt_market_reference && role.market_reference) {
    doc.pay = role.market_reference->range;
  }
  doc.title = posting_title(role, *position, lang);
  std::string place = profile.locations.empty() ? "" : profile.locations.front().city;
  doc.subtitle = profile.name + (place.empty() ? "" : " · " + place) + " · " +
                 w.t(type_label(profile.employment_type)) + " · " +
                 w.t(remote_label(profile.remote));

  // The catalog's German job summaries address the reader as "Sie"; a du posting uses the
  // role's neutral description only, so that the form of address never mixes.
  Section about{"about", w.t(MsgId::posting_sec_about), {}};
  if (!w.du) about.blocks.push_back(Block{Block::Kind::paragraph, {role.job_summary.get(lang)}});
  about.blocks.push_back(Block{Block::Kind::paragraph, {role.description.get(lang)}});
  doc.sections.push_back(std::move(about));
  Section tasks{"responsibilities",
                w.t(MsgId::posting_sec_tasks, MsgId::posting_sec_tasks_du),
                {Block{Block::Kind::bullets, {}}}};
  for (const auto& r : role.responsibilities) {
    tasks.blocks[0].lines.push_back(r.title.get(lang) + ": " + r.description.get(lang));
  }
  doc.sections.push_back(std::move(tasks));
  doc.sections.push_back(requirements(role, profile, w));
  doc.sections.push_back(offer(profile, *position, doc.pay, w));
  std::string next;
  for (const auto& ref : role.next_roles) {
    if (const catalog::Role* r = catalog.find(ref.id)) {
      std::string title = r->title.get(lang);
      if (lang == Lang::de && !has_gender_neutral_marker(title)) title += " (m/w/d)";
      next += (next.empty() ? "" : ", ") + title;
    }
  }
  if (!next.empty()) {
    doc.sections.push_back(
        Section{"career",
                w.t(MsgId::posting_sec_career, MsgId::posting_sec_career_du),
                {Block{Block::Kind::paragraph, {w.f(MsgId::posting_career, next)}}}});
  }
  doc.sections.push_back(apply(profile, *position, w));
  doc.sections.push_back(
      Section{"equal_opportunity",
              w.t(MsgId::posting_sec_equal),
              {Block{Block::Kind::paragraph, {profile.equal_opportunity.get(lang)}}}});
  return doc;
}

}  // namespace ccteam::posting
