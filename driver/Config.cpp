// driver/Config.cpp: reads .clang-tidy, --config and --checks through clang-tidy's own providers.
#include "Config.h"
#include "clang-tidy/GlobList.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;
using clang::tidy::ClangTidyGlobalOptions;
using clang::tidy::ClangTidyOptions;
using clang::tidy::ClangTidyOptionsProvider;

namespace fallacy::driver {
namespace {

using ProblemMap = std::map<std::string, ConfigProblem>;
using ParseFn = std::function<ErrorOr<ClangTidyOptions>(MemoryBufferRef)>;

constexpr StringLiteral DefaultChecks = "-*,fallacy-*";

// clang-tidy's parser, with its diagnostics rendered instead of dropped:
// clang-tidy prints only "Invalid argument" and then ignores the file.
ErrorOr<ClangTidyOptions> parseRendering(MemoryBufferRef Buffer, std::string &Rendered) {
  raw_string_ostream OS(Rendered);
  ErrorOr<ClangTidyOptions> Parsed = clang::tidy::parseConfigurationWithDiags(
      Buffer, [&](const SMDiagnostic &D) { D.print(nullptr, OS, /*ShowColors=*/false); });
  if (!Parsed && Rendered.empty())
    OS << Buffer.getBufferIdentifier() << ": error: " << Parsed.getError().message() << "\n";
  return Parsed;
}

// The parser for .clang-tidy files. A broken file yields empty options, so
// the upward search stops at it and it shows up as the source of the options
// of every file it governs, which is how brokenConfigFor() finds it.
ParseFn recordingParser(std::shared_ptr<ProblemMap> Problems) {
  return [Problems](MemoryBufferRef Buffer) -> ErrorOr<ClangTidyOptions> {
    std::string Rendered;
    ErrorOr<ClangTidyOptions> Parsed = parseRendering(Buffer, Rendered);
    std::string Path = Buffer.getBufferIdentifier().str();
    if (!Rendered.empty())
      Problems->emplace(Path, ConfigProblem{Path, !Parsed, Rendered});
    return Parsed ? std::move(*Parsed) : ClangTidyOptions();
  };
}

// clang-tidy's providers with our parser for .clang-tidy files. (Their
// constructors that take handlers leave the file system unset, so the
// handler list is replaced after construction instead.)
class FileProvider final : public clang::tidy::FileOptionsProvider {
public:
  FileProvider(ClangTidyGlobalOptions Global, ClangTidyOptions Defaults,
               ClangTidyOptions Overrides, ParseFn Parse)
      : FileOptionsProvider(std::move(Global), std::move(Defaults), std::move(Overrides)) {
    ConfigHandlers = {{".clang-tidy", std::move(Parse)}};
  }
};

class ConfigProvider final : public clang::tidy::ConfigOptionsProvider {
public:
  ConfigProvider(ClangTidyGlobalOptions Global, ClangTidyOptions Defaults,
                 ClangTidyOptions Config, ClangTidyOptions Overrides, ParseFn Parse)
      : ConfigOptionsProvider(std::move(Global), std::move(Defaults), std::move(Config),
                              std::move(Overrides)) {
    ConfigHandlers = {{".clang-tidy", std::move(Parse)}};
  }
};

// clang-tidy's binary defaults (as in ClangTidyMain), with our checks.
ClangTidyOptions binaryDefaults() {
  ClangTidyOptions O;
  O.Checks = DefaultChecks.str();
  O.WarningsAsErrors = "";
  O.HeaderFilterRegex = "";
  O.SystemHeaders = false;
  O.FormatStyle = "none";
  O.User = sys::Process::GetEnv("USER");
  return O;
}

ClangTidyOptions checksOnly(StringRef Checks) {
  ClangTidyOptions O;
  O.Checks = Checks.str();
  return O;
}

Expected<ClangTidyOptions> parseCommandLineConfig(const ConfigRequest &Request) {
  std::string Text = Request.Config, Name = "--config";
  if (!Request.ConfigFile.empty()) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> File = MemoryBuffer::getFile(Request.ConfigFile);
    if (!File)
      return createStringError(File.getError(), "%s: error: cannot read the configuration file: %s\n",
                               Request.ConfigFile.c_str(), File.getError().message().c_str());
    Text = (*File)->getBuffer().str();
    Name = Request.ConfigFile;
  }
  std::string Rendered;
  ErrorOr<ClangTidyOptions> Parsed = parseRendering(MemoryBufferRef(Text, Name), Rendered);
  if (!Parsed)
    return createStringError(Parsed.getError(), "%s", Rendered.c_str());
  return std::move(*Parsed);
}

} // namespace

