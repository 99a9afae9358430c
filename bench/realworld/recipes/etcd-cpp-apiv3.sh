# recipes/etcd-cpp-apiv3.sh: the gRPC client library (sync and async runtimes) and its tests.
packages=(libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc libcpprest-dev libssl-dev)
configure() {
  # ETCD_W_STRICT adds -Werror; the tests are ordinary CMake targets behind BUILD_ETCD_TESTS.
  cmake_db -DBUILD_ETCD_TESTS=ON -DETCD_W_STRICT=OFF
}
