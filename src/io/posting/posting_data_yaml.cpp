#include "io/posting/posting_data_yaml.hpp"

#include <cstdlib>
#include <filesystem>

#include "ccteam/core/iso_codes.hpp"
#include "ccteam/lint/linter.hpp"
#include "ccteam/text/normalize.hpp"
#include "io/base/files.hpp"
#include "io/base/yaml_reader.hpp"

namespace ccteam::io {

namespace {

// "DE", "US", "US-CO", and "EU" for the European Union as a whole.
bool is_jurisdiction(std::string_view code) { return code == "EU" || is_iso_place(code); }

}  // namespace

Checked<posting::MinimumWages> read_minimum_wages_yaml(std::string_view text,
                                                       const std::string& file) {
  auto root = parse_yaml(text, file);
  if (!root) return tl::unexpected(Errors{root.error()});
  YamlContext ctx(file, text);
  posting::MinimumWages out;
  MapReader top(ctx, *root, "");
  if (top.is_map()) {
    top.list("minimum_wages", true, [&](const YAML::Node& node, const std::string& pointer) {
      MapReader map(ctx, node, pointer);
      if (!map.is_map()) return;
      posting::MinimumWage w;
      w.pos = ctx.pos(node, pointer);
      w.jurisdiction = map.string("jurisdiction", true).value_or("");
      if (!w.jurisdiction.empty() && !is_jurisdiction(w.jurisdiction)) {
        ctx.error(*map.get("jurisdiction", false), map.pointer_of("jurisdiction"),
                  msg(MsgId::posting_data_bad_jurisdiction, w.jurisdiction));
      }
      auto from = map.string("from", true);
      if (from) {
        auto parsed = parse_iso_date(*from);
        if (parsed) {
          w.from = *parsed;
        } else {
          ctx.error(*map.get("from", false), map.pointer_of("from"), msg(MsgId::bad_date, *from),
                    msg(MsgId::hint_date));
        }
      }
      auto code = map.string("currency", true);
      auto amount = map.string("per_hour", true);
      w.source = map.citation("source", true).value_or(LocalizedText{});
      w.verified = map.boolean("verified", false).value_or(true);
      w.note = map.string("note", false).value_or("");
      map.finish();
      if (!code || !amount) return;
      auto currency = Currency::parse(*code);
      if (!currency) {
        ctx.error(*map.get("currency", false), map.pointer_of("currency"), currency.error().message,
                  currency.error().hint);
        return;
      }
      auto money = money_from_decimal(*amount, *currency);
      if (!money) {
        ctx.error(*map.get("per_hour", false), map.pointer_of("per_hour"),
                  msg(MsgId::bad_amount, *amount),
                  msg(MsgId::hint_amount, currency->minor_digits()));
        return;
      }
      w.per_hour = *money;
      out.entries.push_back(std::move(w));
    });
    top.finish();
  }
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  return out;
}

Checked<posting::MinimumWages> load_minimum_wages(const std::string& dir) {
  std::string path = (std::filesystem::path(dir) / "minimum-wages.yaml").string();
  auto text = read_file(path, k_max_yaml_bytes);
  if (!text) return tl::unexpected(Errors{text.error()});
  return read_minimum_wages_yaml(*text, path);
}

namespace {

std::optional<Date> read_date(MapReader& map, std::string_view key) {
  auto text = map.string(key, true);
  if (!text) return std::nullopt;
  auto parsed = parse_iso_date(*text);
  if (!parsed) {
    map.ctx().error(*map.get(key, false), map.pointer_of(key), msg(MsgId::bad_date, *text),
                    msg(MsgId::hint_date));
    return std::nullopt;
  }
  return *parsed;
}

std::optional<Lang> read_lang(MapReader& map) {
  static constexpr std::string_view k_langs[] = {"en", "de"};
  return map.choice<Lang>(
      "lang", true,
      [](std::string_view s) -> std::optional<Lang> {
        if (s == "en") return Lang::en;
        if (s == "de") return Lang::de;
        return std::nullopt;
      },
      k_langs);
}

Errors read_laws(std::string_view text, const std::string& file, lint::RuleData& out) {
  auto root = parse_yaml(text, file);
  if (!root) return {root.error()};
  YamlContext ctx(file, text);
  MapReader top(ctx, *root, "");
  if (!top.is_map()) return ctx.take_errors();
  out.laws_as_of = read_date(top, "as_of").value_or(Date{});
  top.list("laws", true, [&](const YAML::Node& node, const std::string& pointer) {
    MapReader map(ctx, node, pointer);
    if (!map.is_map()) return;
    lint::Law law;
    law.id = map.string("id", true).value_or("");
    law.jurisdiction = map.string("jurisdiction", true).value_or("");
    if (!law.jurisdiction.empty() && !is_jurisdiction(law.jurisdiction)) {
      ctx.error(*map.get("jurisdiction", false), map.pointer_of("jurisdiction"),
                msg(MsgId::posting_data_bad_jurisdiction, law.jurisdiction));
    }
    law.citation = map.citation("citation", true).value_or(LocalizedText{});
    law.applies_from = read_date(map, "applies_from").value_or(Date{});
    law.min_employees =
        static_cast<int>(map.integer("min_employees", true, 1, 1'000'000).value_or(1));
    map.list("requires", true, [&](const YAML::Node& n, const std::string& p) {
      auto word = read_string(ctx, n, p);
      if (!word) return;
      if (auto r = lint::parse_requirement(*word)) {
        law.demands.push_back(*r);
      } else {
        ctx.error(n, p, msg(MsgId::yaml_bad_choice, *word),
                  msg(MsgId::hint_one_of, join(lint::all_requirements())));
      }
    });
    static constexpr std::string_view k_severities[] = {"info", "warning", "error"};
    law.severity =
        map.choice<posting::Severity>("severity", true, posting::parse_severity, k_severities)
            .value_or(posting::Severity::error);
    law.verified = map.boolean("verified", false).value_or(true);
    law.note = map.string("note", false).value_or("");
    map.list("member_states", false, [&](const YAML::Node& n, const std::string& p) {
      MapReader state(ctx, n, p);
      if (!state.is_map()) return;
      lint::MemberState m;
      m.country = state.string("country", true).value_or("");
      if (!m.country.empty() && !is_iso_country(m.country)) {
        ctx.error(*state.get("country", false), state.pointer_of("country"),
                  msg(MsgId::posting_data_bad_jurisdiction, m.country));
      }
      m.status = state
                     .choice<lint::Transposition>("status", true, lint::parse_transposition,
                                                  lint::all_transpositions())
                     .value_or(lint::Transposition::unknown);
      m.source = state.citation("source", false).value_or(LocalizedText{});
      m.verified = state.boolean("verified", false).value_or(true);
      m.note = state.string("note", false).value_or("");
      state.finish();
      law.countries.push_back(m.country);
      if (m.status == lint::Transposition::transposed) law.transposed.push_back(m.country);
      law.member_states.push_back(std::move(m));
    });
    map.finish();
    out.laws.push_back(std::move(law));
  });
  top.finish();
  return ctx.take_errors();
}

Errors read_phrases(std::string_view text, const std::string& file, lint::RuleData& out) {
  auto root = parse_yaml(text, file);
  if (!root) return {root.error()};
  YamlContext ctx(file, text);
  MapReader top(ctx, *root, "");
  if (!top.is_map()) return ctx.take_errors();
  top.list("phrases", true, [&](const YAML::Node& node, const std::string& pointer) {
    MapReader map(ctx, node, pointer);
    if (!map.is_map()) return;
    lint::Phrase phrase;
    static constexpr std::string_view k_rules[] = {"agg-age", "agg-origin",        "agg-photo",
                                                   "agg-sex", "agg-personal-data", "pay-history"};
    phrase.rule = map.choice<std::string>(
                         "rule", true,
                         [](std::string_view s) -> std::optional<std::string> {
                           for (std::string_view r : k_rules) {
                             if (s == r) return std::string(s);
                           }
                           return std::nullopt;
                         },
                         k_rules)
                      .value_or("agg-age");
    phrase.lang = read_lang(map).value_or(Lang::de);
    phrase.text = text::fold(map.string("text", true).value_or(""));
    phrase.source = map.citation("source", true).value_or(LocalizedText{});
    phrase.verified = map.boolean("verified", false).value_or(true);
    map.string("note", false);
    map.finish();
    out.phrases.push_back(std::move(phrase));
  });
  top.finish();
  return ctx.take_errors();
}

Errors read_words(std::string_view text, const std::string& file, lint::RuleData& out) {
  auto root = parse_yaml(text, file);
  if (!root) return {root.error()};
  YamlContext ctx(file, text);
  MapReader top(ctx, *root, "");
  if (!top.is_map()) return ctx.take_errors();
  std::vector<std::pair<std::string, LocalizedText>> sources;
  if (auto node = top.get("sources", true)) {
    MapReader map(ctx, *node, "/sources");
    if (map.is_map()) {
      for (const auto& entry : *node) {
        std::string key = entry.first.as<std::string>("");
        sources.emplace_back(key, map.citation(key, true).value_or(LocalizedText{}));
      }
      map.finish();
    }
  }
  top.list("words", true, [&](const YAML::Node& node, const std::string& pointer) {
    MapReader map(ctx, node, pointer);
    if (!map.is_map()) return;
    Lang lang = read_lang(map).value_or(Lang::en);
    static constexpr std::string_view k_codings[] = {"masculine", "feminine"};
    bool masculine = map.choice<bool>(
                            "coding", true,
                            [](std::string_view s) -> std::optional<bool> {
                              if (s == "masculine") return true;
                              if (s == "feminine") return false;
                              return std::nullopt;
                            },
                            k_codings)
                         .value_or(true);
    std::string source_id = map.string("source", true).value_or("");
    bool verified = map.boolean("verified", false).value_or(true);
    map.string("note", false);
    LocalizedText source{source_id, source_id};
    for (const auto& [id, citation] : sources) {
      if (id == source_id) source = citation;
    }
    for (const std::string& stem :
         map.strings("stems", true).value_or(std::vector<std::string>{})) {
      out.words.push_back(lint::CodedWord{lang, masculine, text::fold(stem), source, verified});
    }
    map.finish();
  });
  top.finish();
  return ctx.take_errors();
}

Errors read_readability(std::string_view text, const std::string& file, lint::RuleData& out) {
  auto root = parse_yaml(text, file);
  if (!root) return {root.error()};
  YamlContext ctx(file, text);
  MapReader top(ctx, *root, "");
  if (!top.is_map()) return ctx.take_errors();
  top.list("readability", true, [&](const YAML::Node& node, const std::string& pointer) {
    MapReader map(ctx, node, pointer);
    if (!map.is_map()) return;
    lint::ReadabilityLimit limit;
    limit.lang = read_lang(map).value_or(Lang::en);
    static constexpr std::string_view k_formulas[] = {"flesch-1948", "amstad-1978"};
    limit.formula = map.choice<std::string>(
                           "formula", true,
                           [](std::string_view s) -> std::optional<std::string> {
                             for (std::string_view f : k_formulas) {
                               if (s == f) return std::string(s);
                             }
                             return std::nullopt;
                           },
                           k_formulas)
                        .value_or("");
    bool formula_fits = (limit.lang == Lang::en) == (limit.formula == "flesch-1948");
    if (!limit.formula.empty() && !formula_fits) {
      ctx.error(*map.get("formula", false), map.pointer_of("formula"),
                msg(MsgId::posting_data_formula_lang, limit.formula, to_string(limit.lang)));
    }
    limit.min_score = map.number("min_score", true, -1000.0, 206.835).value_or(50.0);
    limit.min_words = static_cast<int>(map.integer("min_words", true, 1, 100'000).value_or(100));
    limit.source = map.citation("source", true).value_or(LocalizedText{});
    map.finish();
    out.readability.push_back(std::move(limit));
  });
  top.finish();
  return ctx.take_errors();
}

// places.yaml: countries:, each {code, names, source, regions_bind (optional, default false),
// regions: [{code, names, cities}], cities}. A region's code is "US-CO" or "DE-BY"; where
// regions_bind is true (US: pay laws are state laws) its places put a posting under the
// region's code, else under the country's. A name in a list may be "Name|Other name"; a city
// name ending in "!" is a common word ("Mobile!") and counts only as "Mobile, AL".
Errors read_places(std::string_view text, const std::string& file, lint::RuleData& out) {
  auto root = parse_yaml(text, file);
  if (!root) return {root.error()};
  YamlContext ctx(file, text);
  MapReader top(ctx, *root, "");
  if (!top.is_map()) return ctx.take_errors();
  top.string("source", false);
  using Kind = lint::PlaceName::Kind;
  auto add_names = [&out](const std::vector<std::string>& names, const std::string& jurisdiction,
                          Kind kind) {
    for (const std::string& entry : names) {
      std::size_t start = 0;
      while (start <= entry.size()) {
        std::size_t bar = entry.find('|', start);
        if (bar == std::string::npos) bar = entry.size();
        std::string name = entry.substr(start, bar - start);
        bool needs_region = !name.empty() && name.back() == '!';
        if (needs_region) name.pop_back();
        if (!name.empty())
          out.places.push_back(lint::PlaceName{text::fold(name), jurisdiction, kind, needs_region});
        start = bar + 1;
      }
    }
  };
  top.list("countries", true, [&](const YAML::Node& node, const std::string& pointer) {
    MapReader country(ctx, node, pointer);
    if (!country.is_map()) return;
    std::string code = country.string("code", true).value_or("");
    if (!code.empty() && !is_iso_country(code)) {
      ctx.error(*country.get("code", false), country.pointer_of("code"),
                msg(MsgId::posting_data_bad_jurisdiction, code));
    }
    bool regions_bind = country.boolean("regions_bind", false).value_or(false);
    country.string("source", true);
    country.string("note", false);
    add_names(country.strings("names", true).value_or(std::vector<std::string>{}), code,
              Kind::country);
    add_names(country.strings("cities", false).value_or(std::vector<std::string>{}), code,
              Kind::city);
    country.list("regions", false, [&](const YAML::Node& n, const std::string& p) {
      MapReader region(ctx, n, p);
      if (!region.is_map()) return;
      std::string region_code = region.string("code", true).value_or("");
      if (!region_code.empty() && !is_iso_place(region_code)) {
        ctx.error(*region.get("code", false), region.pointer_of("code"),
                  msg(MsgId::posting_data_bad_jurisdiction, region_code));
      }
      std::string jurisdiction = regions_bind ? region_code : code;
      add_names(region.strings("names", true).value_or(std::vector<std::string>{}), jurisdiction,
                Kind::region);
      add_names(region.strings("cities", false).value_or(std::vector<std::string>{}), jurisdiction,
                Kind::city);
      region.finish();
    });
    country.finish();
  });
  top.finish();
  return ctx.take_errors();
}

}  // namespace

Checked<lint::RuleData> load_lint_rules(const std::string& dir) {
  lint::RuleData data;
  Errors errors;
  using Reader = Errors (*)(std::string_view, const std::string&, lint::RuleData&);
  const std::pair<const char*, Reader> files[] = {{"laws.yaml", read_laws},
                                                  {"phrases.yaml", read_phrases},
                                                  {"gender-words.yaml", read_words},
                                                  {"readability.yaml", read_readability},
                                                  {"places.yaml", read_places}};
  for (const auto& [name, reader] : files) {
    std::string path = (std::filesystem::path(dir) / name).string();
    auto text = read_file(path, k_max_yaml_bytes);
    if (!text) {
      errors.push_back(text.error());
      continue;
    }
    Errors found = reader(*text, path, data);
    errors.insert(errors.end(), found.begin(), found.end());
  }
  auto wages = load_minimum_wages(dir);
  if (wages) {
    data.wages = std::move(*wages);
  } else {
    errors.insert(errors.end(), wages.error().begin(), wages.error().end());
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return data;
}

}  // namespace ccteam::io
