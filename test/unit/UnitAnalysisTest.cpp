// test/unit/UnitAnalysisTest.cpp: the per-unit owner of the shared analyses: built once, freed once.
#include "RetryTestSupport.h"
#include "analysis/UnitAnalysis.h"
#include <thread>

using namespace fallacy;
using fallacy::test::builtinModel;
using fallacy::test::Snippet;

namespace {

// One object per unit, however often it is asked for, and one of each analysis
// per model and options.
TEST(UnitAnalysis, OneOwnerPerUnit) {
  size_t Before = UnitAnalysis::alive();
  {
    Snippet S("void f() { while (!sendOrder(1)) {} }");
    ASSERT_TRUE(S.compiled());
    UnitAnalysis &A = UnitAnalysis::of(S.ctx());
    EXPECT_EQ(&A, &UnitAnalysis::of(S.ctx()));
    EXPECT_EQ(UnitAnalysis::alive(), Before + 1);
    EXPECT_EQ(&A.index(), &TuIndex::shared(S.ctx()));
    RetryVocabulary None, Helpers;
    Helpers.RetryHelpers = {"backoff::retry"};
    EXPECT_EQ(&A.retries(builtinModel(), None), &A.retries(builtinModel(), None));
    EXPECT_NE(&A.retries(builtinModel(), None), &A.retries(builtinModel(), Helpers));
    EXPECT_EQ(&A.remote(builtinModel()), &A.remote(builtinModel()));
    EXPECT_EQ(&A.loops(builtinModel(), 8), &A.loops(builtinModel(), 8));
    EXPECT_NE(&A.loops(builtinModel(), 8), &A.loops(builtinModel(), 4));
  }
  // Freed with the ASTContext, by nobody else.
  EXPECT_EQ(UnitAnalysis::alive(), Before);
}

// Two units at once keep apart, and each reports a location once per check.
TEST(UnitAnalysis, UnitsAndChecksKeepApart) {
  Snippet A("void f() {}"), B("void g() {}");
  UnitAnalysis &UA = UnitAnalysis::of(A.ctx()), &UB = UnitAnalysis::of(B.ctx());
  EXPECT_NE(&UA, &UB);
  clang::SourceLocation Loc = A.ctx().getSourceManager().getLocForStartOfFile(
      A.ctx().getSourceManager().getMainFileID());
  EXPECT_TRUE(UA.firstReport("fallacy-a", Loc));
  EXPECT_FALSE(UA.firstReport("fallacy-a", Loc));
  EXPECT_TRUE(UA.firstReport("fallacy-b", Loc));
}

// clangd analyses units on several threads: each builds, asks and frees its own.
TEST(UnitAnalysis, ThreadsEachOwnTheirUnits) {
  size_t Before = UnitAnalysis::alive();
  std::vector<std::thread> Threads;
  std::atomic<int> Retries{0};
  for (int T = 0; T < 4; ++T)
    Threads.emplace_back([&] {
      for (int Round = 0; Round < 3; ++Round) {
        Snippet S("void f() { while (!sendOrder(1)) {} }");
        if (const clang::Stmt *Loop = S.loopIn("f"))
          if (UnitAnalysis::of(S.ctx()).retries(builtinModel(), {}).retryAt(*Loop))
            ++Retries;
      }
    });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Retries.load(), 12);
  EXPECT_EQ(UnitAnalysis::alive(), Before);
}

} // namespace
