#include "app/catalog/catalog.hpp"

#include "io/catalog/catalog_yaml.hpp"

namespace ccteam::app {

Checked<catalog::Catalog> load_catalog(const std::vector<std::string>& paths,
                                       const Environment& env) {
  std::vector<std::string> chosen = paths;
  if (chosen.empty()) chosen.push_back(env.catalog_dir);
  auto loaded = io::load_catalog(chosen);
  if (loaded) return loaded;
  Errors errors = std::move(loaded.error());
  errors.push_back(Error::invalid_input(msg(MsgId::cli_catalog_failed, error_count(errors))));
  return tl::unexpected(std::move(errors));
}

CatalogValidation validate_catalog(const std::vector<std::string>& paths) {
  CatalogValidation out;
  auto loaded = io::load_catalog(paths);
  if (!loaded) {
    out.errors = std::move(loaded.error());
    return out;
  }
  out.valid = true;
  out.roles = loaded->roles.size();
  out.pay_bands = loaded->pay_bands.size();
  out.source_files = loaded->source_files.size();
  return out;
}

}  // namespace ccteam::app
