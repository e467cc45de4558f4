#include "ccteam/sim/model.hpp"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace ccteam::sim {

namespace {

Error model_error(std::string pointer, Message message, std::optional<Message> hint = {}) {
  SourcePos where;
  where.json_pointer = std::move(pointer);
  return Error::invalid_input(std::move(message), std::move(where), std::move(hint));
}

// The model tier for 'tier': the same id, else the same catalog role; nullptr when none.
const Tier* model_tier_for(const Tier& tier, const Scenario& model, std::size_t& index) {
  for (std::size_t k = 0; k < model.tiers.size(); ++k) {
    if (model.tiers[k].id == tier.id) {
      index = k;
      return &model.tiers[k];
    }
  }
  if (!tier.role) return nullptr;
  for (std::size_t k = 0; k < model.tiers.size(); ++k) {
    if (model.tiers[k].role == tier.role) {
      index = k;
      return &model.tiers[k];
    }
  }
  return nullptr;
}

// The model tier's handle time that gives the shape: its only one, else the one of the interval
// with the most calls reaching the tier (the first of equals). Returns its index in handle_time.
std::size_t shape_index(const Scenario& model, std::size_t tier_index) {
  const Tier& tier = model.tiers[tier_index];
  if (tier.handle_time.size() <= 1) return 0;
  std::size_t busiest = 0;
  for (std::size_t i = 1; i < tier.handle_time.size() && i < model.calls_per_interval.size(); ++i) {
    if (model.calls_per_interval[i] > model.calls_per_interval[busiest]) busiest = i;
  }
  return busiest;
}

// 'shape' rescaled to the mean 'mean_seconds' (> 0), with the shape's own mean 'shape_mean'.
Distribution rescaled(const Distribution& shape, double shape_mean, double mean_seconds) {
  Distribution out;
  out.kind = shape.kind;
  out.mean_seconds = mean_seconds;
  switch (shape.kind) {
    case DistKind::lognormal:
    case DistKind::gamma:
      out.sd_seconds = mean_seconds * (shape.sd_seconds / shape.mean_seconds);
      break;
    case DistKind::empirical:
      if (shape_mean <= 0) {  // every value 0: nothing to stretch
        out.kind = DistKind::constant;
        break;
      }
      out.mean_seconds = 0;
      out.values.reserve(shape.values.size());
      for (double v : shape.values) out.values.push_back(v * (mean_seconds / shape_mean));
      break;
    case DistKind::none:  // not a handle time; the reader refuses it
    case DistKind::exponential:
    case DistKind::constant:
      break;
  }
  return out;
}

}  // namespace

Result<Scenario> with_model_of(Scenario plan, const Scenario& model) {
  bool matched = false;
  for (Tier& tier : plan.tiers) {
    std::size_t index = 0;
    const Tier* source = model_tier_for(tier, model, index);
    if (!source || source->handle_time.empty()) continue;
    matched = true;

    std::size_t at = shape_index(model, index);
    const Distribution& shape = source->handle_time[at];
    double shape_mean = mean_of(shape);
    auto intervals = static_cast<std::size_t>(plan.intervals);
    if (shape.kind == DistKind::empirical &&
        shape.values.size() > k_max_rescaled_values / std::max<std::size_t>(intervals, 1)) {
      std::string pointer = fmt::format("/tiers/{}/handle_time", index);
      if (source->handle_time.size() > 1) pointer += fmt::format("/{}", at);
      return tl::unexpected(model_error(
          std::move(pointer),
          msg(MsgId::sim_model_too_large, shape.values.size(), intervals, k_max_rescaled_values)));
    }
    std::vector<Distribution> handle_time;
    handle_time.reserve(intervals);
    for (std::size_t i = 0; i < intervals; ++i) {
      const Distribution& own = tier.handle_time_at(static_cast<int>(i));
      double mean = mean_of(own);
      handle_time.push_back(mean > 0 ? rescaled(shape, shape_mean, mean) : own);
    }
    tier.handle_time = std::move(handle_time);

    if (tier.kind == TierKind::live && source->kind == TierKind::live) {
      if (source->patience.kind != DistKind::none) tier.patience = source->patience;
      if (source->retrial) tier.retrial = source->retrial;
    }
  }
  if (!matched) {
    std::string ids;
    for (const Tier& tier : plan.tiers) {
      if (!ids.empty()) ids += ", ";
      ids += tier.id;
    }
    return tl::unexpected(model_error("/tiers", msg(MsgId::sim_model_no_tier),
                                      msg(MsgId::hint_sim_model_no_tier, ids)));
  }
  return plan;
}

}  // namespace ccteam::sim
