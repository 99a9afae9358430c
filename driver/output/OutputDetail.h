// driver/output/OutputDetail.h: helpers shared by the writers in driver/output/ (not part of Output.h).
#ifndef FALLACY_DRIVER_OUTPUT_OUTPUTDETAIL_H
#define FALLACY_DRIVER_OUTPUT_OUTPUTDETAIL_H

#include "output/Output.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fallacy::driver::detail {

/// True when File lies strictly inside the directory Base.
bool isUnder(llvm::StringRef File, llvm::StringRef Base);
/// File relative to Base when it lies under Base ("src/a.cpp"), else File.
std::string relativeTo(llvm::StringRef File, llvm::StringRef Base);

/// The offset just past the C++ token starting at Offset in File; Offset
/// itself when no token starts there or the file cannot be read.
unsigned tokenEnd(SourceCache &Sources, llvm::StringRef File, unsigned Offset);
/// [Begin, End) of the region a finding flags: from its location to the end
/// of its first range when that lies in the finding's file and ends after
/// the location, else to the end of the token at its location.
std::pair<unsigned, unsigned> primaryRange(const Finding &F, SourceCache &Sources);

/// Prints clang 19's source snippet for a diagnostic at Offset in File: each
/// source line with its line-number gutter, the caret line ('^' at Offset,
/// '~' under Ranges and the edits of Fixes) and the fix-it insertion line.
/// Prints nothing when the file cannot be read or the line is too long.
void writeSnippet(llvm::raw_ostream &OS, SourceCache &Sources, bool Color, llvm::StringRef File,
                  unsigned Offset, llvm::ArrayRef<ByteRange> Ranges,
                  llvm::ArrayRef<FixEdit> Fixes);

/// Computes the line-number-free fingerprints of findings; caches each file's
/// block structure, so a file with many findings is lexed once.
class Fingerprinter {
public:
  explicit Fingerprinter(SourceCache &Sources) : Sources(Sources) {}
  /// What identifies a finding apart from its occurrence index: rule, path,
  /// normalised flagged line, enclosing declarations and message.
  std::string key(const Finding &F, llvm::StringRef RelativePath);
  /// The headers of the declarations (namespace, class, function, lambda)
  /// enclosing Offset, outermost first, whitespace-normalised.
  std::vector<std::string> enclosingDeclarations(llvm::StringRef File, unsigned Offset);
  /// One fingerprint per finding of R, in order; identical keys in one file
  /// are numbered by occurrence. Paths are taken relative to SourceRoot.
  std::vector<std::string> all(const RunResult &R, llvm::StringRef SourceRoot);

private:
  struct Block {
    unsigned Open = 0;  ///< Offset of '{'.
    unsigned Close = 0; ///< Offset of the matching '}' (end of file if none).
    std::string Header; ///< Tokens before '{' back to the previous ';', '{' or '}'.
    bool IsDeclaration = false;
  };
  const std::vector<Block> &blocks(llvm::StringRef File);
  SourceCache &Sources;
  llvm::StringMap<std::vector<Block>> Blocks;
};

/// The fingerprint string for a key and its occurrence index.
std::string fingerprintOf(llvm::StringRef Key, unsigned Occurrence);

/// Which fixes --fix applies and --export-fixes exports: findings in order,
/// each edit once, a finding whose fix overlaps an earlier one skipped whole.
struct FixPlan {
  struct Fix {
    size_t Finding = 0;          ///< Index into RunResult::Findings.
    std::vector<FixEdit> Edits;  ///< Its edits not already made by an earlier finding.
  };
  std::vector<Fix> Accepted;
  std::vector<size_t> Conflicting; ///< Findings whose fix was skipped.
  std::vector<std::string> Errors; ///< "path: why its edits cannot be applied".
};
/// With Sources, edits in files that cannot be read or outside them are
/// reported as errors and their findings skipped.
FixPlan planFixes(const RunResult &R, SourceCache *Sources);

} // namespace fallacy::driver::detail

#endif
