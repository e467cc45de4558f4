#include "io/sim/scenario_yaml.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "ccteam/core/iso_codes.hpp"
#include "ccteam/sim/model.hpp"
#include "io/base/files.hpp"
#include "io/base/yaml_reader.hpp"

namespace ccteam::io {

namespace {

using namespace ccteam::sim;

constexpr std::size_t k_max_empirical = 1'000'000;

bool is_quoted(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "!"; }

// A number at 'node' in [min, max]; 'positive' additionally rejects 0, 'below_one' 1.
struct Range {
  double min = 0, max = k_max_seconds;
  bool positive = false, below_one = false, integer = false;
};

std::optional<double> number_at(YamlContext& ctx, const YAML::Node& node,
                                const std::string& pointer, const Range& r) {
  double value = 0;
  long long whole = 0;
  bool ok = node.IsScalar() && !is_quoted(node);
  if (ok && r.integer) {
    ok = YAML::convert<long long>::decode(node, whole);
    value = static_cast<double>(whole);
  } else if (ok) {
    ok = YAML::convert<double>::decode(node, value) && std::isfinite(value);
  }
  if (!ok) {
    wrong_type(ctx, node, pointer, r.integer ? MsgId::type_integer : MsgId::type_number);
    return std::nullopt;
  }
  std::string text = fmt::format("{:g}", value);
  if (value < r.min || value > r.max) {
    ctx.error(
        node, pointer,
        msg(MsgId::yaml_out_of_range, text, fmt::format("{:g}", r.min), fmt::format("{:g}", r.max)),
        msg(MsgId::hint_range, fmt::format("{:g}", r.min), fmt::format("{:g}", r.max)));
    return std::nullopt;
  }
  if (r.positive && value <= 0) {
    ctx.error(node, pointer, msg(MsgId::sim_not_positive, text));
    return std::nullopt;
  }
  if (r.below_one && value >= 1) {
    ctx.error(node, pointer, msg(MsgId::sim_below_one, text));
    return std::nullopt;
  }
  return value;
}

// A number, or a list of numbers (one per interval).
struct PerInterval {
  std::vector<double> values;
  bool list = false;
};

std::optional<PerInterval> per_interval(MapReader& map, std::string_view key, bool required,
                                        const Range& r) {
  auto node = map.get(key, required);
  if (!node) return std::nullopt;
  std::string pointer = map.pointer_of(key);
  PerInterval out;
  if (node->IsSequence()) {
    out.list = true;
    if (node->size() == 0) {
      map.ctx().error(*node, pointer, msg(MsgId::sim_empty_list));
      return std::nullopt;
    }
    if (node->size() > static_cast<std::size_t>(k_max_intervals)) {
      map.ctx().error(*node, pointer,
                      msg(MsgId::sim_list_length, std::to_string(node->size()),
                          std::to_string(k_max_intervals)));
      return std::nullopt;
    }
    bool ok = true;
    for (std::size_t i = 0; i < node->size(); ++i) {
      const YAML::Node& item = (*node)[i];
      auto v = number_at(map.ctx(), item, json_pointer_append(pointer, i), r);
      ok = ok && v.has_value();
      out.values.push_back(v.value_or(0));
    }
    if (!ok) return std::nullopt;
    return out;
  }
  auto v = number_at(map.ctx(), *node, pointer, r);
  if (!v) return std::nullopt;
  out.values.push_back(*v);
  return out;
}

// Intervals of the scenario: 'intervals' or the length of the first list.
struct Lengths {
  std::optional<int> declared;
  std::optional<std::size_t> first_list;
  void saw(const std::optional<PerInterval>& p) {
    if (p && p->list && !first_list) first_list = p->values.size();
  }
};

template <class T>
std::vector<T> expand(const PerInterval& p, int n) {
  std::vector<T> out;
  if (p.list) {
    for (double v : p.values) out.push_back(static_cast<T>(v));
  } else {
    out.assign(static_cast<std::size_t>(n), static_cast<T>(p.values.front()));
  }
  return out;
}

constexpr std::string_view k_handle_kinds[] = {"exponential", "lognormal", "gamma", "constant",
                                               "empirical"};
constexpr std::string_view k_patience_kinds[] = {"none", "exponential", "lognormal", "empirical"};

std::optional<DistKind> parse_kind(std::string_view w) {
  if (w == "none") return DistKind::none;
  if (w == "exponential") return DistKind::exponential;
  if (w == "lognormal") return DistKind::lognormal;
  if (w == "gamma") return DistKind::gamma;
  if (w == "constant") return DistKind::constant;
  if (w == "empirical") return DistKind::empirical;
  return std::nullopt;
}

// The raw distribution map: kind plus its (per-interval) parameters.
struct RawDistribution {
  DistKind kind = DistKind::none;
  std::optional<PerInterval> mean, sd;
  std::vector<double> values;
};

std::optional<RawDistribution> read_distribution(YamlContext& ctx, const YAML::Node& node,
                                                 const std::string& pointer, bool handle) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return std::nullopt;
  std::span<const std::string_view> allowed =
      handle ? std::span<const std::string_view>(k_handle_kinds)
             : std::span<const std::string_view>(k_patience_kinds);
  auto kind = map.choice<DistKind>(
      "distribution", true,
      [&](std::string_view w) -> std::optional<DistKind> {
        auto k = parse_kind(w);
        if (!k || std::find(allowed.begin(), allowed.end(), w) == allowed.end())
          return std::nullopt;
        return k;
      },
      allowed);
  RawDistribution out;
  bool ok = kind.has_value();
  if (kind) out.kind = *kind;
  Range positive{0, k_max_seconds, true};
  bool needs_mean = ok && out.kind != DistKind::none && out.kind != DistKind::empirical;
  bool needs_sd = ok && (out.kind == DistKind::lognormal || out.kind == DistKind::gamma);
  if (needs_mean) {
    if (handle) {
      out.mean = per_interval(map, "mean_seconds", true, positive);
    } else if (auto m = map.number("mean_seconds", true, 0, k_max_seconds)) {
      if (*m > 0)
        out.mean = PerInterval{{*m}, false};
      else
        ctx.error(*map.get("mean_seconds", false), map.pointer_of("mean_seconds"),
                  msg(MsgId::sim_not_positive, "0"));
    }
    ok = ok && out.mean.has_value();
  }
  if (ok && !needs_sd && map.has("sd_seconds")) {
    ctx.error(*map.get("sd_seconds", false), map.pointer_of("sd_seconds"),
              msg(MsgId::sim_sd_not_allowed, *map.string("distribution", false)));
    ok = false;
  }
  if (needs_sd) {
    if (!map.has("sd_seconds")) {
      ctx.error(node, pointer, msg(MsgId::sim_sd_required, *map.string("distribution", false)));
      ok = false;
    } else if (handle) {
      out.sd = per_interval(map, "sd_seconds", true, positive);
      ok = ok && out.sd.has_value();
    } else if (auto s = map.number("sd_seconds", true, 0, k_max_seconds); s && *s > 0) {
      out.sd = PerInterval{{*s}, false};
    } else {
      if (s)
        ctx.error(*map.get("sd_seconds", false), map.pointer_of("sd_seconds"),
                  msg(MsgId::sim_not_positive, "0"));
      ok = false;
    }
  }
  if (ok && out.kind == DistKind::empirical) {
    auto list = map.get("seconds", true);
    std::string at = map.pointer_of("seconds");
    if (!list) {
      ok = false;
    } else if (!list->IsSequence()) {
      wrong_type(ctx, *list, at, MsgId::type_list);
      ok = false;
    } else if (list->size() == 0 || list->size() > k_max_empirical) {
      ctx.error(*list, at, msg(MsgId::sim_empty_list));
      ok = false;
    } else {
      Range r{0, k_max_seconds};
      for (std::size_t i = 0; i < list->size(); ++i) {
        auto v = number_at(ctx, (*list)[i], json_pointer_append(at, i), r);
        ok = ok && v.has_value();
        out.values.push_back(v.value_or(0));
      }
    }
  }
  map.finish();
  if (!ok) return std::nullopt;
  return out;
}

// Expands a handle-time distribution to one Distribution or one per interval.
std::vector<Distribution> handle_distributions(YamlContext& ctx, const YAML::Node& node,
                                               const std::string& pointer,
                                               const RawDistribution& raw, int n) {
  std::size_t count = 1;
  for (const auto* p : {&raw.mean, &raw.sd}) {
    if (!*p || !(*p)->list) continue;
    if ((*p)->values.size() != static_cast<std::size_t>(n)) {
      ctx.error(
          node, pointer + (p == &raw.mean ? "/mean_seconds" : "/sd_seconds"),
          msg(MsgId::sim_list_length, std::to_string((*p)->values.size()), std::to_string(n)));
      return {};
    }
    count = static_cast<std::size_t>(n);
  }
  std::vector<Distribution> out;
  for (std::size_t i = 0; i < count; ++i) {
    Distribution d;
    d.kind = raw.kind;
    auto pick = [&](const std::optional<PerInterval>& p) {
      return !p ? 0.0 : (p->list ? p->values[i] : p->values.front());
    };
    d.mean_seconds = pick(raw.mean);
    d.sd_seconds = pick(raw.sd);
    d.values = raw.values;
    out.push_back(std::move(d));
  }
  return out;
}

constexpr std::string_view k_tier_kinds[] = {"live", "deferred"};
constexpr std::string_view k_deadline_bases[] = {"finish", "start"};
constexpr std::string_view k_starts[] = {"empty", "warmed-up"};

bool is_tier_id(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// What a tier holds before the number of intervals is known.
struct RawTier {
  Tier tier;
  std::optional<PerInterval> staff, off_phone;
  std::optional<RawDistribution> handle;
  YAML::Node handle_node;
  std::string pointer;
};

std::optional<RawTier> read_tier(YamlContext& ctx, const YAML::Node& node,
                                 const std::string& pointer, std::set<std::string>& ids) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return std::nullopt;
  RawTier raw;
  raw.pointer = pointer;
  Tier& t = raw.tier;
  bool ok = true;
  if (auto id = map.string("id", true)) {
    t.id = *id;
    if (!is_tier_id(*id)) {
      ctx.error(*map.get("id", false), map.pointer_of("id"), msg(MsgId::sim_bad_tier_id, *id));
      ok = false;
    } else if (!ids.insert(*id).second) {
      ctx.error(*map.get("id", false), map.pointer_of("id"), msg(MsgId::sim_duplicate_tier, *id));
      ok = false;
    }
  } else {
    ok = false;
  }
  if (auto role = map.string("role", false)) t.role = RoleId(*role);
  auto kind = map.choice<TierKind>(
      "kind", true,
      [](std::string_view w) -> std::optional<TierKind> {
        if (w == "live") return TierKind::live;
        if (w == "deferred") return TierKind::deferred;
        return std::nullopt;
      },
      k_tier_kinds);
  ok = ok && kind.has_value();
  if (kind) t.kind = *kind;
  raw.staff = per_interval(map, "staff", true, Range{0, k_max_staff, false, false, true});
  ok = ok && raw.staff.has_value();
  if (map.has("off_phone_share")) {
    raw.off_phone = per_interval(map, "off_phone_share", true, Range{0, 1, false, true});
    ok = ok && raw.off_phone.has_value();
  } else {
    raw.off_phone = PerInterval{{0.0}, false};
  }
  if (auto h = map.get("handle_time", true)) {
    raw.handle_node = *h;
    raw.handle = read_distribution(ctx, *h, map.pointer_of("handle_time"), true);
    ok = ok && raw.handle.has_value();
  } else {
    ok = false;
  }
  t.escalate = map.number("escalate", false, 0, 1).value_or(0);
  t.service_level_target =
      Seconds{map.number("service_level_seconds", false, 0, k_max_seconds).value_or(20)};
  if (auto p = map.get("patience", false)) {
    auto d = read_distribution(ctx, *p, map.pointer_of("patience"), false);
    if (d) {
      t.patience.kind = d->kind;
      if (d->mean) t.patience.mean_seconds = d->mean->values.front();
      if (d->sd) t.patience.sd_seconds = d->sd->values.front();
      t.patience.values = std::move(d->values);
    }
    ok = ok && d.has_value();
  }
  if (auto r = map.get("retrial", false)) {
    MapReader retrial(ctx, *r, map.pointer_of("retrial"));
    if (retrial.is_map()) {
      auto p = retrial.number("probability", true, 0, 1);
      auto delay = retrial.number("mean_delay_seconds", true, 0, k_max_seconds);
      if (delay && *delay <= 0) {
        ctx.error(*retrial.get("mean_delay_seconds", false),
                  retrial.pointer_of("mean_delay_seconds"), msg(MsgId::sim_not_positive, "0"));
        delay.reset();
      }
      if (p && delay)
        t.retrial = Retrial{*p, Seconds{*delay}};
      else
        ok = false;
      retrial.finish();
    } else {
      ok = false;
    }
  }
  if (map.has("deadline_seconds")) {
    auto d = map.number("deadline_seconds", true, 0, k_max_seconds);
    if (d && *d > 0) {
      t.deadline = Seconds{*d};
    } else {
      if (d)
        ctx.error(*map.get("deadline_seconds", false), map.pointer_of("deadline_seconds"),
                  msg(MsgId::sim_not_positive, "0"));
      ok = false;
    }
  }
  if (auto basis = map.choice<DeadlineBasis>(
          "deadline_applies_to", false,
          [](std::string_view w) -> std::optional<DeadlineBasis> {
            if (w == "finish") return DeadlineBasis::finish;
            if (w == "start") return DeadlineBasis::start;
            return std::nullopt;
          },
          k_deadline_bases)) {
    t.deadline_basis = *basis;
  }
  map.finish();
  if (!ok) return std::nullopt;
  return raw;
}

std::optional<int> clock_minutes(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1; };
  int h1 = digit(0), h2 = digit(1), m1 = digit(3), m2 = digit(4);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return std::nullopt;
  int h = h1 * 10 + h2, m = m1 * 10 + m2;
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::optional<CostSettings> read_cost(YamlContext& ctx, const YAML::Node& node,
                                      const std::string& pointer) {
  MapReader map(ctx, node, pointer);
  if (!map.is_map()) return std::nullopt;
  CostSettings c;
  bool ok = true;
  if (auto country = map.string("country", false)) {
    if (!is_iso_country(*country)) {
      ctx.error(*map.get("country", false), map.pointer_of("country"),
                msg(MsgId::catalog_bad_country, *country), msg(MsgId::hint_country));
      ok = false;
    }
    c.country = *country;
  }
  c.on_cost_factor = map.number("on_cost_factor", false, 0, 10).value_or(c.on_cost_factor);
  if (map.has("paid_hours_per_fte")) {
    auto h = map.number("paid_hours_per_fte", true, 1, k_max_paid_hours_per_fte);
    ok = ok && h.has_value();
    c.paid_hours_per_fte = h.value_or(c.paid_hours_per_fte);
  }
  if (map.has("shrinkage")) {
    auto s = map.number("shrinkage", true, 0, k_max_shrinkage);
    ok = ok && s.has_value();
    c.shrinkage = s.value_or(c.shrinkage);
  }
  c.market_reference = map.boolean("market_reference", false).value_or(false);
  map.finish();
  if (!ok) return std::nullopt;
  return c;
}

}  // namespace

