// checks/FallacyCheck.h: base class giving every check its record from rules/checks.json.
#ifndef FALLACY_CHECKS_FALLACYCHECK_H
#define FALLACY_CHECKS_FALLACYCHECK_H

#include "analysis/CheckMetadata.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace fallacy {
class ApiModel;

/// A clang-tidy check whose id, options and option defaults come from its
/// record in rules/checks.json, never from the C++ source. Options are read
/// as `<check>.<Option>`, falling back to a global `<Option>` so shared
/// settings (ModelFiles, RetryHelpers) are written once.
class FallacyCheck : public clang::tidy::ClangTidyCheck {
public:
  FallacyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  /// Stores every option the record declares, with its current value.
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus || LangOpts.C99;
  }

protected:
  const CheckRecord &record() const { return *Record; }
  /// The built-in API models plus the ModelFiles option's; nullptr (after a
  /// configuration error naming the file and the problem) when one is malformed.
  const ApiModel *loadModel();
  int64_t intOption(llvm::StringRef Name) const;
  bool boolOption(llvm::StringRef Name) const;
  std::string stringOption(llvm::StringRef Name) const;
  /// A semicolon-separated list option, trimmed, empty entries dropped.
  std::vector<std::string> listOption(llvm::StringRef Name) const;

private:
  const CheckRecord *Record;
  llvm::StringRef defaultOf(llvm::StringRef Name) const;
};

} // namespace fallacy

#endif
