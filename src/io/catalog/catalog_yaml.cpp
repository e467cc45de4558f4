#include "io/catalog/catalog_yaml.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <unordered_set>

#include "ccteam/core/iso_codes.hpp"
#include "io/base/files.hpp"
#include "io/base/yaml_reader.hpp"

namespace ccteam::io {

namespace {

using namespace ccteam::catalog;

constexpr long long k_max_amount = 1'000'000'000'000;  // in major units; above is a typo
constexpr std::size_t k_max_roles = 1000;  // keeps ladder walks shallow; real catalogs hold dozens

// Reads `key` as an id (lowercase, hyphens) and reports a malformed one.
std::optional<std::string> read_id(MapReader& map, std::string_view key, bool required) {
  auto id = map.string(key, required);
  if (id && !is_valid_id(*id)) {
    map.ctx().error(*map.get(key, false), map.pointer_of(key), msg(MsgId::catalog_bad_id, *id),
                    msg(MsgId::hint_id_form));
    return std::nullopt;
  }
  return id;
}

// Where the map's `id` value was written, for errors about the item (duplicate ids).
SourcePos id_pos(MapReader& map) {
  auto node = map.get("id", false);
  return node ? map.ctx().pos(*node, map.pointer_of("id"))
              : map.ctx().pos(map.node(), map.pointer());
}

std::optional<RoleRef> read_role_ref(YamlContext& ctx, const YAML::Node& node,
                                     const std::string& pointer) {
  auto id = read_string(ctx, node, pointer);
  if (!id) return std::nullopt;
  if (!is_valid_id(*id)) {
    ctx.error(node, pointer, msg(MsgId::catalog_bad_id, *id), msg(MsgId::hint_id_form));
    return std::nullopt;
  }
  return RoleRef{RoleId(*id), ctx.pos(node, pointer)};
}

std::optional<RoleRef> role_ref(MapReader& map, std::string_view key) {
  auto node = map.get(key, false);
  if (!node) return std::nullopt;
  return read_role_ref(map.ctx(), *node, map.pointer_of(key));
}

std::optional<std::string> country(MapReader& map, std::string_view key, bool allow_any) {
  auto code = map.string(key, true);
  if (!code) return std::nullopt;
  if ((allow_any && *code == "*") || is_iso_country(*code)) return code;
  map.ctx().error(*map.get(key, false), map.pointer_of(key), msg(MsgId::catalog_bad_country, *code),
                  msg(MsgId::hint_country));
  return std::nullopt;
}

std::vector<std::string> countries(MapReader& map, std::string_view key) {
  std::vector<std::string> out;
  map.list(key, false, [&](const YAML::Node& node, const std::string& pointer) {
    auto code = read_string(map.ctx(), node, pointer);
    if (!code) return;
    if (!is_iso_country(*code)) {
      map.ctx().error(node, pointer, msg(MsgId::catalog_bad_country, *code),
                      msg(MsgId::hint_country));
      return;
    }
    out.push_back(*code);
  });
  return out;
}

std::optional<IscedLevel> isced(MapReader& map, std::string_view key) {
  auto value = map.integer(key, true, 0, 8);
  if (!value) return std::nullopt;
  return isced_from_int(*value);
}

Importance importance(MapReader& map) {
  return map.choice<Importance>("importance", true, parse_importance, all_importances())
      .value_or(Importance::required);
}

LocalizedList localized_list(MapReader& map, std::string_view key) {
  LocalizedList out;
  auto node = map.get(key, false);
  if (!node) return out;
  MapReader lists(map.ctx(), *node, map.pointer_of(key));
  if (!lists.is_map()) return out;
  for (Lang lang : k_all_langs) {
    auto words = lists.strings(to_string(lang), false);
    if (words) (lang == Lang::de ? out.de : out.en) = std::move(*words);
  }
  lists.finish();
  return out;
}

Basis basis(MapReader& map, bool required) {
  Basis out;
  auto node = map.get("basis", required);
  if (!node) return out;
  MapReader b(map.ctx(), *node, map.pointer_of("basis"));
  out.source = b.citation("source", true).value_or(LocalizedText{});
  out.tunable = b.boolean("tunable", false).value_or(false);
  b.finish();
  return out;
}

// Duration as exactly one of `years` (decimal) or `months` (integer), in months, at most
// 'max_months'.
std::optional<int> duration_months(MapReader& map, int max_months = 600) {
  bool has_years = map.has("years");
  bool has_months = map.has("months");
  if (has_years == has_months) {
    map.get("years", false);  // mark both as known so only this error is reported
    map.get("months", false);
    map.ctx().error(map.node(), map.pointer(), msg(MsgId::catalog_duration),
                    msg(MsgId::hint_duration));
    return std::nullopt;
  }
  if (has_months) {
    auto months = map.integer("months", true, 1, max_months);
    if (!months) return std::nullopt;
    return static_cast<int>(*months);
  }
  auto years = map.number("years", true, 0.1, max_months / 12.0);
  if (!years) return std::nullopt;
  return static_cast<int>(*years * 12 + 0.5);
}

template <class Enum, class Parse>
std::vector<Enum> choices(MapReader& map, std::string_view key, Parse parse,
                          std::span<const std::string_view> allowed) {
  std::vector<Enum> out;
  map.list(key, true, [&](const YAML::Node& node, const std::string& pointer) {
    auto word = read_string(map.ctx(), node, pointer);
    if (!word) return;
    if (auto value = parse(*word)) {
      out.push_back(*value);
    } else {
      map.ctx().error(node, pointer, msg(MsgId::yaml_bad_choice, *word),
                      msg(MsgId::hint_one_of, join(allowed)));
    }
  });
  return out;
}

std::optional<Money> amount(MapReader& map, std::string_view key, bool required,
                            const Currency& currency) {
  auto node = map.get(key, required);
  if (!node) return std::nullopt;
  auto text = read_string(map.ctx(), *node, map.pointer_of(key));
  if (!text) return std::nullopt;
  auto money = money_from_decimal(*text, currency);
  if (!money || to_major(*money) > static_cast<double>(k_max_amount)) {
    map.ctx().error(*node, map.pointer_of(key), msg(MsgId::bad_amount, *text),
                    msg(MsgId::hint_amount, currency.minor_digits()));
    return std::nullopt;
  }
  return *money;
}

// currency, period, min, max, open_ended: shared by market references and pay bands.
std::optional<PayRange> pay_range(MapReader& map) {
  auto code = map.string("currency", true);
  auto period = map.choice<PayPeriod>("period", true, parse_pay_period, all_pay_periods());
  std::optional<Currency> currency;
  if (code) {
    auto parsed = Currency::parse(*code);
    if (parsed) {
      currency = *parsed;
    } else {
      map.ctx().error(*map.get("currency", false), map.pointer_of("currency"),
                      parsed.error().message, parsed.error().hint);
    }
  }
  if (!currency) {
    map.get("min", false);
    map.get("max", false);
    map.get("open_ended", false);
    return std::nullopt;
  }
  auto min = amount(map, "min", true, *currency);
  auto max = amount(map, "max", false, *currency);
  bool open_ended = map.boolean("open_ended", false).value_or(false);
  if (!min || !period) return std::nullopt;
  if (!max && map.has("max")) return std::nullopt;
  if (!max && !open_ended) {
    map.ctx().error(map.node(), map.pointer(), msg(MsgId::catalog_pay_no_max),
                    msg(MsgId::hint_pay_no_max));
    return std::nullopt;
  }
  return PayRange{*min, max, open_ended, *period, map.ctx().pos(map.node(), map.pointer())};
}

void read_responsibility(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                         Role& role) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  Responsibility item;
  item.id = read_id(map, "id", true).value_or("");
  item.pos = id_pos(map);
  item.title = map.text("title", true).value_or(LocalizedText{});
  item.description = map.text("description", true).value_or(LocalizedText{});
  map.finish();
  role.responsibilities.push_back(std::move(item));
}

void read_skill(YamlContext& ctx, const YAML::Node& node, const std::string& pointer, Role& role) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  Skill skill;
  skill.id = read_id(map, "id", true).value_or("");
  skill.pos = id_pos(map);
  skill.importance = importance(map);
  skill.name = map.text("name", true).value_or(LocalizedText{});
  skill.description = map.text("description", true).value_or(LocalizedText{});
  skill.synonyms = localized_list(map, "synonyms");
  map.finish();
  role.skills.push_back(std::move(skill));
}

