// driver/Finding.h: what a worker reports for one translation unit, and what the writers print.
#ifndef FALLACY_DRIVER_FINDING_H
#define FALLACY_DRIVER_FINDING_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fallacy::driver {

/// A half-open byte range [Begin, End) in File. Offsets are bytes from the
/// start of the file, as clang reports them.
struct ByteRange {
  std::string File;
  unsigned Begin = 0;
  unsigned End = 0;
};

/// One textual edit: replace Length bytes at Offset in File with Text.
struct FixEdit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

/// A note attached to a finding ("note: retry loop starts here").
struct FindingNote {
  std::string Message;
  std::string File; ///< Empty when the note has no location.
  unsigned Offset = 0;
  std::vector<ByteRange> Ranges;
};

/// One diagnostic of a fallacy-* check (or a clang-diagnostic-* the user
/// asked for), after NOLINT filtering.
struct Finding {
  std::string CheckId;  ///< "fallacy-missing-timeout".
  std::string Level;    ///< "error", "warning" or "note" (from metadata and config).
  std::string Message;  ///< Without the trailing " [check-id]".
  std::string File;     ///< Absolute, normalised path.
  unsigned Offset = 0;  ///< Byte offset of the diagnostic location.
  std::vector<ByteRange> Ranges; ///< Highlighted ranges; the first is the primary region.
  std::vector<FindingNote> Notes;
  std::vector<FixEdit> Fixes;    ///< The fix-it of the diagnostic itself.
  std::string MainFile;          ///< The translation unit it was found in.
  std::string BuildDirectory;    ///< The compile command's directory.
};

/// A translation unit that could not be analysed.
struct UnitFailure {
  std::string File;   ///< The translation unit's main file.
  std::string Reason; ///< One line: "does not compile", "crashed (signal 11)", "timed out after 300 s".
  std::string Details;///< The compiler's errors or the tail of the worker's stderr.
};

/// Counters for the summary line.
struct RunStats {
  unsigned FilesAnalysed = 0;  ///< Translation units analysed successfully.
  unsigned Suppressed = 0;     ///< Findings silenced by NOLINT comments.
};

/// Everything one run produced, deduplicated and in deterministic order:
/// findings sorted by file, offset, check id and message; failures by file.
struct RunResult {
  std::vector<Finding> Findings;
  std::vector<UnitFailure> Failures;
  RunStats Stats;
  std::vector<std::string> EnabledChecks; ///< Union over all units, sorted.
};

} // namespace fallacy::driver

#endif
