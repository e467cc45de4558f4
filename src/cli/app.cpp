#include "cli/app.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/messages.hpp"

#ifndef CCTEAM_VERSION
#define CCTEAM_VERSION "0.0.0"
#endif

namespace ccteam::cli {

namespace {

// The language before parsing, so that help texts are already in it: --lang if given, else
// the POSIX locale variables in their order of precedence, else English.
std::optional<Lang> initial_lang(int argc, char** argv, std::string& bad) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string_view value;
    if (arg == "--lang" && i + 1 < argc) {
      value = argv[i + 1];
    } else if (arg.starts_with("--lang=")) {
      value = arg.substr(7);
    } else {
      continue;
    }
    if (auto lang = parse_lang(value); lang && value.size() == 2) return lang;
    bad = std::string(value);
    return std::nullopt;
  }
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return parse_lang(value).value_or(Lang::en);
  }
  return Lang::en;
}

// CLI11's own words in help output, in the user's language. Labels and the options' group
// are inherited by subcommands created afterwards; help flags and command groups are set on
// each subcommand by localize_commands() once all are registered.
void localize_help(CLI::App& app, Lang lang) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", tr(MsgId::cli_label_usage, lang));
  formatter->label("OPTIONS", tr(MsgId::cli_label_options_badge, lang));
  formatter->label("SUBCOMMAND", tr(MsgId::cli_label_subcommand, lang));
  formatter->label("SUBCOMMANDS", tr(MsgId::cli_label_subcommands, lang));
  formatter->label("REQUIRED", tr(MsgId::cli_label_required, lang));
  formatter->label("Positionals", tr(MsgId::cli_label_positionals, lang));
  // CLI11's type names of options without an option_text of ours.
  formatter->label("TEXT", tr(MsgId::cli_ph_value, lang));
  for (const char* number : {"INT", "UINT", "FLOAT"})
    formatter->label(number, tr(MsgId::cli_ph_number, lang));
  app.option_defaults()->group(tr(MsgId::cli_group_options, lang));
  app.set_help_flag("-h,--help", tr(MsgId::cli_opt_help, lang));
}

// The placeholder words of option texts ("--sl PCT/SECONDS", "--today YYYY-MM-DD"), each with
// its text in the user's language. Words not listed (N, CC, HH:MM, value lists such as
// "live|deferred", which are what one types) stay as written. The German words are ASCII
// (WERT, not SCHLÜSSEL): CLI11 aligns the help's columns by bytes; so --part-time-fte's FTE
// (a fraction of a full-time equivalent) is ANTEIL, its help saying VZÄ.
struct Placeholder {
  std::string_view word;
  MsgId id;
};
constexpr Placeholder k_placeholders[] = {
    {"YYYY-MM-DD", MsgId::cli_ph_date},
    {"FILE", MsgId::cli_ph_file},
    {"FILES", MsgId::cli_ph_files},
    {"PATH", MsgId::cli_ph_path},
    {"SHARE", MsgId::cli_ph_share},
    {"SECONDS", MsgId::cli_ph_seconds},
    {"PCT", MsgId::cli_ph_percent},
    {"HOURS", MsgId::cli_ph_hours},
    {"ROLE", MsgId::cli_ph_role},
    {"AMOUNT", MsgId::cli_ph_amount},
    {"TEAM_LEADS", MsgId::cli_ph_team_leads},
    {"KEY", MsgId::cli_ph_key},
    {"STATES", MsgId::cli_ph_states},
    {"SCHEDULE", MsgId::cli_ph_schedule},
    {"FTE", MsgId::cli_ph_fte},
};

bool is_placeholder_char(char c) { return (c >= 'A' && c <= 'Z') || c == '_'; }

// 'text' with each placeholder word in 'lang' ("PCT/SECONDS" -> "PROZENT/SEKUNDEN";
// "N/day" -> "N/Tag"); the rest as it is.
std::string localized_option_text(std::string_view text, Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::string_view rest = text.substr(i);
    if (rest.starts_with("YYYY-MM-DD")) {
      out += tr(MsgId::cli_ph_date, lang);
      i += 10;
      continue;
    }
    if (rest == "day" && i > 0 && text[i - 1] == '/') {  // "N/day": a rate, not a value
      out += tr(MsgId::cli_ph_per_day, lang);
      break;
    }
    if (!is_placeholder_char(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_placeholder_char(text[end])) ++end;
    std::string_view word = text.substr(i, end - i);
    const auto* known = std::find_if(std::begin(k_placeholders), std::end(k_placeholders),
                                     [&](const Placeholder& p) { return p.word == word; });
    out += known != std::end(k_placeholders) ? tr(known->id, lang) : std::string(word);
    i = end;
  }
  return out;
}

