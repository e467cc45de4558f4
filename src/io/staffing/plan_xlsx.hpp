#pragma once
// A plan as an Excel workbook (io::write_xlsx): the sheets drawn from the plan JSON
// (docs/schemas/plan.schema.json), the one shape a fresh calculation and a saved plan share.
//
// Sheets (names and headers in 'lang'; numbers as numbers, shares 0..1):
// - intervals: start, calls, AHT s, Erlangs, agents, queue (stable or unstable, in 'lang'),
//   SL, ASA s (empty when unstable), occupancy, abandoned, team leads, managers on duty;
// - levels: role (its title from 'role_title', the id when that is empty), hours/week, FTE,
//   people, sized by, annual cost from, annual cost to (major units, empty without a price),
//   currency; then, when the plan has notes, a blank row, "Notes:" and each note: 'note_texts'
//   when given (a client's own wording of the notes), else the plan's and the costs' notes
//   rendered from their codes in 'lang';
// - cost view (only when the plan has one): start, agents, cost (plan), cheapest agents,
//   cost (cheapest), SL (cheapest).
// A member missing or of another type gives an empty cell, never an error: the JSON is ours.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/lang.hpp"
#include "io/base/xlsx_writer.hpp"

namespace ccteam::io {

std::vector<XlsxSheet> plan_xlsx_sheets(
    const nlohmann::json& plan, Lang lang,
    const std::function<std::string(const std::string&)>& role_title,
    const std::optional<std::vector<std::string>>& note_texts = std::nullopt);

}  // namespace ccteam::io
