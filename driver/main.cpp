// driver/main.cpp: the fallacy-lint executable.
#include "Cli.h"
#include "Driver.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

namespace fallacy {
// Keeps the check module's object, and its static registration, linked.
extern volatile int FallacyModuleAnchorSource;
} // namespace fallacy

int main(int Argc, const char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  (void)fallacy::FallacyModuleAnchorSource;
  fallacy::driver::CliOptions Options;
  if (fallacy::driver::parseCommandLine(Argc, Argv, Options, llvm::errs()) !=
      fallacy::driver::CliOutcome::Run)
    return fallacy::driver::Usage;
  return fallacy::driver::runDriver(Options);
}