void read_language(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                   Role& role) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  LanguageRequirement req;
  if (auto code = map.string("language", true)) {
    if (is_iso_language(*code)) {
      req.language = *code;
    } else {
      ctx.error(*map.get("language", false), map.pointer_of("language"),
                msg(MsgId::catalog_bad_language, *code), msg(MsgId::hint_language));
    }
  }
  req.level = map.choice<Cefr>("level", true, parse_cefr, all_cefr_levels()).value_or(Cefr::b2);
  req.importance = importance(map);
  req.countries = countries(map, "countries");
  req.note = map.text("note", false);
  basis(map, false);  // accepted for documentation; languages carry no Basis in the model yet
  map.finish();
  role.languages.push_back(std::move(req));
}

void read_credential(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                     Role& role) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  Credential credential;
  credential.id = read_id(map, "id", true).value_or("");
  credential.pos = id_pos(map);
  credential.name = map.text("name", true).value_or(LocalizedText{});
  credential.country = country(map, "country", false).value_or("");
  credential.isced = isced(map, "isced").value_or(IscedLevel::upper_secondary);
  if (auto dqr = map.integer("dqr", false, 1, 8)) credential.dqr = static_cast<int>(*dqr);
  map.finish();
  role.credentials.push_back(std::move(credential));
}

