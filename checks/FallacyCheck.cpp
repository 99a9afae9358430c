// checks/FallacyCheck.cpp: option access through the check's metadata record.
#include "FallacyCheck.h"
#include "BoundNodes.h"
#include "analysis/ApiModel.h"
#include "analysis/UnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;
using namespace clang::ast_matchers;

namespace fallacy {
FallacyCheck::FallacyCheck(StringRef Name, clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Record(checkMetadata().find(Name)) {
  if (!Record)
    report_fatal_error(Twine("check '") + Name + "' has no record in rules/checks.json");
  Model = loadModel();
}

void FallacyCheck::registerMatchers(MatchFinder *Finder) {
  if (!Model)
    return;
  // Matched first (it is the root), so every unit is known, and summarised
  // at its end, even when it has nothing the check looks for.
  Finder->addMatcher(translationUnitDecl().bind(nodes::Unit), this);
  registerCheckMatchers(Finder);
}

void FallacyCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (!Result.Nodes.getNodeAs<clang::TranslationUnitDecl>(nodes::Unit))
    checkMatch(Result);
}

void FallacyCheck::onEndOfTranslationUnit() {
  if (Ctx && Model) {
    unit().recordSummary(*Model);
    if (UnitSummary *S = activeSummary())
      addFacts(*S);
  }
  Ctx = nullptr;
}

bool FallacyCheck::crossFile() const { return activeSummary() != nullptr; }

void FallacyCheck::reportOnlyIf(clang::SourceLocation Loc, std::vector<Condition> Requires,
                                bool BatchNote) {
  UnitSummary *S = activeSummary();
  if (!S)
    return;
  // The marker note travels with the diagnostic: suppressed with it by a
  // NOLINT, found by the worker however the location was written.
  diag(Loc, "%0%1", clang::DiagnosticIDs::Note) << PendingMarker
                                                << static_cast<unsigned>(S->Conditional.size());
  S->Conditional.push_back({getID().str(), summaryLocation(Loc, Ctx->getSourceManager()),
                            std::move(Requires), BatchNote});
}

UnitAnalysis &FallacyCheck::unit() const { return UnitAnalysis::of(*Ctx); }

bool FallacyCheck::firstReport(clang::SourceLocation Loc) const {
  return unit().firstReport(getID(), Loc);
}

StringRef FallacyCheck::defaultOf(StringRef Name) const {
  const CheckOptionRecord *O = Record->option(Name);
  if (!O)
    report_fatal_error(Twine("option '") + Name + "' of '" + Record->Id +
                       "' is not declared in rules/checks.json");
  return O->Default;
}

int64_t FallacyCheck::intOption(StringRef Name) const {
  int64_t Default = 0;
  defaultOf(Name).getAsInteger(10, Default);
  return Options.getLocalOrGlobal<int64_t>(Name, Default);
}

bool FallacyCheck::boolOption(StringRef Name) const {
  return Options.getLocalOrGlobal<bool>(Name, defaultOf(Name) == "true");
}

std::string FallacyCheck::stringOption(StringRef Name) const {
  return Options.getLocalOrGlobal(Name, defaultOf(Name)).str();
}

std::vector<std::string> FallacyCheck::listOption(StringRef Name) const {
  SmallVector<StringRef, 8> Parts;
  StringRef(Options.getLocalOrGlobal(Name, defaultOf(Name))).split(Parts, ';', -1, false);
  std::vector<std::string> Out;
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

RetryVocabulary FallacyCheck::retryVocabulary() const {
  auto List = [&](StringRef Name) {
    if (Record->option(Name))
      return listOption(Name);
    SmallVector<StringRef, 8> Parts;
    StringRef(Options.getLocalOrGlobal(Name, "")).split(Parts, ';', -1, false);
    std::vector<std::string> Out;
    for (StringRef P : Parts)
      if (!P.trim().empty())
        Out.push_back(P.trim().str());
    return Out;
  };
  RetryVocabulary V;
  V.RetryHelpers = List("RetryHelpers");
  V.BackoffHelpers = List("BackoffHelpers");
  return V;
}

const ApiModel *FallacyCheck::loadModel() {
  llvm::Expected<const ApiModel &> M = loadApiModel(listOption("ModelFiles"));
  if (M)
    return &*M;
  configurationDiag("%0", clang::DiagnosticIDs::Error) << llvm::toString(M.takeError());
  return nullptr;
}

void FallacyCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  for (const CheckOptionRecord &O : Record->Options)
    Options.store(Opts, O.Name, Options.get(O.Name, O.Default));
}

} // namespace fallacy
