#pragma once
// The machine-readable forms and the chart of a hiring plan (`ccteam hiring-plan --format
// json|csv|xlsx`, `--chart`). JSON (schema docs/schemas/hiring-plan.schema.json) and CSV use the
// same machine names; money is in major units of the plan's currency, months "YYYY-MM", dates
// "YYYY-MM-DD". 'risk' is the Monte Carlo's report, or null when none was run.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/core/lang.hpp"
#include "ccteam/hiring/hiring_plan.hpp"
#include "ccteam/hiring/monte_carlo.hpp"
#include "io/base/xlsx_writer.hpp"

namespace ccteam::io {

// "2026-01": month 'index' of a plan that starts in 'start'.
std::string month_text(std::chrono::year_month start, int index);

// "ccteam-hiring-plan/1": start, months, currency, totals, per role its months (with the Monte
// Carlo's figures when 'risk' is given), the training classes and the openings.
nlohmann::ordered_json hiring_plan_to_json(const hiring::HiringPlan& plan,
                                           const hiring::MonteCarloReport* risk);

// RFC 4180 CSV with a header, one row per month and role (months in order, roles in the
// input's order): needed, available and gap in FTE, headcount and leavers (expected values),
// promotions in and out, hires, cost; with 'risk' also P(short), its 95 % half-width, the safe
// hires and P(short) with them. Numbers with up to 6 significant digits; an empty cell where a
// figure does not exist (no cost given, no Monte Carlo).
std::string hiring_plan_to_csv(const hiring::HiringPlan& plan,
                               const hiring::MonteCarloReport* risk);

// Three sheets for people: months (the CSV's rows), classes and openings, with the column
// titles and sheet names in 'lang'; numbers as numbers, dates as ISO text.
std::vector<XlsxSheet> hiring_plan_to_sheets(const hiring::HiringPlan& plan,
                                             const hiring::MonteCarloReport* risk, Lang lang);

// FTE needed and available (lines, left axis) and hires (bars, right axis) per month, summed
// over the roles, as an SVG document (io/base/svg_chart) with texts in 'lang'.
std::string hiring_chart_svg(const hiring::HiringPlan& plan, Lang lang);

}  // namespace ccteam::io
