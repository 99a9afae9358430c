// driver/Summaries.h: the summary format, merging the units' facts, and resolving the findings that wait on them.
#ifndef FALLACY_DRIVER_SUMMARIES_H
#define FALLACY_DRIVER_SUMMARIES_H

#include "Finding.h"
#include "analysis/Summary.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fallacy::driver {

/// A finding its unit reported (after NOLINT and the unit's configuration)
/// that holds only if the functions of other files do what Requires says.
struct PendingFinding {
  Finding F;
  std::vector<Condition> Requires;
  bool BatchNote = false; ///< Add the remote call's batch alternative as a note.
};

/// The summary format (docs/summaries.md): facts and pending findings, as a
/// unit's result carries them and as --summary-out writes them.
nlohmann::json summaryToJson(const std::vector<FunctionFact> &Functions,
                             const std::vector<PendingFinding> &Pending);

/// Moves the findings of \p Findings that the unit marked conditional (by
/// their PendingMarker note, which is removed) into pending findings; the
/// others stay. \p Conditional comes from the checks.
std::vector<PendingFinding> takeConditional(std::vector<Finding> &Findings,
                                            const std::vector<ConditionalFinding> &Conditional);

/// All units' facts together: a function is remote when its own body makes a
/// remote call, or when it calls (in any file) a function that is remote.
class MergedSummary {
public:
  void add(std::vector<FunctionFact> Functions, std::vector<PendingFinding> Pending);
  /// Reads the summary format; errors name \p Origin and what is wrong.
  llvm::Error addJson(const nlohmann::json &J, llvm::StringRef Origin);
  /// Reads a file written by --summary-out.
  llvm::Error addFile(llvm::StringRef Path);
  /// The fact of the function whose body makes the remote call that \p Usr
  /// reaches, across files; nullptr when it reaches none.
  const FunctionFact *remoteThrough(llvm::StringRef Usr) const;
  /// The pending findings whose conditions now hold, each once, with a note
  /// at the remote call in the other file (and the batch alternative for a
  /// chatty loop, the effect for a non-idempotent one).
  std::vector<Finding> resolve() const;
  /// Everything, for --summary-out: the facts, and the pending findings that
  /// these facts do not resolve (the resolved ones were reported by this run).
  nlohmann::json unresolved() const;

private:
  void closure() const;
  /// The fact of the remote call that makes \p C hold, or nullptr.
  const FunctionFact *holds(const Condition &C) const;
  std::vector<FunctionFact> Functions;
  llvm::StringMap<size_t> Index; ///< Usr -> its (merged) fact in Functions.
  std::vector<PendingFinding> Pending;
  mutable llvm::StringMap<const FunctionFact *> Remote; ///< Usr -> the fact with the remote call.
  mutable bool Closed = false;
};

} // namespace fallacy::driver

#endif
