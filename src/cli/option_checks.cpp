// Localised range checks for numeric options (see option_checks.hpp).
#include "cli/option_checks.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "ccteam/core/messages.hpp"
#include "io/base/files.hpp"
#include "io/staffing/plan_text.hpp"

namespace ccteam::cli {

namespace {

constexpr double k_unbounded = std::numeric_limits<double>::infinity();

// How the allowed range reads after "use a value ...".
Message range_words(double lo, double hi, End lo_end, End hi_end) {
  auto n = [](double v) { return fmt::format("{:g}", v); };
  if (hi == k_unbounded) {
    return lo_end == End::open ? msg(MsgId::cli_range_above, n(lo))
                               : msg(MsgId::cli_range_at_least, n(lo));
  }
  if (lo_end == End::open) return msg(MsgId::cli_range_above_up_to, n(lo), n(hi));
  if (hi_end == End::open) return msg(MsgId::cli_range_up_to_below, n(lo), n(hi));
  return msg(MsgId::cli_range_from_to, n(lo), n(hi));
}

CLI::Validator range_check(double lo, double hi, Lang lang, End lo_end, End hi_end) {
  std::string words = render(range_words(lo, hi, lo_end, hi_end), lang);
  return CLI::Validator(
      [=](std::string& input) -> std::string {
        std::optional<double> v = io::parse_decimal(input);
        if (!v) return {};  // not a number: CLI11's conversion reports it
        bool low_ok = lo_end == End::open ? *v > lo : *v >= lo;
        bool high_ok = hi_end == End::open ? *v < hi : *v <= hi;
        if (std::isfinite(*v) && low_ok && high_ok) return {};
        return render(msg(MsgId::cli_out_of_range, input, words), lang);
      },
      words);
}

}  // namespace

CLI::Validator in_range(double lo, double hi, Lang lang, End lo_end, End hi_end) {
  return range_check(lo, hi, lang, lo_end, hi_end);
}

CLI::Validator at_least(double lo, Lang lang) {
  return range_check(lo, k_unbounded, lang, End::closed, End::open);
}

CLI::Validator above(double lo, Lang lang) {
  return range_check(lo, k_unbounded, lang, End::open, End::open);
}

CLI::Validator svg_file(Lang lang) {
  return CLI::Validator(
      [lang](std::string& input) -> std::string {
        return io::has_extension(input, ".svg")
                   ? std::string()
                   : render(msg(MsgId::cli_chart_not_svg, input), lang);
      },
      "FILE.svg");
}

}  // namespace ccteam::cli
