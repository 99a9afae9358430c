// driver/Runner.h: runs translation units in worker processes, with a time limit each.
#ifndef FALLACY_DRIVER_RUNNER_H
#define FALLACY_DRIVER_RUNNER_H

#include "CompileDb.h"
#include "UnitResult.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace fallacy::driver {

struct RunnerOptions {
  unsigned Jobs = 1;           ///< Workers at once.
  unsigned TimeoutSeconds = 0; ///< Per unit; 0 means none.
  bool Progress = false;       ///< A "[done/total] file" line on stderr.
};

struct RunnerOutcome {
  /// One result per unit, in unit order. A worker that crashed, hung or
  /// returned nothing readable gives a result with a Failure whose details
  /// are the tail of its stderr.
  std::vector<UnitResult> Results;
  /// SIGINT, SIGTERM or SIGHUP when the run was interrupted (the workers are
  /// killed and Results is incomplete); 0 otherwise.
  int InterruptSignal = 0;
};

/// Runs \p Work on every unit, each in a forked worker process of its own
/// (its own process group, stderr captured to a temporary file, at most
/// Jobs at once), and collects the results the workers write as JSON.
/// Temporary files are removed in every case.
RunnerOutcome runUnits(llvm::ArrayRef<Unit> Units, const RunnerOptions &Options,
                       llvm::function_ref<UnitResult(const Unit &)> Work);

/// The last lines of a worker's stderr, without stack-frame addresses, for a
/// failure's details.
std::string stderrTail(llvm::StringRef Text);

} // namespace fallacy::driver

#endif
