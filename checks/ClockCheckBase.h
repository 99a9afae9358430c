// checks/ClockCheckBase.h: what the two clock checks share: comparisons and differences of time values.
#ifndef FALLACY_CHECKS_CLOCKCHECKBASE_H
#define FALLACY_CHECKS_CLOCKCHECKBASE_H

#include "FallacyCheck.h"
#include "analysis/ClockProvenance.h"

namespace fallacy {

/// Matches comparisons (`<`, `>`, `<=`, `>=`, `==`, `!=`, also on chrono and
/// protobuf types), subtractions and std::max/std::min outside system
/// headers, and hands both operands' provenance to the subclass.
class ClockCheckBase : public FallacyCheck {
public:
  ClockCheckBase(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

protected:
  void registerCheckMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void checkMatch(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  /// \p Sink is the comparison or subtraction; \p Subtraction tells which.
  virtual void onTimes(const clang::Expr &Sink, bool Subtraction, const clang::Expr &L,
                       const Provenance &PL, const clang::Expr &R, const Provenance &PR,
                       clang::ASTContext &Ctx) = 0;
  void noteOrigin(const Provenance &P, llvm::StringRef Text);

private:
  ClockOptions Options;
};

} // namespace fallacy

#endif
