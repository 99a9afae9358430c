// driver/Worker.h: analyses one translation unit with clang-tidy and the fallacy checks.
#ifndef FALLACY_DRIVER_WORKER_H
#define FALLACY_DRIVER_WORKER_H

#include "CompileDb.h"
#include "Config.h"
#include "UnitResult.h"

namespace fallacy::driver {

/// Runs clang-tidy on \p U in this process, with \p Config's options, and
/// converts what it reports: check diagnostics become findings (level from
/// the check's metadata, "error" under WarningsAsErrors), compiler errors
/// make the unit a failure (its findings, from a broken AST, are dropped),
/// NOLINT-suppressed diagnostics are counted. Meant for a worker process: a
/// crash or a hang here takes only the worker down.
UnitResult analyseUnit(const Unit &U, const ConfigRequest &Config);

} // namespace fallacy::driver

#endif
