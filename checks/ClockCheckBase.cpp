// checks/ClockCheckBase.cpp: matching the places where two times meet.
#include "ClockCheckBase.h"
#include "BoundNodes.h"
#include "analysis/AstUtil.h"
#include "analysis/UnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace fallacy {
ClockCheckBase::ClockCheckBase(StringRef Name, tidy::ClangTidyContext *Context)
    : FallacyCheck(Name, Context) {
  Options.TimeFieldPattern = stringOption("TimeFieldPattern");
  // A pattern that does not compile would silently match nothing.
  std::string Pattern = stringOption("TimeFieldPattern"), Problem;
  if (!llvm::Regex(Pattern).isValid(Problem)) {
    configurationDiag("invalid TimeFieldPattern '%0': %1", DiagnosticIDs::Error) << Pattern << Problem;
    Model = nullptr;
  }
}

void ClockCheckBase::registerCheckMatchers(MatchFinder *Finder) {
  auto Compare = binaryOperator(hasAnyOperatorName("<", ">", "<=", ">=", "==", "!=", "-"));
  auto Overloaded = cxxOperatorCallExpr(
      hasAnyOverloadedOperatorName("<", ">", "<=", ">=", "==", "!=", "-"), argumentCountIs(2));
  auto MinMax = callExpr(callee(functionDecl(hasAnyName("::std::max", "::std::min"))), argumentCountIs(2));
  // C++20 rewrites `a < b` on types with only operator<=> (std::chrono's
  // time_point and duration); `!=` becomes `!(a == b)`, matched above.
  auto Rewritten = cxxRewrittenBinaryOperator(hasAnyOperatorName("<", ">", "<=", ">="));
  // One matcher per node kind, so the finder only visits those kinds (an
  // expr(anyOf(...)) would be tried on every expression of every header).
  auto NotInSystemHeader = unless(isExpansionInSystemHeader());
  Finder->addMatcher(binaryOperator(Compare, NotInSystemHeader).bind(nodes::TimeSink), this);
  Finder->addMatcher(cxxOperatorCallExpr(Overloaded, NotInSystemHeader).bind(nodes::TimeSink), this);
  Finder->addMatcher(callExpr(MinMax, NotInSystemHeader).bind(nodes::TimeSink), this);
  Finder->addMatcher(cxxRewrittenBinaryOperator(Rewritten, NotInSystemHeader).bind(nodes::TimeSink), this);
}

void ClockCheckBase::checkMatch(const MatchFinder::MatchResult &Result) {
  const auto *Sink = Result.Nodes.getNodeAs<Expr>(nodes::TimeSink);
  ASTContext &Ctx = *Result.Context;
  // Code that never runs compares nothing.
  if (isInUnevaluatedContext(*Sink, Ctx))
    return;
  const Expr *L = nullptr, *R = nullptr;
  bool Subtraction = false;
  if (const auto *RW = dyn_cast<CXXRewrittenBinaryOperator>(Sink)) {
    L = RW->getLHS();
    R = RW->getRHS();
  } else if (const auto *B = dyn_cast<BinaryOperator>(Sink)) {
    L = B->getLHS();
    R = B->getRHS();
    Subtraction = B->getOpcode() == BO_Sub;
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Sink)) {
    L = OC->getArg(0);
    R = OC->getArg(1);
    Subtraction = OC->getOperator() == OO_Minus;
  } else if (const auto *C = dyn_cast<CallExpr>(Sink)) {
    L = C->getArg(0);
    R = C->getArg(1);
  }
  if (!L || !R)
    return;
  ClockProvenance &Clocks = unit().clocks(*Model, Options);
  Provenance PL = Clocks.of(*L), PR = Clocks.of(*R);
  if (!PL.isTime() || !PR.isTime())
    return; // A time against a duration or a constant is fine.
  onTimes(*Sink, Subtraction, *L, PL, *R, PR, Ctx);
}

void ClockCheckBase::noteOrigin(const Provenance &P, StringRef Text) {
  if (P.Origin)
    diag(P.Origin->getBeginLoc(), Text, DiagnosticIDs::Note);
}

} // namespace fallacy
