// Fixture for check_layering_test.py: sqlite3.h only in store/sqlite/ (line 3), and app/ sees
// the store's interface only (line 7).
#include <sqlite3.h>
#include <string>

#include "store/repository.hpp"
#include "store/sqlite/sqlite_repository.hpp"
#include "store/uuid.hpp"
