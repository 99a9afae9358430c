# recipes/redis-plus-plus.sh: the hiredis-based C++ client and its tests.
packages=(libhiredis-dev libssl-dev)
configure() {
  cmake_db -DREDIS_PLUS_PLUS_BUILD_TEST=ON
}
