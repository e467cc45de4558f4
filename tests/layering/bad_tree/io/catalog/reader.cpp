// Fixture for check_layering_test.py: yaml-cpp outside its adapter (line 3), app/ from io/ (5).
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "app/catalog/catalog.hpp"
#include "ccteam/core/clock.hpp"
#include "io/catalog/reader.hpp"
