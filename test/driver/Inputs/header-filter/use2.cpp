// Includes the same header.
#include "net.h"

void two() { fetchFromHeader(); }
