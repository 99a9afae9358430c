// REQUIRES: httplib
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- %httplib_cflags
// cpp-httplib: one blocking request per element.
#include <httplib.h>
#include <string>
#include <vector>

// One GET per id.
std::vector<std::string> usersOneByOne(httplib::Client &Cli, const std::vector<std::string> &Ids) {
  std::vector<std::string> Out;
  for (const std::string &Id : Ids)
    if (auto Res = Cli.Get("/users/" + Id))
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Get' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
      Out.push_back(Res->body);
  return Out;
}

// One POST per event, in an index loop.
void postEach(httplib::Client &Cli, const std::vector<std::string> &Events) {
  for (size_t I = 0; I < Events.size(); ++I)
    Cli.Post("/events", Events[I], "application/json");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Post' costs one round trip{{.*}} [fallacy-chatty-loop]
}

// Through a pointer to the client, a DELETE per id.
void deleteEach(httplib::Client *Cli, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids)
    Cli->Delete("/carts/" + Id);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Delete' costs one round trip{{.*}} [fallacy-chatty-loop]
}

// One POST with all the events in its body.
void postAll(httplib::Client &Cli, const std::vector<std::string> &Events) {
  std::string Body = "[";
  for (const std::string &E : Events) // no-warning
    Body += (Body.size() > 1 ? "," : "") + E;
  Cli.Post("/events:batch", Body + "]", "application/json");
}

// Trying the mirrors in turn until one answers is a retry.
std::string fromAnyMirror(const std::vector<httplib::Client *> &Mirrors) {
  for (httplib::Client *Mirror : Mirrors) // no-warning
    if (auto Res = Mirror->Get("/config"))
      return Res->body;
  return "";
}

// A health check of two fixed peers: a constant small set.
void checkPeers(httplib::Client &Left, httplib::Client &Right) {
  for (httplib::Client *Peer : {&Left, &Right}) // no-warning
    Peer->Get("/healthz");
}

// A server registers handlers in a loop; it makes no request at all.
void routes(httplib::Server &Srv, const std::vector<std::string> &Paths) {
  for (const std::string &Path : Paths) // no-warning
    Srv.Get(Path, [](const httplib::Request &, httplib::Response &Res) { Res.status = 204; });
}
