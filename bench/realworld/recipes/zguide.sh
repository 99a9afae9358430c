# recipes/zguide.sh: the C++ examples of the ZeroMQ guide (Lazy Pirate, Majordomo, Binary Star...).
# Pinned to the last commit before 0a85ae8f, which moved zhelpers.hpp to a newer cppzmq than
# Debian 12 packages (4.9) and left s_dump_message undefined.
packages=(libzmq3-dev cppzmq-dev)
configure() {
  # The guide builds each example by hand (examples/C++/build); these are its flags. The few
  # examples written for zmqpp (not packaged here) do not parse and are listed as left out.
  gen_db --group 'examples/C++/*.cpp' "-std=c++17 -I@ROOT@/examples/C++ -pthread"
}
