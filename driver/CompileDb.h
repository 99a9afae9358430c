// driver/CompileDb.h: finds the compile command of every translation unit to analyse.
#ifndef FALLACY_DRIVER_COMPILEDB_H
#define FALLACY_DRIVER_COMPILEDB_H

#include "Finding.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>
#include <vector>

namespace fallacy::driver {

/// One translation unit: a main file and its compile commands (a file built
/// twice with different flags has two), ready to run.
struct Unit {
  std::string File; ///< Absolute, normalised.
  std::vector<clang::tooling::CompileCommand> Commands;
};

struct CompileDbRequest {
  std::string BuildPath; ///< -p: a build directory or a compile_commands.json.
  /// Compiler arguments after "--": used for every file instead of a database.
  std::optional<std::vector<std::string>> FixedArgs;
  /// Added as -resource-dir= to commands without one, so builtin headers
  /// resolve when fallacy-lint is not installed next to clang.
  std::string ResourceDir;
};

struct UnitPlan {
  std::vector<Unit> Units;
  /// Units that cannot start (no command, a build directory that does not
  /// exist); the rest of the run goes on.
  std::vector<UnitFailure> Failures;
  /// Usage errors (no database, a file that does not exist), one line each.
  std::vector<std::string> Errors;
};

/// The units for \p Files (relative to the current directory), or for every
/// file in the database given with -p when \p Files is empty. Compile
/// commands are used exactly as the database has them, files missing from it
/// get a command interpolated from their neighbours (as clangd does).
UnitPlan planUnits(const CompileDbRequest &Request, llvm::ArrayRef<std::string> Files);

} // namespace fallacy::driver

#endif
