// ccteam catalog validate FILE...: checks catalog files and reports every problem.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/catalog/catalog.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "io/base/error_json.hpp"

namespace ccteam::cli {

namespace {

void validate(Context& ctx, const std::vector<std::string>& paths) {
  std::string format = ctx.format({"table", "json"});
  if (format.empty()) return;
  app::CatalogValidation result = app::validate_catalog(paths);
  if (format == "json") {
    nlohmann::ordered_json out{{"valid", result.valid},
                               {"errors", nlohmann::ordered_json::array()}};
    if (result.valid) {
      out["roles"] = result.roles;
      out["pay_bands"] = result.pay_bands;
    }
    for (const Error& e : result.errors) out["errors"].push_back(io::error_to_json(e, ctx.lang()));
    ctx.print(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
    if (!result.valid) ctx.errors_reported();  // the errors are in the JSON
  } else if (result.valid) {
    ctx.print(render(msg(MsgId::catalog_valid, result.roles, result.pay_bands, result.source_files),
                     ctx.lang()) +
              "\n");
  } else {
    ctx.fail(result.errors);
    ctx.fail(Error::invalid_input(msg(MsgId::catalog_invalid, error_count(result.errors))));
  }
}

}  // namespace

void add_catalog_command(CLI::App& app, Context& ctx) {
  Lang lang = ctx.lang();
  CLI::App* catalog = app.add_subcommand("catalog", tr(MsgId::cmd_catalog, lang));
  catalog->require_subcommand(1);
  CLI::App* check = catalog->add_subcommand("validate", tr(MsgId::cmd_catalog_validate, lang));
  auto files = std::make_shared<std::vector<std::string>>();
  check->add_option(tr(MsgId::cli_ph_file, lang), *files, tr(MsgId::arg_catalog_files, lang))
      ->required();
  check->callback([&ctx, files] { validate(ctx, *files); });
}

}  // namespace ccteam::cli
