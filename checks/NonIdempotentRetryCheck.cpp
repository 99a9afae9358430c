// checks/NonIdempotentRetryCheck.cpp: reports retried remote calls that must run at most once.
#include "NonIdempotentRetryCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "analysis/AstUtil.h"
#include "analysis/CallPattern.h"
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
  // Retried functions of other files: each is reported if the summaries
  // say that the operation it reaches is not idempotent.
  if (!R.RequiresRemote.empty()) {
    if (!crossFile())
      return;
    for (size_t I = 0; I < R.Retried.size(); ++I) {
      const Expr &Entry = *R.Retried[I];
      if (!firstReport(Entry.getBeginLoc()))
        continue;
      diag(Entry.getBeginLoc(), "'%0' can run twice if the reply is lost: the retry sends it again")
          << callableName(*calleeOf(Entry)) << Entry.getSourceRange();
      reportOnlyIf(Entry.getBeginLoc(), {{Condition::Kind::NotIdempotent, {R.RequiresRemote[I]}}});
      diag(R.Where->getBeginLoc(), Shape, DiagnosticIDs::Note);
      diag(Entry.getBeginLoc(),
           "to make it safe: send an idempotency key the server deduplicates on, or check "
           "whether the first attempt took effect before repeating it",
           DiagnosticIDs::Note);
    }
    return;
  }
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

void NonIdempotentRetryCheck::addFacts(UnitSummary &S) {
  RetryCheckBase::addFacts(S);
  IdempotencyAnalysis &Analysis = unit().idempotency(*Model, Opts);
  for (const SummarisedFunction &F : unit().summarised()) {
    const auto *SiteCall = dyn_cast_or_null<CallExpr>(F.Site.Call);
    const auto *Holder = SiteCall ? dyn_cast_or_null<FunctionDecl>(unit().index().enclosing(SiteCall))
                                  : nullptr;
    if (!Holder || !Holder->getBody())
      continue;
    // A caller that repeats the function repeats everything in the body that
    // holds the operation: a key made there is new on every attempt.
    IdempotencyVerdict V = Analysis.of(*SiteCall, *F.Site.Op, *SiteCall, *Holder->getBody());
    FunctionFact &Fact = S.Functions[F.Index];
    Fact.NotIdempotent = V.NotIdempotent;
    Fact.Effect = V.Effect;
    Fact.Why = V.Remedy;
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
