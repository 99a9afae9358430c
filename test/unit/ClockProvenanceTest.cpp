// test/unit/ClockProvenanceTest.cpp: which clock analysis::ClockProvenance says a time value came from.
#include "RetryTestSupport.h"
#include "analysis/ClockProvenance.h"
#include "analysis/TuIndex.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace fallacy;
using Kind = Provenance::Kind;

namespace {

// The default of the checks' TimeFieldPattern option (rules/checks.json).
const char *TimePattern =
    "(^|_)(ts|time|timestamp|date|deadline|expires?|expiry|expiration|modified|created|updated|"
    "last_seen|lease)($|_)|_at$|_at_|^at_|(updated|created|modified|expires|expired|deleted|seen|"
    "sent|received)at$|(timestamp|deadline|expiry|expiration)$";

const char *ClockPrelude = R"cpp(
#include <chrono>
#include <ctime>
#include <sys/time.h>
#define REMOTE_CLOCK __attribute__((annotate("fallacy::remote_clock")))
using namespace std::chrono;
REMOTE_CLOCK long leaseExpiryOf(int Replica);  // a peer's clock, in ms since the epoch
REMOTE_CLOCK long lastWriteOf(int Replica);
)cpp";

/// One parsed snippet and a ClockProvenance over it.
class ClockSnippet {
public:
  explicit ClockSnippet(const std::string &Code) {
    std::vector<std::string> Args = {"-std=c++17", "-fsyntax-only",
                                     "-resource-dir=" FALLACY_CLANG_RESOURCE_DIR};
    AST = tooling::buildASTFromCodeWithArgs(ClockPrelude + Code, Args, "clock.cpp");
    Clocks = std::make_unique<ClockProvenance>(test::builtinModel(), AST->getASTContext(),
                                               ClockOptions{TimePattern});
  }
  ~ClockSnippet() { Clocks.reset(); }
  bool compiled() const { return !AST->getDiagnostics().hasErrorOccurred(); }

  /// Provenance of the initialiser of local variable \p Var in function \p Func.
  Provenance ofInit(StringRef Func, StringRef Var) {
    auto M = varDecl(hasName(Var), hasAncestor(functionDecl(hasName(Func)))).bind("v");
    auto Found = match(M, AST->getASTContext());
    if (Found.empty())
      return {};
    const auto *V = Found.front().getNodeAs<VarDecl>("v");
    return V->getInit() ? Clocks->of(*V->getInit()) : Provenance{};
  }
  /// Provenance of side \p Side (0 = left, 1 = right) of the first comparison in \p Func.
  Provenance ofComparisonSide(StringRef Func, int Side) {
    auto M = binaryOperator(isComparisonOperator(), hasAncestor(functionDecl(hasName(Func)))).bind("b");
    auto Found = match(M, AST->getASTContext());
    if (Found.empty())
      return {};
    const auto *B = Found.front().getNodeAs<BinaryOperator>("b");
    return Clocks->of(Side == 0 ? *B->getLHS() : *B->getRHS());
  }
  ClockProvenance &clocks() { return *Clocks; }

private:
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<ClockProvenance> Clocks;
};

// system_clock::now() is this host's wall clock; steady_clock::now() its monotonic clock.
TEST(ClockProvenanceTest, LocalClocks) {
  ClockSnippet S(R"cpp(
    void f() {
      auto Wall = system_clock::now();
      auto Mono = steady_clock::now();
      auto Epoch = time(nullptr);
    }
  )cpp");
  ASSERT_TRUE(S.compiled());
  EXPECT_EQ(S.ofInit("f", "Wall").K, Kind::LocalWall);
  EXPECT_EQ(S.ofInit("f", "Mono").K, Kind::LocalMono);
  EXPECT_EQ(S.ofInit("f", "Epoch").K, Kind::LocalWall);
  EXPECT_NE(S.ofInit("f", "Wall").Origin, nullptr);
}

// Conversions and duration arithmetic keep the clock; a difference of two times is a duration.
TEST(ClockProvenanceTest, ConversionsKeepTheClock) {
  ClockSnippet S(R"cpp(
    void f() {
      auto T0 = system_clock::now();
      auto Later = T0 + seconds(30);
      auto AsTimeT = system_clock::to_time_t(T0);
      long Millis = duration_cast<milliseconds>(T0.time_since_epoch()).count();
      auto Back = system_clock::from_time_t(AsTimeT);
      auto Cast = time_point_cast<seconds>(T0);
      auto Elapsed = system_clock::now() - T0;
      auto Limit = seconds(5);
    }
  )cpp");
  ASSERT_TRUE(S.compiled());
  for (const char *Var : {"Later", "AsTimeT", "Millis", "Back", "Cast"})
    EXPECT_EQ(S.ofInit("f", Var).K, Kind::LocalWall) << Var;
  EXPECT_EQ(S.ofInit("f", "Elapsed").K, Kind::Duration);
  EXPECT_EQ(S.ofInit("f", "Limit").K, Kind::Duration);
}