void read_education(MapReader& role_map, Role& role) {
  auto node = role_map.get("education", true);
  if (!node) return;
  YamlContext& ctx = role_map.ctx();
  MapReader education(ctx, *node, role_map.pointer_of("education"));
  if (!education.is_map()) return;
  std::unordered_set<std::string> credential_ids;
  for (const Credential& c : role.credentials) credential_ids.insert(c.id);
  std::unordered_set<std::string> countries_seen;
  education.list("minimum", true, [&](const YAML::Node& item, const std::string& pointer) {
    MapReader map(ctx, item, pointer);
    if (!map.is_map()) return;
    MinimumEducation min;
    min.country = country(map, "country", true).value_or("");
    bool repeated = !countries_seen.insert(min.country).second;
    if (repeated && !min.country.empty()) {
      ctx.error(*map.get("country", false), map.pointer_of("country"),
                msg(MsgId::catalog_duplicate_country, min.country), msg(MsgId::hint_unique_ids));
    }
    min.isced = isced(map, "isced").value_or(IscedLevel::upper_secondary);
    min.description = map.text("description", true).value_or(LocalizedText{});
    // Credentials named here must be defined in the role's `credentials` (read before).
    map.list("credentials", false, [&](const YAML::Node& ref, const std::string& ref_pointer) {
      auto id = read_string(ctx, ref, ref_pointer);
      if (!id) return;
      if (!credential_ids.contains(*id)) {
        ctx.error(ref, ref_pointer, msg(MsgId::catalog_unknown_credential, *id, role.id.str()),
                  msg(MsgId::hint_define_credential));
      }
      min.credentials.push_back(*id);
    });
    min.basis = basis(map, true);
    map.finish();
    role.minimum_education.push_back(std::move(min));
  });
  education.list("preferred", false, [&](const YAML::Node& item, const std::string& pointer) {
    MapReader map(ctx, item, pointer);
    if (!map.is_map()) return;
    PreferredEducation pref;
    pref.isced = isced(map, "isced").value_or(IscedLevel::bachelor);
    pref.fields = localized_list(map, "fields");
    pref.importance = importance(map);
    pref.basis = basis(map, true);
    map.finish();
    role.preferred_education.push_back(std::move(pref));
  });
  education.finish();
}

