#pragma once
// Short texts about a role's requirements and pay in the reader's language, shared by the
// terminal views (cli/role_view) and the web pages (server/pages).

#include <string>

#include "ccteam/catalog/role.hpp"
#include "ccteam/core/messages.hpp"

namespace ccteam::io {

// "$32,000 to $35,000 per year" / "32.000 $ bis 35.000 $ pro Jahr"; an open-ended range
// "... to more than ..."; a range without a maximum "from ...". Amounts by format_money.
std::string pay_range_text(const catalog::PayRange& range, Lang lang);

// A duration in months as people say it: "1 year", "3 years", "18 months" / "1 Jahr", ...
std::string duration_text(int months, Lang lang);

// "ISCED level 3" / "ISCED-Stufe 3".
std::string isced_text(catalog::IscedLevel level, Lang lang);

// A substitution rule in words: "5 years of customer service / team leadership, 2 years of them
// in team leadership, count as education up to ISCED level 6" (kinds by their labels).
Message substitution_text(const catalog::Substitution& rule, Lang lang);

}  // namespace ccteam::io
