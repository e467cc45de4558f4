#pragma once
// What a use case returns when it succeeds: its value and the warnings met on the way (rows
// skipped, documents rejected), for the client to show. Nothing in app/ prints.

#include <utility>

#include "ccteam/core/error.hpp"

namespace ccteam::app {

template <class T>
struct Outcome {
  T value;
  Errors warnings;
};

}  // namespace ccteam::app
