// Inputs/cross-file/other.cpp: a unit with no loop and no remote call (a shard of its own).
int answer() { return 42; }
