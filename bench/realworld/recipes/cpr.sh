# recipes/cpr.sh: the libcurl C++ wrapper (its tests need a web server fetched at configure time).
packages=(libcurl4-openssl-dev libssl-dev libpsl-dev)
configure() {
  # Debian's libcurl instead of the one cpr downloads and builds by default.
  cmake_db -DCPR_USE_SYSTEM_CURL=ON -DCPR_USE_SYSTEM_LIB_PSL=ON -DCPR_BUILD_TESTS=OFF
}
