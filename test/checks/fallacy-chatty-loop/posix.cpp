// RUN: %check_fallacy %s fallacy-chatty-loop %t -- --
// POSIX sockets: a blocking connect per endpoint; stream chunks, accept and event loops are not chatty.
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <string>
#include <vector>

// Connecting to every shard one after the other: one handshake round trip each.
std::vector<int> connectShards(const std::vector<sockaddr_in> &Shards) {
  std::vector<int> Fds;
  for (const sockaddr_in &Addr : Shards) {
    int Fd = socket(AF_INET, SOCK_STREAM, 0);
    connect(Fd, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'connect' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
    Fds.push_back(Fd);
  }
  return Fds;
}

// The same through a helper of this file, in an index loop.
static int dial(const sockaddr_in &Addr) {
  int Fd = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(Fd, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr) != 0) {
    close(Fd);
    return -1;
  }
  return Fd;
}
void dialAll(const std::vector<sockaddr_in> &Peers, std::vector<int> &Fds) {
  for (size_t I = 0; I < Peers.size(); ++I)
    Fds.push_back(dial(Peers[I]));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'dial' costs one round trip{{.*}} [fallacy-chatty-loop]
}

// The chunks of one message go out on one connection.
void sendChunks(int Fd, const std::vector<std::string> &Chunks) {
  for (const std::string &Chunk : Chunks) // no-warning
    send(Fd, Chunk.data(), Chunk.size(), 0);
}

// And come back the same way.
void readChunks(int Fd, std::vector<std::vector<char>> &Chunks) {
  for (std::vector<char> &Chunk : Chunks) // no-warning
    recv(Fd, Chunk.data(), Chunk.size(), MSG_WAITALL);
}

// A server's accept loop.
void acceptForever(int Listener) {
  for (;;) { // no-warning
    int Peer = accept(Listener, nullptr, nullptr);
    send(Peer, "hi\n", 3, 0);
    close(Peer);
  }
}

// Accepting a fixed number of clients given at run time.
void acceptN(int Listener, int Clients, std::vector<int> &Peers) {
  for (int I = 0; I < Clients; ++I) // no-warning
    Peers.push_back(accept(Listener, nullptr, nullptr));
}

// An epoll event loop: each ready descriptor is served once per wakeup.
void eventLoop(int Epoll, int Listener) {
  epoll_event Events[64];
  for (;;) {
    int Ready = epoll_wait(Epoll, Events, 64, -1);
    for (int I = 0; I < Ready; ++I) { // no-warning
      if (Events[I].data.fd == Listener) {
        accept(Listener, nullptr, nullptr);
        continue;
      }
      char Buf[4096];
      recv(Events[I].data.fd, Buf, sizeof Buf, 0);
    }
  }
}

// Trying the addresses of a name in turn until one connects is a retry.
int connectAny(const std::vector<sockaddr_in> &Candidates) {
  for (const sockaddr_in &Addr : Candidates) { // no-warning
    int Fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(Fd, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr) == 0)
      return Fd;
    close(Fd);
  }
  return -1;
}

// A primary and a standby, written out: a constant small set.
void connectPair(const sockaddr_in &Primary, const sockaddr_in &Standby, int *Fds) {
  const sockaddr_in Both[] = {Primary, Standby};
  for (const sockaddr_in &Addr : Both) // no-warning
    connect(*Fds++, reinterpret_cast<const sockaddr *>(&Addr), sizeof Addr);
}

// The same event loop with the ready descriptor in a local taken out of the
// element: each pass talks to another descriptor (fan-out), nothing to batch.
void eventLoopWithLocal(int Epoll, int Listener) {
  epoll_event Events[64];
  for (;;) {
    int Ready = epoll_wait(Epoll, Events, 64, -1);
    for (int I = 0; I < Ready; ++I) {
      int Fd = Events[I].data.fd;
      if (Fd == Listener)
        accept(Fd, nullptr, nullptr); // no-warning
    }
  }
}

// A line protocol: the key out, the reply in, once per key.
void getEach(int Fd, const std::vector<std::string> &Keys, char *Buf) {
  for (const std::string &Key : Keys) {
    send(Fd, Key.data(), Key.size(), 0);
    recv(Fd, Buf, 512, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' costs one round trip per iteration{{.*}} [fallacy-chatty-loop]
  }
}

// The same exchange inside a helper of this file.
static long query(int Fd, const std::string &Q, char *Buf) {
  send(Fd, Q.data(), Q.size(), 0);
  return recv(Fd, Buf, 512, 0);
}
void queryEach(int Fd, const std::vector<std::string> &Qs, char *Buf) {
  for (const std::string &Q : Qs)
    query(Fd, Q, Buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'query' costs one round trip{{.*}} [fallacy-chatty-loop]
}
