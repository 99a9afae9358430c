// driver/Summaries.h: merging the units' cross-file facts and resolving the findings that wait on them.
#ifndef FALLACY_DRIVER_SUMMARIES_H
#define FALLACY_DRIVER_SUMMARIES_H

#include "Finding.h"
#include "analysis/CheckMetadata.h"
#include "analysis/Summary.h"
#include "output/Output.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fallacy::driver {

/// All units' facts together: a function is remote when its own body makes a
/// remote call, or when it calls (in any file) a function that is remote.
class MergedSummary {
public:
  void add(UnitSummary S);
  /// Reads a file written by --summary-out.
  llvm::Error addFile(llvm::StringRef Path);
  /// The remote call a function reaches, across files; nullptr when none.
  const FunctionFact *remoteThrough(llvm::StringRef Usr) const;
  /// The pending findings whose condition now holds, as findings (notes point
  /// at the loop and at the remote call in the other file). Pending findings
  /// suppressed by a NOLINT comment at their line are counted in Suppressed.
  /// \p LevelFor gives a pending finding's level as its file's configuration
  /// sets it ("warning", "error" with WarningsAsErrors...), or nullopt when that
  /// configuration does not enable its check.
  std::vector<Finding>
  resolve(const CheckMetadata &Meta, SourceCache &Sources, unsigned &Suppressed,
          const std::function<std::optional<std::string>(const PendingFinding &)> &LevelFor =
              nullptr) const;
  /// Everything, for --summary-out: the facts, and the pending findings that
  /// these facts do not resolve (the resolved ones were reported by this run).
  UnitSummary unresolved() const;

private:
  void closure() const;
  std::vector<FunctionFact> Functions;
  llvm::StringMap<size_t> Index; ///< Usr -> its (merged) fact in Functions.
  std::vector<PendingFinding> Pending;
  mutable llvm::StringMap<const FunctionFact *> Remote; ///< Usr -> the fact with the remote call.
  mutable bool Closed = false;
};

/// True when a NOLINT, NOLINTNEXTLINE or NOLINTBEGIN/END comment silences
/// \p Check at \p Line of \p File (the comments clang-tidy honours).
bool suppressedByComment(SourceCache &Sources, llvm::StringRef File, unsigned Line,
                         llvm::StringRef Check);

} // namespace fallacy::driver

#endif
