#include "io/workspace/retention_yaml.hpp"

#include "ccteam/core/iso_codes.hpp"
#include "io/base/files.hpp"
#include "io/base/yaml_reader.hpp"

namespace ccteam::io {

Checked<std::vector<RetentionRule>> read_retention_yaml(std::string_view text,
                                                        const std::string& file) {
  auto root = parse_yaml(text, file);
  if (!root) return tl::unexpected(Errors{root.error()});
  YamlContext ctx(file, text);
  std::vector<RetentionRule> out;
  MapReader top(ctx, *root, "");
  if (!top.is_map()) return tl::unexpected(ctx.take_errors());
  static constexpr std::string_view k_formats[] = {"ccteam-retention/1"};
  top.choice<std::string_view>(
      "format", true,
      [](std::string_view s) -> std::optional<std::string_view> {
        if (s == k_formats[0]) return k_formats[0];
        return std::nullopt;
      },
      k_formats);
  top.list("jurisdictions", true, [&](const YAML::Node& node, const std::string& pointer) {
    MapReader map(ctx, node, pointer);
    if (!map.is_map()) return;
    RetentionRule rule;
    rule.jurisdiction = map.string("jurisdiction", true).value_or("");
    if (!rule.jurisdiction.empty() && rule.jurisdiction != "*" &&
        !is_iso_country(rule.jurisdiction)) {
      ctx.error(*map.get("jurisdiction", false), map.pointer_of("jurisdiction"),
                msg(MsgId::posting_data_bad_jurisdiction, rule.jurisdiction));
    }
    rule.withdrawn_days = map.integer("withdrawn_days", true, 0, k_max_retention_days).value_or(30);
    rule.keep_records_days =
        map.integer("keep_records_days", false, 0, k_max_retention_days).value_or(0);
    rule.source = map.citation("source", false).value_or(LocalizedText{});
    map.finish();
    out.push_back(std::move(rule));
  });
  top.finish();
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  return out;
}

Checked<std::vector<RetentionRule>> load_retention_rules(const std::string& path) {
  auto text = read_file(path, k_max_yaml_bytes);
  if (!text) return tl::unexpected(Errors{text.error()});
  return read_retention_yaml(*text, path);
}

}  // namespace ccteam::io
