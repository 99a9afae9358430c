// Includes the header from a directory whose .clang-tidy filters it in.
#include "../net.h"

void three() { fetchFromHeader(); }
