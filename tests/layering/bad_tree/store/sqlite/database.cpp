// Fixture for check_layering_test.py: every include here is allowed.
#include <sqlite3.h>

#include "io/base/files.hpp"
#include "store/sqlite/database.hpp"
