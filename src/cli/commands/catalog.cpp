// ccteam catalog validate FILE...: checks catalog files and reports every problem.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "io/catalog_yaml.hpp"

namespace ccteam::cli {

namespace {

nlohmann::ordered_json error_to_json(const Error& error, Lang lang) {
  return {{"file", error.where.file},
          {"line", error.where.line},
          {"column", error.where.column},
          {"pointer", error.where.json_pointer},
          {"message", render(error.message, lang)},
          {"hint", error.hint ? nlohmann::ordered_json(render(*error.hint, lang))
                              : nlohmann::ordered_json()}};
}

void validate(Context& ctx, const std::vector<std::string>& paths) {
  std::string format = ctx.format({"table", "json"});
  if (format.empty()) return;
  auto loaded = io::load_catalog(paths);
  if (format == "json") {
    nlohmann::ordered_json out{{"valid", loaded.has_value()},
                               {"errors", nlohmann::ordered_json::array()}};
    if (loaded) {
      out["roles"] = loaded->roles.size();
      out["pay_bands"] = loaded->pay_bands.size();
    } else {
      for (const Error& e : loaded.error()) out["errors"].push_back(error_to_json(e, ctx.lang()));
    }
    ctx.print(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  } else if (loaded) {
    ctx.print(render(msg(MsgId::catalog_valid, loaded->roles.size(), loaded->pay_bands.size(),
                         loaded->source_files.size()),
                     ctx.lang()) +
              "\n");
  } else {
    ctx.report(loaded.error());
    ctx.report(Error{
        ErrorKind::invalid_input, msg(MsgId::catalog_invalid, loaded.error().size()), {}, {}});
  }
  if (!loaded) ctx.exit_code = k_exit_unusable;
}

}  // namespace

void add_catalog_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  CLI::App* catalog = app.add_subcommand("catalog", tr(MsgId::cmd_catalog, lang));
  catalog->require_subcommand(1);
  CLI::App* check = catalog->add_subcommand("validate", tr(MsgId::cmd_catalog_validate, lang));
  auto files = std::make_shared<std::vector<std::string>>();
  check->add_option("FILE", *files, tr(MsgId::arg_catalog_files, lang))->required();
  check->callback([&ctx, files] { validate(ctx, *files); });
}

}  // namespace ccteam::cli
