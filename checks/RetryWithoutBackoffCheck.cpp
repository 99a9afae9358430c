// checks/RetryWithoutBackoffCheck.cpp: reports retries with no pause, or a fixed pause without jitter.
#include "RetryWithoutBackoffCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace fallacy {

void RetryWithoutBackoffCheck::onRetry(const Retry &R, ASTContext &Ctx) {
  // A pause that grows, or a randomised one, spreads the load out.
  if (R.Waits && (R.Grows || R.Jitter))
    return;
  // Around another file's function: a retry only if the summaries say it is remote.
  if (!R.RequiresRemote.empty() && !crossFile())
    return;
  SourceLocation Loc = R.Where->getBeginLoc();
  if (!firstReport(Loc))
    return;
  if (!R.Waits)
    diag(Loc, "retry starts the next attempt at once: every caller hammers a peer that is "
              "already failing");
  else
    diag(Loc, "retry waits the same fixed time between attempts: callers that failed together "
              "retry together");
  if (!R.RequiresRemote.empty())
    reportOnlyIf(Loc, {{Condition::Kind::Remote, R.RequiresRemote}});
  if (R.WaitAt)
    diag(R.WaitAt->getBeginLoc(), "this pause neither grows nor varies", DiagnosticIDs::Note);
  diag(R.Retried.front()->getBeginLoc(), "each attempt repeats this remote call", DiagnosticIDs::Note);
  diag(Loc, "wait between attempts with exponential backoff and random jitter, and cap it",
       DiagnosticIDs::Note);
}

} // namespace fallacy
