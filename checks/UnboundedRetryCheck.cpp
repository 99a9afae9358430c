// checks/UnboundedRetryCheck.cpp: reports retries that nothing bounds.
#include "UnboundedRetryCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace fallacy {

void UnboundedRetryCheck::onRetry(const Retry &R, ASTContext &Ctx) {
  // Library helpers we cannot see carry their own bounds.
  if (R.BoundedBy != Retry::Bound::None)
    return;
  // A loop around another file's function is a retry only if that function
  // is remote, which only the driver's summaries can tell.
  if (!R.RequiresRemote.empty() && !crossFile())
    return;
  SourceLocation Loc = R.Where->getBeginLoc();
  if (!firstReport(Loc))
    return;
  const char *What = R.How == Retry::Shape::Recursion ? "this recursive retry"
                     : R.How == Retry::Shape::Helper  ? "this retry helper call"
                                                      : "this retry loop";
  diag(Loc, "%0 can run forever: no attempt limit and no deadline stop it while the peer is down")
      << What;
  if (!R.RequiresRemote.empty())
    reportOnlyIf(Loc, {{Condition::Kind::Remote, R.RequiresRemote}});
  const RemoteSite &Site = R.Sites.front();
  diag(R.Retried.front()->getBeginLoc(), "each attempt repeats this remote call", DiagnosticIDs::Note);
  if (Site.Call && Site.Call != R.Retried.front())
    diag(Site.Call->getBeginLoc(), "which reaches the network here", DiagnosticIDs::Note);
  if (R.InfiniteLimitConvention)
    diag(Loc, "the attempt limit can be 0 or -1, which this code treats as unlimited",
         DiagnosticIDs::Note);
  diag(Loc, "bound it: stop after a few attempts, or when an overall deadline passes",
       DiagnosticIDs::Note);
}

} // namespace fallacy
