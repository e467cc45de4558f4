// Localised checks of option values, and shared options (see option_checks.hpp).
#include "cli/option_checks.hpp"

#include <cctype>
#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "ccteam/core/date.hpp"
#include "ccteam/core/iso_codes.hpp"
#include "ccteam/core/messages.hpp"
#include "ccteam/core/money.hpp"
#include "ccteam/core/number_text.hpp"
#include "io/base/files.hpp"
#include "io/base/iso_regions.hpp"
#include "io/staffing/plan_text.hpp"

namespace ccteam::cli {

namespace {

constexpr double k_unbounded = std::numeric_limits<double>::infinity();

// How the allowed range reads after "use a value ..." (ccteam::range_words).
Message range_words(double lo, double hi, End lo_end, End hi_end) {
  return ccteam::range_words(ValueRange{lo, hi, lo_end == End::open, hi_end == End::open});
}

CLI::Validator range_check(double lo, double hi, Lang lang, End lo_end, End hi_end) {
  std::string words = render(range_words(lo, hi, lo_end, hi_end), lang);
  return CLI::Validator(
      [=](std::string& input) -> std::string {
        std::optional<double> v = io::parse_decimal(input);
        if (!v) return {};  // not a number: CLI11's conversion reports it
        if (ValueRange{lo, hi, lo_end == End::open, hi_end == End::open}.contains(*v)) return {};
        return render(msg(MsgId::cli_out_of_range, input, words), lang);
      },
      words);
}

// A check of text: 'ok' decides, 'error' words the refusal; 'description' is what help shows.
template <typename Ok>
CLI::Validator text_check(Ok ok, MsgId error, Lang lang, std::string description) {
  return CLI::Validator(
      [ok, error, lang](std::string& input) -> std::string {
        return ok(input) ? std::string() : render(msg(error, input), lang);
      },
      std::move(description));
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

CLI::Validator calls_per_day(Lang lang) {
  std::string words = render(range_words(0, k_unbounded, End::open, End::open), lang);
  return CLI::Validator(
      [=](std::string& input) -> std::string {
        auto calls = io::parse_calls_per_day(input, "--calls");
        if (!calls || (std::isfinite(*calls) && *calls > 0)) return {};
        return render(msg(MsgId::cli_out_of_range, input, words), lang);
      },
      "N/day");
}

CLI::Validator service_level(Lang lang) {
  return CLI::Validator(
      [lang](std::string& input) -> std::string {
        auto target = io::parse_service_level(input, "--sl");
        if (!target) return {};
        const double percent = target->fraction * 100;
        if (percent > 100) {
          return render(msg(MsgId::cli_out_of_range, input.substr(0, input.find('/')),
                            render(range_words(1, 100, End::open, End::closed), lang)),
                        lang);
        }
        if (!(target->answer_time.count() >= 0)) {
          return render(msg(MsgId::cli_out_of_range, input.substr(input.find('/') + 1),
                            render(range_words(0, k_unbounded, End::closed, End::open), lang)),
                        lang);
        }
        return {};
      },
      "PCT/SECONDS");
}

CLI::Validator one_of(std::vector<std::string> values, Lang lang) {
  std::string listed;
  for (const std::string& v : values) listed += (listed.empty() ? "" : ", ") + v;
  return CLI::Validator(
      [values, listed, lang](std::string& input) -> std::string {
        for (const std::string& v : values) {
          if (input == v) return {};
        }
        return render(msg(MsgId::cli_not_one_of, input, listed), lang);
      },
      listed);
}

CLI::Validator iso_date(Lang lang) {
  return text_check(
      [](const std::string& input) { return input.size() == 10 && parse_iso_date(input); },
      MsgId::cli_not_a_date, lang, "YYYY-MM-DD");
}

CLI::Validator country_code(Lang lang) {
  return CLI::Validator(
      [lang](std::string& input) -> std::string {
        if (is_iso_country(input)) return {};
        std::string out = render(msg(MsgId::cli_not_a_country, input), lang);
        std::string upper = input;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (is_iso_country(upper))
          out += "; " + render(msg(MsgId::hint_country_upper, upper), lang);
        return out;
      },
      "CC");
}

CLI::Validator place_code(Lang lang) {
  return text_check(
      [](const std::string& input) {
        std::size_t dash = input.find('-');
        if (dash == std::string::npos) return is_iso_country(input);
        return is_iso_place(input) && io::is_iso_subdivision(input);
      },
      MsgId::cli_not_a_place, lang, "CC[-RR]");
}

CLI::Validator currency_code(Lang lang) {
  return text_check([](const std::string& input) { return Currency::parse(input).has_value(); },
                    MsgId::cli_not_a_currency, lang, "CODE");
}

CLI::Validator secret_key(Lang lang) {
  return text_check(
      [](const std::string& input) {
        return input.find_first_not_of(" \t\r\n") != std::string::npos;
      },
      MsgId::cli_empty_key, lang, "KEY");
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

void add_evaluation_options(CLI::App& cmd, std::string& as_of, std::string& country, Lang lang) {
  cmd.add_option("--as-of", as_of, tr(MsgId::opt_as_of, lang))
      ->option_text("YYYY-MM-DD")
      ->check(iso_date(lang));
  cmd.add_option("--country", country, tr(MsgId::opt_country, lang))
      ->option_text("CC")
      ->check(country_code(lang));
}

}  // namespace ccteam::cli
