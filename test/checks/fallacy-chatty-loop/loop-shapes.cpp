// REQUIRES: libpq
// RUN: %check_fallacy %s fallacy-chatty-loop %t -- -- -std=c++17 %libpq_cflags
// Which loops iterate over data, and which iterate over a constant small set.
#include <array>
#include <libpq-fe.h>
#include <map>
#include <string>
#include <vector>

static PGresult *byId(PGconn *C, const std::string &Id) {
  const char *Params[] = {Id.c_str()};
  return PQexecParams(C, "SELECT * FROM orders WHERE id = $1", 1, nullptr, Params, nullptr,
                      nullptr, 0);
}

// An index loop bounded by a count passed in.
void firstN(PGconn *C, const std::string *Ids, size_t Count) {
  for (size_t I = 0; I < Count; ++I)
    PQclear(byId(C, Ids[I]));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'byId' costs one round trip per iteration: a loop over N items waits for the network N times [fallacy-chatty-loop]
}

// A pointer loop over an array given at run time, with the bound on the left.
void pointerRange(PGconn *C, const std::string *Begin, const std::string *End) {
  for (const std::string *P = Begin; End != P; ++P)
    PQclear(byId(C, *P));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'byId'{{.*}} [fallacy-chatty-loop]
}

// A range-for over a map's values.
void mapValues(PGconn *C, const std::map<int, std::string> &ById) {
  for (const auto &Entry : ById)
    PQclear(byId(C, Entry.second));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'byId'{{.*}} [fallacy-chatty-loop]
}

// The element reaches the call through locals computed from it.
void throughLocals(PGconn *C, const std::vector<int> &Numbers) {
  for (int N : Numbers) {
    std::string Digits = std::to_string(N);
    std::string Id = "order-" + Digits;
    PQclear(byId(C, Id));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'byId'{{.*}} [fallacy-chatty-loop]
  }
}

// Nested loops over data: one warning, the note names the inner loop.
void nested(PGconn *C, const std::vector<std::vector<std::string>> &Groups) {
  for (const auto &Group : Groups)
    for (const std::string &Id : Group)
      PQclear(byId(C, Id));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'byId'{{.*}} [fallacy-chatty-loop]
}

// A call that does not use the element runs once per iteration but is not
// the N+1 shape (nothing to batch by key).
void sameQueryEachTime(PGconn *C, const std::vector<std::string> &Ids) {
  for (const std::string &Id : Ids) { // no-warning
    PQclear(PQexec(C, "SELECT now()"));
    (void)Id.size();
  }
}

// A braced list of three ids: a constant small set (MaxConstantIterations is 3).
void threeLiterals(PGconn *C) {
  for (const char *Id : {"a", "b", "c"}) // no-warning
    PQclear(byId(C, Id));
}

// A constant array of two.
constexpr const char *Regions[] = {"eu", "us"};
void twoRegions(PGconn *C) {
  for (const char *Region : Regions) // no-warning
    PQclear(byId(C, Region));
}

// An index loop with a constant bound of three.
void threeSlots(PGconn *C, const std::vector<std::string> &Slots) {
  for (int I = 0; I < 3; ++I) // no-warning
    PQclear(byId(C, Slots[I]));
}

// A const local initialised with a braced list of two.
void localConstList(PGconn *C) {
  const std::initializer_list<const char *> Pair = {"primary", "standby"};
  for (const char *Id : Pair) // no-warning
    PQclear(byId(C, Id));
}

// Four literal ids are more than MaxConstantIterations.
void fourLiterals(PGconn *C) {
  for (const char *Id : {"a", "b", "c", "d"})
    PQclear(byId(C, Id));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'byId'{{.*}} [fallacy-chatty-loop]
}

// A constant array of five.
const char *const Shards[5] = {"s0", "s1", "s2", "s3", "s4"};
void fiveShards(PGconn *C) {
  for (const char *Shard : Shards)
    PQclear(byId(C, Shard));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'byId'{{.*}} [fallacy-chatty-loop]
}

// KnownFalsePositive: a const std::vector of two fixed hosts is a constant
// small set too, but only braced lists and arrays are counted.
void constVectorOfTwoKnownFalsePositive(PGconn *C) {
  const std::vector<std::string> Hosts = {"primary", "standby"};
  for (const std::string &Host : Hosts)
    PQclear(byId(C, Host));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'byId'{{.*}} [fallacy-chatty-loop]
}

// KnownFalseNegative: a const std::array of five is counted as one element
// (its braced initialiser has one sub-list, the array member), so it is
// taken for a constant small set.
void constStdArrayOfFiveKnownFalseNegative(PGconn *C) {
  const std::array<std::string, 5> Ids = {"a", "b", "c", "d", "e"};
  for (const std::string &Id : Ids)
    PQclear(byId(C, Id)); // no-warning (should warn)
}

// KnownFalseNegative: an index loop with a constant bound is skipped however
// large the bound: 64 shards are 64 round trips, far above MaxConstantIterations.
void sixtyFourShardsKnownFalseNegative(PGconn *C, const std::vector<std::string> &Shard) {
  for (int I = 0; I < 64; ++I)
    PQclear(byId(C, Shard[I])); // no-warning (should warn)
}

// KnownFalseNegative: structured bindings name the element through
// BindingDecls, which the element tracking (VarDecls only) does not see.
void structuredBindingsKnownFalseNegative(PGconn *C, const std::map<std::string, int> &Counts) {
  for (const auto &[Id, Count] : Counts)
    PQclear(byId(C, Id)); // no-warning (should warn)
}

// KnownFalseNegative: a variable assigned (not initialised) from the element
// in the body is not followed.
void assignedKeyKnownFalseNegative(PGconn *C, const std::vector<std::string> &Ids) {
  std::string Key;
  for (const std::string &Id : Ids) {
    Key = "order-" + Id;
    PQclear(byId(C, Key)); // no-warning (should warn)
  }
}

// KnownFalseNegative: while loops are not considered at all.
void whileLoopKnownFalseNegative(PGconn *C, const std::vector<std::string> &Ids) {
  size_t I = 0;
  while (I < Ids.size())
    PQclear(byId(C, Ids[I++])); // no-warning (should warn)
}

// Skipping to the next item after a failed query is still one query per item,
// not a retry of the same one.
int loadAllSkippingFailures(PGconn *C, const std::vector<std::string> &Ids) {
  int Loaded = 0;
  for (const std::string &Id : Ids) {
    PGresult *R = byId(C, Id);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'byId' costs one round trip per iteration{{.*}} [fallacy-chatty-loop]
    if (PQresultStatus(R) != PGRES_TUPLES_OK) {
      PQclear(R);
      continue;
    }
    ++Loaded;
    PQclear(R);
  }
  return Loaded;
}
