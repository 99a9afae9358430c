# recipes/hiredis.sh: the C client itself (sockets in net.c), its examples and test.c.
packages=(libssl-dev libevent-dev libuv1-dev)
configure() {
  cmake_db -DENABLE_EXAMPLES=ON -DENABLE_SSL=ON -DDISABLE_TESTS=OFF
}
