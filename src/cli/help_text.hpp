#pragma once
// Help texts of options that state their default. The default comes from the request or options
// struct that defines it (never written into the message), and a number is written in the
// reader's language: "(default 0.25)", "(Standard 0,25)".

#include <string>
#include <type_traits>

#include "ccteam/core/messages.hpp"
#include "io/base/number_text.hpp"

namespace ccteam::cli {

namespace detail {

template <class T>
auto help_argument(const T& value, Lang lang) {
  if constexpr (std::is_floating_point_v<T>) {
    return io::short_decimal_text(static_cast<double>(value), 3, lang);
  } else {
    return value;
  }
}

}  // namespace detail

// The text of 'id' in 'lang' with 'values' as its arguments (floating-point values as decimals
// of the reader's language, at most 3 fraction digits, trailing zeros dropped).
template <class... Values>
std::string help_text(MsgId id, Lang lang, const Values&... values) {
  return render(msg(id, detail::help_argument(values, lang)...), lang);
}

}  // namespace ccteam::cli
