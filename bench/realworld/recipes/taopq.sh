# recipes/taopq.sh: the C++20 client over libpq, and its tests.
# Pinned to the parent of 6e5047c ("Use std::format"): libstdc++ 12 has no <format>.
packages=(libpq-dev)
configure() {
  cmake_db
}
