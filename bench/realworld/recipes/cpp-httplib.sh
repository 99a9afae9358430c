# recipes/cpp-httplib.sh: the header-only library (sockets and its own timeouts) through its examples.
packages=(libssl-dev zlib1g-dev)
configure() {
  # The flags of example/Makefile on Linux (OpenSSL and zlib on, Brotli off).
  gen_db --group 'example/*.cc' \
    "-std=c++11 -I@ROOT@ -pthread -DCPPHTTPLIB_OPENSSL_SUPPORT -DCPPHTTPLIB_ZLIB_SUPPORT"
}
