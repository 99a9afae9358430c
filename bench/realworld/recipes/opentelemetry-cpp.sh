# recipes/opentelemetry-cpp.sh: the OTLP exporters (gRPC and HTTP), the curl HTTP client, examples.
packages=(libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc libcurl4-openssl-dev nlohmann-json3-dev
  libabsl-dev)
configure() {
  # The .proto files come from opentelemetry-proto, at the version named in third_party_release.
  extract_extra opentelemetry-proto open-telemetry/opentelemetry-proto \
    ca839c51f706f5d53bfb46f06c3e90c3af3a52c6  # v1.10.0
  cmake_db -DWITH_OTLP_GRPC=ON -DWITH_OTLP_HTTP=ON -DWITH_EXAMPLES=ON -DBUILD_TESTING=OFF \
    -DWITH_BENCHMARK=OFF -DOTELCPP_PROTO_PATH="$DEST/src/opentelemetry-proto"
}
