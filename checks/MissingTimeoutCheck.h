// checks/MissingTimeoutCheck.h: a blocking remote call with no timeout or deadline.
#ifndef FALLACY_CHECKS_MISSINGTIMEOUTCHECK_H
#define FALLACY_CHECKS_MISSINGTIMEOUTCHECK_H

#include "FallacyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace fallacy {
class ApiModel;
class TimeoutFlow;

/// Remote call can block forever because no timeout or deadline reaches it.
///
/// Matches calls the API model marks as blocking and asks analysis::TimeoutFlow
/// whether a timeout was set on the same handle, context or socket first.
/// Not flagged: calls in unevaluated code, handles that code outside this
/// translation unit may configure, globals.
class MissingTimeoutCheck final : public FallacyCheck {
public:
  MissingTimeoutCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~MissingTimeoutCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  const ApiModel *Model = nullptr;
  int64_t DefaultTimeoutMs;
  std::unique_ptr<TimeoutFlow> Flow;
  llvm::DenseSet<unsigned> Reported; ///< Locations, so instantiations report once.
};

} // namespace fallacy

#endif
