// Inputs/retry_inline.h: a header with an unbounded retry, for the header-filter cases.
#include <fallacy/annotations.h>

FALLACY_BLOCKING_REMOTE bool sendHeaderOrder(int Id);

inline void resendFromHeader(int Id) {
  while (!sendHeaderOrder(Id)) {
  }
}
