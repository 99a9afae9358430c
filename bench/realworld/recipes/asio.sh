# recipes/asio.sh: standalone Asio's C++11 and C++20 examples.
packages=()
configure() {
  # Asio builds its examples with autotools; the flags are those of src/examples/*/Makefile.am.
  gen_db --group 'src/examples/cpp11/**/*.cpp' "-std=c++11 -I@ROOT@/include -pthread" \
    --group 'src/examples/cpp20/**/*.cpp' "-std=c++20 -I@ROOT@/include -pthread"
}
