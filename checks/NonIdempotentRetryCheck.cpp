// checks/NonIdempotentRetryCheck.cpp: reports retried remote calls that must run at most once.
#include "NonIdempotentRetryCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "analysis/AstUtil.h"
#include "analysis/UnitAnalysis.h"

using namespace clang;

namespace fallacy {

NonIdempotentRetryCheck::NonIdempotentRetryCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : RetryCheckBase(Name, Context) {
  Opts.KeyHeaders = listOption("IdempotencyKeyHeaders");
  Opts.NonIdempotentVerbs = listOption("NonIdempotentVerbs");
  Opts.IdempotentVerbs = listOption("IdempotentVerbs");
  Opts.KeyFields = listOption("IdempotencyKeyFields");
  Opts.ProtoPaths = listOption("ProtoPaths");
  KeyExpression = stringOption("IdempotencyKeyExpression");
}

NonIdempotentRetryCheck::~NonIdempotentRetryCheck() = default;

void NonIdempotentRetryCheck::onRetry(const Retry &R, ASTContext &Ctx) {
  IdempotencyAnalysis &Analysis = unit().idempotency(*Model, Opts);
  const char *Shape = R.How == Retry::Shape::Recursion ? "the recursive retry starts here"
                      : R.How == Retry::Shape::Helper  ? "the retry helper is called here"
                                                       : "the retry loop starts here";
  for (size_t I = 0; I < R.Retried.size(); ++I) {
    const Expr &Entry = *R.Retried[I];
    const RemoteSite &Site = R.Sites[I];
    IdempotencyVerdict V = Analysis.of(*Site.Call, *Site.Op, Entry, *R.Where);
    if (!V.NotIdempotent || !firstReport(Entry.getBeginLoc()))
      continue;
    const FunctionDecl *Callee = calleeOf(Entry);
    std::optional<FixItHint> Fix = keyFix(V, Ctx);
    {
      auto D = diag(Entry.getBeginLoc(), "'%0' can %1 if the reply is lost: the retry sends it again")
               << (Callee ? Callee->getName() : StringRef("this call")) << V.Effect
               << Entry.getSourceRange();
      if (Fix)
        D << *Fix;
    }
    if (Site.Call != &Entry)
      diag(Site.Call->getBeginLoc(), "the remote call is made here", DiagnosticIDs::Note);
    if (V.Evidence)
      diag(V.Evidence->getBeginLoc(), "the request is made non-idempotent here", DiagnosticIDs::Note);
    diag(R.Where->getBeginLoc(), Shape, DiagnosticIDs::Note);
    diag(Entry.getBeginLoc(), "to make it safe: %0", DiagnosticIDs::Note) << V.Remedy;
    if (Fix)
      diag(V.KeyHeaders->getLocation(),
           "the fix-it adds the key to '%0' once, made by IdempotencyKeyExpression ('%1')",
           DiagnosticIDs::Note)
          << V.KeyHeaders->getName() << KeyExpression;
  }
}

// The model's keyFix, after the declaration of the header list: only with a
// key expression from the options, and not inside a macro.
std::optional<FixItHint> NonIdempotentRetryCheck::keyFix(const IdempotencyVerdict &V,
                                                        ASTContext &Ctx) const {
  if (!V.KeyHeaders || KeyExpression.empty() || Opts.KeyHeaders.empty())
    return std::nullopt;
  DynTypedNodeList Parents = Ctx.getParents(*V.KeyHeaders);
  const auto *Decl = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!Decl)
    return std::nullopt;
  llvm::StringMap<std::string> Values;
  Values["headers"] = V.KeyHeaders->getName().str();
  Values["header"] = Opts.KeyHeaders.front();
  Values["key"] = KeyExpression;
  return insertLineAfter(*Decl, expandTemplate(V.KeyFixInsert, Values), Ctx);
}

} // namespace fallacy
