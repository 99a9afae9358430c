// driver/Config.h: clang-tidy's configuration (.clang-tidy, --config, --checks) plus fallacy-lint's defaults.
#ifndef FALLACY_DRIVER_CONFIG_H
#define FALLACY_DRIVER_CONFIG_H

#include "analysis/CheckMetadata.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fallacy::driver {

/// The configuration the user gave on the command line.
struct ConfigRequest {
  std::optional<std::string> Checks; ///< --checks; applied after every file.
  std::string Config;                ///< --config YAML.
  std::string ConfigFile;            ///< --config-file path.
  std::optional<std::string> HeaderFilter;
};

/// Compiler warnings (clang-diagnostic-*) are reported only when --checks
/// names them; a .clang-tidy that enables them is written for the build.
bool namesCompilerWarnings(const ConfigRequest &Request);

/// What went wrong reading one configuration file (a .clang-tidy, the
/// --config-file or the --config text).
struct ConfigProblem {
  std::string Path;
  bool Broken = false; ///< Did not parse; the files it governs are not analysed.
  std::string Text;    ///< Rendered "path:line:col: error: ..." with the source line.
};

/// The options of every translation unit, read the way clang-tidy reads them
/// (its FileOptionsProvider or ConfigOptionsProvider) with three differences:
/// a configuration file that does not parse is recorded as broken instead of
/// silently ignored; when a file's configuration enables no fallacy-* check
/// and never names one, all fallacy-* checks run; and compiler warnings
/// (clang-diagnostic-*) run only when --checks names them.
class FallacyOptionsProvider final : public clang::tidy::ClangTidyOptionsProvider {
public:
  /// Fails with the rendered problem when --config or --config-file cannot be
  /// read or parsed.
  static llvm::Expected<std::unique_ptr<FallacyOptionsProvider>>
  create(const ConfigRequest &Request);

  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override;
  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override;

  /// The broken configuration file that governs \p File, if any.
  const ConfigProblem *brokenConfigFor(llvm::StringRef File);
  /// The registered fallacy-* checks \p File's configuration enables.
  std::vector<std::string> enabledChecks(llvm::StringRef File, const CheckMetadata &Meta);
  /// Every problem met so far, keyed by file, each reported once.
  const std::map<std::string, ConfigProblem> &problems() const { return *Problems; }

private:
  FallacyOptionsProvider(std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner,
                         std::shared_ptr<std::map<std::string, ConfigProblem>> Problems,
                         bool CliNamesCompilerWarnings);

  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner;
  std::shared_ptr<std::map<std::string, ConfigProblem>> Problems;
  bool CliNamesCompilerWarnings;
};

} // namespace fallacy::driver

#endif
