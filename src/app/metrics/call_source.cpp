#include "app/metrics/call_source.hpp"

namespace ccteam::app {

io::ReadSummary read_calls(const CallSource& source, const io::RecordSink& sink,
                           const RecordTick& tick) {
  io::CallFormat format = source.format.value_or(io::call_format_for(source.file));
  io::CallReadOptions options;
  if (source.utc_offset) options.utc_offset = *source.utc_offset;
  if (!tick) return io::read_call_records(source.file, format, sink, options);
  return io::read_call_records(
      source.file, format,
      [&](const metrics::CallRecord& r) {
        tick();
        sink(r);
      },
      options);
}

}  // namespace ccteam::app
