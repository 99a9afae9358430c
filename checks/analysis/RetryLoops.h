// checks/analysis/RetryLoops.h: finding retries (loops, recursion, helpers) and what bounds and paces them.
#ifndef FALLACY_ANALYSIS_RETRYLOOPS_H
#define FALLACY_ANALYSIS_RETRYLOOPS_H

#include "analysis/LoopCalls.h"
#include "analysis/RemoteCalls.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class GotoStmt;
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace fallacy {

/// What the analysis knows about waits and randomness (the "waits" and
/// "randomSources" of the models, plus the check options).
struct RetryVocabulary {
  std::vector<std::string> RetryHelpers;   ///< Library functions that retry their callable argument.
  std::vector<std::string> BackoffHelpers; ///< Library functions that wait with growing, jittered delays.
};

/// One retry found in a function.
struct Retry {
  enum class Shape { Loop, Recursion, Helper };
  Shape How = Shape::Loop;
  const clang::Stmt *Where = nullptr; ///< The loop, the recursive call, or the call of a helper.
  /// The remote calls each attempt makes again: model operations, or calls of
  /// functions that make one (with the operation inside them in Sites).
  std::vector<const clang::Expr *> Retried;
  std::vector<RemoteSite> Sites;
  /// When the retried calls are the project's functions whose bodies are in
  /// other files (Sites are then empty): their USRs. The retry is one if any
  /// of them reaches the network, which the summaries decide.
  std::vector<std::string> RequiresRemote;

  enum class Bound { None, Attempts, Deadline, Range, Cancellation, Unknown };
  Bound BoundedBy = Bound::None;
  const clang::Stmt *BoundAt = nullptr;
  bool InfiniteLimitConvention = false; ///< A limit whose 0 or -1 means "unlimited".

  bool Waits = false;  ///< Pauses between attempts.
  bool Grows = false;  ///< The pause grows with the attempts.
  bool Jitter = false; ///< The pause is randomised.
  const clang::Stmt *WaitAt = nullptr;
};

/// Finds retries in a translation unit: loops that run a remote operation
/// again after it failed (the loop goes on, or its exit is skipped, depending
/// on the operation's result, status or exception), recursion on failure, and
/// calls of retry helpers (functions and templates that retry a callable
/// parameter, or library helpers named in RetryHelpers). Server accept and
/// event loops, loops that stop on a stop flag, and loops that send the chunks
/// of one stream continue on success, so they are not retries.
class RetryFinder {
public:
  RetryFinder(const ApiModel &Model, clang::ASTContext &Ctx, RetryVocabulary Vocabulary);

  /// The retry that \p S is: a loop statement, a recursive call, or a call of
  /// a retry helper with a remote callable. None when it is not one.
  /// Computed once per statement, whichever check asks.
  std::optional<Retry> retryAt(const clang::Stmt &S);

private:
  std::optional<Retry> compute(const clang::Stmt &S);
  llvm::DenseMap<const clang::Stmt *, std::optional<Retry>> Memo;
  struct HelperInfo {
    bool IsHelper = false;
    unsigned CallableParam = 0;
    Retry Shape; ///< Bound and waits of the helper's own loop.
  };
  std::optional<Retry> loopRetry(const clang::Stmt &Loop);
  std::optional<Retry> gotoRetry(const clang::GotoStmt &Goto);
  std::optional<Retry> recursionRetry(const clang::CallExpr &Call);
  std::optional<Retry> helperRetry(const clang::CallExpr &Call);
  const HelperInfo &helper(const clang::FunctionDecl &FD);
  /// \p BackEdge: for a goto retry, the goto, whose guards act like a loop
  /// condition (\p Loop is then the block that holds the label and the goto).
  void findBound(const clang::Stmt &Loop, Retry &R, const clang::Stmt *BackEdge = nullptr);
  void findWaits(const clang::Stmt &Loop, Retry &R);
  bool isWait(const clang::CallExpr &Call, const clang::Expr *&Duration, unsigned Depth);
  bool isRandom(const clang::Expr &E, const clang::Stmt &Scope, unsigned Depth);

  const ApiModel &Model;
  clang::ASTContext &Ctx;
  RetryVocabulary Vocabulary;
  RemoteCalls Remote;
  LoopCalls Elements; ///< Which calls of a loop over data use the element.
  llvm::DenseMap<const clang::FunctionDecl *, HelperInfo> Helpers;
};

} // namespace fallacy

#endif