void localize_commands(CLI::App& app, Lang lang) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_positional()) {
      // Its name says what it is ("FORECAST ..."); CLI11 would add a type name or our text
      // ("FILE FILE").
      option->option_text("");
      option->type_name("");
    } else if (!option->get_option_text().empty()) {
      option->option_text(localized_option_text(option->get_option_text(), lang));
    }
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->group(tr(MsgId::cli_group_commands, lang));
    sub->set_help_flag("-h,--help", tr(MsgId::cli_opt_help, lang));
    localize_commands(*sub, lang);
  }
}

void add_shared_options(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  SharedOptions& o = ctx.options();
  app.add_option("--format", o.format, tr(MsgId::cli_opt_format, lang))->option_text("FORMAT");
  app.add_option("--lang", o.lang, tr(MsgId::cli_opt_lang, lang))->option_text("en|de");
  app.add_option("--catalog", o.catalog, tr(MsgId::cli_opt_catalog, lang))->option_text("PATH");
  app.add_option("-o,--output", o.output, tr(MsgId::cli_opt_output, lang))->option_text("FILE");
}

// CLI11 says "Could not convert: --shrinkage = abc" when an option's value is not of its type
// (a number, mostly). We name the option and the value in the user's language; a decimal comma
// ("0,85") gets a hint, since numbers on the command line take a decimal point.
Error conversion_error(std::string_view what) {
  constexpr std::string_view k_prefix = "Could not convert: ";
  std::size_t eq = what.find(" = ");
  if (!what.starts_with(k_prefix) || eq == std::string_view::npos) {
    return Error{ErrorKind::usage, msg(MsgId::cli_usage_error, what), {}, {}};
  }
  std::string_view option = what.substr(k_prefix.size(), eq - k_prefix.size());
  std::string_view value = what.substr(eq + 3);
  std::optional<Message> hint;
  if (value.find(',') != std::string_view::npos) hint = msg(MsgId::hint_cli_decimal_point);
  return Error{ErrorKind::usage, msg(MsgId::cli_not_a_number, option, value), {}, hint};
}

// CLI11 says "--sl: At Most 1 required but received 2" for an option given twice and
// "--sl: 1 required TEXT:PCT/SECONDS missing" (or "At least 1 required but received 0") for an
// option without its value. We say it in the user's language; another wording stays CLI11's.
Error argument_mismatch(std::string_view what) {
  std::size_t colon = what.find(": ");
  if (colon != std::string_view::npos) {
    std::string_view option = what.substr(0, colon);
    std::string_view rest = what.substr(colon + 2);
    constexpr std::string_view k_at_most = "At Most ";
    constexpr std::string_view k_received = " required but received ";
    std::size_t received = rest.find(k_received);
    if (rest.starts_with(k_at_most) && received != std::string_view::npos) {
      std::string_view allowed = rest.substr(k_at_most.size(), received - k_at_most.size());
      std::string_view given = rest.substr(received + k_received.size());
      return Error{
          ErrorKind::usage, msg(MsgId::cli_too_many_values, option, allowed, given), {}, {}};
    }
    if (rest.ends_with(" missing") || rest.starts_with("At least ")) {
      return Error{ErrorKind::usage, msg(MsgId::cli_missing_value, option), {}, {}};
    }
  }
  return Error{ErrorKind::usage, msg(MsgId::cli_usage_error, what), {}, {}};
}

// The options that name a file ccteam writes: -o/--output and --chart.
bool is_output_option(std::string_view arg) {
  return arg == "-o" || arg == "--output" || arg == "--chart";
}

// The output options in argv with the files they name ("-o F", "--output F", "--output=F",
// "--chart F"): {option as typed, file}.
std::vector<std::pair<std::string, std::string>> output_arguments(int argc, char** argv) {
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (is_output_option(arg) && i + 1 < argc) {
      out.emplace_back(arg, argv[i + 1]);
      ++i;
      continue;
    }
    for (std::string_view option : {"--output", "--chart"}) {
      if (arg.starts_with(option) && arg.size() > option.size() && arg[option.size()] == '=')
        out.emplace_back(option, arg.substr(option.size() + 1));
    }
  }
  return out;
}

