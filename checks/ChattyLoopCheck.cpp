// checks/ChattyLoopCheck.cpp: reports per-element round trips, in this file or through summaries.
#include "ChattyLoopCheck.h"
#include "BoundNodes.h"
#include "analysis/AstUtil.h"
#include "analysis/Summary.h"
#include "analysis/UnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace fallacy {
namespace {

std::string message(StringRef Callee) {
  return ("'" + Callee + "' costs one round trip per iteration: a loop over N items waits for the "
          "network N times").str();
}

} // namespace

ChattyLoopCheck::ChattyLoopCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : FallacyCheck(Name, Context), MaxConstantIterations(intOption("MaxConstantIterations")),
      Vocabulary(retryVocabulary()) {}

void ChattyLoopCheck::registerCheckMatchers(MatchFinder *Finder) {
  Finder->addMatcher(stmt(anyOf(cxxForRangeStmt(), forStmt()), unless(isExpansionInSystemHeader()))
                         .bind(nodes::DataLoop),
                     this);
}

void ChattyLoopCheck::checkMatch(const MatchFinder::MatchResult &Result) {
  const auto *Loop = Result.Nodes.getNodeAs<Stmt>(nodes::DataLoop);
  ASTContext *Ctx = Result.Context;
  std::vector<PerElementCall> Calls = unit().loops(*Model, MaxConstantIterations).of(*Loop);
  // Trying the next replica after a failure is a retry, not a chatty loop.
  if (Calls.empty() || unit().retries(*Model, Vocabulary).retryAt(*Loop))
    return;
  const SourceManager &SM = Ctx->getSourceManager();
  for (const PerElementCall &P : Calls) {
    SourceLocation Loc = SM.getExpansionLoc(P.Call->getBeginLoc());
    if (!firstReport(Loc))
      continue;
    const FunctionDecl *Callee = P.Call->getDirectCallee();
    StringRef Name = Callee && Callee->getIdentifier() ? Callee->getName() : "this call";
    if (P.Unresolved) {
      // Its body is in another file: a round trip if the summaries say it is
      // remote (the driver adds the note at the remote call and the batch).
      std::string Usr = Callee ? usrOf(*Callee) : "";
      if (!crossFile() || Usr.empty() || !SM.isInMainFile(Loc))
        continue;
      diag(Loc, message(Name)) << P.Call->getSourceRange();
      reportOnlyIf(Loc, {{Condition::Kind::Remote, {Usr}}}, /*BatchNote=*/true);
      diag(Loop->getBeginLoc(), "the loop runs it once per element", DiagnosticIDs::Note);
      continue;
    }
    diag(Loc, message(Name)) << P.Call->getSourceRange();
    if (P.Site.Call != P.Call)
      diag(P.Site.Call->getBeginLoc(), "the remote call ('%0') is made here", DiagnosticIDs::Note)
          << (calleeOf(*P.Site.Call) ? calleeOf(*P.Site.Call)->getName() : StringRef("it"));
    diag(Loop->getBeginLoc(), "the loop runs it once per element", DiagnosticIDs::Note);
    if (!P.Site.Op->Batch.empty())
      diag(Loc, "batch it: %0", DiagnosticIDs::Note) << P.Site.Op->Batch;
  }
}

} // namespace fallacy
