// driver/Info.cpp: --version, --list-checks and --explain.
#include "Info.h"
#include "EmbeddedDocs.h"
#include "Version.h"
#include "llvm/Support/Format.h"
#include <algorithm>

using namespace llvm;

namespace fallacy::driver {

void printVersion(raw_ostream &OS) {
  OS << "fallacy-lint version " << FALLACY_LINT_VERSION << "\n"
     << "  built with LLVM " << FALLACY_LLVM_VERSION << "\n"
     << "  clang resource directory: " << FALLACY_CLANG_RESOURCE_DIR << "\n";
}

void listChecks(const CheckMetadata &Meta, raw_ostream &OS) {
  size_t IdWidth = 0, SeverityWidth = 0, FallacyWidth = 0;
  for (const CheckRecord &C : Meta.Checks) {
    IdWidth = std::max(IdWidth, C.Id.size());
    SeverityWidth = std::max(SeverityWidth, C.Severity.size());
    FallacyWidth = std::max(FallacyWidth, C.Fallacy.size());
  }
  for (const CheckRecord &C : Meta.Checks)
    OS << left_justify(C.Id, IdWidth) << "  " << left_justify(C.Severity, SeverityWidth)
       << "  " << left_justify(C.Fallacy, FallacyWidth) << "  " << C.Summary << "\n";
}

namespace {

// Without a docs page (a check added before its page was written) the record
// itself is the documentation; a test fails the build until the page exists.
void printRecord(const CheckMetadata &Meta, const CheckRecord &C, raw_ostream &OS) {
  OS << "# " << C.Id << "\n\n" << C.Summary << "\n\n";
  if (const FallacyRecord *F = Meta.fallacy(C.Fallacy))
    OS << "Fallacy: " << F->Title << ". " << F->Text << "\n\n";
  OS << "Default severity: " << C.Severity << ". Fix-it: " << (C.FixIts ? "yes" : "no")
     << ".\n\n"
     << C.Description << "\n";
  if (!C.Options.empty()) {
    OS << "\n## Options\n";
    for (const CheckOptionRecord &O : C.Options)
      OS << "\n- " << O.Name << " (" << O.Type << ", default " << O.Default << "): " << O.Doc
         << "\n";
  }
  OS << "\nDocumentation: " << docsBaseUrl() << C.Docs << "\n";
}

} // namespace

int explainCheck(const CheckMetadata &Meta, StringRef Id, raw_ostream &Outs, raw_ostream &Errs) {
  const CheckRecord *C = Meta.find(Id);
  if (!C) {
    Errs << "fallacy-lint: error: unknown check '" << Id << "'";
    const CheckRecord *Closest = nullptr;
    unsigned Best = 4; // Suggest only near misses, like clang-tidy's "did you mean".
    for (const CheckRecord &R : Meta.Checks) {
      unsigned D = StringRef(R.Id).edit_distance(Id, true, Best);
      if (D < Best) {
        Best = D;
        Closest = &R;
      }
    }
    if (Closest)
      Errs << "; did you mean '" << Closest->Id << "'?";
    Errs << "\nknown checks:\n";
    for (const CheckRecord &R : Meta.Checks)
      Errs << "  " << R.Id << "\n";
    return 2;
  }
  for (const rules::EmbeddedFile &Page : rules::embeddedDocs())
    if (Page.Path == C->Docs) {
      Outs << Page.Text;
      if (!Page.Text.ends_with("\n"))
        Outs << "\n";
      return 0;
    }
  printRecord(Meta, *C, Outs);
  return 0;
}

} // namespace fallacy::driver
