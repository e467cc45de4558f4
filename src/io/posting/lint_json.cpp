#include "io/posting/lint_json.hpp"

#include <cmath>

namespace ccteam::io {

nlohmann::ordered_json finding_to_json(const lint::Finding& f, const std::string& file, Lang lang) {
  return {{"file", file},
          {"line", f.line},
          {"column", f.column},
          {"rule", f.rule},
          {"severity", std::string(posting::to_string(f.severity))},
          {"why", render(f.why, lang)},
          {"fix", render(f.fix, lang)},
          {"source", f.source.get(lang)},
          {"jurisdiction", f.jurisdiction}};
}

nlohmann::ordered_json lint_result_to_json(const lint::LintResult& result, const std::string& file,
                                           Lang lang) {
  nlohmann::ordered_json doc{{"file", file},
                             {"lang", std::string(to_string(result.lang))},
                             {"jurisdictions", result.jurisdictions},
                             {"gender_score", result.gender_score},
                             {"reading_ease", nullptr},
                             {"findings", nlohmann::ordered_json::array()}};
  if (result.reading_ease) doc["reading_ease"] = std::round(*result.reading_ease * 10) / 10;
  for (const auto& f : result.findings) doc["findings"].push_back(finding_to_json(f, file, lang));
  return doc;
}

}  // namespace ccteam::io
