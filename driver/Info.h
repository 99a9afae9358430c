// driver/Info.h: --version, --list-checks and --explain, all from the embedded metadata and docs.
#ifndef FALLACY_DRIVER_INFO_H
#define FALLACY_DRIVER_INFO_H

#include "analysis/CheckMetadata.h"
#include "llvm/Support/raw_ostream.h"

namespace fallacy::driver {

/// "fallacy-lint version 0.1.0", the LLVM version and the resource directory.
void printVersion(llvm::raw_ostream &OS);

/// One aligned line per check: id, severity, fallacy, summary.
void listChecks(const CheckMetadata &Meta, llvm::raw_ostream &OS);

/// Prints the check's docs page; an unknown id prints the known ones to
/// \p Errs. Returns the exit code (0, or 2 for an unknown id).
int explainCheck(const CheckMetadata &Meta, llvm::StringRef Id, llvm::raw_ostream &Outs,
                 llvm::raw_ostream &Errs);

} // namespace fallacy::driver

#endif
