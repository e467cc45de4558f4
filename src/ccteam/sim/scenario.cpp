#include "ccteam/sim/scenario.hpp"

#include <fmt/format.h>

namespace ccteam::sim {

double reach_probability(const Scenario& scenario, std::size_t tier) {
  double p = 1;
  for (std::size_t k = 0; k < tier && k < scenario.tiers.size(); ++k)
    p *= scenario.tiers[k].escalate;
  return p;
}

double offered_load_erlangs(const Scenario& scenario, std::size_t tier, int interval) {
  const Tier& t = scenario.tiers[tier];
  return scenario.calls_per_interval[static_cast<std::size_t>(interval)] *
         reach_probability(scenario, tier) * mean_of(t.handle_time_at(interval)) /
         scenario.interval.count();
}

namespace {

std::string tier_pointer(std::size_t k) { return fmt::format("/tiers/{}", k); }

Error error_at(std::string pointer, Message message, std::optional<Message> hint = std::nullopt) {
  Error e;
  e.kind = ErrorKind::invalid_input;
  e.message = std::move(message);
  e.where.json_pointer = std::move(pointer);
  e.hint = std::move(hint);
  return e;
}

bool sizes_ok(const Scenario& s, Errors& errors) {
  std::size_t n = static_cast<std::size_t>(s.intervals);
  bool ok = true;
  auto check = [&](std::size_t size, std::string pointer, bool one_allowed) {
    if (size == n || (one_allowed && size == 1)) return;
    errors.push_back(
        error_at(pointer, msg(MsgId::sim_list_length, std::to_string(size), std::to_string(n))));
    ok = false;
  };
  check(s.calls_per_interval.size(), "/arrivals/calls_per_interval", false);
  for (std::size_t k = 0; k < s.tiers.size(); ++k) {
    const Tier& t = s.tiers[k];
    check(t.staff.size(), tier_pointer(k) + "/staff", false);
    check(t.off_phone_share.size(), tier_pointer(k) + "/off_phone_share", false);
    check(t.handle_time.size(), tier_pointer(k) + "/handle_time", true);
  }
  return ok;
}

}  // namespace

Errors validate(const Scenario& s) {
  Errors errors;
  if (s.tiers.empty() || s.intervals <= 0) return errors;  // the reader reported these
  if (!sizes_ok(s, errors)) return errors;
  if (s.tiers.front().kind != TierKind::live)
    errors.push_back(error_at(tier_pointer(0) + "/kind", msg(MsgId::sim_first_not_live)));
  bool deferred_seen = false;
  for (std::size_t k = 0; k < s.tiers.size(); ++k) {
    const Tier& t = s.tiers[k];
    std::string at = tier_pointer(k);
    if (t.kind == TierKind::live && deferred_seen)
      errors.push_back(error_at(at + "/kind", msg(MsgId::sim_live_after_deferred, t.id)));
    deferred_seen = deferred_seen || t.kind == TierKind::deferred;
    if (k + 1 == s.tiers.size() && t.escalate > 0)
      errors.push_back(error_at(at + "/escalate", msg(MsgId::sim_escalate_last, t.id)));
    if (t.kind == TierKind::live && t.deadline)
      errors.push_back(error_at(at + "/deadline_seconds", msg(MsgId::sim_deadline_live, t.id)));
    if (t.kind == TierKind::deferred && !t.deadline)
      errors.push_back(error_at(at, msg(MsgId::sim_deadline_missing, t.id)));
    if (t.kind == TierKind::deferred && (t.patience.kind != DistKind::none || t.retrial))
      errors.push_back(error_at(at + (t.retrial ? "/retrial" : "/patience"),
                                msg(MsgId::sim_patience_deferred, t.id)));
  }
  if (!errors.empty()) return errors;

  // One error per interval and tier at most: a day of 100,000 intervals nobody staffs would
  // list 100,000, so the list stops at k_max_errors and counts the rest.
  ErrorList capped;
  for (std::size_t k = 0; k < s.tiers.size(); ++k) {
    const Tier& t = s.tiers[k];
    double reach = reach_probability(s, k);
    if (reach <= 0) continue;
    bool staffed_ever = false;
    for (int i = 0; i < s.intervals; ++i) {
      double phone = t.on_phone(i);
      staffed_ever = staffed_ever || phone > 0;
      if (t.kind != TierKind::live || s.calls_per_interval[static_cast<std::size_t>(i)] <= 0)
        continue;
      bool zero = phone <= 0;
      if (!zero && (t.patience.kind != DistKind::none || offered_load_erlangs(s, k, i) < phone))
        continue;
      if (capped.full()) {
        capped.count_left_out();
        continue;
      }
      std::string at = fmt::format("{}/staff/{}", tier_pointer(k), i);
      if (zero) {
        capped.add(error_at(at, msg(MsgId::sim_zero_staff, t.id, interval_label(s, i)),
                            msg(MsgId::hint_sim_zero_staff)));
        continue;
      }
      capped.add(error_at(
          at,
          msg(MsgId::sim_unstable, t.id, interval_label(s, i),
              fmt::format("{:.2f}", offered_load_erlangs(s, k, i)), fmt::format("{:g}", phone)),
          msg(MsgId::hint_sim_unstable)));
    }
    if (t.kind == TierKind::deferred && !staffed_ever)
      capped.add(error_at(tier_pointer(k) + "/staff",
                          msg(MsgId::sim_zero_staff, t.id, interval_label(s, 0)),
                          msg(MsgId::hint_sim_zero_staff)));
  }
  return capped.take();
}

std::string interval_label(const Scenario& s, int interval) {
  if (!s.start_minute) return fmt::format("#{}", interval + 1);
  double minutes = *s.start_minute + interval * s.interval.count() / 60.0;
  long m = static_cast<long>(minutes) % (24 * 60);
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

}  // namespace ccteam::sim