void read_experience(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                     Role& role) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  ExperienceRequirement req;
  req.kind = map.choice<ExperienceKind>("kind", true, parse_experience_kind, all_experience_kinds())
                 .value_or(ExperienceKind::customer_service);
  req.months = duration_months(map).value_or(0);
  req.importance = importance(map);
  req.note = map.text("note", false);
  req.basis = basis(map, true);
  map.finish();
  role.experience.push_back(std::move(req));
}

void read_substitution(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                       Role& role) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  Substitution sub;
  sub.id = read_id(map, "id", true).value_or("");
  sub.pos = id_pos(map);
  sub.months = duration_months(map).value_or(0);
  sub.kinds = choices<ExperienceKind>(map, "kinds", parse_experience_kind, all_experience_kinds());
  if (auto part_node = map.get("part", false)) {
    // Of the rule's experience, at least this much of these kinds (no longer than the rule).
    MapReader part_map(ctx, *part_node, map.pointer_of("part"));
    if (part_map.is_map()) {
      SubstitutionPart part;
      part.months = duration_months(part_map, sub.months > 0 ? sub.months : 600).value_or(0);
      part.kinds =
          choices<ExperienceKind>(part_map, "kinds", parse_experience_kind, all_experience_kinds());
      part_map.finish();
      sub.part = std::move(part);
    }
  }
  if (auto level = map.integer("replaces_isced", true, 0, 8)) {
    sub.replaces_isced = *isced_from_int(*level);
  }
  sub.description = map.text("description", true).value_or(LocalizedText{});
  sub.basis = basis(map, true);
  map.finish();
  role.substitutions.push_back(std::move(sub));
}

void read_pay(MapReader& role_map, Role& role) {
  auto node = role_map.get("pay", false);
  if (!node) return;
  YamlContext& ctx = role_map.ctx();
  MapReader pay(ctx, *node, role_map.pointer_of("pay"));
  if (!pay.is_map()) return;
  if (auto ref = pay.get("market_reference", false)) {
    MapReader map(ctx, *ref, pay.pointer_of("market_reference"));
    if (map.is_map()) {
      MarketReference market;
      market.source = map.citation("source", true).value_or(LocalizedText{});
      market.country = country(map, "country", false).value_or("");
      if (auto year = map.integer("year", false, 1900, 2200)) {
        market.year = static_cast<int>(*year);
      }
      market.note = map.text("note", false);
      auto range = pay_range(map);
      map.finish();
      if (range) {
        market.range = *range;
        role.market_reference = std::move(market);
      }
    }
  }
  pay.finish();
}

void read_codes(MapReader& role_map, Role& role) {
  auto node = role_map.get("occupation_codes", true);
  if (!node) return;
  MapReader map(role_map.ctx(), *node, role_map.pointer_of("occupation_codes"));
  if (!map.is_map()) return;
  // Each code in its published form: ESCO URI, ISCO-08 unit group (4 digits), O*NET-SOC 2019
  // ("43-4051.00"), KldB 2010 (5 digits).
  auto code = [&](std::string_view key, std::string_view example, auto well_formed) {
    auto value = map.string(key, false);
    if (!value) return std::string();
    if (!well_formed(*value)) {
      map.ctx().error(*map.get(key, false), map.pointer_of(key),
                      msg(MsgId::catalog_bad_code, *value, key), msg(MsgId::hint_code, example));
      return std::string();
    }
    return *value;
  };
  auto digits = [](std::string_view s, std::size_t n) {
    return s.size() == n &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  role.occupation_codes.esco =
      code("esco", "http://data.europa.eu/esco/occupation/...", [](std::string_view s) {
        return s.starts_with("http://data.europa.eu/esco/") && s.size() > 27;
      });
  role.occupation_codes.isco08 =
      code("isco08", "4222", [&](std::string_view s) { return digits(s, 4); });
  role.occupation_codes.onet_soc = code("onet_soc", "43-4051.00", [&](std::string_view s) {
    return s.size() == 10 && digits(s.substr(0, 2), 2) && s[2] == '-' &&
           digits(s.substr(3, 4), 4) && s[7] == '.' && digits(s.substr(8, 2), 2);
  });
  role.occupation_codes.kldb2010 =
      code("kldb2010", "92122", [&](std::string_view s) { return digits(s, 5); });
  map.finish();
}

void read_kpi(YamlContext& ctx, const YAML::Node& node, const std::string& pointer, Role& role) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  Kpi kpi;
  kpi.id = read_id(map, "id", true).value_or("");
  kpi.pos = id_pos(map);
  kpi.name = map.text("name", true).value_or(LocalizedText{});
  kpi.description = map.text("description", true).value_or(LocalizedText{});
  kpi.unit =
      map.choice<KpiUnit>("unit", true, parse_kpi_unit, all_kpi_units()).value_or(KpiUnit::percent);
  kpi.direction =
      map.choice<KpiDirection>("direction", true, parse_kpi_direction, all_kpi_directions())
          .value_or(KpiDirection::higher_is_better);
  bool percent = kpi.unit == KpiUnit::percent;
  kpi.target = map.number("target", false, percent ? 0 : -1e12, percent ? 100 : 1e12);
  map.finish();
  role.kpis.push_back(std::move(kpi));
}

