// Fuzz target: the call csv call-record reader must turn any bytes into records or into
// errors with positions, never crash, hang or throw, whatever the chunk boundaries; records it
// accepts go through the metrics and the calibration, which must not crash either.
#include <cstdint>
#include <string_view>

#include "ccteam/metrics/calibrate.hpp"
#include "ccteam/metrics/metrics.hpp"
#include "io/metrics/call_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ccteam;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
  metrics::MetricsOptions options;
  options.interval = std::chrono::minutes{15};
  metrics::MetricsBuilder builder(options);
  metrics::Calibrator calibrator(metrics::CalibrationOptions{});
  auto parser = io::make_call_csv_parser("fuzz", [&](const metrics::CallRecord& r) {
    builder.add(r);
    calibrator.add(r);
  });
  parser->feed(text.substr(0, split));
  parser->feed(text.substr(split));
  parser->finish();
  (void)builder.finish();
  (void)calibrator.finish();
  return 0;
}
