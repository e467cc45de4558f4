#pragma once
// The repository's default catalog (data/catalog), loaded once per test binary; an empty
// catalog (and a failed expectation) when it does not load.

#include <gtest/gtest.h>

#include "ccteam/catalog/catalog.hpp"
#include "io/catalog/catalog_yaml.hpp"
#include "support/paths.hpp"

namespace ccteam::test {

inline const catalog::Catalog& default_catalog() {
  static const catalog::Catalog c = [] {
    auto loaded = io::load_catalog({repo_data_path("catalog").string()});
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : catalog::Catalog{};
  }();
  return c;
}

}  // namespace ccteam::test
