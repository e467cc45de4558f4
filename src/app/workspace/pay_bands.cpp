#include "app/workspace/pay_bands.hpp"

#include <charconv>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "app/forms/typed_number.hpp"
#include "app/workspace/seed.hpp"
#include "io/base/json_yaml.hpp"
#include "io/catalog/catalog_yaml.hpp"

namespace ccteam::app {

using json = nlohmann::json;

namespace {

tl::unexpected<Errors> fail_with(Error error) { return tl::unexpected(Errors{std::move(error)}); }

Error at(Error error, std::string pointer) {
  error.where.json_pointer = std::move(pointer);
  return error;
}

// The bands of a pay-band file read on their own (no roles to check them against).
Checked<std::vector<catalog::PayBand>> read_bands(std::string_view yaml,
                                                  const std::string& source_name) {
  catalog::Catalog file;
  Errors errors = io::read_catalog_yaml(yaml, source_name, file);
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  if (!file.roles.empty()) {
    return fail_with(Error::invalid_input(msg(MsgId::pay_bands_only), file.roles.front().pos,
                                          msg(MsgId::hint_pay_bands_only)));
  }
  return std::move(file.pay_bands);
}

// A decimal amount as the form shows it: "2400,50" in German.
std::string amount_text(const Money& money, Lang lang) {
  return decimal_text(money, lang == Lang::de ? ',' : '.');
}

const char* period_name(catalog::PayPeriod period) {
  switch (period) {
    case catalog::PayPeriod::hour:
      return "hour";
    case catalog::PayPeriod::month:
      return "month";
    case catalog::PayPeriod::year:
      return "year";
  }
  return "year";
}

}  // namespace

Result<PayBands> find_pay_bands(store::Repository& repository, const store::Uuid& organisation) {
  CCTEAM_TRY(std::optional<store::StoredCatalog> stored, repository.pay_bands(organisation));
  PayBands out;
  if (!stored) return out;
  out.version = stored->version;
  out.updated_at = stored->updated_at;
  out.source_name = stored->source_name;
  auto bands = read_bands(stored->yaml, stored->source_name);
  if (!bands) return tl::unexpected(std::move(bands.error().front()));
  out.bands = std::move(*bands);
  out.yaml = std::move(stored->yaml);
  return out;
}

std::vector<PayBandInput> pay_band_inputs(const std::vector<catalog::PayBand>& bands, Lang lang) {
  std::vector<PayBandInput> out;
  for (const catalog::PayBand& band : bands) {
    PayBandInput input;
    input.row = out.size();
    input.role = band.role.id.str();
    input.country = band.country;
    input.currency = std::string(band.range.min.currency.code());
    input.period = period_name(band.range.period);
    input.min = amount_text(band.range.min, lang);
    if (band.range.max) input.max = amount_text(*band.range.max, lang);
    input.open_ended = band.range.open_ended;
    out.push_back(std::move(input));
  }
  return out;
}

std::string pay_bands_yaml(const std::vector<PayBandInput>& bands) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const PayBandInput& band : bands) {
    nlohmann::ordered_json item;
    item["role"] = band.role;
    item["country"] = band.country;
    item["currency"] = band.currency;
    item["period"] = band.period;
    item["min"] = band.min;
    if (!band.max.empty()) item["max"] = band.max;
    if (band.open_ended) item["open_ended"] = true;
    list.push_back(std::move(item));
  }
  return io::json_to_yaml(nlohmann::ordered_json{{"pay_bands", std::move(list)}});
}

