// driver/output/Output.h: the report writers (text, SARIF, JSON), fix-its and atomic files.
#ifndef FALLACY_DRIVER_OUTPUT_OUTPUT_H
#define FALLACY_DRIVER_OUTPUT_OUTPUT_H

#include "Finding.h"
#include "analysis/CheckMetadata.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>
#include <memory>
#include <string>

namespace fallacy::driver {

/// Reads source files once and maps byte offsets to lines and columns.
class SourceCache {
public:
  struct Position {
    unsigned Line = 0;   ///< 1-based.
    unsigned Column = 0; ///< 1-based, in bytes (clang's convention).
  };
  /// The file's content, or nullptr when it cannot be read.
  const std::string *content(llvm::StringRef File);
  /// Line and byte column of Offset; {0,0} when the file cannot be read.
  Position position(llvm::StringRef File, unsigned Offset);
  /// The text of a 1-based line without its line terminator.
  llvm::StringRef lineText(llvm::StringRef File, unsigned Line);
  /// Converts a 1-based byte column on Line into a 1-based column counted in
  /// UTF-16 code units (SARIF's default columnKind).
  unsigned utf16Column(llvm::StringRef File, unsigned Line, unsigned ByteColumn);

private:
  struct Entry {
    bool Readable = false;
    std::string Text;
    std::vector<unsigned> LineStarts;
  };
  Entry &load(llvm::StringRef File);
  llvm::StringMap<std::unique_ptr<Entry>> Files;
};

/// Writes \p Write's output to \p Path through a temporary file in the same
/// directory that is renamed over Path only when complete, so a crash or
/// Ctrl-C never leaves a half-written file. Path "-" writes to stdout.
llvm::Error writeFileAtomically(llvm::StringRef Path,
                                llvm::function_ref<void(llvm::raw_ostream &)> Write);

struct TextOptions {
  bool Color = false;
  /// Paths under this directory are printed relative to it (clang prints the
  /// path it was given; we print what the user can click).
  std::string DisplayBase;
};
/// Clang-style text: "file:line:col: warning: message [check-id]", the source
/// line with a gutter, a caret and range underline, the fix-it line, then the
/// notes in the same form, then failures ("file: error: could not analyse
/// this translation unit: reason" and the details indented), then the
/// summary line.
void writeText(const RunResult &R, SourceCache &Sources, const TextOptions &Opts,
               llvm::raw_ostream &OS);
/// "3 findings (2 warnings, 1 error) in 4 files analysed; 1 suppressed by NOLINT;
/// 1 file could not be analysed" ("no findings in 4 files analysed" when clean).
std::string summaryLine(const RunResult &R);

struct SarifOptions {
  std::string SourceRoot;  ///< Absolute; results' URIs are relative to it (%SRCROOT%).
  std::string ToolVersion; ///< "0.1.0".
  bool ExecutionSuccessful = true;
};
/// A SARIF 2.1.0 log with one run that GitHub code scanning accepts.
nlohmann::json makeSarif(const RunResult &R, SourceCache &Sources, const CheckMetadata &Meta,
                         const SarifOptions &Opts);

/// The stable fingerprint of a finding: independent of its line number, so it
/// survives unrelated edits above it. Occurrence disambiguates identical
/// findings in one file (0 for the first).
std::string findingFingerprint(const Finding &F, SourceCache &Sources,
                               llvm::StringRef RelativePath, unsigned Occurrence);

/// --format=json: a plain array of findings for scripts.
nlohmann::json makeJson(const RunResult &R, SourceCache &Sources, llvm::StringRef SourceRoot);

/// --export-fixes: clang-apply-replacements YAML with every finding that has a fix.
void writeFixesYaml(const RunResult &R, llvm::raw_ostream &OS);

struct FixReport {
  unsigned Applied = 0;     ///< Findings whose fix was applied.
  unsigned Conflicting = 0; ///< Findings whose fix overlapped another and was skipped.
  std::vector<std::string> ChangedFiles;
  std::vector<std::string> Errors; ///< "path: why the file could not be written".
};
/// --fix: applies every finding's fix (identical edits from several units
/// once), writing each changed file atomically.
FixReport applyFixes(const RunResult &R, SourceCache &Sources);

} // namespace fallacy::driver

#endif
