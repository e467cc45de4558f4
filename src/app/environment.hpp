#pragma once
// The world a use case sees, passed in by the client (CLI or server) so that use cases are pure
// functions of their request and this: today's date and where the installed data lives. Nothing
// in app/ reads the clock or the environment variables itself.

#include <string>

#include "ccteam/core/date.hpp"

namespace ccteam::app {

struct Environment {
  Date today;                    // "today" in the user's calendar (UTC date for the CLI)
  std::string catalog_dir;       // the installed default catalog (io::default_catalog_path())
  std::string posting_data_dir;  // the posting rule data (io::default_posting_data_path())
  std::string examples_dir{};    // example employer profiles, --demo (io::default_examples_dir())
};

}  // namespace ccteam::app