bool namesCompilerWarnings(const ConfigRequest &Request) {
  return Request.Checks && StringRef(*Request.Checks).contains("clang-diagnostic-");
}

Expected<std::unique_ptr<FallacyOptionsProvider>>
FallacyOptionsProvider::create(const ConfigRequest &Request) {
  auto Problems = std::make_shared<ProblemMap>();
  ClangTidyOptions Overrides;
  Overrides.Checks = Request.Checks;
  Overrides.HeaderFilterRegex = Request.HeaderFilter;
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  if (Request.Config.empty() && Request.ConfigFile.empty()) {
    Inner = std::make_unique<FileProvider>(ClangTidyGlobalOptions(), binaryDefaults(),
                                           std::move(Overrides), recordingParser(Problems));
  } else {
    Expected<ClangTidyOptions> Config = parseCommandLineConfig(Request);
    if (!Config)
      return Config.takeError();
    Inner = std::make_unique<ConfigProvider>(
        ClangTidyGlobalOptions(), ClangTidyOptions::getDefaults().merge(binaryDefaults(), 0),
        std::move(*Config), std::move(Overrides), recordingParser(Problems));
  }
  return std::unique_ptr<FallacyOptionsProvider>(new FallacyOptionsProvider(
      std::move(Inner), std::move(Problems), namesCompilerWarnings(Request)));
}

FallacyOptionsProvider::FallacyOptionsProvider(std::unique_ptr<ClangTidyOptionsProvider> Inner,
                                               std::shared_ptr<ProblemMap> Problems,
                                               bool CliNamesCompilerWarnings)
    : Inner(std::move(Inner)), Problems(std::move(Problems)),
      CliNamesCompilerWarnings(CliNamesCompilerWarnings) {}

const ClangTidyGlobalOptions &FallacyOptionsProvider::getGlobalOptions() {
  return Inner->getGlobalOptions();
}

std::vector<ClangTidyOptionsProvider::OptionsSource>
FallacyOptionsProvider::getRawOptions(StringRef FileName) {
  // ClangTidyContext's constructor asks for "" (meaning the current
  // directory) before it has a diagnostics engine, and crashes reporting a
  // problem in that directory's .clang-tidy (clang-tidy 19 does too). No
  // unit is named "": the defaults are all it needs.
  if (FileName.empty())
    return {{binaryDefaults(), OptionsSourceTypeDefaultBinary}};
  std::vector<OptionsSource> Sources = Inner->getRawOptions(FileName);
  ClangTidyOptions Merged;
  bool NamesFallacy = false;
  for (const OptionsSource &S : Sources) {
    Merged.mergeWith(S.first, 0);
    if (S.second != OptionsSourceTypeDefaultBinary && S.first.Checks &&
        StringRef(*S.first.Checks).contains("fallacy"))
      NamesFallacy = true;
  }
  // A repository whose .clang-tidy configures other tools' checks (say
  // '-*,bugprone-*') still gets ours; naming any fallacy check, even to
  // disable it, means the user has chosen.
  clang::tidy::GlobList Enabled(Merged.Checks.value_or(""));
  bool AnyEnabled = false;
  for (const CheckRecord &C : checkMetadata().Checks)
    AnyEnabled = AnyEnabled || Enabled.contains(C.Id);
  if (!AnyEnabled && !NamesFallacy)
    Sources.emplace_back(checksOnly("fallacy-*"), "fallacy-lint: no configuration names a fallacy check");
  // Compiler warnings belong to the build, and the static analyzer is slow;
  // a .clang-tidy written for clang-tidy must not bring them into our report.
  Sources.emplace_back(checksOnly(CliNamesCompilerWarnings ? "-clang-analyzer-*"
                                                           : "-clang-diagnostic-*,-clang-analyzer-*"),
                       "fallacy-lint");
  return Sources;
}

const ConfigProblem *FallacyOptionsProvider::brokenConfigFor(StringRef File) {
  for (const OptionsSource &S : Inner->getRawOptions(File)) {
    auto It = Problems->find(S.second);
    if (It != Problems->end() && It->second.Broken)
      return &It->second;
  }
  return nullptr;
}

std::vector<std::string> FallacyOptionsProvider::enabledChecks(StringRef File,
                                                               const CheckMetadata &Meta) {
  ClangTidyOptions Options = getOptions(File);
  clang::tidy::GlobList Enabled(Options.Checks.value_or(""));
  std::vector<std::string> Ids;
  for (const CheckRecord &C : Meta.Checks)
    if (Enabled.contains(C.Id))
      Ids.push_back(C.Id);
  return Ids;
}

} // namespace fallacy::driver