void read_role(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
               Catalog& into) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  Role role;
  role.pos = ctx.pos(node, pointer);
  role.id = RoleId(read_id(map, "id", true).value_or(""));
  role.level = map.choice<LevelName>("level", true, parse_level_name, all_level_names())
                   .value_or(LevelName::entry);
  role.rank = static_cast<int>(map.integer("rank", true, 1, 100).value_or(1));
  role.title = map.text("title", true).value_or(LocalizedText{});
  role.posting_title = map.text("posting_title", false);
  role.description = map.text("description", true).value_or(LocalizedText{});
  role.job_summary = map.text("job_summary", true).value_or(LocalizedText{});
  role.reports_to = role_ref(map, "reports_to");
  role.escalates_to = role_ref(map, "escalates_to");
  map.list("next_roles", false, [&](const YAML::Node& item, const std::string& p) {
    if (auto ref = read_role_ref(ctx, item, p)) role.next_roles.push_back(*ref);
  });
  map.list("responsibilities", true, [&](const YAML::Node& item, const std::string& p) {
    read_responsibility(ctx, item, p, role);
  });
  map.list("skills", true,
           [&](const YAML::Node& item, const std::string& p) { read_skill(ctx, item, p, role); });
  for (std::string_view key : {"responsibilities", "skills"}) {
    auto list = map.get(key, false);
    if (list && list->IsSequence() && list->size() == 0) {
      ctx.error(*list, map.pointer_of(key), msg(MsgId::catalog_empty_list, key),
                msg(MsgId::hint_empty_list));
    }
  }
  map.list("languages", false, [&](const YAML::Node& item, const std::string& p) {
    read_language(ctx, item, p, role);
  });
  map.list("credentials", false, [&](const YAML::Node& item, const std::string& p) {
    read_credential(ctx, item, p, role);
  });
  read_education(map, role);
  map.list("experience", false, [&](const YAML::Node& item, const std::string& p) {
    read_experience(ctx, item, p, role);
  });
  map.list("substitutions", false, [&](const YAML::Node& item, const std::string& p) {
    read_substitution(ctx, item, p, role);
  });
  read_pay(map, role);
  read_codes(map, role);
  map.list("kpis", false,
           [&](const YAML::Node& item, const std::string& p) { read_kpi(ctx, item, p, role); });
  map.finish();
  into.roles.push_back(std::move(role));
}

void read_pay_band(YamlContext& ctx, const YAML::Node& node, const std::string& pointer,
                   Catalog& into) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return;
  PayBand band;
  auto ref = role_ref(map, "role");
  if (!ref && !map.has("role")) map.get("role", true);
  band.country = country(map, "country", false).value_or("");
  auto range = pay_range(map);
  map.finish();
  if (!ref || !range) return;
  band.role = *ref;
  band.range = *range;
  into.pay_bands.push_back(std::move(band));
}

}  // namespace

std::optional<catalog::PayRange> read_pay_range(MapReader& map) { return pay_range(map); }

