// driver/Driver.h: one fallacy-lint run, from parsed options to exit code.
#ifndef FALLACY_DRIVER_DRIVER_H
#define FALLACY_DRIVER_DRIVER_H

#include "Cli.h"

namespace fallacy::driver {

/// Exit codes; see ExitCodeHelp. Worse outcomes win: Usage, then
/// UnitFailed, then Findings.
enum ExitCode : int { Clean = 0, Findings = 1, Usage = 2, UnitFailed = 3 };

/// Plans the units, runs them in workers, merges and writes the report,
/// exports and applies fixes. Returns the process exit code.
int runDriver(const CliOptions &Options);

} // namespace fallacy::driver

#endif
