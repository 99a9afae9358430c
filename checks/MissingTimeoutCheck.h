// checks/MissingTimeoutCheck.h: a blocking remote call with no timeout or deadline.
#ifndef FALLACY_CHECKS_MISSINGTIMEOUTCHECK_H
#define FALLACY_CHECKS_MISSINGTIMEOUTCHECK_H

#include "FallacyCheck.h"

namespace fallacy {

/// Remote call can block forever because no timeout or deadline reaches it.
class MissingTimeoutCheck final : public FallacyCheck {
public:
  MissingTimeoutCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace fallacy

#endif
