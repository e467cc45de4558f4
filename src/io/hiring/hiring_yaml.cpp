#include "io/hiring/hiring_yaml.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "io/base/files.hpp"
#include "io/base/yaml_reader.hpp"

namespace ccteam::io {

namespace {

using namespace ccteam::hiring;

constexpr double k_max_amount = 1e12;  // major units; far above any hiring budget

// "YYYY-MM" with a month 01-12 and a year 1900-2999.
std::optional<std::chrono::year_month> parse_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  int year = 0, month = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    if (i == 4) continue;
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    (i < 4 ? year : month) = (i < 4 ? year : month) * 10 + (s[i] - '0');
  }
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return std::nullopt;
  return std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)};
}

// A number or a list of numbers, each in [min, max].
std::optional<std::vector<double>> numbers(MapReader& map, std::string_view key, double min,
                                           double max) {
  auto node = map.get(key, false);
  if (!node) return std::nullopt;
  std::string pointer = map.pointer_of(key);
  auto one = [&](const YAML::Node& n, const std::string& at) -> std::optional<double> {
    double v = 0;
    if (!n.IsScalar() || n.Tag() == "!" || !YAML::convert<double>::decode(n, v) ||
        !std::isfinite(v)) {
      wrong_type(map.ctx(), n, at, MsgId::type_number);
      return std::nullopt;
    }
    if (v < min || v > max) {
      map.ctx().error(n, at,
                      msg(MsgId::yaml_out_of_range, fmt::format("{:g}", v),
                          fmt::format("{:g}", min), fmt::format("{:g}", max)),
                      msg(MsgId::hint_range, fmt::format("{:g}", min), fmt::format("{:g}", max)));
      return std::nullopt;
    }
    return v;
  };
  std::vector<double> out;
  if (node->IsSequence()) {
    if (node->size() > static_cast<std::size_t>(k_max_months)) {
      map.ctx().error(*node, pointer,
                      msg(MsgId::hiring_list_length, std::to_string(node->size()),
                          std::to_string(k_max_months)));
      return std::nullopt;
    }
    bool ok = true;
    for (std::size_t i = 0; i < node->size(); ++i) {
      auto v = one((*node)[i], json_pointer_append(pointer, i));
      ok = ok && v.has_value();
      out.push_back(v.value_or(0));
    }
    if (!ok) return std::nullopt;
    return out;
  }
  auto v = one(*node, pointer);
  if (!v) return std::nullopt;
  out.push_back(*v);
  return out;
}

std::optional<Money> amount(MapReader& map, std::string_view key,
                            const std::optional<Currency>& currency) {
  auto v = map.number(key, false, 0, k_max_amount);
  if (!v) return std::nullopt;
  if (!currency) {
    map.ctx().error(*map.get(key, false), map.pointer_of(key),
                    msg(MsgId::yaml_missing_key, "currency"), msg(MsgId::hint_currency));
    return std::nullopt;
  }
  double scale = std::pow(10.0, currency->minor_digits());
  return Money{static_cast<std::int64_t>(std::llround(*v * scale)), *currency};
}

void read_attrition(MapReader& role, Attrition& out) {
  auto node = role.get("attrition", false);
  if (!node) return;
  MapReader map(role.ctx(), *node, role.pointer_of("attrition"));
  if (!map.is_map()) return;
  bool monthly = map.has("monthly"), yearly = map.has("yearly");
  if (monthly == yearly) {
    map.ctx().error(*node, map.pointer(), msg(MsgId::hiring_attrition_one_of));
  } else if (monthly) {
    out.monthly_rate = map.number("monthly", true, 0, 0.99).value_or(0);
  } else if (auto y = map.number("yearly", true, 0, 0.99)) {
    out.monthly_rate = monthly_from_yearly(*y);
  }
  out.early_months =
      static_cast<int>(map.integer("early_months", false, 0, k_max_months).value_or(0));
  out.early_monthly_rate = map.number("early_monthly", out.early_months > 0, 0, 0.99).value_or(0);
  map.finish();
}

std::optional<Training> read_training(MapReader& role) {
  auto node = role.get("training", false);
  if (!node) return std::nullopt;
  MapReader map(role.ctx(), *node, role.pointer_of("training"));
  if (!map.is_map()) return std::nullopt;
  Training t;
  t.class_weeks = map.number("class_weeks", true, 0.1, 104).value_or(t.class_weeks);
  t.nesting_weeks = map.number("nesting_weeks", false, 0, 104).value_or(0);
  t.nesting_fte = map.number("nesting_fte", false, 0.01, 1).value_or(t.nesting_fte);
  if (auto ramp = numbers(map, "ramp_up", 0.01, 1)) t.ramp_up = *ramp;
  t.class_min = static_cast<int>(map.integer("class_min", false, 1, k_max_headcount).value_or(1));
  t.class_max =
      static_cast<int>(map.integer("class_max", true, 1, k_max_headcount).value_or(t.class_max));
  t.classes_per_month =
      static_cast<int>(map.integer("classes_per_month", false, 1, 1000).value_or(1));
  map.finish();
  return t;
}

