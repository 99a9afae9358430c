// driver/Worker.cpp: one translation unit through clang::tidy::runClangTidy, converted to findings.
#include "Worker.h"
#include "Summaries.h"
#include "analysis/Summary.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>

using namespace llvm;
using clang::tidy::ClangTidyError;

namespace fallacy::driver {
namespace {

// Exactly the unit's commands, whatever file clang-tidy asks about.
class UnitDatabase final : public clang::tooling::CompilationDatabase {
public:
  explicit UnitDatabase(const Unit &U) : U(U) {}
  std::vector<clang::tooling::CompileCommand> getCompileCommands(StringRef) const override {
    return U.Commands;
  }
  std::vector<std::string> getAllFiles() const override { return {U.File}; }

private:
  const Unit &U;
};

// Diagnostic paths are as the compiler saw them, often relative to the
// build directory; findings carry absolute, normalised paths.
std::string absolute(StringRef Path, StringRef BuildDirectory) {
  if (Path.empty())
    return "";
  SmallString<256> P;
  if (sys::path::is_absolute(Path))
    P = Path;
  else
    sys::path::append(P, BuildDirectory, Path);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::vector<ByteRange> ranges(const clang::tooling::DiagnosticMessage &M, StringRef Dir) {
  std::vector<ByteRange> Out;
  for (const clang::tooling::FileByteRange &R : M.Ranges)
    Out.push_back({absolute(R.FilePath, Dir), R.FileOffset, R.FileOffset + R.Length});
  return Out;
}

std::string levelOf(const ClangTidyError &E, const CheckMetadata &Meta) {
  if (E.IsWarningAsError || E.DiagLevel == ClangTidyError::Error)
    return "error";
  if (const CheckRecord *C = Meta.find(E.DiagnosticName))
    return C->Severity;
  return E.DiagLevel == ClangTidyError::Remark ? "note" : "warning";
}

Finding toFinding(const ClangTidyError &E, const Unit &U, const CheckMetadata &Meta) {
  StringRef Dir = E.BuildDirectory;
  Finding F;
  F.CheckId = E.DiagnosticName;
  F.Level = levelOf(E, Meta);
  F.Message = E.Message.Message;
  F.File = absolute(E.Message.FilePath, Dir);
  F.Offset = E.Message.FileOffset;
  F.Ranges = ranges(E.Message, Dir);
  for (const clang::tooling::DiagnosticMessage &N : E.Notes)
    F.Notes.push_back({N.Message, absolute(N.FilePath, Dir), N.FileOffset, ranges(N, Dir)});
  // The diagnostic's own fix only: a fix offered in a note is an
  // alternative the user picks, never applied blindly (clang-tidy's default).
  std::vector<StringRef> FixFiles;
  for (const auto &Entry : E.Message.Fix)
    FixFiles.push_back(Entry.getKey());
  llvm::sort(FixFiles);
  for (StringRef File : FixFiles)
    for (const clang::tooling::Replacement &R : E.Message.Fix.find(File)->second)
      F.Fixes.push_back({absolute(R.getFilePath(), Dir), R.getOffset(), R.getLength(),
                         R.getReplacementText().str()});
  F.MainFile = U.File;
  F.BuildDirectory = E.BuildDirectory;
  return F;
}

bool isCompilerDiagnostic(StringRef Name) { return Name.starts_with("clang-diagnostic-"); }

// Compiler warnings get here only when --checks named them (Config.cpp).
void convert(std::vector<ClangTidyError> Errors, const Unit &U, UnitResult &R) {
  const CheckMetadata &Meta = checkMetadata();
  for (const ClangTidyError &E : Errors) {
    StringRef Name = E.DiagnosticName;
    if (Name == "clang-tidy-config") {
      (E.DiagLevel == ClangTidyError::Error ? R.ConfigErrors : R.ConfigWarnings)
          .push_back(E.Message.Message);
    } else if (isCompilerDiagnostic(Name) && E.DiagLevel == ClangTidyError::Error &&
               !E.IsWarningAsError) {
      R.CompilerErrors.push_back(
          {absolute(E.Message.FilePath, E.BuildDirectory), E.Message.FileOffset, E.Message.Message});
    } else {
      R.Findings.push_back(toFinding(E, U, Meta));
    }
  }
}

} // namespace

UnitResult analyseUnit(const Unit &U, const ConfigRequest &Config) {
  UnitResult R;
  R.File = U.File;
  Expected<std::unique_ptr<FallacyOptionsProvider>> Provider = FallacyOptionsProvider::create(Config);
  if (!Provider) {
    R.Failure = UnitFailure{U.File, "configuration error", toString(Provider.takeError())};
    return R;
  }
  clang::tidy::ClangTidyContext Context(std::move(*Provider),
                                        /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  // clang-tidy 19's diagnostic consumer reads HeaderFilterRegex once, when
  // runClangTidy creates it, from the context's current file, which is still
  // "" (the current directory's .clang-tidy); make it this unit's file. A
  // configuration problem found now is reported again, properly, when
  // runClangTidy sets the same file.
  clang::IgnoringDiagConsumer Ignore;
  clang::DiagnosticsEngine Early(new clang::DiagnosticIDs(), new clang::DiagnosticOptions(),
                                 &Ignore, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Early);
  Context.setCurrentFile(U.File);
  UnitDatabase Db(U);
  auto BaseFS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  // Checks leave cross-file facts here (fallacy::activeSummary()).
  UnitSummary Summary;
  setActiveSummary(&Summary);
  std::vector<ClangTidyError> Errors =
      clang::tidy::runClangTidy(Context, Db, {U.File}, BaseFS, /*ApplyAnyFix=*/false);
  setActiveSummary(nullptr);
  R.Suppressed = Context.getStats().ErrorsIgnoredNOLINT;
  convert(std::move(Errors), U, R);
  // Findings that hold only if other files' functions do what they need
  // wait in the summary; the driver keeps those whose conditions hold.
  std::vector<PendingFinding> Pending = takeConditional(R.Findings, Summary.Conditional);
  if (!Summary.Functions.empty() || !Pending.empty())
    R.Summary = summaryToJson(Summary.Functions, Pending);
  if (!R.CompilerErrors.empty()) {
    // Findings on a broken AST are guesses; the failure is the report.
    R.Findings.clear();
    R.Failure = UnitFailure{U.File, "does not compile", ""};
  }
  return R;
}

} // namespace fallacy::driver
