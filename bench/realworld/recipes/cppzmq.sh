# recipes/cppzmq.sh: cppzmq's examples and tests (Catch2).
# Pinned to v4.10.0: its tests use Catch2 v2, which Debian 12 packages (v4.11 moved to Catch2 v3).
packages=(libzmq3-dev catch2)
configure() {
  cmake_db -DCPPZMQ_BUILD_TESTS=ON
}