std::vector<FunnelStage> read_funnel(MapReader& role) {
  std::vector<FunnelStage> out;
  role.list("funnel", false, [&](const YAML::Node& node, const std::string& at) {
    MapReader map(role.ctx(), node, at);
    if (!map.is_map()) return;
    FunnelStage s;
    s.stage = map.string("stage", true).value_or("");
    s.pass_rate = map.number("pass_rate", true, 0.001, 1).value_or(1);
    map.finish();
    out.push_back(std::move(s));
  });
  return out;
}

}  // namespace

Checked<HiringFile> parse_hiring_yaml(std::string_view text, const std::string& file) {
  auto root = parse_yaml(text, file);
  if (!root) return tl::unexpected(Errors{root.error()});
  YamlContext ctx(file, text);
  MapReader top(ctx, *root, "");
  HiringFile out;
  if (!top.is_map()) return tl::unexpected(ctx.take_errors());
  HiringInput& in = out.input;
  if (auto start = top.string("start", true)) {
    if (auto month = parse_month(*start)) {
      in.start = *month;
    } else {
      ctx.error(*top.get("start", false), "/start", msg(MsgId::hiring_bad_month, *start),
                msg(MsgId::hint_month));
    }
  }
  in.months = static_cast<int>(top.integer("months", true, 1, k_max_months).value_or(1));
  if (auto code = top.string("currency", false)) {
    if (auto currency = Currency::parse(*code)) {
      out.currency = *currency;
    } else {
      ctx.error(*top.get("currency", false), "/currency", currency.error().message,
                msg(MsgId::hint_currency));
    }
  }
  in.budget_per_month = amount(top, "budget_per_month", out.currency);
  out.growth_per_month = top.number("growth_per_month", false, -0.5, 1);
  std::vector<bool> fte_given;
  top.list("roles", true, [&](const YAML::Node& node, const std::string& at) {
    MapReader map(ctx, node, at);
    if (!map.is_map()) return;
    RoleInput r;
    SourcePos pos;
    if (auto id = map.string("role", true)) {
      r.role = RoleId(*id);
      pos = ctx.pos(*map.get("role", false), map.pointer_of("role"));
    }
    r.headcount = static_cast<int>(map.integer("headcount", true, 0, k_max_headcount).value_or(0));
    auto fte = numbers(map, "required_fte", 0, k_max_fte);
    if (fte && fte->size() == 1 && !map.get("required_fte", false)->IsSequence())
      fte->assign(static_cast<std::size_t>(in.months), fte->front());
    if (fte) r.required_fte = *fte;
    read_attrition(map, r.attrition);
    out.internal_fill_given.push_back(map.has("internal_fill"));
    r.internal_fill = map.number("internal_fill", false, 0, 1).value_or(k_default_internal_fill);
    r.time_to_fill_days = static_cast<int>(
        map.integer("time_to_fill_days", false, 0, 730).value_or(k_default_time_to_fill_days));
    r.funnel = read_funnel(map);
    r.cost_per_hire = amount(map, "cost_per_hire", out.currency);
    r.monthly_pay = amount(map, "monthly_pay", out.currency);
    r.training = read_training(map);
    map.finish();
    fte_given.push_back(fte.has_value());
    out.role_pos.push_back(pos);
    in.roles.push_back(std::move(r));
  });
  top.finish();
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  // The model's own rules, with roles that take their FTE from a plan checked as if it were 0.
  HiringInput check = in;
  for (std::size_t i = 0; i < check.roles.size(); ++i) {
    if (!fte_given[i]) check.roles[i].required_fte.assign(static_cast<std::size_t>(in.months), 0);
  }
  for (Error& e : check_input(check)) {
    std::string pointer = e.where.json_pointer;
    ctx.error(locate(*root, pointer), pointer, std::move(e.message), std::move(e.hint));
  }
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  return out;
}

Checked<HiringFile> load_hiring_yaml(const std::string& path) {
  auto text = read_file(path, k_max_yaml_bytes);
  if (!text) return tl::unexpected(Errors{text.error()});
  return parse_hiring_yaml(*text, path == "-" ? std::string() : path);
}

}  // namespace ccteam::io
