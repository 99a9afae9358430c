# recipes/beast.sh: Beast's examples at the Boost 1.74 release, against Debian 12's Boost 1.74.
packages=(libboost-dev libboost-system-dev libssl-dev)
configure() {
  # Beast's CMake build needs the whole Boost source tree; its Jamfiles build every example
  # with the same flags, so the database is written out. Boost 1.74's mpl needs
  # -Wno-enum-constexpr-conversion under clang 19.
  gen_db --group 'example/**/*.cpp' \
    "-std=c++17 -I@ROOT@ -pthread -Wno-enum-constexpr-conversion -DBOOST_ASIO_NO_DEPRECATED"
}
