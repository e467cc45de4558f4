#pragma once
// Where the installed data of ccteam lives. The binary looks beside its own folder
// (bin/../share/ccteam/<name>), the same in the build tree and in an installed layout; an
// environment variable overrides each. Both clients (CLI, server) call these once and pass the
// paths to the use cases (app::Environment).

#include <string>

namespace ccteam::io {

// The default role catalog: $CCTEAM_CATALOG if set and not empty, else
// share/ccteam/catalog beside the binary's folder, else "data/catalog" (a source checkout).
std::string default_catalog_path();

// The posting rule data: $CCTEAM_POSTING_DATA if set and not empty, else share/ccteam/posting
// beside the binary's folder, else "data/posting".
std::string default_posting_data_dir();

// The example employer profiles (*.yaml) that the workspace loads with --demo: $CCTEAM_EXAMPLES
// if set and not empty, else share/ccteam/examples beside the binary's folder, else
// "data/examples".
std::string default_examples_dir();

// The web front end (templates/ and static/): $CCTEAM_WEB if set and not empty, else
// share/ccteam/web beside the binary's folder (the build copies web/templates, web/static and
// htmx.min.js from web/node_modules there), else "web" (a source checkout, where
// scripts/web-deps copies htmx.min.js into web/static/ after npm ci, so the folder has the same
// layout).
std::string default_web_dir();

// The program that reads the text of applicants' documents (src/extract/main.cpp):
// $CCTEAM_EXTRACTOR if set and not empty, else ccteam-extract beside the binary (bin/, where
// the build and the installation put both).
std::string default_extractor_path();

}  // namespace ccteam::io
