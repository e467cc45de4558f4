#include "io/posting_data_yaml.hpp"

#include <cstdlib>
#include <filesystem>

#include "ccteam/core/iso_codes.hpp"
#include "io/files.hpp"
#include "io/yaml_reader.hpp"

namespace ccteam::io {

namespace {

// "DE", "US", "US-CO", and "EU" for the European Union as a whole.
bool is_jurisdiction(std::string_view code) {
  if (code == "EU") return true;
  auto dash = code.find('-');
  std::string_view country = code.substr(0, dash);
  if (!is_iso_country(country)) return false;
  if (dash == std::string_view::npos) return true;
  std::string_view region = code.substr(dash + 1);
  return !region.empty() && region.size() <= 3;
}

}  // namespace

Checked<posting::MinimumWages> read_minimum_wages_yaml(std::string_view text,
                                                       const std::string& file) {
  auto root = parse_yaml(text, file);
  if (!root) return tl::unexpected(Errors{root.error()});
  YamlContext ctx(file);
  posting::MinimumWages out;
  MapReader top(ctx, *root, "");
  if (top.is_map()) {
    top.list("minimum_wages", true, [&](const YAML::Node& node, const std::string& pointer) {
      MapReader map(ctx, node, pointer);
      if (!map.is_map()) return;
      posting::MinimumWage w;
      w.pos = ctx.pos(node, pointer);
      w.jurisdiction = map.string("jurisdiction", true).value_or("");
      if (!w.jurisdiction.empty() && !is_jurisdiction(w.jurisdiction)) {
        ctx.error(*map.get("jurisdiction", false), map.pointer_of("jurisdiction"),
                  msg(MsgId::posting_data_bad_jurisdiction, w.jurisdiction));
      }
      auto from = map.string("from", true);
      if (from) {
        auto parsed = parse_iso_date(*from);
        if (parsed) {
          w.from = *parsed;
        } else {
          ctx.error(*map.get("from", false), map.pointer_of("from"), msg(MsgId::bad_date, *from),
                    msg(MsgId::hint_date));
        }
      }
      auto code = map.string("currency", true);
      auto amount = map.string("per_hour", true);
      w.source = map.string("source", true).value_or("");
      map.finish();
      if (!code || !amount) return;
      auto currency = Currency::parse(*code);
      if (!currency) {
        ctx.error(*map.get("currency", false), map.pointer_of("currency"), currency.error().message,
                  currency.error().hint);
        return;
      }
      auto money = money_from_decimal(*amount, *currency);
      if (!money) {
        ctx.error(*map.get("per_hour", false), map.pointer_of("per_hour"),
                  msg(MsgId::bad_amount, *amount),
                  msg(MsgId::hint_amount, currency->minor_digits()));
        return;
      }
      w.per_hour = *money;
      out.entries.push_back(std::move(w));
    });
    top.finish();
  }
  if (!ctx.errors().empty()) return tl::unexpected(ctx.take_errors());
  return out;
}

std::string default_posting_data_dir() {
  if (const char* env = std::getenv("CCTEAM_POSTING_DATA"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "ccteam" / "posting";
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return "data/posting";
}

Checked<posting::MinimumWages> load_minimum_wages(const std::string& dir) {
  std::string path = (std::filesystem::path(dir) / "minimum-wages.yaml").string();
  auto text = read_file(path, k_max_yaml_bytes);
  if (!text) return tl::unexpected(Errors{text.error()});
  return read_minimum_wages_yaml(*text, path);
}

}  // namespace ccteam::io
