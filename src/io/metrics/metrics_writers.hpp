#pragma once
// The machine-readable forms of a metrics report (`ccteam metrics --format json|csv|xlsx`):
// one row per group and a total, the same machine column names in all three.

#include <string>

#include <nlohmann/json.hpp>

#include "ccteam/core/lang.hpp"
#include "ccteam/metrics/metrics.hpp"
#include "io/base/xlsx_writer.hpp"
#include "io/metrics/call_records.hpp"

namespace ccteam::io {

// "ccteam-metrics/1": the options, the works-council settings, what was read ('summary': rows,
// records, skipped rows per reason with its text in 'lang') and the rows with the total.
nlohmann::ordered_json metrics_to_json(const metrics::MetricsReport& report,
                                       const ReadSummary& summary, Lang lang);

// RFC 4180 CSV with a header; numbers with up to 6 significant digits, an empty cell where a
// figure does not exist; the last row is the total.
std::string metrics_to_csv(const metrics::MetricsReport& report);

// One sheet with the CSV's columns, counts and shares as numbers (shares 0..1, seconds as
// seconds), an empty cell where a figure does not exist. For people, unlike the CSV: the
// header row, the "suppressed" cells (yes/no) and the total row's name are in 'lang'.
XlsxSheet metrics_to_sheet(const metrics::MetricsReport& report, Lang lang);

}  // namespace ccteam::io
