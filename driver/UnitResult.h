// driver/UnitResult.h: what a worker reports for one unit, its JSON exchange form, and the merge.
#ifndef FALLACY_DRIVER_UNITRESULT_H
#define FALLACY_DRIVER_UNITRESULT_H

#include "Finding.h"
#include "output/Output.h"
#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fallacy::driver {

/// A compiler error that stopped a unit from being analysed.
struct CompilerError {
  std::string File; ///< Empty for errors without a location (bad flags).
  unsigned Offset = 0;
  std::string Message;
};

/// One unit's outcome. Workers send it to the parent as JSON in a temporary
/// file; fields are added, never renamed, so the format stays readable.
struct UnitResult {
  std::string File;
  std::vector<Finding> Findings;
  std::optional<UnitFailure> Failure;
  std::vector<CompilerError> CompilerErrors; ///< Rendered into Failure->Details by mergeUnits.
  unsigned Suppressed = 0;
  /// clang-tidy's configuration warnings ("invalid configuration value ...").
  std::vector<std::string> ConfigWarnings;
  /// Check configuration errors (a model file that does not parse): the run
  /// goes on without that check's rules and exits 2.
  std::vector<std::string> ConfigErrors;
  /// Facts other units need and the findings that wait on them (the
  /// summary format of docs/summaries.md); null when a unit has none. The
  /// parent merges them before it resolves the waiting findings.
  nlohmann::json Summary;
};

nlohmann::json findingToJson(const Finding &F);
/// Throws nlohmann::json::exception when \p J is not a finding.
Finding findingFromJson(const nlohmann::json &J);

nlohmann::json unitResultToJson(const UnitResult &R);
llvm::Expected<UnitResult> unitResultFromJson(llvm::StringRef Text);

/// The run's result: findings deduplicated (one header seen by several units
/// reports once: same check, file, offset and message) and sorted by file,
/// offset, check and message; failures sorted by file, compiler errors
/// rendered as "file:line:col: error: message" lines.
/// Adds findings made after the units were merged (cross-file findings)
/// with the same deduplication and order.
void addFindings(RunResult &R, std::vector<Finding> More);

RunResult mergeUnits(std::vector<UnitResult> Units, std::vector<UnitFailure> Failures,
                     const std::vector<std::string> &EnabledChecks, SourceCache &Sources);

} // namespace fallacy::driver

#endif
