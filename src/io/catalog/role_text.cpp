#include "io/catalog/role_text.hpp"

namespace ccteam::io {

std::string pay_range_text(const catalog::PayRange& range, Lang lang) {
  std::string period = tr(label(range.period), lang);
  std::string min = format_money(range.min, lang);
  if (!range.max) return render(msg(MsgId::pay_from, min, period), lang);
  std::string max = format_money(*range.max, lang);
  return render(msg(range.open_ended ? MsgId::pay_open_ended : MsgId::pay_range, min, max, period),
                lang);
}

std::string duration_text(int months, Lang lang) {
  if (months == 12) return tr(MsgId::duration_one_year, lang);
  if (months == 1) return tr(MsgId::duration_one_month, lang);
  if (months % 12 == 0) return render(msg(MsgId::duration_years, months / 12), lang);
  return render(msg(MsgId::duration_months, months), lang);
}

std::string isced_text(catalog::IscedLevel level, Lang lang) {
  return render(msg(MsgId::isced_level, to_int(level)), lang);
}

namespace {
std::string kinds_text(const std::vector<catalog::ExperienceKind>& kinds, Lang lang) {
  std::string out;
  for (catalog::ExperienceKind k : kinds) {
    out += (out.empty() ? "" : " / ") + tr(catalog::label(k), lang);
  }
  return out;
}
}  // namespace

Message substitution_text(const catalog::Substitution& rule, Lang lang) {
  if (rule.part) {
    return msg(MsgId::substitution_line_part, duration_text(rule.months, lang),
               kinds_text(rule.kinds, lang), duration_text(rule.part->months, lang),
               kinds_text(rule.part->kinds, lang), isced_text(rule.replaces_isced, lang));
  }
  MsgId form = rule.months == 12 ? MsgId::substitution_line_one : MsgId::substitution_line;
  return msg(form, duration_text(rule.months, lang), kinds_text(rule.kinds, lang),
             isced_text(rule.replaces_isced, lang));
}

}  // namespace ccteam::io
