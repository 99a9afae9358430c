// test/unit/RetryAnalysisTest.cpp: RetryFinder on small snippets: what is a retry, what bounds it, how it waits.
#include "RetryTestSupport.h"
#include "analysis/AstUtil.h"
#include "analysis/CallPattern.h"
#include "analysis/RetryLoops.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include <optional>

using namespace fallacy;
using namespace fallacy::test;
using Bound = Retry::Bound;

namespace {

// The retry at the first loop of \p Func in \p Code.
struct LoopCase {
  Snippet S;
  std::optional<Retry> R;
  LoopCase(const std::string &Code, llvm::StringRef Func, RetryVocabulary V = {}) : S(Code) {
    EXPECT_TRUE(S.compiled()) << Code;
    const clang::Stmt *Loop = S.compiled() ? S.loopIn(Func) : nullptr;
    EXPECT_NE(Loop, nullptr) << "no loop in " << Func.str();
    if (Loop)
      R = RetryFinder(builtinModel(), S.ctx(), std::move(V)).retryAt(*Loop);
  }
};

// --- Shapes ------------------------------------------------------------------

// A goto back to the call, taken on failure, is a retry; a counter in its guard bounds it.
TEST(RetryShapes, GotoBackEdgeOnFailure) {
  LoopCase C("void f() { again: if (!sendOrder(1)) goto again; }", "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::None);
  LoopCase B("void f() { int N = 0; again: if (!sendOrder(1) && ++N < 3) goto again; }", "f");
  ASSERT_TRUE(B.R);
  EXPECT_EQ(B.R->BoundedBy, Bound::Attempts);
}

// A forward goto, or a back-edge taken on success, retries nothing.
TEST(RetryShapes, GotoThatRetriesNothing) {
  LoopCase Forward("void f() { if (!sendOrder(1)) goto out; sendOrder(2); out: return; }", "f");
  EXPECT_FALSE(Forward.R);
  LoopCase OnSuccess("void f(int I) { next: if (sendOrder(I)) { ++I; goto next; } }", "f");
  EXPECT_FALSE(OnSuccess.R);
}

TEST(RetryShapes, WhileOnFailedCallIsUnboundedRetry) {
  LoopCase C("void f() { while (!sendOrder(1)) {} }", "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->How, Retry::Shape::Loop);
  EXPECT_EQ(C.R->BoundedBy, Bound::None);
  ASSERT_EQ(C.R->Retried.size(), 1u);
  EXPECT_EQ(C.R->Sites.front().Call, C.R->Retried.front());
}

TEST(RetryShapes, DoWhileOnNegativeResult) {
  LoopCase C("void f() { int Q; do { Q = fetchQuote(1); } while (Q < 0); }", "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::None);
}

TEST(RetryShapes, BreakOnSuccessAndContinueOnFailure) {
  LoopCase Break("void f() { for (;;) { if (sendOrder(1)) break; } }", "f");
  EXPECT_TRUE(Break.R);
  LoopCase Continue("void f() { while (true) { if (fetchQuote(1) == -1) continue; return; } }", "f");
  EXPECT_TRUE(Continue.R);
}

TEST(RetryShapes, ExceptionCaughtInsideLoop) {
  LoopCase C("void f() { while (true) { try { pushEvent(1); break; } catch (...) {} } }", "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::None);
}

TEST(RetryShapes, HandlerThatRethrowsEndsTheAttempts) {
  LoopCase C("void f() { while (true) { try { pushEvent(1); return; } catch (...) { throw; } } }", "f");
  EXPECT_FALSE(C.R);
}

TEST(RetryShapes, LoopThatLeavesEitherWayIsNoRetry) {
  LoopCase C("void f() { while (true) { sendOrder(1); break; } }", "f");
  EXPECT_FALSE(C.R);
}

TEST(RetryShapes, LoopWithoutRemoteCallIsNoRetry) {
  LoopCase C("bool local() { return true; } void f() { while (!local()) {} }", "f");
  EXPECT_FALSE(C.R);
}

// A function whose body is in another file: a retry of it if the summaries
// find it remote; the retry names it by USR and has no site of its own.
TEST(RetryShapes, LoopAroundAnotherFilesFunctionWaitsOnSummaries) {
  LoopCase C("bool elsewhere(int); void f() { while (!elsewhere(1)) {} }", "f");
  ASSERT_TRUE(C.R);
  ASSERT_EQ(C.R->RequiresRemote.size(), 1u);
  EXPECT_NE(C.R->RequiresRemote[0].find("elsewhere"), std::string::npos);
  EXPECT_EQ(C.R->Sites.front().Call, nullptr);
}

// A call started again on a local error (the models' localErrors): no retry.
TEST(RetryShapes, RestartOnInterruptIsNoRetry) {
  LoopCase C("enum class error { would_block, refused }; error last();"
             " void f() { while (true) { if (sendOrder(1)) return; if (last() != error::would_block) return; } }",
             "f");
  EXPECT_FALSE(C.R);
}

// A cursor the call returns, passed back to it: paging, not a retry.
TEST(RetryShapes, CursorLoopIsNoRetry) {
  LoopCase C("void f() { int Cur = 0; while (true) { Cur = fetchQuote(Cur); if (Cur == 0) break; } }",
             "f");
  EXPECT_FALSE(C.R);
}

// A remote call in the loop decides: nothing waits on another file then.
TEST(RetryShapes, KnownRemoteCallNeedsNoSummary) {
  LoopCase C("bool elsewhere(int); void f() { while (!sendOrder(1)) { elsewhere(2); } }", "f");
  ASSERT_TRUE(C.R);
  EXPECT_TRUE(C.R->RequiresRemote.empty());
}

TEST(RetryShapes, PerItemLoopIsNoRetry) {
  LoopCase C("void f(const int *Ids, int N) { int Failed = 0;"
             " for (int I = 0; I < N; ++I) if (!sendOrder(Ids[I])) ++Failed; }",
             "f");
  EXPECT_FALSE(C.R);
}

TEST(RetryShapes, StopFlagLoopIsNoRetry) {
  LoopCase C("struct P { bool Running = true; void run() {"
             " while (Running) { if (!sendOrder(1)) continue; } } };",
             "run");
  EXPECT_FALSE(C.R);
}

// `while (!ok) ok = call();`: the flag holds the call's result, so it is the
// retry's condition, not a stop flag.
TEST(RetryShapes, WhileNotOkVariable) {
  LoopCase C("void f() { bool Ok = false; while (!Ok) Ok = sendOrder(1); }", "f");
  EXPECT_TRUE(C.R);
}

// In a loop over data whose call takes the element, `continue` on failure
// moves on to the next element: no retry.
TEST(RetryShapes, PerItemContinueOnFailureIsNoRetry) {
  LoopCase C("void log(); void f(const int *Ids, int N) {"
             " for (int I = 0; I < N; ++I) { if (!sendOrder(Ids[I])) continue; log(); } }",
             "f");
  EXPECT_FALSE(C.R);
}

// The same shape when the call ignores the loop variable is a retry.
TEST(RetryShapes, ContinueOnFailureOfTheSameCall) {
  LoopCase C("void log(); void f(int N) {"
             " for (int I = 0; I < N; ++I) { if (!sendOrder(7)) continue; log(); break; } }",
             "f");
  EXPECT_TRUE(C.R);
}

// Over data, leaving on success is still a retry: the next replica is tried.
TEST(RetryShapes, FailoverOverReplicasIsRetry) {
  LoopCase C("void f(const int *Replicas, int N) {"
             " for (int I = 0; I < N; ++I) { if (sendOrder(Replicas[I])) return; } }",
             "f");
  EXPECT_TRUE(C.R);
}

// --- Bounds ------------------------------------------------------------------

TEST(RetryBounds, CounterInCondition) {
  LoopCase C("void f() { for (int A = 0; A < 3; ++A) if (sendOrder(1)) return; }", "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::Attempts);
  EXPECT_NE(C.R->BoundAt, nullptr);
}

TEST(RetryBounds, CounterInGuardedBreakReturnAndThrow) {
  for (const char *Exit : {"break;", "return;", "throw 1;"}) {
    LoopCase C(std::string("void f() { int A = 0; while (!sendOrder(1)) { if (++A >= 5) ") + Exit +
                   " } }",
               "f");
    ASSERT_TRUE(C.R) << Exit;
    EXPECT_EQ(C.R->BoundedBy, Bound::Attempts) << Exit;
    EXPECT_TRUE(C.R->BoundAt && llvm::isa<clang::IfStmt>(C.R->BoundAt)) << Exit;
  }
}

TEST(RetryBounds, CounterNeverComparedIsNoBound) {
  LoopCase C("void f() { int A = 0; while (!sendOrder(1)) ++A; }", "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::None);
}

TEST(RetryBounds, ZeroOrMinusOneMeansUnlimited) {
  LoopCase InCondition("void f(int Max) {"
                       " for (int A = 0; Max == 0 || A < Max; ++A) if (sendOrder(1)) return; }",
                       "f");
  ASSERT_TRUE(InCondition.R);
  EXPECT_EQ(InCondition.R->BoundedBy, Bound::None);
  EXPECT_TRUE(InCondition.R->InfiniteLimitConvention);
  LoopCase InGuard("void f(int Max) { int A = 0;"
                   " while (!sendOrder(1)) { if (Max > -1 && ++A >= Max) return; } }",
                   "f");
  ASSERT_TRUE(InGuard.R);
  EXPECT_EQ(InGuard.R->BoundedBy, Bound::None);
  EXPECT_TRUE(InGuard.R->InfiniteLimitConvention);
}

TEST(RetryBounds, DeadlineWithTheClock) {
  LoopCase C("#include <chrono>\n"
             "void f() { auto End = std::chrono::steady_clock::now() + std::chrono::seconds(5);"
             " while (std::chrono::steady_clock::now() < End) { if (sendOrder(1)) return; } }",
             "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::Deadline);
}

TEST(RetryBounds, FiniteRange) {
  LoopCase C("#include <initializer_list>\n"
             "void f() { for (int D : {1, 2, 4}) { (void)D; if (sendOrder(1)) return; } }",
             "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::Range);
}

TEST(RetryBounds, CancellationToken) {
  LoopCase C("struct Ctx { bool cancelled() const; };"
             "void f(const Ctx &X) { while (!X.cancelled()) { if (sendOrder(1)) return; } }",
             "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::Cancellation);
}

TEST(RetryBounds, WhileTrueAndForEverAreNoBounds) {
  LoopCase While("void f() { while (true) { if (sendOrder(1)) break; } }", "f");
  ASSERT_TRUE(While.R);
  EXPECT_EQ(While.R->BoundedBy, Bound::None);
  LoopCase For("void f() { for (;;) { if (sendOrder(1)) break; } }", "f");
  ASSERT_TRUE(For.R);
  EXPECT_EQ(For.R->BoundedBy, Bound::None);
}

// The guarded break of an inner loop ends the inner loop only: no bound.
TEST(RetryBounds, InnerLoopBreakIsNoBound) {
  LoopCase C("void f(const int *P) { while (true) { if (sendOrder(1)) return;"
             " for (int I = 0; I < 8; ++I) if (P[I] == 0) break; } }",
             "f");
  ASSERT_TRUE(C.R);
  EXPECT_EQ(C.R->BoundedBy, Bound::None);
}

// A rethrow in a handler leaves the loop; a throw in the try block is caught.
TEST(LoopExits, ThrowsInHandlersLeave) {
  Snippet S("void f() { while (true) { try { throw 1; } catch (int) { throw; } } }");
  const clang::Stmt *Loop = S.loopIn("f");
  ASSERT_NE(Loop, nullptr);
  std::vector<LoopExit> Exits = loopExits(loopBody(*Loop));
  ASSERT_EQ(Exits.size(), 1u);
  EXPECT_FALSE(Exits[0].Continues);
}

// A break of a nested switch or loop, and a continue of a nested loop, are not exits.
TEST(LoopExits, NestedBreaksAreNotExits) {
  Snippet S("void f(int X) { while (true) { switch (X) { case 1: break; }"
            " for (;;) { continue; } if (X) continue; break; } }");
  const clang::Stmt *Loop = S.loopIn("f");
  ASSERT_NE(Loop, nullptr);
  std::vector<LoopExit> Exits = loopExits(loopBody(*Loop));
  ASSERT_EQ(Exits.size(), 2u);
  EXPECT_TRUE(Exits[0].Continues);
  EXPECT_FALSE(Exits[1].Continues);
}

// The calls of a statement: captures of a lambda count, its body does not.
TEST(CallsIn, LambdaCapturesCountBodiesDoNot) {
  Snippet S("void f() { while (true) { auto L = [Id = fetchQuote(1)] { sendOrder(Id); }; } }");
  const clang::Stmt *Loop = S.loopIn("f");
  ASSERT_NE(Loop, nullptr);
  std::vector<const clang::Expr *> Calls = callsIn(*Loop);
  ASSERT_EQ(Calls.size(), 1u);
  EXPECT_EQ(calleeOf(*Calls[0])->getName(), "fetchQuote");
}

// --- Waits -------------------------------------------------------------------

TEST(RetryWaits, NoPause) {
  LoopCase C("void f() { for (int A = 0; A < 3; ++A) if (sendOrder(1)) return; }", "f");
  ASSERT_TRUE(C.R);
  EXPECT_FALSE(C.R->Waits);
  EXPECT_EQ(C.R->WaitAt, nullptr);
}

TEST(RetryWaits, ConstantPause) {
  LoopCase C("void f() { for (int A = 0; A < 3; ++A) { if (sendOrder(1)) return; usleep(1000); } }",
             "f");
  ASSERT_TRUE(C.R);
  EXPECT_TRUE(C.R->Waits);
  EXPECT_FALSE(C.R->Grows);
  EXPECT_FALSE(C.R->Jitter);
  EXPECT_NE(C.R->WaitAt, nullptr);
}

TEST(RetryWaits, GrowingPause) {
  LoopCase Shift("void f() { for (int A = 0; A < 3; ++A) {"
                 " if (sendOrder(1)) return; usleep(1000u << A); } }",
                 "f");
  ASSERT_TRUE(Shift.R);
  EXPECT_TRUE(Shift.R->Waits && Shift.R->Grows);
  EXPECT_FALSE(Shift.R->Jitter);
  LoopCase Doubling("#include <chrono>\n#include <thread>\n"
                    "void f() { auto D = std::chrono::milliseconds(10);"
                    " for (int A = 0; A < 3; ++A) { if (sendOrder(1)) return;"
                    " std::this_thread::sleep_for(D); D *= 2; } }",
                    "f");
  ASSERT_TRUE(Doubling.R);
  EXPECT_TRUE(Doubling.R->Waits && Doubling.R->Grows);
}

TEST(RetryWaits, JitteredPause) {
  LoopCase C("void f() { for (int A = 0; A < 3; ++A) {"
             " if (sendOrder(1)) return; usleep(1000 + rand() % 500); } }",
             "f");
  ASSERT_TRUE(C.R);
  EXPECT_TRUE(C.R->Waits && C.R->Jitter);
  EXPECT_FALSE(C.R->Grows);
}

TEST(RetryWaits, BackoffHelperOfTheFile) {
  LoopCase C("static void backoff(int A) { usleep(1000u << A); }"
             "void f() { for (int A = 0; A < 3; ++A) { if (sendOrder(1)) return; backoff(A); } }",
             "f");
  ASSERT_TRUE(C.R);
  EXPECT_TRUE(C.R->Waits && C.R->Grows);
}

TEST(RetryWaits, BackoffHelpersVocabulary) {
  const char *Code = "namespace lib { void jittered(int A); }"
                     "void f() { for (int A = 0; A < 3; ++A) { if (sendOrder(1)) return;"
                     " lib::jittered(A); } }";
  LoopCase Unknown(Code, "f");
  ASSERT_TRUE(Unknown.R);
  EXPECT_FALSE(Unknown.R->Waits);
  RetryVocabulary V;
  V.BackoffHelpers = {"lib::jittered"};
  LoopCase Named(Code, "f", V);
  ASSERT_TRUE(Named.R);
  EXPECT_TRUE(Named.R->Waits && Named.R->Grows && Named.R->Jitter);
}

// --- Recursion and helpers -----------------------------------------------------

std::optional<Retry> retryAtCall(Snippet &S, llvm::StringRef Func, llvm::StringRef Callee,
                                 RetryVocabulary V = {}) {
  EXPECT_TRUE(S.compiled());
  const clang::CallExpr *Call = S.compiled() ? S.callIn(Func, Callee) : nullptr;
  EXPECT_NE(Call, nullptr) << "no call of " << Callee.str() << " in " << Func.str();
  return Call ? RetryFinder(builtinModel(), S.ctx(), std::move(V)).retryAt(*Call) : std::nullopt;
}

TEST(RetryRecursion, OnFailureUnbounded) {
  Snippet S("void f(int Id) { if (!sendOrder(Id)) f(Id); }");
  std::optional<Retry> R = retryAtCall(S, "f", "f");
  ASSERT_TRUE(R);
  EXPECT_EQ(R->How, Retry::Shape::Recursion);
  EXPECT_EQ(R->BoundedBy, Bound::None);
}

TEST(RetryRecursion, CountedDownIsBounded) {
  Snippet S("bool f(int Id, int Left) { if (Left == 0) return false;"
            " if (!sendOrder(Id)) return f(Id, Left - 1); return true; }");
  std::optional<Retry> R = retryAtCall(S, "f", "f");
  ASSERT_TRUE(R);
  EXPECT_EQ(R->BoundedBy, Bound::Attempts);
}

TEST(RetryRecursion, OnSuccessIsNoRetry) {
  Snippet S("void f(int Page) { if (sendOrder(Page)) f(Page + 1); }");
  EXPECT_FALSE(retryAtCall(S, "f", "f"));
}

TEST(RetryHelpers, StdFunctionHelperCarriesItsLoop) {
  Snippet S("#include <functional>\n"
            "bool retry(int N, const std::function<bool()> &F) {"
            " for (int I = 0; I < N; ++I) { if (F()) return true; usleep(1000); } return false; }"
            "void caller() { retry(3, [] { return chargeCard(1); }); }");
  std::optional<Retry> R = retryAtCall(S, "caller", "retry");
  ASSERT_TRUE(R);
  EXPECT_EQ(R->How, Retry::Shape::Helper);
  EXPECT_EQ(R->BoundedBy, Bound::Attempts);
  EXPECT_TRUE(R->Waits);
  EXPECT_FALSE(R->Grows);
  ASSERT_EQ(R->Retried.size(), 1u);
  const auto *Callee = llvm::cast<clang::CallExpr>(R->Retried.front())->getDirectCallee();
  ASSERT_NE(Callee, nullptr);
  EXPECT_EQ(Callee->getName(), "chargeCard");
}

TEST(RetryHelpers, HelperThatCallsOnceIsNoRetry) {
  Snippet S("#include <functional>\n"
            "bool once(const std::function<bool()> &F) { return F(); }"
            "void caller() { once([] { return chargeCard(1); }); }");
  EXPECT_FALSE(retryAtCall(S, "caller", "once"));
}

TEST(RetryHelpers, LibraryHelperNamedInVocabulary) {
  const char *Code = "#include <functional>\n"
                     "namespace lib { bool retrying(const std::function<bool()> &F); }"
                     "void caller() { lib::retrying([] { return chargeCard(1); }); }";
  Snippet Unnamed(Code);
  EXPECT_FALSE(retryAtCall(Unnamed, "caller", "retrying"));
  Snippet Named(Code);
  RetryVocabulary V;
  V.RetryHelpers = {"lib::retrying"};
  std::optional<Retry> R = retryAtCall(Named, "caller", "retrying", V);
  ASSERT_TRUE(R);
  EXPECT_EQ(R->BoundedBy, Bound::Unknown);
  EXPECT_TRUE(R->Waits && R->Grows && R->Jitter);
}

} // namespace
