#pragma once
// Fixture for check_layering_test.py: the domain must not include io/ (line 5).
#include <chrono>

#include "io/base/files.hpp"
