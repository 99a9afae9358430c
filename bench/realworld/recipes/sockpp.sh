# recipes/sockpp.sh: the POSIX socket library and its examples.
packages=()
configure() {
  cmake_db -DSOCKPP_BUILD_EXAMPLES=ON
}
