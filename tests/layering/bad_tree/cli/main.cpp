// Fixture for check_layering_test.py: every include here is allowed.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "app/catalog/catalog.hpp"
#include "ccteam/core/clock.hpp"
#include "io/base/files.hpp"
