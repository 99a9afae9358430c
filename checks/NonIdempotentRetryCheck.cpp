// checks/NonIdempotentRetryCheck.cpp: reports retried remote calls that must run at most once.
#include "NonIdempotentRetryCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Lexer.h"

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
  const SourceManager &SM = Ctx.getSourceManager();
  DynTypedNodeList Parents = Ctx.getParents(*V.KeyHeaders);
  const auto *Decl = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!Decl || Decl->getBeginLoc().isMacroID() || Decl->getEndLoc().isMacroID())
    return std::nullopt;
  std::string Code = V.KeyFixInsert;
  auto Replace = [&](StringRef From, StringRef To) {
    for (size_t At = Code.find(From.str()); At != std::string::npos; At = Code.find(From.str(), At + To.size()))
      Code.replace(At, From.size(), To.str());
  };
  Replace("${headers}", V.KeyHeaders->getName());
  Replace("${header}", Opts.KeyHeaders.front());
  Replace("${key}", KeyExpression);
  // On its own line after the declaration, indented like it.
  unsigned Column = SM.getSpellingColumnNumber(Decl->getBeginLoc());
  SourceLocation After =
      Lexer::getLocForEndOfToken(Decl->getEndLoc(), 0, SM, Ctx.getLangOpts());
  if (After.isInvalid())
    return std::nullopt;
  return FixItHint::CreateInsertion(After, "\n" + std::string(Column - 1, ' ') + Code);
}

void NonIdempotentRetryCheck::onEndOfTranslationUnit() {
  Analysis.reset();
  RetryCheckBase::onEndOfTranslationUnit();
}

} // namespace fallacy