Checked<Scenario> read_scenario_yaml(std::string_view text, const std::string& file) {
  auto root = parse_yaml(text, file);
  if (!root) return tl::unexpected(Errors{root.error()});
  YamlContext ctx(file, text);
  Scenario s;
  MapReader top(ctx, *root, "");
  if (!top.is_map()) return tl::unexpected(ctx.take_errors());

  if (auto format = top.string("format", true); format && *format != "ccteam-scenario/1") {
    ctx.error(*top.get("format", false), "/format", msg(MsgId::sim_bad_format, *format),
              msg(MsgId::hint_sim_format));
  }
  s.name = top.string("name", false).value_or("");
  if (auto l = top.number("interval_seconds", true, 1, 31 * 24 * 3600.0)) {
    if (*l > 0)
      s.interval = Seconds{*l};
    else
      ctx.error(*top.get("interval_seconds", false), "/interval_seconds",
                msg(MsgId::sim_not_positive, "0"));
  }
  Lengths lengths;
  if (auto n = top.integer("intervals", false, 1, k_max_intervals))
    lengths.declared = static_cast<int>(*n);
  if (auto t = top.string("start_time", false)) {
    s.start_minute = clock_minutes(*t);
    if (!s.start_minute)
      ctx.error(*top.get("start_time", false), "/start_time", msg(MsgId::sim_bad_clock, *t));
  }
  std::optional<PerInterval> calls;
  if (auto a = top.get("arrivals", true)) {
    MapReader arrivals(ctx, *a, "/arrivals");
    if (arrivals.is_map()) {
      calls = per_interval(arrivals, "calls_per_interval", true, Range{0, k_max_calls});
      arrivals.finish();
    }
  }
  lengths.saw(calls);
  if (auto start = top.choice<Start>(
          "start", false,
          [](std::string_view w) -> std::optional<Start> {
            if (w == "empty") return Start::empty;
            if (w == "warmed-up") return Start::warmed_up;
            return std::nullopt;
          },
          k_starts)) {
    s.start = *start;
  }
  if (top.has("warm_up_seconds")) {
    auto w = top.number("warm_up_seconds", true, 0, 365 * 24 * 3600.0);
    if (s.start != Start::warmed_up) {
      ctx.error(*top.get("warm_up_seconds", false), "/warm_up_seconds",
                msg(MsgId::sim_warm_up_unexpected));
    } else if (w && *w <= 0) {
      ctx.error(*top.get("warm_up_seconds", false), "/warm_up_seconds",
                msg(MsgId::sim_not_positive, "0"));
    } else if (w) {
      s.warm_up = Seconds{*w};
    }
  } else if (s.start == Start::warmed_up) {
    ctx.error(*top.get("start", false), "/start", msg(MsgId::sim_warm_up_missing));
  }

  std::vector<RawTier> tiers;
  std::set<std::string> ids;
  bool tiers_ok = true;
  if (auto list = top.get("tiers", true)) {
    if (!list->IsSequence()) {
      wrong_type(ctx, *list, "/tiers", MsgId::type_list);
      tiers_ok = false;
    } else if (list->size() == 0 || list->size() > static_cast<std::size_t>(k_max_tiers)) {
      ctx.error(*list, "/tiers",
                msg(MsgId::yaml_out_of_range, std::to_string(list->size()), "1",
                    std::to_string(k_max_tiers)));
      tiers_ok = false;
    } else {
      for (std::size_t k = 0; k < list->size(); ++k) {
        auto t = read_tier(ctx, (*list)[k], json_pointer_append("/tiers", k), ids);
        if (t) {
          lengths.saw(t->staff);
          lengths.saw(t->off_phone);
          tiers.push_back(std::move(*t));
        } else {
          tiers_ok = false;
        }
      }
    }
  } else {
    tiers_ok = false;
  }
  if (auto c = top.get("cost", false)) s.cost = read_cost(ctx, *c, "/cost");
  if (auto r = top.get("run", false)) {
    MapReader run(ctx, *r, "/run");
    if (run.is_map()) {
      if (auto n = run.integer("replications", false, 1, 100'000))
        s.replications = static_cast<int>(*n);
      if (auto seed = run.integer("seed", false, 0, std::numeric_limits<long long>::max()))
        s.seed = static_cast<std::uint64_t>(*seed);
      run.finish();
    }
  }
  top.finish();

  int n = lengths.declared.value_or(static_cast<int>(lengths.first_list.value_or(0)));
  if (n == 0 && ctx.errors().empty()) ctx.error(*root, "", msg(MsgId::sim_intervals_needed));
  if (!ctx.errors().empty() || !calls || !tiers_ok) return tl::unexpected(ctx.take_errors());

  s.intervals = n;
  s.calls_per_interval = expand<double>(*calls, n);
  for (RawTier& raw : tiers) {
    Tier t = std::move(raw.tier);
    t.staff = expand<int>(*raw.staff, n);
    t.off_phone_share = expand<double>(*raw.off_phone, n);
    t.handle_time =
        handle_distributions(ctx, raw.handle_node, raw.pointer + "/handle_time", *raw.handle, n);
    s.tiers.push_back(std::move(t));
  }
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  // One scalar for every interval ("staff: 8") is one place to fix: its first error stands for
  // the same error of the other intervals, which would all point at it.
  std::set<std::pair<std::string, MsgId>> located;
  for (Error& e : validate(s)) {
    std::string pointer = e.where.json_pointer;
    YAML::Node node = locate(*root, pointer);
    const YAML::Mark mark = node.Mark();
    if (const auto staff = pointer.rfind("/staff/"); staff != std::string::npos) {
      std::string list = pointer.substr(0, staff + std::string_view("/staff").size());
      if (locate(*root, list).IsScalar()) {
        if (!located.emplace(fmt::format("{}:{}", mark.line, mark.column), e.message.id).second)
          continue;
        pointer = std::move(list);  // the scalar's own pointer
      }
    }
    ctx.error(node, pointer, std::move(e.message), std::move(e.hint));
  }
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  return s;
}

Checked<ModelledScenario> apply_model_yaml(Scenario plan, std::string_view text,
                                           const std::string& file) {
  CCTEAM_TRY(Scenario model, read_scenario_yaml(text, file));
  auto modelled = sim::with_model_of(std::move(plan), model);
  if (!modelled) {
    Error e = std::move(modelled).error();
    auto root = parse_yaml(text, file);  // parsed before, so it parses again
    if (!root) return tl::unexpected(Errors{std::move(e)});
    YamlContext ctx(file, text);
    std::string pointer = e.where.json_pointer;
    ctx.error(locate(*root, pointer), pointer, std::move(e.message), std::move(e.hint));
    return tl::unexpected(ctx.take_errors());
  }
  return ModelledScenario{std::move(*modelled), std::move(model.name)};
}

Checked<Scenario> load_scenario(const std::string& path) {
  auto text = read_file(path, k_max_yaml_bytes);
  if (!text) return tl::unexpected(Errors{text.error()});
  return read_scenario_yaml(*text, path == "-" ? std::string() : path);
}

}  // namespace ccteam::io
