#include "io/metrics/calibration_writers.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "ccteam/core/messages.hpp"
#include "io/staffing/forecast_csv.hpp"

namespace ccteam::io {

namespace {

using namespace std::chrono;

constexpr std::array<unsigned, 7> k_monday_first = {1, 2, 3, 4, 5, 6, 0};

std::string number(double v) { return fmt::format("{}", std::round(v * 1000) / 1000); }

std::string list(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i == 0 ? "" : ", ") + number(values[i]);
  return out + "]";
}

std::vector<double> staff_of(const metrics::WeekdayProfile& w) {
  std::vector<double> staff;
  for (std::size_t i = 0; i < w.staff.size(); ++i) {
    double n = w.staff[i];
    // The simulation refuses a tier without people where calls can arrive.
    if (w.calls[i] > 0 && n < 1) n = 1;
    staff.push_back(n);
  }
  return staff;
}

}  // namespace

std::string weekday_abbreviation(unsigned c_encoding) {
  static constexpr std::array<const char*, 7> k_names = {"sun", "mon", "tue", "wed",
                                                         "thu", "fri", "sat"};
  return k_names[c_encoding % 7];
}

std::string forecast_csv_text(const metrics::Calibration& c) {
  std::string out = "interval_start,calls_offered,aht_seconds\n";
  if (!c.last_day) return out;
  sys_days next = *c.last_day + days{1};
  while (weekday{next} != Monday) next += days{1};
  const long interval = c.options.interval.count();
  for (std::size_t d = 0; d < 7; ++d) {
    const metrics::WeekdayProfile& w = c.weekdays[k_monday_first[d]];
    for (std::size_t i = 0; i < w.calls.size(); ++i) {
      staffing::LocalTime start{(next + days{d}).time_since_epoch() +
                                seconds{static_cast<long>(i) * interval}};
      out += fmt::format("{},{},{}\n", format_local_time(start), number(w.calls[i]),
                         number(std::max(w.aht[i], 1.0)));
    }
  }
  return out;
}

std::string scenario_yaml_text(const metrics::Calibration& c, unsigned wd,
                               const std::string& source, Lang lang) {
  static constexpr std::array<MsgId, 7> k_weekdays = {
      MsgId::word_sunday,   MsgId::word_monday, MsgId::word_tuesday, MsgId::word_wednesday,
      MsgId::word_thursday, MsgId::word_friday, MsgId::word_saturday};
  const metrics::WeekdayProfile& w = c.weekdays[wd % 7];
  const metrics::HandleTimeFit& h = c.handle_time;
  std::string out;
  out += "# Calibrated by ccteam calibrate from the call records; see docs/calibration-format.md\n";
  out += "format: ccteam-scenario/1\n";
  std::string name =
      render(msg(MsgId::calibrate_scenario_name, source, k_weekdays[wd % 7], w.days), lang);
  out += "name: " + nlohmann::json(name).dump() + "\n";  // a JSON string is a YAML scalar
  out += fmt::format("interval_seconds: {}\n", c.options.interval.count());
  out += "start_time: \"00:00\"\n";
  out += "arrivals:\n";
  out += fmt::format("  calls_per_interval: {}\n", list(w.calls));
  out += "tiers:\n";
  out += "  - id: agents\n    role: agent\n    kind: live\n";
  out += fmt::format("    staff: {}\n", list(staff_of(w)));
  out += fmt::format(
      "    handle_time: {{distribution: lognormal, mean_seconds: {}, sd_seconds: {}}}\n",
      number(std::max(h.all_mean.count(), 1.0)), number(std::max(h.all_sd.count(), 1.0)));
  if (c.patience.exponential_mean) {
    out += fmt::format("    patience: {{distribution: exponential, mean_seconds: {}}}\n",
                       number(std::max(c.patience.exponential_mean->count(), 1.0)));
  }
  out += fmt::format("    service_level_seconds: {}\n", number(c.options.service_target.count()));
  return out;
}

nlohmann::ordered_json calibration_json(const metrics::Calibration& c) {
  using nlohmann::ordered_json;
  ordered_json out;
  out["format"] = "ccteam-calibration/1";
  out["interval_seconds"] = c.options.interval.count();
  out["records"] = c.records;
  auto date = [](const std::optional<sys_days>& d) {
    if (!d) return ordered_json();
    year_month_day ymd{*d};
    return ordered_json(fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                                    static_cast<unsigned>(ymd.month()),
                                    static_cast<unsigned>(ymd.day())));
  };
  out["first_day"] = date(c.first_day);
  out["last_day"] = date(c.last_day);
  const metrics::HandleTimeFit& h = c.handle_time;
  out["handle_time"] = {{"calls", h.calls},
                        {"mean_seconds", h.all_mean.count()},
                        {"sd_seconds", h.all_sd.count()},
                        {"short_call_seconds", c.options.short_call.count()},
                        {"short_calls", h.short_calls},
                        {"short_share", h.short_share},
                        {"short_mean_seconds", h.short_mean.count()},
                        {"lognormal",
                         {{"calls", h.fitted},
                          {"mu", h.mu},
                          {"sigma", h.sigma},
                          {"mean_seconds", h.mean.count()},
                          {"sd_seconds", h.sd.count()},
                          {"ks_distance", h.ks_distance}}}};
  const metrics::PatienceEstimate& p = c.patience;
  ordered_json km = ordered_json::array();
  for (const metrics::SurvivalPoint& s : p.kaplan_meier)
    km.push_back({{"seconds", s.time.count()}, {"survival", s.survival}});
  out["patience"] = {
      {"answered", p.answered},
      {"abandoned", p.abandoned},
      {"exponential_mean_seconds",
       p.exponential_mean ? ordered_json(p.exponential_mean->count()) : ordered_json()},
      {"kaplan_meier_median_seconds",
       p.km_median ? ordered_json(p.km_median->count()) : ordered_json()},
      {"kaplan_meier", std::move(km)}};
  ordered_json weekdays = ordered_json::array();
  for (unsigned wd : k_monday_first) {
    const metrics::WeekdayProfile& w = c.weekdays[wd];
    auto sl = w.service_level();
    weekdays.push_back({{"weekday", weekday_abbreviation(wd)},
                        {"days", w.days},
                        {"offered", w.offered},
                        {"observed_service_level", sl ? ordered_json(*sl) : ordered_json()},
                        {"calls", w.calls},
                        {"aht_seconds", w.aht},
                        {"agents", w.agents},
                        {"abandon_share", w.abandon_share},
                        {"staff", w.staff}});
  }
  out["weekdays"] = std::move(weekdays);
  return out;
}

}  // namespace ccteam::io
