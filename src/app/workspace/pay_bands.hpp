#pragma once
// The organisation's own pay bands in the workspace as use cases: read them, save them from the
// form, the JSON API or an imported YAML file, and turn them into the texts a form shows. The
// bands are kept as one catalog file that holds only `pay_bands` (docs/catalog-format.md),
// stored beside the catalog and read together with it (app::stored_catalog), so that budgets,
// postings and role pages use them. Every input goes through the catalog reader and
// catalog::validate_catalog: the same checks and messages as `ccteam catalog validate`.
// Permissions are the routes' (access::Permission::read_pay_bands, write_pay_bands).

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ccteam/catalog/catalog.hpp"
#include "ccteam/core/error.hpp"
#include "store/repository.hpp"

namespace ccteam::app {

// One pay band as texts, as a form row or a JSON item gives it; 'row' is its index in the form
// or the JSON array, so that an error at "/pay_bands/K/..." is shown at the right row.
struct PayBandInput {
  std::size_t row = 0;
  std::string role;      // role id
  std::string country;   // ISO 3166-1 alpha-2
  std::string currency;  // ISO 4217
  std::string period;    // hour, month or year
  std::string min;       // plain decimal in major units ("2400.50")
  std::string max;       // plain decimal; empty: none (then open_ended)
  bool open_ended = false;
};

// The organisation's pay bands as stored.
struct PayBands {
  std::int64_t version = 0;  // 0: none saved yet
  store::UnixMillis updated_at = 0;
  std::string source_name;              // "form", "api", "upload", "demo"
  std::string yaml;                     // the stored file
  std::vector<catalog::PayBand> bands;  // read from 'yaml', positions in source_name
};

// The stored pay bands (version 0 and no bands when none were saved). Error: the store's, or
// the first error of a stored file that no longer reads.
Result<PayBands> find_pay_bands(store::Repository& repository, const store::Uuid& organisation);

// The bands as the form shows them: amounts as plain decimals with the decimal mark of 'lang'
// ("2400,50" in German), no digit groups.
std::vector<PayBandInput> pay_band_inputs(const std::vector<catalog::PayBand>& bands, Lang lang);

// The YAML file of 'bands' ("pay_bands:" and one map per band, amounts quoted).
std::string pay_bands_yaml(const std::vector<PayBandInput>& bands);

// The form's rows: fields "role.N", "country.N", "currency.N", "period.N", "min.N", "max.N",
// "open_ended.N" (N from 0). A row without a role is left out (a blank row, or one emptied to
// remove it). Amounts as people of 'lang' type them ("2.400,50"); one that does not read as a
// number is passed on as typed, for the catalog reader's error.
std::vector<PayBandInput> pay_bands_from_form(
    const std::vector<std::pair<std::string, std::string>>& values, Lang lang);

// The JSON API's body {"version": N, "pay_bands": [{role, country, currency, period, min, max,
// open_ended}]}: amounts as JSON numbers or decimal strings. Errors: MsgId::plan_field_type at
// the pointer of a value of the wrong type, plan_unknown_field for an unknown member;
// term_required for a missing version or list.
Checked<std::pair<std::int64_t, std::vector<PayBandInput>>> pay_bands_from_json(
    const nlohmann::json& body);

// Reads 'yaml' (a catalog file with only `pay_bands`, and optionally `catalog`) against the
// organisation's stored catalog and saves it when the stored version is 'expected_version'.
// Errors (nothing saved): every error of the file (file:line:col with 'source_name' as the
// file, and the JSON pointer), pay_bands_only at /roles when it defines roles, every error of
// catalog::validate_catalog over the catalog with these bands (unknown role, min above max,
// mixed currencies, two bands for one role, country and period); Error::conflict
// (pay_bands_stale) for another version; the store's.
Checked<PayBands> save_pay_bands(store::Repository& repository, const store::Uuid& organisation,
                                 std::string source_name, std::string yaml,
                                 std::int64_t expected_version, const store::Actor& actor);

}  // namespace ccteam::app