// "-o forecast.csv" next to the input forecast.csv would overwrite the input with the result
// (the file is written after the command has read it); so would "--chart" naming an input. Any
// other argument naming the same existing file counts as an input.
std::optional<Error> output_overwrites_input(int argc, char** argv) {
  std::error_code ec;
  for (const auto& [option, output] : output_arguments(argc, argv)) {
    if (output == "-" || !std::filesystem::is_regular_file(output, ec)) continue;
    for (int i = 1; i < argc; ++i) {
      std::string_view arg = argv[i];
      if (arg == output && i > 1 && is_output_option(argv[i - 1])) continue;
      if (arg.starts_with("-") || !std::filesystem::is_regular_file(arg, ec)) continue;
      if (std::filesystem::equivalent(arg, output, ec)) {
        return Error{ErrorKind::usage,
                     msg(MsgId::cli_output_is_input, option, output),
                     {},
                     msg(MsgId::hint_cli_output_is_input)};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

int run(int argc, char** argv) {
  add_cli_messages();
  std::string bad_lang;
  std::optional<Lang> lang = initial_lang(argc, argv, bad_lang);
  if (!lang) {
    Context fallback(Lang::en);
    fallback.fail(Error::usage(msg(MsgId::cli_bad_lang, bad_lang)));
    return fallback.exit_code();
  }
  Context ctx(*lang);

  CLI::App app(tr(MsgId::cli_description, *lang), "ccteam");
  localize_help(app, *lang);
  app.fallthrough();  // shared options may follow the subcommand: `ccteam roles list --lang de`
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(CCTEAM_VERSION), tr(MsgId::cli_opt_version, *lang));
  add_shared_options(app, ctx);
  for (AddCommand add : all_commands()) add(app, ctx);
  localize_commands(app, *lang);
  app.footer(tr(MsgId::cli_overview_footer, *lang));

  // No arguments at all: the overview of the commands, as --help shows it.
  if (argc == 1) {
    std::string overview = app.help();
    if (!overview.ends_with('\n')) overview += '\n';
    std::cout << overview;
    return 0;
  }

  if (std::optional<Error> clash = output_overwrites_input(argc, argv)) {
    ctx.fail(*clash);
    return ctx.exit_code();
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::RequiredError& e) {
    // CLI11 says "A subcommand is required" or "ID is required"; we say it in the user's words.
    std::string what = e.what();
    bool subcommand = what.find("ubcommand") != std::string::npos;
    std::string name = what.substr(0, what.find(' '));
    std::vector<std::string> rest = app.remaining(true);
    Message message = msg(MsgId::cli_missing_argument, name);
    if (subcommand) {
      message = rest.empty() ? msg(MsgId::cli_need_subcommand)
                             : msg(MsgId::cli_unexpected_argument, rest.front());
    }
    ctx.fail(Error{ErrorKind::usage, std::move(message), {}, {}});
    return ctx.exit_code();
  } catch (const CLI::ExtrasError& e) {
    std::string what = e.what();
    std::size_t colon = what.find(": ");
    ctx.fail(Error{ErrorKind::usage,
                   msg(MsgId::cli_unexpected_argument,
                       colon == std::string::npos ? what : what.substr(colon + 2)),
                   {},
                   {}});
    return ctx.exit_code();
  } catch (const CLI::ValidationError& e) {
    ctx.fail_usage(e.what());  // our option checks' words (option_checks.hpp)
    return ctx.exit_code();
  } catch (const CLI::ConversionError& e) {
    ctx.fail(conversion_error(e.what()));
    return ctx.exit_code();
  } catch (const CLI::ArgumentMismatch& e) {
    ctx.fail(argument_mismatch(e.what()));
    return ctx.exit_code();
  } catch (const CLI::ParseError& e) {
    ctx.fail(Error{ErrorKind::usage, msg(MsgId::cli_usage_error, e.what()), {}, {}});
    return ctx.exit_code();
  }

  ctx.finish_output();
  return ctx.exit_code();
}

}  // namespace ccteam::cli
