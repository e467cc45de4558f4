#pragma once
// The catalog as JSON: the stable, documented shape of `ccteam roles ... --format json` and of
// the HTTP API. Schemas: docs/schemas/role.schema.json, roles.schema.json, ladder.schema.json.
// Both languages are always included ({"en": ..., "de": ...}), so the shape does not depend on
// --lang.

#include <nlohmann/json.hpp>

#include "ccteam/catalog/catalog.hpp"

namespace ccteam::io {

// One role, with the organisation's pay bands for it under pay.bands.
nlohmann::ordered_json role_to_json(const catalog::Role& role, const catalog::Catalog& catalog);

// {"role", "country", "currency", "period", "min", "max" (null when none), "open_ended"}:
// amounts in major units.
nlohmann::ordered_json pay_band_to_json(const catalog::PayBand& band);

// {"catalog": {"name", "version"}, "roles": [role...]} in ladder order (rank, then id).
nlohmann::ordered_json roles_to_json(const catalog::Catalog& catalog);

// {"ladders": [{"id", "title", "rank", "next": [...]}]}: the career ladder as a forest.
nlohmann::ordered_json ladder_to_json(const std::vector<catalog::LadderNode>& ladder);

}  // namespace ccteam::io
