#include "app/staffing/plan.hpp"

#include <chrono>
#include <cmath>
#include <string_view>

#include "io/base/number_text.hpp"
#include "io/staffing/forecast_csv.hpp"
#include "io/staffing/plan_text.hpp"

namespace ccteam::app {

using namespace ccteam::staffing;

namespace {

tl::unexpected<Errors> one(Error e) { return tl::unexpected(Errors{std::move(e)}); }

// "HH:MM-HH:MM" of a profile's hours, as the user wrote them (io::parse_opening_hours reads
// exactly this form).
std::string hours_text(const DailyProfile& p) { return io::opening_hours_text(p.open, p.close); }

Checked<Forecast> pooled_files(const ForecastRequest& request) {
  std::vector<Forecast> all;
  for (const std::string& path : request.files) {
    auto f = io::read_forecast_csv(path, request.interval);
    if (!f) return f;
    all.push_back(std::move(*f));
  }
  auto pooled = pool_forecasts(all);
  if (pooled) return *pooled;
  // Name the file that does not fit the first one (the domain only knows its number).
  Error e = pooled.error();
  for (std::size_t k = 1; k < all.size(); ++k) {
    if (pool_forecasts({all.front(), all[k]})) continue;
    e.where.file = request.files[k];
    break;
  }
  return one(std::move(e));
}

}  // namespace

DailyProfile daily_profile() {
  DailyProfile p;
  p.day = std::chrono::local_days{std::chrono::year{2000} / std::chrono::January / 3};
  return p;
}

Error located(Error error, std::string_view prefix) {
  std::string& pointer = error.where.json_pointer;
  if (pointer.empty()) return error;
  std::vector<MessageArg>& args = error.message.args;
  const bool named = !args.empty() && args.front() == pointer;
  pointer.insert(0, prefix);
  if (named) args.front() = MessageArg(pointer);
  return error;
}

namespace {

Checked<Forecast> forecast_of(const ForecastRequest& request) {
  if (!request.files.empty()) return pooled_files(request);
  if (request.csv) {
    auto parsed = io::parse_forecast_csv(request.csv->text, request.csv->name, request.interval);
    if (parsed) return parsed;
    // Each error keeps its line and column in the CSV and names the field the CSV came in.
    Errors errors = std::move(parsed).error();
    for (Error& e : errors) e.where.json_pointer = "/forecast/csv";
    return tl::unexpected(std::move(errors));
  }
  if (!request.profile) return one(Error::usage(msg(MsgId::plan_no_forecast)));
  DailyProfile p = *request.profile;
  if (request.interval) p.interval = *request.interval;
  const std::string_view close_pointer = "/forecast/profile/close";
  if (p.open >= p.close) {
    // A profile is one calendar day; night shifts across midnight need a forecast CSV.
    Error e = Error::usage(msg(MsgId::plan_hours_order, hours_text(p)),
                           msg(MsgId::hint_plan_hours_order));
    e.where.json_pointer = close_pointer;
    return one(std::move(e));
  }
  const auto step = std::chrono::duration_cast<std::chrono::minutes>(p.interval);
  if (step.count() > 0 &&
      (p.open % step != std::chrono::minutes{0} || p.close % step != std::chrono::minutes{0})) {
    Error e =
        Error::usage(msg(MsgId::plan_hours_grid, hours_text(p), std::to_string(step.count())));
    e.where.json_pointer = close_pointer;
    return one(std::move(e));
  }
  auto f = forecast_from_profile(p);
  if (!f) return one(located(f.error(), "/forecast/profile"));
  return *f;
}

// The forecast with 'request.agents' on duty in every interval.
Checked<Forecast> with_given_agents(Forecast forecast, const ForecastRequest& request) {
  if (!request.agents) return forecast;
  const std::string_view pointer = "/forecast/agents";
  const int agents = *request.agents;
  if (agents < 0 || agents > k_max_agents) {
    Error e = Error::usage(msg(MsgId::staffing_agents_out_of_range, io::count_text(agents),
                               io::count_text(k_max_agents)));
    e.where.json_pointer = pointer;
    return one(std::move(e));
  }
  for (ForecastInterval& i : forecast.intervals) {
    if (i.agents) {
      Error e = Error::usage(msg(MsgId::plan_agents_both, pointer));
      e.where.json_pointer = pointer;
      return one(std::move(e));
    }
    i.agents = agents;
  }
  return forecast;
}

}  // namespace

Checked<Forecast> load_forecast(const ForecastRequest& request) {
  CCTEAM_TRY(Forecast forecast, forecast_of(request));
  return with_given_agents(std::move(forecast), request);
}

Checked<Plan> make_staffing_plan(const PlanRequest& request) {
  CCTEAM_TRY(Forecast forecast, load_forecast(request.forecast));
  auto plan = make_plan(forecast, request.options);
  if (plan) return *plan;
  Error e = located(plan.error(), "/options");
  // A daily profile's load too large for the queue models comes from its calls per day.
  if (e.message.id == MsgId::staffing_load_out_of_range && request.forecast.files.empty() &&
      !request.forecast.csv && e.where.json_pointer.empty()) {
    e.where.json_pointer = "/forecast/profile/calls_per_day";
  }
  if (e.where.line > 0 && e.where.file.empty()) {
    if (request.forecast.files.size() == 1) e.where.file = request.forecast.files.front();
    if (request.forecast.files.empty() && request.forecast.csv) {
      e.where.file = request.forecast.csv->name;
    }
  }
  return one(std::move(e));
}

namespace {

Error unreadable(std::string_view pointer, std::string_view text) {
  Error e = Error::usage(msg(MsgId::plan_bad_argument, pointer, text));
  e.where.json_pointer = pointer;
  return e;
}

Error no_agent_rate(const PlanRequest& request) {
  return Error::usage(msg(MsgId::plan_cost_no_agent_rate, request.costing.country),
                      msg(MsgId::hint_plan_cost_no_agent_rate));
}

// The cost view's rates: amounts in the agent band's currency (or the requested one), the
// agent-hour from the band's middle unless given.
Result<CostRates> cost_rates(const PlanRequest& request, const catalog::Catalog& catalog) {
  const CostViewRequest& r = request.cost_view;
  std::optional<Money> band_hour = agent_hour_cost(catalog, request.options, request.costing);
  std::optional<Currency> currency;
  if (!r.currency.empty()) {
    auto c = Currency::parse(r.currency);
    if (!c) {
      Error e = c.error();
      e.kind = ErrorKind::usage;
      e.where.json_pointer = "/cost_view/currency";
      return tl::unexpected(std::move(e));
    }
    currency = *c;
  } else if (band_hour) {
    currency = band_hour->currency;
  }
  if (!currency || (!r.agent_hour_cost && !band_hour)) {
    return tl::unexpected(no_agent_rate(request));
  }
  auto amount = [&](const std::optional<std::string>& text,
                    std::string_view pointer) -> Result<Money> {
    if (!text) return Money{0, *currency};
    auto m = money_from_decimal(*text, *currency);
    if (!m) return tl::unexpected(unreadable(pointer, *text));
    return *m;
  };
  CCTEAM_TRY(Money waiting, amount(r.waiting_cost, "/cost_view/waiting_cost"));
  CCTEAM_TRY(Money abandon, amount(r.abandon_cost, "/cost_view/abandon_cost"));
  CCTEAM_TRY(Money hour, band_hour && !r.agent_hour_cost
                             ? Result<Money>(*band_hour)
                             : amount(r.agent_hour_cost, "/cost_view/agent_hour_cost"));
  if (!(hour.currency == *currency)) return tl::unexpected(no_agent_rate(request));
  return CostRates{hour, waiting, abandon};
}

}  // namespace

Result<PlanCosts> cost_staffing_plan(const Plan& plan, const PlanRequest& request,
                                     const catalog::Catalog& catalog) {
  PlanCosts out;
  // Negative on-costs would price people below their pay.
  const double on_cost = request.costing.on_cost_factor;
  if (!std::isfinite(on_cost) || on_cost < 0) {
    Error e = Error::usage(msg(MsgId::staffing_bad_option, "/costing/on_cost_factor", on_cost));
    e.where.json_pointer = "/costing/on_cost_factor";
    return tl::unexpected(std::move(e));
  }
  out.levels = cost_plan(plan, catalog, request.costing);
  if (!request.cost_view.requested()) return out;
  CCTEAM_TRY(CostRates rates, cost_rates(request, catalog));
  auto view = cost_view(plan, rates);
  if (!view) return tl::unexpected(located(view.error(), "/cost_view/rates"));
  out.rates = rates;
  out.view = std::move(*view);
  return out;
}

}  // namespace ccteam::app
