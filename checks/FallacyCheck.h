// checks/FallacyCheck.h: base class giving every check its record from rules/checks.json.
#ifndef FALLACY_CHECKS_FALLACYCHECK_H
#define FALLACY_CHECKS_FALLACYCHECK_H

#include "analysis/CheckMetadata.h"
#include "analysis/RetryLoops.h"
#include "analysis/Summary.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace fallacy {
class ApiModel;
class UnitAnalysis;

/// A clang-tidy check whose id, options and option defaults come from its
/// record in rules/checks.json, never from the C++ source. Options are read
/// as `<check>.<Option>`, falling back to a global `<Option>` so shared
/// settings (ModelFiles, RetryHelpers) are written once.
///
/// A check finds (registerCheckMatchers), asks the unit's shared analysis
/// (unit()) and emits (checkMatch); it keeps no per-unit state of its own.
/// The base class records the unit's summary at its end, whichever checks
/// are enabled.
class FallacyCheck : public clang::tidy::ClangTidyCheck {
public:
  FallacyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  /// Stores every option the record declares, with its current value.
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  void onEndOfTranslationUnit() final;
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus || LangOpts.C99;
  }

protected:
  /// The check's matchers; not called when the model did not load.
  virtual void registerCheckMatchers(clang::ast_matchers::MatchFinder *Finder) = 0;
  virtual void checkMatch(const clang::ast_matchers::MatchFinder::MatchResult &Result) = 0;
  /// The shared analysis of the unit being checked.
  UnitAnalysis &unit() const;
  /// True the first time this check reports at \p Loc in this unit.
  bool firstReport(clang::SourceLocation Loc) const;
  /// Whether findings that depend on other files can be made: only the
  /// fallacy-lint driver resolves them (the plugin and clangd see one file).
  bool crossFile() const;
  /// Call right after the diagnostic at \p Loc, before its notes (clang-tidy
  /// drops the notes that follow one on a NOLINT line). Marks the diagnostic
  /// this check emitted at \p Loc as holding only if
  /// \p Requires holds in the facts of all units (Summary.h); with
  /// \p BatchNote, the remote call's batch alternative is added as a note.
  void reportOnlyIf(clang::SourceLocation Loc, std::vector<Condition> Requires,
                    bool BatchNote = false);
  /// Adds what this check knows to the facts of the unit's functions
  /// (idempotency, waits, retries); called once at the end of each unit.
  virtual void addFacts(UnitSummary &) {}
  const CheckRecord &record() const { return *Record; }
  /// The built-in API models plus the ModelFiles option's; nullptr (after a
  /// configuration error naming the file and the problem) when one is malformed.
  const ApiModel *loadModel();
  int64_t intOption(llvm::StringRef Name) const;
  bool boolOption(llvm::StringRef Name) const;
  std::string stringOption(llvm::StringRef Name) const;
  /// A semicolon-separated list option, trimmed, empty entries dropped.
  std::vector<std::string> listOption(llvm::StringRef Name) const;
  /// RetryHelpers and BackoffHelpers, from this check's options where its
  /// record declares them and from the global options otherwise, so that
  /// every check asks the same retry finder of the unit.
  RetryVocabulary retryVocabulary() const;

  /// The models every check reads; nullptr after a configuration error.
  const ApiModel *Model = nullptr;

private:
  const CheckRecord *Record;
  clang::ASTContext *Ctx = nullptr;
  llvm::StringRef defaultOf(llvm::StringRef Name) const;
};

} // namespace fallacy

#endif
