#pragma once
// Numbers as people type them into a form in their language, for every form of the workspace.

#include <optional>
#include <string>
#include <string_view>

#include "ccteam/core/lang.hpp"

namespace ccteam::app {

// 'typed' as a plain decimal text ("1200.5", "-3", "0.25"): German "1.200,5" and "0,5",
// English "1,200.5"; a plain "0.5" reads in both languages, and digit groups count only in
// threes ("1.200", "12.000.000"), so "0.5" typed in a German form is a decimal point. Spaces
// and tabs are ignored. nullopt when it is no finite decimal number (exponents are refused).
std::optional<std::string> typed_decimal(std::string_view typed, Lang lang);

// typed_decimal's text as a double.
std::optional<double> typed_number(std::string_view typed, Lang lang);

}  // namespace ccteam::app
