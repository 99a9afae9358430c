# recipes/libpqxx.sh: the C++ client over libpq, and its tests (which run queries in loops).
packages=(libpq-dev)
configure() {
  cmake_db -DSKIP_BUILD_TEST=OFF
}
