// test/unit/OutcomeTest.cpp: ResultTracker: whether a condition says the tracked call worked or failed.
#include "RetryTestSupport.h"
#include "analysis/Outcome.h"
#include "clang/AST/Expr.h"

using namespace fallacy;
using namespace fallacy::test;

namespace {

const char *Conventions = R"cpp(
enum Code { CODE_OK = 0, CODE_TIMEDOUT = 28, CODE_UNAVAILABLE = 14 };
struct Status { bool ok() const; int code() const; };
struct Reply { int status; };
REMOTE Code perform(int);
REMOTE Status call(int);
REMOTE Reply *get(int);
REMOTE long readSome(int);
bool isRetryable(const Status &);
)cpp";

// Classifies the if conditions of \p Func, tracking the calls of \p Callee
// and the variables derived from them in the function's body.
std::vector<Outcome> classifyIfs(const std::string &Code, llvm::StringRef Func, llvm::StringRef Callee,
                                 unsigned Count) {
  Snippet S(std::string(Conventions) + Code);
  EXPECT_TRUE(S.compiled()) << Code;
  std::vector<Outcome> Out;
  if (!S.compiled())
    return Out;
  ResultTracker T(S.ctx());
  using namespace clang::ast_matchers;
  for (const BoundNodes &N :
       match(callExpr(callee(functionDecl(hasName(Callee))), hasAncestor(functionDecl(hasName(Func))))
                 .bind("c"),
             S.ctx()))
    T.addCall(N.getNodeAs<clang::CallExpr>("c"));
  T.addDerivedVars(*S.bodyOf(Func));
  for (unsigned I = 0; I < Count; ++I) {
    const clang::Expr *Cond = S.ifCondIn(Func, I);
    EXPECT_NE(Cond, nullptr) << "if #" << I;
    Out.push_back(Cond ? T.classify(*Cond) : Outcome::Unrelated);
  }
  return Out;
}

const Outcome S = Outcome::Success, F = Outcome::Failure, U = Outcome::Unknown,
              N = Outcome::Unrelated;

TEST(Outcome, Negate) {
  EXPECT_EQ(negate(S), F);
  EXPECT_EQ(negate(F), S);
  EXPECT_EQ(negate(U), U);
  EXPECT_EQ(negate(N), N);
}

TEST(Outcome, StatusObjectMethods) {
  std::vector<Outcome> R = classifyIfs(
      "void f() { Status St = call(1); if (St.ok()) {} if (!St.ok()) {} if (isRetryable(St)) {} }",
      "f", "call", 3);
  EXPECT_EQ(R, (std::vector<Outcome>{S, F, F}));
}

TEST(Outcome, EnumWhoseZeroIsOk) {
  std::vector<Outcome> R = classifyIfs("void f() { Code Rc = perform(1);"
                                       " if (Rc == CODE_OK) {} if (Rc != CODE_OK) {}"
                                       " if (CODE_OK == Rc) {} if (Rc == CODE_TIMEDOUT) {}"
                                       " if (Rc) {} }",
                                       "f", "perform", 5);
  EXPECT_EQ(R, (std::vector<Outcome>{S, F, S, F, F}));
}

TEST(Outcome, NullPointers) {
  std::vector<Outcome> R = classifyIfs(
      "void f() { Reply *P = get(1); if (P == nullptr) {} if (P) {} if (!P) {} }", "f", "get", 3);
  EXPECT_EQ(R, (std::vector<Outcome>{F, S, F}));
}

TEST(Outcome, CConventionsOnIntegers) {
  std::vector<Outcome> R = classifyIfs("void f() { long N = readSome(1);"
                                       " if (N < 0) {} if (N == -1) {} if (N > 0) {} if (N >= 0) {}"
                                       " if (N == 0) {} if (N == 7) {} }",
                                       "f", "readSome", 6);
  EXPECT_EQ(R, (std::vector<Outcome>{F, F, S, S, S, U}));
}

TEST(Outcome, HttpStatuses) {
  std::vector<Outcome> R = classifyIfs("void f() { Reply *P = get(1);"
                                       " if (P->status == 200) {} if (P->status >= 500) {}"
                                       " if (P->status == 503) {} if (P->status < 400) {} }",
                                       "f", "get", 4);
  EXPECT_EQ(R, (std::vector<Outcome>{S, F, F, S}));
}

TEST(Outcome, DerivedVariables) {
  std::vector<Outcome> R = classifyIfs("void f() { Status St = call(1); bool Ok = St.ok();"
                                       " if (Ok) {} if (!Ok) {} }",
                                       "f", "call", 2);
  EXPECT_EQ(R, (std::vector<Outcome>{S, F}));
}

TEST(Outcome, ConjunctionsKeepTheDefinitePart) {
  std::vector<Outcome> R = classifyIfs("void f(int Attempts) { Reply *P = get(1);"
                                       " if (P && P->status == 200) {} if (!P || Attempts > 3) {}"
                                       " if (P && !P) {} }",
                                       "f", "get", 3);
  EXPECT_EQ(R, (std::vector<Outcome>{S, F, U}));
}

TEST(Outcome, UnrelatedConditions) {
  std::vector<Outcome> R = classifyIfs(
      "void f(int Attempts) { Status St = call(1); (void)St; if (Attempts > 3) {} }", "f", "call", 1);
  EXPECT_EQ(R, (std::vector<Outcome>{N}));
}

// Pinned gap: a flag initialised with the negated result reads as success.
TEST(Outcome, NegatedInitialiserKnownWrongPolarity) {
  std::vector<Outcome> R =
      classifyIfs("void f() { bool Failed = !call(1).ok(); if (Failed) {} }", "f", "call", 1);
  EXPECT_EQ(R, (std::vector<Outcome>{S}));
}

} // namespace
