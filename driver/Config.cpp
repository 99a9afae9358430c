// driver/Config.cpp: reads .clang-tidy, --config and --checks through clang-tidy's own providers.
#include "Config.h"
#include "clang-tidy/GlobList.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

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

// The top-level settings clang-tidy 19 reads from a .clang-tidy file.
constexpr StringLiteral KnownKeys[] = {
    "Checks",        "WarningsAsErrors", "HeaderFileExtensions", "ImplementationFileExtensions",
    "HeaderFilterRegex", "ExcludeHeaderFilterRegex", "SystemHeaders", "FormatStyle", "User",
    "CheckOptions",  "ExtraArgs",        "ExtraArgsBefore",      "InheritParentConfig", "UseColor"};

// A known key one or two edits away from \p Key, for "did you mean".
StringRef closestKnownKey(StringRef Key) {
  StringRef Best;
  unsigned BestDistance = 3;
  for (StringRef K : KnownKeys)
    if (unsigned D = K.edit_distance(Key, /*AllowReplacements=*/true, BestDistance); D < BestDistance) {
      Best = K;
      BestDistance = D;
    }
  return Best;
}

// A .clang-tidy file is often written for another clang-tidy version (a
// newer one adds settings) or carries a typo. Its top-level keys that
// clang-tidy 19 does not know are blanked out (newlines kept, so positions
// stay) and each is described in \p Warnings; the text that is left is what
// gets parsed, so the file's other settings still apply. (clang-tidy itself
// prints "Invalid argument", drops the whole file and exits 0.) Empty when
// the file has no unknown key or is not a YAML mapping.
std::optional<std::string> withoutUnknownKeys(MemoryBufferRef Buffer, std::string &Warnings) {
  SourceMgr SM;
  // Syntax errors were already reported by clang-tidy's parser.
  SM.setDiagHandler([](const SMDiagnostic &, void *) {});
  yaml::Stream Stream(Buffer, SM, /*ShowColors=*/false);
  yaml::document_iterator Doc = Stream.begin();
  if (Doc == Stream.end())
    return std::nullopt;
  auto *Root = dyn_cast_or_null<yaml::MappingNode>(Doc->getRoot());
  if (!Root)
    return std::nullopt;
  struct Entry {
    std::string Name;
    SMLoc Start;
    const char *ScalarEnd = nullptr; ///< Where a scalar value ends (block values have no range).
  };
  std::vector<Entry> Entries;
  for (yaml::KeyValueNode &KV : *Root) {
    auto *Key = dyn_cast_or_null<yaml::ScalarNode>(KV.getKey());
    if (!Key)
      return std::nullopt;
    SmallString<32> Storage;
    Entry E{Key->getValue(Storage).str(), Key->getSourceRange().Start};
    yaml::Node *Value = KV.getValue();
    if (Value && Value->getSourceRange().End.isValid())
      E.ScalarEnd = Value->getSourceRange().End.getPointer();
    else if (!Value || isa<yaml::NullNode>(Value))
      E.ScalarEnd = Key->getSourceRange().End.getPointer();
    Entries.push_back(std::move(E));
  }
  if (Stream.failed())
    return std::nullopt;
  std::string Text = Buffer.getBuffer().str();
  const char *Base = Buffer.getBufferStart();
  raw_string_ostream OS(Warnings);
  bool Changed = false;
  for (size_t I = 0; I < Entries.size(); ++I) {
    const Entry &E = Entries[I];
    if (llvm::is_contained(KnownKeys, E.Name))
      continue;
    // An entry runs up to the next key (its value may be a block mapping or
    // sequence, which has no range of its own); the last one to its value's end.
    const char *End = I + 1 < Entries.size() ? Entries[I + 1].Start.getPointer()
                      : E.ScalarEnd          ? E.ScalarEnd
                                             : Buffer.getBufferEnd();
    for (const char *P = E.Start.getPointer(); P < End; ++P)
      if (Text[P - Base] != '\n')
        Text[P - Base] = ' ';
    StringRef Closest = closestKnownKey(E.Name);
    // Printed directly: the source manager's handler silences the YAML parser.
    SM.GetMessage(E.Start, SourceMgr::DK_Warning,
                  "unknown key '" + E.Name +
                      "' ignored: clang-tidy 19 has no such setting; the file's other settings apply" +
                      (Closest.empty() ? std::string() : " (did you mean '" + Closest.str() + "'?)"))
        .print(nullptr, OS, /*ShowColors=*/false);
    Changed = true;
  }
  if (!Changed)
    return std::nullopt;
  return Text;
}

// The parser for .clang-tidy files. A broken file yields empty options, so
// the upward search stops at it and it shows up as the source of the options
// of every file it governs, which is how brokenConfigFor() finds it.
ParseFn recordingParser(std::shared_ptr<ProblemMap> Problems) {
  return [Problems](MemoryBufferRef Buffer) -> ErrorOr<ClangTidyOptions> {
    std::string Rendered;
    ErrorOr<ClangTidyOptions> Parsed = parseRendering(Buffer, Rendered);
    if (!Parsed) {
      // Only unknown keys: warn about each and parse the rest of the file.
      std::string Warnings, Again;
      if (std::optional<std::string> Rest = withoutUnknownKeys(Buffer, Warnings)) {
        ErrorOr<ClangTidyOptions> Retry =
            parseRendering(MemoryBufferRef(*Rest, Buffer.getBufferIdentifier()), Again);
        if (Retry) {
          Parsed = std::move(Retry);
          Rendered = Warnings + Again;
        }
      }
    }
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
