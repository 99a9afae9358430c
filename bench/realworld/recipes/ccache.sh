# recipes/ccache.sh: ccache 4.8.3, whose remote storage talks HTTP (cpp-httplib) and Redis (hiredis).
packages=(libzstd-dev libhiredis-dev)
configure() {
  cmake_db -DREDIS_STORAGE_BACKEND=ON -DENABLE_TESTING=OFF -DENABLE_DOCUMENTATION=OFF \
    -DHIREDIS_FROM_INTERNET=OFF -DZSTD_FROM_INTERNET=OFF
}
