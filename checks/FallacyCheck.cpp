// checks/FallacyCheck.cpp: option access through the check's metadata record.
#include "FallacyCheck.h"
#include "analysis/ApiModel.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

namespace fallacy {

FallacyCheck::FallacyCheck(StringRef Name, clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Record(checkMetadata().find(Name)) {
  if (!Record)
    report_fatal_error(Twine("check '") + Name + "' has no record in rules/checks.json");
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
