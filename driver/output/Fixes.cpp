// driver/output/Fixes.cpp: --fix and --export-fixes, from one plan so both make the same edits.
#include "output/Output.h"
#include "output/OutputDetail.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>
#include <set>

using namespace llvm;
namespace tooling = clang::tooling;

namespace fallacy::driver {
namespace detail {
namespace {

bool sameEdit(const FixEdit &A, const FixEdit &B) {
  return A.File == B.File && A.Offset == B.Offset && A.Length == B.Length && A.Text == B.Text;
}

// Two edits conflict when their results depend on the order they are made
// in: overlapping replacements, an insertion strictly inside a replacement,
// or two different insertions at one point. Touching edits do not conflict.
bool conflicts(const FixEdit &A, const FixEdit &B) {
  if (A.File != B.File)
    return false;
  unsigned AEnd = A.Offset + A.Length, BEnd = B.Offset + B.Length;
  if (A.Length == 0 && B.Length == 0)
    return A.Offset == B.Offset;
  if (A.Length == 0)
    return B.Offset < A.Offset && A.Offset < BEnd;
  if (B.Length == 0)
    return A.Offset < B.Offset && B.Offset < AEnd;
  return A.Offset < BEnd && B.Offset < AEnd;
}

// Why E cannot be applied to its file as it is now, or "" when it can.
std::string invalidEdit(const FixEdit &E, const Finding &F, SourceCache &Sources) {
  const std::string *Code = Sources.content(E.File);
  if (!Code)
    return E.File + ": cannot read the file to apply the fix-it of " + F.CheckId;
  if (static_cast<uint64_t>(E.Offset) + E.Length > Code->size())
    return E.File + ": the fix-it of " + F.CheckId + " at offset " + std::to_string(E.Offset) +
           " lies outside the file (was it changed after the analysis?)";
  return "";
}

} // namespace

FixPlan planFixes(const RunResult &R, SourceCache *Sources) {
  FixPlan Plan;
  std::map<std::string, std::vector<FixEdit>> Taken; // Accepted edits by file.
  std::set<std::string> Reported;
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    if (F.Fixes.empty())
      continue;
    bool Valid = true;
    for (const FixEdit &E : F.Fixes)
      if (std::string Why = Sources ? invalidEdit(E, F, *Sources) : ""; !Why.empty()) {
        Valid = false;
        if (Reported.insert(Why).second)
          Plan.Errors.push_back(Why);
      }
    if (!Valid)
      continue;

    FixPlan::Fix A;
    A.Finding = I;
    bool Conflict = false;
    for (const FixEdit &E : F.Fixes) {
      auto Same = [&](const FixEdit &T) { return sameEdit(T, E); };
      auto Clash = [&](const FixEdit &T) { return conflicts(T, E); };
      const std::vector<FixEdit> &InFile = Taken[E.File];
      // The same header fix found by several units is made once.
      if (llvm::any_of(InFile, Same) || llvm::any_of(A.Edits, Same))
        continue;
      if (llvm::any_of(InFile, Clash) || llvm::any_of(A.Edits, Clash)) {
        Conflict = true;
        break;
      }
      A.Edits.push_back(E);
    }
    // A fix is all or nothing: half of one can break the code.
    if (Conflict) {
      Plan.Conflicting.push_back(I);
      continue;
    }
    for (const FixEdit &E : A.Edits)
      Taken[E.File].push_back(E);
    Plan.Accepted.push_back(std::move(A));
  }
  return Plan;
}

} // namespace detail

namespace {

tooling::DiagnosticMessage message(StringRef Text, StringRef File, unsigned Offset,
                                   ArrayRef<ByteRange> Ranges) {
  tooling::DiagnosticMessage M(Text);
  M.FilePath = File.str();
  M.FileOffset = Offset;
  for (const ByteRange &R : Ranges) {
    tooling::FileByteRange B;
    B.FilePath = R.File;
    B.FileOffset = R.Begin;
    B.Length = R.End >= R.Begin ? R.End - R.Begin : 0;
    M.Ranges.push_back(B);
  }
  return M;
}

tooling::Diagnostic::Level yamlLevel(StringRef Level) {
  if (Level == "error")
    return tooling::Diagnostic::Error;
  if (Level == "note")
    return tooling::Diagnostic::Remark;
  return tooling::Diagnostic::Warning;
}

} // namespace

void writeFixesYaml(const RunResult &R, raw_ostream &OS) {
  detail::FixPlan Plan = detail::planFixes(R, nullptr);
  tooling::TranslationUnitDiagnostics Doc;
  for (const detail::FixPlan::Fix &A : Plan.Accepted) {
    // A finding whose every edit an earlier one already makes adds nothing.
    if (A.Edits.empty())
      continue;
    const Finding &F = R.Findings[A.Finding];
    tooling::DiagnosticMessage M = message(F.Message, F.File, F.Offset, F.Ranges);
    for (const FixEdit &E : A.Edits)
      // The plan has no overlaps, so adding cannot fail.
      cantFail(M.Fix[E.File].add(tooling::Replacement(E.File, E.Offset, E.Length, E.Text)));
    SmallVector<tooling::DiagnosticMessage, 1> Notes;
    for (const FindingNote &N : F.Notes)
      Notes.push_back(message(N.Message, N.File, N.Offset, N.Ranges));
    Doc.Diagnostics.emplace_back(F.CheckId, M, Notes, yamlLevel(F.Level), F.BuildDirectory);
  }
  yaml::Output YAML(OS);
  YAML << Doc;
}

FixReport applyFixes(const RunResult &R, SourceCache &Sources) {
  FixReport Report;
  detail::FixPlan Plan = detail::planFixes(R, &Sources);
  Report.Errors = Plan.Errors;
  Report.Conflicting = static_cast<unsigned>(Plan.Conflicting.size());

  std::map<std::string, tooling::Replacements> PerFile;
  for (const detail::FixPlan::Fix &A : Plan.Accepted)
    for (const FixEdit &E : A.Edits)
      cantFail(PerFile[E.File].add(tooling::Replacement(E.File, E.Offset, E.Length, E.Text)));

  std::set<std::string> Failed;
  for (auto &[File, Replacements] : PerFile) {
    const std::string &Code = *Sources.content(File);
    Expected<std::string> Fixed = tooling::applyAllReplacements(Code, Replacements);
    if (!Fixed) {
      Report.Errors.push_back(File + ": cannot apply the fix-its: " + toString(Fixed.takeError()));
      Failed.insert(File);
      continue;
    }
    if (*Fixed == Code)
      continue;
    if (Error E = writeFileAtomically(File, [&](raw_ostream &OS) { OS << *Fixed; })) {
      Report.Errors.push_back(toString(std::move(E)));
      Failed.insert(File);
      continue;
    }
    Report.ChangedFiles.push_back(File);
  }
  // A finding's fix is applied when every file it edits was written.
  for (const detail::FixPlan::Fix &A : Plan.Accepted) {
    bool Written = llvm::none_of(R.Findings[A.Finding].Fixes,
                                 [&](const FixEdit &E) { return Failed.count(E.File) > 0; });
    Report.Applied += Written;
  }
  return Report;
}

} // namespace fallacy::driver