Errors read_catalog_yaml(std::string_view text, const std::string& file, Catalog& into) {
  // Past the role limit: one error at the first role too many, and no role of this file is
  // read (each would add its own errors to a file that is wrong as a whole). Found before the
  // tree is built, so a file far over the limit costs no more than one at it.
  std::size_t room = k_max_roles - std::min(k_max_roles, into.roles.size());
  if (auto past = item_past_limit(text, file, "roles", room)) {
    past->json_pointer = json_pointer_append("/roles", room);
    return {Error{ErrorKind::invalid_input, msg(MsgId::catalog_too_many_roles, k_max_roles),
                  std::move(*past), msg(MsgId::hint_too_many_roles)}};
  }
  auto root = parse_yaml(text, file);
  if (!root) return {root.error()};
  YamlContext ctx(file, text);
  if (root->IsNull()) {
    ctx.error(SourcePos{file, 1, 1, ""}, msg(MsgId::catalog_empty_file),
              msg(MsgId::hint_catalog_top));
    return ctx.take_errors();
  }
  MapReader top(ctx, *root, "");
  if (!top.is_map()) return ctx.take_errors();
  if (auto header = top.get("catalog", false)) {
    MapReader map(ctx, *header, "/catalog");
    auto name = map.string("name", false);
    auto version = map.string("version", false);
    map.finish();
    if (name && into.name.empty()) into.name = *name;
    if (version && into.version.empty()) into.version = *version;
  }
  top.list("roles", false, [&](const YAML::Node& node, const std::string& pointer) {
    read_role(ctx, node, pointer, into);
  });
  top.list("pay_bands", false, [&](const YAML::Node& node, const std::string& pointer) {
    read_pay_band(ctx, node, pointer, into);
  });
  top.finish();
  if (!top.has("roles") && !top.has("pay_bands")) {
    ctx.error(SourcePos{file, 1, 1, ""}, msg(MsgId::catalog_empty_file),
              msg(MsgId::hint_catalog_top));
  }
  // Report in file order, whatever order the checks ran in; "... and N more", which has
  // no line, stays last.
  Errors errors = ctx.take_errors();
  auto order = [](const Error& e) {
    return std::pair(e.where.line > 0 ? e.where.line : std::numeric_limits<int>::max(),
                     e.where.column);
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const Error& a, const Error& b) { return order(a) < order(b); });
  return errors;
}

namespace {

// *.yaml and *.yml, but not hidden files (editor backups and locks such as ".#roles.yaml").
bool is_catalog_file(const std::filesystem::path& path) {
  auto ext = path.extension().string();
  return (ext == ".yaml" || ext == ".yml") && !path.filename().string().starts_with(".");
}

}  // namespace

Checked<Catalog> load_catalog(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  Errors errors;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.is_regular_file() && is_catalog_file(entry.path())) {
          found.push_back(entry.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        errors.push_back(Error{ErrorKind::not_found, msg(MsgId::catalog_no_files, path),
                               SourcePos{path, 0, 0, ""}, msg(MsgId::hint_catalog_dir)});
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  // A file named twice (directly and through its folder) is read once.
  std::vector<std::string> unique;
  std::vector<std::filesystem::path> seen;
  for (const std::string& file : files) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(file, ec);
    if (!ec && std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
    if (!ec) seen.push_back(canonical);
    unique.push_back(file);
  }
  files = std::move(unique);
  Catalog catalog;
  catalog.source_files = files;
  for (const std::string& file : files) {
    auto text = read_file(file, k_max_yaml_bytes);
    if (!text) {
      errors.push_back(text.error());
      continue;
    }
    Errors found = read_catalog_yaml(*text, file, catalog);
    errors.insert(errors.end(), found.begin(), found.end());
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  if (files.empty()) {
    return tl::unexpected(Errors{Error{
        ErrorKind::not_found, msg(MsgId::catalog_no_files, ""), {}, msg(MsgId::hint_catalog_dir)}});
  }
  Errors invalid = validate_catalog(catalog);
  if (!invalid.empty()) return tl::unexpected(std::move(invalid));
  return catalog;
}

}  // namespace ccteam::io
