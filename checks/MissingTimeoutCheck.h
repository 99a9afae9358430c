// checks/MissingTimeoutCheck.h: a blocking remote call with no timeout or deadline.
#ifndef FALLACY_CHECKS_MISSINGTIMEOUTCHECK_H
#define FALLACY_CHECKS_MISSINGTIMEOUTCHECK_H

#include "FallacyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace fallacy {
class ApiModel;
class TimeoutFlow;
struct Operation;
struct TimeoutVerdict;
enum class WaitRole;

/// Remote call can block forever because no timeout or deadline reaches it.
///
/// Matches calls and constructions the API model marks as remote operations
/// and asks analysis::TimeoutFlow whether a timeout reaches them. Not flagged:
/// calls in unevaluated code, handles that code outside this translation unit
/// may configure, globals, finite library defaults within MaxTimeoutMs.
class MissingTimeoutCheck final : public FallacyCheck {
public:
  MissingTimeoutCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  ~MissingTimeoutCheck() override;
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

protected:
  void registerCheckMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void checkMatch(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  /// How each summarised function's remote call is bounded.
  void addFacts(UnitSummary &S) override;

private:
  TimeoutFlow &flow();
  void report(const clang::Expr &Call, const Operation &Op, const TimeoutVerdict &V, WaitRole Role,
              clang::ASTContext &Ctx);
  int64_t DefaultTimeoutMs;
  int64_t MaxTimeoutMs;
  bool ReportExplicitInfinite;
  bool ReportUnknownHandles;
  clang::Preprocessor *PP = nullptr;
};

} // namespace fallacy

#endif
