// Fuzz target: the agent-state log and schedule readers must turn any bytes into spans and
// blocks or into errors with positions, never crash, hang or throw, whatever the chunk
// boundaries; what they accept goes through occupancy and adherence, which must not crash
// either. The first byte chooses the split; the input is read as a schedule and as a log.
#include <cstdint>
#include <string_view>

#include "ccteam/metrics/agent_states.hpp"
#include "io/metrics/agent_states_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ccteam;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
  std::vector<metrics::ScheduleBlock> blocks;
  auto schedule = io::make_schedule_parser("fuzz", blocks);
  schedule->feed(text.substr(0, split));
  schedule->feed(text.substr(split));
  schedule->finish();
  for (metrics::GroupBy by : {metrics::GroupBy::interval, metrics::GroupBy::agent}) {
    metrics::MetricsOptions options;
    options.by = by;
    options.interval = std::chrono::minutes{15};
    options.team_filter = by == metrics::GroupBy::agent ? "red" : "";
    metrics::StateBuilder builder(options, blocks);
    auto parser =
        io::make_agent_state_parser("fuzz", [&](const metrics::StateSpan& s) { builder.add(s); });
    parser->feed(text.substr(0, split));
    parser->feed(text.substr(split));
    parser->finish();
    metrics::MetricsReport report;
    report.options = options;
    metrics::attach_states(report, builder.finish());
  }
  return 0;
}
