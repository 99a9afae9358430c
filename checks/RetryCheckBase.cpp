// checks/RetryCheckBase.cpp: matching retry candidates and handing recognised retries to the checks.
#include "RetryCheckBase.h"
#include "analysis/AstUtil.h"
#include "analysis/TuIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace fallacy {
namespace {
constexpr llvm::StringLiteral CandidateNode = "retry-candidate";
} // namespace

RetryCheckBase::RetryCheckBase(StringRef Name, tidy::ClangTidyContext *Context)
    : FallacyCheck(Name, Context) {
  Model = loadModel();
}

void RetryCheckBase::registerMatchers(MatchFinder *F) {
  if (!Model)
    return;
  // Loops may retry; calls may recurse on failure or hand a callable to a
  // retry helper. Whether they do is RetryFinder's business.
  auto Loop = stmt(anyOf(whileStmt(), doStmt(), forStmt(), cxxForRangeStmt(), gotoStmt()));
  F->addMatcher(stmt(anyOf(Loop, callExpr()), unless(isExpansionInSystemHeader())).bind(CandidateNode),
                this);
}

void RetryCheckBase::check(const MatchFinder::MatchResult &Result) {
  const auto *S = Result.Nodes.getNodeAs<Stmt>(CandidateNode);
  ASTContext &Ctx = *Result.Context;
  if (!Finder || FinderCtx != &Ctx) {
    RetryVocabulary V;
    V.RetryHelpers = listOption("RetryHelpers");
    if (record().option("BackoffHelpers"))
      V.BackoffHelpers = listOption("BackoffHelpers");
    Finder = std::make_unique<RetryFinder>(*Model, Ctx, std::move(V));
    FinderCtx = &Ctx;
  }
  // Code that never runs retries nothing.
  if (isInUnevaluatedContext(*S, Ctx))
    return;
  if (std::optional<Retry> R = Finder->retryAt(*S))
    onRetry(*R, Ctx);
}

bool RetryCheckBase::firstAt(SourceLocation Loc, const ASTContext &Ctx) {
  return Reported.insert(Ctx.getSourceManager().getExpansionLoc(Loc).getRawEncoding()).second;
}

void RetryCheckBase::onEndOfTranslationUnit() {
  if (FinderCtx)
    TuIndex::release(*FinderCtx);
  Finder.reset();
  FinderCtx = nullptr;
  Reported.clear();
}

} // namespace fallacy
