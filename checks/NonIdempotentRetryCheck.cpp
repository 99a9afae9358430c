// checks/NonIdempotentRetryCheck.cpp: reports retried remote calls that must run at most once.
#include "NonIdempotentRetryCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace fallacy {

NonIdempotentRetryCheck::NonIdempotentRetryCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : RetryCheckBase(Name, Context) {
  Opts.KeyHeaders = listOption("IdempotencyKeyHeaders");
  Opts.NonIdempotentVerbs = listOption("NonIdempotentVerbs");
  Opts.IdempotentVerbs = listOption("IdempotentVerbs");
  Opts.KeyFields = listOption("IdempotencyKeyFields");
  Opts.ProtoPaths = listOption("ProtoPaths");
}

NonIdempotentRetryCheck::~NonIdempotentRetryCheck() = default;

void NonIdempotentRetryCheck::onRetry(const Retry &R, ASTContext &Ctx) {
  if (!Analysis)
    Analysis = std::make_unique<IdempotencyAnalysis>(*Model, Ctx, Opts);
  const char *Shape = R.How == Retry::Shape::Recursion ? "the recursive retry starts here"
                      : R.How == Retry::Shape::Helper  ? "the retry helper is called here"
                                                       : "the retry loop starts here";
  for (size_t I = 0; I < R.Retried.size(); ++I) {
    const Expr &Entry = *R.Retried[I];
    const RemoteSite &Site = R.Sites[I];
    IdempotencyVerdict V = Analysis->of(*Site.Call, *Site.Op, Entry, *R.Where);
    if (!V.NotIdempotent || !firstAt(Entry.getBeginLoc(), Ctx))
      continue;
    const FunctionDecl *Callee = calleeOf(Entry);
    diag(Entry.getBeginLoc(), "'%0' can %1 if the reply is lost: the retry sends it again")
        << (Callee ? Callee->getName() : StringRef("this call")) << V.Effect
        << Entry.getSourceRange();
    if (Site.Call != &Entry)
      diag(Site.Call->getBeginLoc(), "the remote call is made here", DiagnosticIDs::Note);
    if (V.Evidence)
      diag(V.Evidence->getBeginLoc(), "the request is made non-idempotent here", DiagnosticIDs::Note);
    diag(R.Where->getBeginLoc(), Shape, DiagnosticIDs::Note);
    diag(Entry.getBeginLoc(), "to make it safe: %0", DiagnosticIDs::Note) << V.Remedy;
  }
}

void NonIdempotentRetryCheck::onEndOfTranslationUnit() {
  Analysis.reset();
  RetryCheckBase::onEndOfTranslationUnit();
}

} // namespace fallacy
