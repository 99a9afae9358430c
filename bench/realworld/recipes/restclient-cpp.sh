# recipes/restclient-cpp.sh: the libcurl REST client library.
packages=(libcurl4-openssl-dev)
configure() {
  cmake_db
}
