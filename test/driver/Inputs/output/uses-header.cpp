// test/driver/Inputs/output/uses-header.cpp: includes a header that lies outside the source root.
#include "../include/net.h"

void useHeader() { fetchFromHeader(); }
