// A sample the include lint must refuse (tests/walls/walls.cmake).
#include "../../db/sqlite.hpp"
#include "db/store.hpp"
