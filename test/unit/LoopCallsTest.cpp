// test/unit/LoopCallsTest.cpp: which calls analysis::LoopCalls says a loop makes once per element.
#include "RetryTestSupport.h"
#include "analysis/LoopCalls.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace fallacy;
using fallacy::test::Snippet;

namespace {

const char *Containers = R"cpp(
#include <vector>
void sendBatch(const std::vector<int> &Ids);
int localSquare(int X) { return X * X; }
bool sendVia(int Id) { return sendOrder(Id); }  // a helper of this file that is remote
bool sendElsewhere(int Id);                     // defined in another file
)cpp";

/// The names of the callees of the per-element calls of the first loop in \p Func.
std::vector<std::string> perElement(Snippet &S, StringRef Func, unsigned MaxConstant = 3) {
  LoopCalls Calls(test::builtinModel(), S.ctx(), MaxConstant);
  std::vector<std::string> Names;
  const Stmt *Loop = S.loopIn(Func);
  if (!Loop)
    return {"<no loop>"};
  for (const PerElementCall &C : Calls.of(*Loop)) {
    const FunctionDecl *FD = C.Call->getDirectCallee();
    Names.push_back((FD ? FD->getNameAsString() : "?") + (C.Unresolved ? "(elsewhere)" : ""));
  }
  return Names;
}

using Names = std::vector<std::string>;

// Range-for, index and iterator loops over a container: the remote call using the element.
TEST(LoopCallsTest, LoopShapesOverData) {
  Snippet S(std::string(Containers) + R"cpp(
    void rangeFor(const std::vector<int> &Ids) { for (int Id : Ids) sendOrder(Id); }
    void indexed(const std::vector<int> &Ids) {
      for (unsigned long I = 0; I < Ids.size(); ++I) sendOrder(Ids[I]);
    }
    void iterators(const std::vector<int> &Ids) {
      for (auto It = Ids.begin(); It != Ids.end(); ++It) sendOrder(*It);
    }
    void counted(int N) { for (int I = 0; I < N; ++I) fetchQuote(I); }
  )cpp");
  ASSERT_TRUE(S.compiled());
  EXPECT_EQ(perElement(S, "rangeFor"), Names{"sendOrder"});
  EXPECT_EQ(perElement(S, "indexed"), Names{"sendOrder"});
  EXPECT_EQ(perElement(S, "iterators"), Names{"sendOrder"});
  EXPECT_EQ(perElement(S, "counted"), Names{"fetchQuote"});
}

// Helpers: a remote helper of this file counts; one defined elsewhere waits on the summaries.
TEST(LoopCallsTest, HelpersHereAndElsewhere) {
  Snippet S(std::string(Containers) + R"cpp(
    void viaHelper(const std::vector<int> &Ids) { for (int Id : Ids) sendVia(Id); }
    void viaOtherFile(const std::vector<int> &Ids) { for (int Id : Ids) sendElsewhere(Id); }
    void local(const std::vector<int> &Ids) { for (int Id : Ids) localSquare(Id); }
  )cpp");
  ASSERT_TRUE(S.compiled());
  EXPECT_EQ(perElement(S, "viaHelper"), Names{"sendVia"});
  EXPECT_EQ(perElement(S, "viaOtherFile"), Names{"sendElsewhere(elsewhere)"});
  EXPECT_EQ(perElement(S, "local"), Names{});
}

// Not per element: a call that ignores the element, a batch built in the loop
// and sent once, a small constant set of endpoints.
TEST(LoopCallsTest, NotPerElement) {
  Snippet S(std::string(Containers) + R"cpp(
    void sameEveryTime(const std::vector<int> &Ids) { for (int Id : Ids) { (void)Id; fetchQuote(0); } }
    void batched(const std::vector<int> &Ids) {
      std::vector<int> Batch;
      for (int Id : Ids) Batch.push_back(Id);
      sendBatch(Batch);
    }
    void twoEndpoints() { for (int Port : {8080, 8081}) sendOrder(Port); }
    void fixedThree() { for (int I = 0; I < 3; ++I) sendOrder(I); }
  )cpp");
  ASSERT_TRUE(S.compiled());
  EXPECT_EQ(perElement(S, "sameEveryTime"), Names{});
  EXPECT_EQ(perElement(S, "batched"), Names{});
  EXPECT_EQ(perElement(S, "twoEndpoints"), Names{});
  EXPECT_EQ(perElement(S, "fixedThree"), Names{});
  // With MaxConstantIterations 1, two endpoints are data, not a fixed set.
  EXPECT_EQ(perElement(S, "twoEndpoints", 1), Names{"sendOrder"});
}

// The element variables: the range variable, the index.
TEST(LoopCallsTest, ElementVars) {
  Snippet S(std::string(Containers) + R"cpp(
    void rangeFor(const std::vector<int> &Ids) { for (int Id : Ids) sendOrder(Id); }
    void indexed(const std::vector<int> &Ids) {
      for (unsigned long I = 0; I < Ids.size(); ++I) sendOrder(Ids[I]);
    }
  )cpp");
  ASSERT_TRUE(S.compiled());
  LoopCalls Calls(test::builtinModel(), S.ctx(), 3);
  auto NamesOf = [&](StringRef Func) {
    Names Out;
    for (const VarDecl *V : Calls.elementVars(*S.loopIn(Func)))
      Out.push_back(V->getNameAsString());
    return Out;
  };
  EXPECT_EQ(NamesOf("rangeFor"), Names{"Id"});
  EXPECT_EQ(NamesOf("indexed"), Names{"I"});
}

} // namespace
