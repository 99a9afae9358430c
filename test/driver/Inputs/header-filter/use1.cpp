// Includes the header with a finding; has none itself.
#include "net.h"

void one() { fetchFromHeader(); }
