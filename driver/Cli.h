// driver/Cli.h: fallacy-lint's command line, parsed the way clang-tidy parses its own.
#ifndef FALLACY_DRIVER_CLI_H
#define FALLACY_DRIVER_CLI_H

#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace fallacy::driver {

enum class OutputFormat { Text, Sarif, Json };
enum class ColorMode { Auto, Always, Never };

/// Everything the user asked for on the command line.
struct CliOptions {
  std::vector<std::string> Files;
  std::string BuildPath; ///< -p; empty when absent.
  /// Compiler arguments after "--"; when present they replace any compilation
  /// database, as in clang-tidy.
  std::optional<std::vector<std::string>> FixedCompilerArgs;

  std::optional<std::string> Checks; ///< --checks, only when given.
  std::string Config;                ///< --config (YAML text).
  std::string ConfigFile;            ///< --config-file.
  std::optional<std::string> HeaderFilter;

  bool ListChecks = false;
  std::string Explain; ///< --explain=<check>.

  OutputFormat Format = OutputFormat::Text;
  std::string OutputFile; ///< -o; empty means stdout.
  bool Fix = false;
  std::string ExportFixes;
  unsigned Jobs = 0; ///< 0: the number of cores.
  bool Quiet = false;
  ColorMode Color = ColorMode::Auto;
  unsigned TimeoutPerFile = 300; ///< Seconds; 0 means no limit.
  std::string SourceRoot;
  bool ExitZero = false;
  std::string SummaryOut;               ///< --summary-out: the merged cross-file facts.
  std::vector<std::string> SummaryIn;   ///< --summary-in: facts from other shards.
};

enum class CliOutcome {
  Run,       ///< Options parsed; go on.
  UsageError ///< An error was printed to the error stream.
};

/// Parses argv (argv[0] is the program name); errors go to \p Errs. --help
/// and --version print to stdout and exit 0, as llvm::cl does.
CliOutcome parseCommandLine(int Argc, const char *const *Argv, CliOptions &Out,
                            llvm::raw_ostream &Errs);

/// The exit-code paragraph of --help (also the README's).
extern const char ExitCodeHelp[];

} // namespace fallacy::driver

#endif
