// checks/analysis/Outcome.h: does a condition test that a call succeeded or that it failed?
#ifndef FALLACY_ANALYSIS_OUTCOME_H
#define FALLACY_ANALYSIS_OUTCOME_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang {
class ASTContext;
class Expr;
class Stmt;
class ValueDecl;
} // namespace clang

namespace fallacy {
class ApiModel;

/// What a condition being true says about the tracked calls' results.
enum class Outcome {
  Unrelated, ///< The condition does not look at the results.
  Unknown,   ///< It looks at them, but whether true means success is unclear.
  Success,   ///< True means the call worked: `s.ok()`, `rc == CURLE_OK`, `reply != nullptr`.
  Failure,   ///< True means it failed: `!s.ok()`, `rc == -1`, `n < 0`, `isRetryable(s)`.
};

Outcome negate(Outcome O);

/// The results of some calls and the variables that hold them; classifies
/// conditions by what they test. Names of constants (`..._OK`, `SUCCESS`,
/// `UNAVAILABLE`, `..._ERROR`), of methods (`ok()`, `failed()`), and the
/// C conventions (0 is success, -1 and negative values are failure, null is
/// failure, HTTP 2xx is success) decide the polarity.
class ResultTracker {
public:
  /// \p Model, when given, names result types whose truth value means
  /// failure (resultConventions).
  explicit ResultTracker(clang::ASTContext &Ctx, const ApiModel *Model = nullptr)
      : Ctx(Ctx), Model(Model) {}

  void addCall(const clang::Expr *Call) { Calls.insert(Call); }
  void addVar(const clang::ValueDecl *Var) { Vars.insert(Var); }
  /// Tracks the variables in \p Scope whose value comes from a tracked call
  /// (`auto s = stub->X(...)`, `ok = fetch()`, `rc = curl_easy_perform(h) == CURLE_OK`).
  void addDerivedVars(const clang::Stmt &Scope);
  /// Tracks \p Calls and the variables of \p Scope derived from them.
  void trackCalls(llvm::ArrayRef<const clang::Expr *> Calls, const clang::Stmt &Scope) {
    for (const clang::Expr *C : Calls)
      addCall(C);
    addDerivedVars(Scope);
  }

  bool mentions(const clang::Expr &E) const;
  Outcome classify(const clang::Expr &Cond) const;

private:
  Outcome compare(const clang::Expr &Tracked, int Opcode, const clang::Expr &Other) const;
  Outcome truthiness(const clang::Expr &Tracked) const;

  clang::ASTContext &Ctx;
  const ApiModel *Model;
  llvm::SmallPtrSet<const clang::Expr *, 8> Calls;
  llvm::SmallPtrSet<const clang::ValueDecl *, 8> Vars;
};

} // namespace fallacy

#endif
