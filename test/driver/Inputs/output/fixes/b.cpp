// test/driver/Inputs/output/fixes/b.cpp: includes shared.h too.
#include "shared.h"

void fetchB() { fetchShared(); }
