// Fuzz target: the posting-text reader (Markdown, text, HTML) and the linter must handle any
// byte string without crashing, hanging or throwing, and every finding must point into the
// input (line 1..number of lines) or be about the whole posting (line and column 0).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ccteam/lint/linter.hpp"
#include "io/posting/posting_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace std::chrono;
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  ccteam::lint::PostingText text = ccteam::io::read_posting_text(raw);
  static const ccteam::lint::RuleData rules = [] {
    ccteam::lint::RuleData r;
    r.words.push_back({ccteam::Lang::en, true, "lead*", {"test", "test"}});
    r.words.push_back({ccteam::Lang::de, true, "ehrgeiz*", {"test", "test"}});
    r.phrases.push_back({"agg-age", ccteam::Lang::de, "junges team", {"test", "test"}});
    r.readability.push_back({ccteam::Lang::en, "flesch-1948", 50, 5, {"test", "test"}});
    r.readability.push_back({ccteam::Lang::de, "amstad-1978", 50, 5, {"test", "test"}});
    ccteam::lint::Law law;
    law.id = "x";
    law.jurisdiction = "US-CO";
    law.demands = {ccteam::lint::Requirement::pay_range,
                   ccteam::lint::Requirement::no_open_ended_range,
                   ccteam::lint::Requirement::benefits};
    r.laws.push_back(law);
    return r;
  }();
  ccteam::lint::LintOptions options;
  options.today = 2026y / December / 1;
  auto result = ccteam::lint::lint_posting(text, rules, options);
  int lines = 1;
  for (char c : raw) lines += c == '\n';
  for (const auto& f : result.findings) {
    if (f.line == 0 && f.column == 0) continue;  // a finding about the whole posting
    if (f.line < 1 || f.line > lines || f.column < 1) std::abort();
  }
  return 0;
}
