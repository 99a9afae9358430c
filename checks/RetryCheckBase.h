// checks/RetryCheckBase.h: what the three retry checks share: the model, the finder, the matcher.
#ifndef FALLACY_CHECKS_RETRYCHECKBASE_H
#define FALLACY_CHECKS_RETRYCHECKBASE_H

#include "FallacyCheck.h"
#include "analysis/RetryLoops.h"

namespace fallacy {

/// A check that looks at the retries RetryFinder recognises: loops, recursive
/// calls and calls of retry helpers, outside system headers. Subclasses
/// implement onRetry(); instantiations of one template report once.
class RetryCheckBase : public FallacyCheck {
public:
  RetryCheckBase(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

protected:
  void registerCheckMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void checkMatch(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  virtual void onRetry(const Retry &R, clang::ASTContext &Ctx) = 0;
  /// Which summarised functions retry their remote call themselves.
  void addFacts(UnitSummary &S) override;

private:
  RetryVocabulary Vocabulary;
};

} // namespace fallacy

#endif
