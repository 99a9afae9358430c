// Crashes the compiler front end (and so the worker) while it is parsed.
#pragma clang __debug crash