std::vector<PayBandInput> pay_bands_from_form(
    const std::vector<std::pair<std::string, std::string>>& values, Lang lang) {
  std::map<std::size_t, PayBandInput> rows;
  for (const auto& [name, value] : values) {
    auto dot = name.rfind('.');
    if (dot == std::string::npos) continue;
    std::size_t row = 0;
    const char* begin = name.data() + dot + 1;
    const char* end = name.data() + name.size();
    auto [ptr, ec] = std::from_chars(begin, end, row);
    if (ec != std::errc() || ptr != end || begin == end || row >= 1000) continue;
    std::string_view field(name.data(), dot);
    PayBandInput& input = rows[row];
    input.row = row;
    auto typed = [lang](const std::string& text) {
      return typed_decimal(text, lang).value_or(text);
    };
    if (field == "role") input.role = value;
    if (field == "country") input.country = value;
    if (field == "currency") input.currency = value;
    if (field == "period") input.period = value;
    if (field == "min") input.min = typed(value);
    if (field == "max") input.max = typed(value);
    if (field == "open_ended") input.open_ended = value == "on" || value == "true";
  }
  std::vector<PayBandInput> out;
  for (auto& [row, input] : rows) {
    if (input.role.empty()) continue;
    // Codes as people type them: "de", " eur ".
    for (std::string* code : {&input.country, &input.currency}) {
      std::string trimmed;
      for (char c : *code) {
        if (c != ' ' && c != '\t') {
          trimmed += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
      }
      *code = std::move(trimmed);
    }
    out.push_back(std::move(input));
  }
  return out;
}

Checked<std::pair<std::int64_t, std::vector<PayBandInput>>> pay_bands_from_json(const json& body) {
  Errors errors;
  auto add = [&errors](Error error) {
    if (errors.size() < k_max_errors) errors.push_back(std::move(error));
  };
  auto wrong_type = [&](const std::string& pointer, const char* wanted) {
    add(at(Error::usage(msg(MsgId::plan_field_type, pointer, wanted)), pointer));
  };
  auto unknown = [&](const std::string& pointer) {
    add(at(Error::usage(msg(MsgId::pay_bands_unknown_field, pointer),
                        msg(MsgId::hint_pay_bands_fields)),
           pointer));
  };
  if (!body.is_object()) {
    wrong_type("", "object");
    return tl::unexpected(std::move(errors));
  }
  std::int64_t version = 0;
  std::vector<PayBandInput> bands;
  for (const auto& [key, value] : body.items()) {
    if (key != "version" && key != "pay_bands") unknown(json_pointer_append("", key));
  }
  if (!body.contains("version")) {
    add(at(Error::usage(msg(MsgId::term_required)), "/version"));
  } else if (!body["version"].is_number_integer() || body["version"].get<std::int64_t>() < 0) {
    wrong_type("/version", "integer >= 0");
  } else {
    version = body["version"].get<std::int64_t>();
  }
  if (!body.contains("pay_bands")) {
    add(at(Error::usage(msg(MsgId::term_required)), "/pay_bands"));
  } else if (!body["pay_bands"].is_array()) {
    wrong_type("/pay_bands", "array");
  } else {
    const json& list = body["pay_bands"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string pointer = json_pointer_append("/pay_bands", i);
      const json& item = list[i];
      if (!item.is_object()) {
        wrong_type(pointer, "object");
        continue;
      }
      PayBandInput input;
      input.row = i;
      for (const auto& [key, value] : item.items()) {
        std::string field = json_pointer_append(pointer, key);
        if (key == "role" || key == "country" || key == "currency" || key == "period") {
          if (!value.is_string()) {
            wrong_type(field, "string");
            continue;
          }
          std::string text = value.get<std::string>();
          if (key == "role") input.role = text;
          if (key == "country") input.country = text;
          if (key == "currency") input.currency = text;
          if (key == "period") input.period = text;
        } else if (key == "min" || key == "max") {
          std::string text;
          if (value.is_number_integer()) {
            text = value.dump();
          } else if (value.is_number_float()) {
            text = fmt::format("{}", value.get<double>());
          } else if (value.is_string()) {
            text = value.get<std::string>();
          } else if (!(key == "max" && value.is_null())) {
            wrong_type(field, "number");
            continue;
          }
          (key == "min" ? input.min : input.max) = text;
        } else if (key == "open_ended") {
          if (!value.is_boolean()) {
            wrong_type(field, "boolean");
            continue;
          }
          input.open_ended = value.get<bool>();
        } else {
          unknown(field);
        }
      }
      bands.push_back(std::move(input));
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return std::pair{version, std::move(bands)};
}

Checked<PayBands> save_pay_bands(store::Repository& repository, const store::Uuid& organisation,
                                 std::string source_name, std::string yaml,
                                 std::int64_t expected_version, const store::Actor& actor) {
  auto bands = read_bands(yaml, source_name);
  if (!bands) return tl::unexpected(std::move(bands.error()));
  auto base = stored_catalog(repository, organisation, CatalogParts::without_pay_bands);
  if (!base) return fail_with(std::move(base).error());
  catalog::Catalog combined = std::move(*base);
  combined.pay_bands.insert(combined.pay_bands.end(), bands->begin(), bands->end());
  if (Errors errors = catalog::validate_catalog(combined); !errors.empty()) {
    return tl::unexpected(std::move(errors));
  }
  auto stored =
      repository.put_pay_bands(organisation, source_name, std::move(yaml), expected_version, actor);
  if (!stored) return fail_with(std::move(stored).error());
  PayBands out;
  out.version = stored->version;
  out.updated_at = stored->updated_at;
  out.source_name = std::move(stored->source_name);
  out.yaml = std::move(stored->yaml);
  out.bands = std::move(*bands);
  return out;
}

}  // namespace ccteam::app
