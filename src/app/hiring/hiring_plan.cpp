#include "app/hiring/hiring_plan.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

#include "io/hiring/hiring_yaml.hpp"
#include "io/staffing/plan_levels.hpp"

namespace ccteam::app {

namespace {

using namespace ccteam::hiring;

// The level of 'role' in 'plan', if it has one.
const io::PlanLevel* level_of(const io::PlanLevels& plan, const RoleId& role) {
  for (const io::PlanLevel& level : plan.levels) {
    if (level.role == role) return &level;
  }
  return nullptr;
}

// FTE needed per month of every role: from the file, or from the staffing plans.
Errors fill_demand(io::HiringFile& file, const std::vector<io::PlanLevels>& plans) {
  Errors errors;
  HiringInput& in = file.input;
  const auto months = static_cast<std::size_t>(in.months);
  for (std::size_t r = 0; r < in.roles.size(); ++r) {
    RoleInput& role = in.roles[r];
    const SourcePos& at = file.role_pos[r];
    const bool in_plan = !plans.empty() && level_of(plans.front(), role.role) != nullptr;
    if (!role.required_fte.empty()) {
      if (in_plan) {
        errors.push_back(Error::invalid_input(msg(MsgId::hiring_two_demands, role.role.str()), at));
      }
      continue;
    }
    if (plans.empty()) {
      errors.push_back(Error::invalid_input(msg(MsgId::hiring_no_demand, role.role.str()), at));
      continue;
    }
    bool complete = true;
    for (const io::PlanLevels& plan : plans) {
      if (level_of(plan, role.role) != nullptr) continue;
      errors.push_back(Error::invalid_input(
          msg(MsgId::hiring_plan_no_role, plan.file.empty() ? "-" : plan.file, role.role.str()),
          at));
      complete = false;
      break;
    }
    if (!complete) continue;
    const double growth = plans.size() == 1 ? file.growth_per_month.value_or(0) : 0;
    for (std::size_t t = 0; t < months; ++t) {
      const io::PlanLevels& plan = plans.size() == 1 ? plans.front() : plans[t];
      role.required_fte.push_back(level_of(plan, role.role)->fte *
                                  std::pow(1 + growth, static_cast<double>(t)));
    }
  }
  return errors;
}

// promoted_from of every role: the first planned role whose next_roles names it.
void fill_promotions(io::HiringFile& file, const catalog::Catalog& catalog, Errors& warnings) {
  HiringInput& in = file.input;
  for (std::size_t r = 0; r < in.roles.size(); ++r) {
    RoleInput& role = in.roles[r];
    for (std::size_t below = 0; below < in.roles.size() && !role.promoted_from; ++below) {
      const catalog::Role* from = catalog.find(in.roles[below].role);
      if (below == r || from == nullptr) continue;
      for (const catalog::RoleRef& next : from->next_roles) {
        if (next.id == role.role) role.promoted_from = below;
      }
    }
    if (!role.promoted_from && file.internal_fill_given[r]) {
      warnings.push_back(
          Error::invalid_input(msg(MsgId::hiring_no_feeder, role.role.str()), file.role_pos[r]));
    }
  }
}

// The middle of the role's pay band in the costing country, per FTE and month with on-costs.
std::optional<Money> band_pay(const catalog::Catalog& catalog, const RoleId& id,
                              const staffing::CostOptions& costing, double paid_hours_per_fte) {
  const catalog::PayRange* range = nullptr;
  for (const catalog::PayBand* band : catalog.bands_for(id)) {
    if (band->country == costing.country) {
      range = &band->range;
      break;
    }
  }
  const catalog::Role* role = catalog.find(id);
  if (range == nullptr && costing.use_market_reference && role != nullptr &&
      role->market_reference) {
    range = &role->market_reference->range;
  }
  if (range == nullptr) return std::nullopt;
  auto low = static_cast<double>(range->min.minor);
  double mid =
      range->max && !range->open_ended ? (low + static_cast<double>(range->max->minor)) / 2 : low;
  double monthly = mid * staffing::periods_per_year(range->period, paid_hours_per_fte) / 12 *
                   (1 + costing.on_cost_factor);
  return Money{std::llround(monthly), range->min.currency};
}

// monthly_pay of trained roles without one, from the pay bands.
Errors fill_pay(io::HiringFile& file, const catalog::Catalog& catalog,
                const staffing::CostOptions& costing, double paid_hours_per_fte, Errors& warnings) {
  Errors errors;
  for (std::size_t r = 0; r < file.input.roles.size(); ++r) {
    RoleInput& role = file.input.roles[r];
    if (!role.training || role.monthly_pay) continue;
    std::optional<Money> pay = band_pay(catalog, role.role, costing, paid_hours_per_fte);
    if (!pay) {
      warnings.push_back(Error::invalid_input(
          msg(MsgId::hiring_no_band, role.role.str(), costing.country), file.role_pos[r]));
      continue;
    }
    if (!file.currency) file.currency = pay->currency;
    if (!(pay->currency == *file.currency)) {
      errors.push_back(
          Error::invalid_input(msg(MsgId::hiring_currency_mix, std::string(file.currency->code()),
                                   std::string(pay->currency.code())),
                               file.role_pos[r]));
      continue;
    }
    role.monthly_pay = pay;
  }
  return errors;
}

// An error of the model on the input as filled in (its pointer "/roles/N/..."): at the line of
// role N's entry in the input file, the pointer kept; the file alone for other pointers.
void locate_in_file(Error& e, const io::HiringFile& file, const std::string& input) {
  if (e.where.file.empty()) e.where.file = input == "-" ? "" : input;
  const std::string_view prefix = "/roles/";
  const std::string_view pointer = e.where.json_pointer;
  if (!pointer.starts_with(prefix)) return;
  std::size_t role = 0;
  const char* first = pointer.data() + prefix.size();
  const char* last = pointer.data() + pointer.size();
  auto [end, ec] = std::from_chars(first, last, role);
  if (ec != std::errc() || end == first || role >= file.role_pos.size()) return;
  e.where.line = file.role_pos[role].line;
  e.where.column = file.role_pos[role].column;
}

Error out_of_range(std::string_view pointer, double value) {
  Error e = Error::usage(msg(MsgId::plan_bad_argument, pointer, fmt::format("{:g}", value)));
  e.where.json_pointer = pointer;
  return e;
}

}  // namespace

Checked<Outcome<HiringResult>> make_hiring_plan(const HiringRequest& request,
                                                const catalog::Catalog& catalog) {
  if (request.runs < 0 || request.runs > k_max_runs)
    return tl::unexpected(Errors{out_of_range("/runs", request.runs)});
  if (!(request.short_target > 0 && request.short_target < 1))
    return tl::unexpected(Errors{out_of_range("/short_target", request.short_target)});
  CCTEAM_TRY(io::HiringFile file, io::load_hiring_yaml(request.input));
  std::vector<io::PlanLevels> plans;
  for (const std::string& path : request.plans) {
    CCTEAM_TRY(io::PlanLevels plan, io::load_plan_levels(path));
    plans.push_back(std::move(plan));
  }
  const auto months = static_cast<std::size_t>(file.input.months);
  if (plans.size() > 1 && plans.size() != months) {
    return tl::unexpected(Errors{Error::usage(
        msg(MsgId::hiring_plan_count, std::to_string(plans.size()), std::to_string(months)))});
  }
  Errors errors;
  for (std::size_t r = 0; r < file.input.roles.size(); ++r) {
    const RoleId& id = file.input.roles[r].role;
    if (catalog.find(id) == nullptr) {
      errors.push_back(
          Error::invalid_input(msg(MsgId::hiring_unknown_role, id.str()), file.role_pos[r]));
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  Outcome<HiringResult> out;
  errors = fill_demand(file, plans);
  fill_promotions(file, catalog, out.warnings);
  const double paid_hours =
      plans.empty() ? staffing::PlanOptions{}.paid_hours_per_fte : plans.front().paid_hours_per_fte;
  for (Error& e : fill_pay(file, catalog, request.costing, paid_hours, out.warnings)) {
    errors.push_back(std::move(e));
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  auto plan = hiring::make_hiring_plan(file.input);
  if (!plan) {
    // FTE from a plan out of the model's range: the role's entry in the input file says which.
    Errors located = std::move(plan).error();
    for (Error& e : located) locate_in_file(e, file, request.input);
    return tl::unexpected(std::move(located));
  }
  out.value.input = file.input;
  out.value.currency = file.currency;
  out.value.plan = std::move(*plan);
  if (request.runs > 0) {
    MonteCarloOptions options{request.runs, request.seed, request.short_target};
    CCTEAM_TRY(MonteCarloReport risk,
               hiring::monte_carlo(out.value.input, out.value.plan, options));
    out.value.risk = std::move(risk);
  }
  return out;
}

}  // namespace ccteam::app
