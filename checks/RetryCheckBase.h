// checks/RetryCheckBase.h: what the three retry checks share: the model, the finder, the matcher.
#ifndef FALLACY_CHECKS_RETRYCHECKBASE_H
#define FALLACY_CHECKS_RETRYCHECKBASE_H

#include "FallacyCheck.h"
#include "analysis/RetryLoops.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace fallacy {

/// A check that looks at the retries RetryFinder recognises: loops, recursive
/// calls and calls of retry helpers, outside system headers. Subclasses
/// implement onRetry(); instantiations of one template report once.
class RetryCheckBase : public FallacyCheck {
public:
  RetryCheckBase(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

protected:
  virtual void onRetry(const Retry &R, clang::ASTContext &Ctx) = 0;
  /// True the first time \p Loc is reported by this check in this unit.
  bool firstAt(clang::SourceLocation Loc, const clang::ASTContext &Ctx);
  const ApiModel *Model = nullptr;

private:
  std::unique_ptr<RetryFinder> Finder;
  clang::ASTContext *FinderCtx = nullptr;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace fallacy

#endif
