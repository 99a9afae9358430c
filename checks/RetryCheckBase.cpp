// checks/RetryCheckBase.cpp: matching retry candidates and handing recognised retries to the checks.
#include "RetryCheckBase.h"
#include "BoundNodes.h"
#include "analysis/AstUtil.h"
#include "analysis/UnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace fallacy {
RetryCheckBase::RetryCheckBase(StringRef Name, tidy::ClangTidyContext *Context)
    : FallacyCheck(Name, Context), Vocabulary(retryVocabulary()) {}

void RetryCheckBase::registerCheckMatchers(MatchFinder *F) {
  // Loops may retry; calls may recurse on failure or hand a callable to a
  // retry helper. Whether they do is RetryFinder's business.
  auto Loop = stmt(anyOf(whileStmt(), doStmt(), forStmt(), cxxForRangeStmt(), gotoStmt()));
  F->addMatcher(stmt(anyOf(Loop, callExpr()), unless(isExpansionInSystemHeader())).bind(nodes::RetryCandidate),
                this);
}

void RetryCheckBase::checkMatch(const MatchFinder::MatchResult &Result) {
  const auto *S = Result.Nodes.getNodeAs<Stmt>(nodes::RetryCandidate);
  ASTContext &Ctx = *Result.Context;
  // Code that never runs retries nothing.
  if (isInUnevaluatedContext(*S, Ctx))
    return;
  if (std::optional<Retry> R = unit().retries(*Model, Vocabulary).retryAt(*S))
    onRetry(*R, Ctx);
}

void RetryCheckBase::addFacts(UnitSummary &S) {
  // Loops and gotos of a body, not those of the lambdas written in it.
  struct Loops : RecursiveASTVisitor<Loops> {
    std::vector<const Stmt *> Found;
    bool VisitWhileStmt(WhileStmt *L) { return add(L); }
    bool VisitDoStmt(DoStmt *L) { return add(L); }
    bool VisitForStmt(ForStmt *L) { return add(L); }
    bool VisitCXXForRangeStmt(CXXForRangeStmt *L) { return add(L); }
    bool VisitGotoStmt(GotoStmt *G) { return add(G); }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool add(const Stmt *L) {
      Found.push_back(L);
      return true;
    }
  };
  RetryFinder &Finder = unit().retries(*Model, Vocabulary);
  for (const SummarisedFunction &F : unit().summarised()) {
    FunctionFact &Fact = S.Functions[F.Index];
    if (!F.Site.Call || Fact.RetriesInside || !F.Func->getBody())
      continue;
    Loops L;
    L.TraverseStmt(F.Func->getBody());
    Fact.RetriesInside = llvm::any_of(L.Found, [&](const Stmt *Loop) {
      return Finder.retryAt(*Loop).has_value();
    });
  }
}

} // namespace fallacy