// gettimeofday and clock_gettime fill a struct whose members keep the clock chosen.
TEST(ClockProvenanceTest, PosixOutParameters) {
  ClockSnippet S(R"cpp(
    void f() {
      timeval Tv;
      gettimeofday(&Tv, nullptr);
      long WallSec = Tv.tv_sec;
      timespec Ts;
      clock_gettime(CLOCK_MONOTONIC, &Ts);
      long MonoSec = Ts.tv_sec;
      timespec Rt;
      clock_gettime(CLOCK_REALTIME, &Rt);
      long RealSec = Rt.tv_sec;
    }
  )cpp");
  ASSERT_TRUE(S.compiled());
  EXPECT_EQ(S.ofInit("f", "WallSec").K, Kind::LocalWall);
  EXPECT_EQ(S.ofInit("f", "MonoSec").K, Kind::LocalMono);
  EXPECT_EQ(S.ofInit("f", "RealSec").K, Kind::LocalWall);
}

// A FALLACY_REMOTE_CLOCK result is a peer's time; each call is its own source, a copy is not.
TEST(ClockProvenanceTest, RemoteValuesRememberTheirSource) {
  ClockSnippet S(R"cpp(
    void f() {
      long A = leaseExpiryOf(1);
      long B = lastWriteOf(2);
      long CopyOfA = A;
      long AInSeconds = A / 1000;
    }
  )cpp");
  ASSERT_TRUE(S.compiled());
  Provenance A = S.ofInit("f", "A"), B = S.ofInit("f", "B");
  EXPECT_EQ(A.K, Kind::Remote);
  EXPECT_EQ(B.K, Kind::Remote);
  EXPECT_NE(A.Source, B.Source);
  EXPECT_EQ(A.What, "'leaseExpiryOf()'");
  Provenance Copy = S.ofInit("f", "CopyOfA");
  EXPECT_EQ(Copy.K, Kind::Remote);
  EXPECT_EQ(Copy.Source, A.Source);
  EXPECT_EQ(S.ofInit("f", "AInSeconds").Source, A.Source);
}

// Through a function's return value and through a parameter (what every caller passes).
TEST(ClockProvenanceTest, ThroughReturnsAndParameters) {
  ClockSnippet S(R"cpp(
    long nowMillis() {
      return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
    bool expired(long ExpiresAtMs) { return ExpiresAtMs < nowMillis(); }
    bool check(int Replica) { return expired(leaseExpiryOf(Replica)); }
  )cpp");
  ASSERT_TRUE(S.compiled());
  EXPECT_EQ(S.ofComparisonSide("expired", 0).K, Kind::Remote);
  EXPECT_EQ(S.ofComparisonSide("expired", 1).K, Kind::LocalWall);
}

// A struct member takes the clock of every value stored into it in the unit.
TEST(ClockProvenanceTest, ThroughStructMembers) {
  ClockSnippet S(R"cpp(
    struct Lease { long ExpiresAt; long Owner; };
    Lease fetchLease(int Replica) {
      Lease L;
      L.ExpiresAt = leaseExpiryOf(Replica);
      L.Owner = Replica;
      return L;
    }
    bool valid(const Lease &L) {
      return L.ExpiresAt > duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
    bool owner(const Lease &L, long Me) { return L.Owner == Me; }
  )cpp");
  ASSERT_TRUE(S.compiled());
  EXPECT_EQ(S.ofComparisonSide("valid", 0).K, Kind::Remote);
  EXPECT_EQ(S.ofComparisonSide("valid", 1).K, Kind::LocalWall);
  EXPECT_FALSE(S.ofComparisonSide("owner", 0).isTime());
}

// Plain numbers, constants and durations are not times.
TEST(ClockProvenanceTest, NonTimes) {
  ClockSnippet S(R"cpp(
    int count(int N) { return N * 2; }
    void f(int N) {
      int Items = count(N);
      long Zero = 0;
      auto Budget = milliseconds(250);
    }
  )cpp");
  ASSERT_TRUE(S.compiled());
  EXPECT_FALSE(S.ofInit("f", "Items").isTime());
  EXPECT_FALSE(S.ofInit("f", "Zero").isTime());
  EXPECT_EQ(S.ofInit("f", "Budget").K, Kind::Duration);
}

// The name pattern: snake_case and camelCase time names match, look-alikes do not.
TEST(ClockProvenanceTest, TimeNamedFields) {
  ClockSnippet S("");
  for (const char *Name : {"updated_at", "expires", "lease_ts", "timestamp", "created_time",
                           "deadline", "modified", "updatedAt", "last_seen", "expiry"})
    EXPECT_TRUE(S.clocks().timeNamed(Name)) << Name;
  for (const char *Name : {"status", "item_count", "format", "stats", "attempts", "", "datum"})
    EXPECT_FALSE(S.clocks().timeNamed(Name)) << Name;
}

} // namespace
