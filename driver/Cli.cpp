// driver/Cli.cpp: the command-line options, with clang-tidy's spelling and llvm::cl's parser.
#include "Cli.h"
#include "Info.h"
#include "llvm/Support/CommandLine.h"
#include <cstring>

using namespace llvm;

namespace fallacy::driver {

const char ExitCodeHelp[] = R"(
EXIT CODES:
  0  nothing found
  1  findings reported (0 with --exit-zero)
  2  usage, configuration or output error (bad option, malformed .clang-tidy,
     no compilation database, report or fix not written)
  3  a translation unit could not be analysed (it does not compile, crashed or
     timed out); it is named with the reason, every other unit is still
     analysed and reported
  When several apply, the highest-priority one wins: 2, then 3, then 1.
  130 (143 on SIGTERM): interrupted; workers are stopped and no report is written.
)";

namespace {

cl::OptionCategory Category("fallacy-lint options");

const char Overview[] = R"(fallacy-lint: finds the fallacies of distributed computing in C++ network code.

  fallacy-lint [options] <files...> [-- <compiler arguments>]

Compile commands come from compile_commands.json in the directory given with
-p, or in the nearest parent directory of each file. Compiler arguments after
-- replace the database. With -p and no files, every file in the database is
analysed.

Configuration comes from .clang-tidy files found upwards from each file
(Checks, CheckOptions, HeaderFilterRegex, WarningsAsErrors), read exactly as
clang-tidy reads them; --config or --config-file replace them and --checks is
applied last. When no configuration names a fallacy-* check, all of them run.
)";

cl::list<std::string> Files(cl::Positional, cl::desc("<files>..."), cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::value_desc("build-dir"), cl::cat(Category),
                               cl::desc("Build directory with compile_commands.json (or the\n"
                                        "file itself); searched upwards from the files when absent"));
cl::opt<std::string> Checks("checks", cl::value_desc("globs"), cl::cat(Category),
                            cl::desc("Comma-separated check globs applied after the configuration\n"
                                     "(e.g. -*,fallacy-missing-timeout). Compiler warnings\n"
                                     "(clang-diagnostic-*) are reported only when named here"));
cl::opt<std::string> Config("config", cl::value_desc("yaml"), cl::cat(Category),
                            cl::desc("Configuration in .clang-tidy's YAML format, used instead of\n"
                                     ".clang-tidy files (unless it sets InheritParentConfig)"));
cl::opt<std::string> ConfigFile("config-file", cl::value_desc("path"), cl::cat(Category),
                                cl::desc("Read the configuration from this file instead of\n"
                                         ".clang-tidy files"));
cl::opt<std::string> HeaderFilter("header-filter", cl::value_desc("regex"), cl::cat(Category),
                                  cl::desc("Report findings in headers whose path matches; overrides\n"
                                           "HeaderFilterRegex (main files are always reported)"));
cl::opt<bool> ListChecks("list-checks", cl::cat(Category),
                         cl::desc("List every check with its severity, fallacy and summary"));
cl::opt<std::string> Explain("explain", cl::value_desc("check"), cl::cat(Category),
                             cl::desc("Print the documentation of a check"));
cl::opt<OutputFormat> Format("format", cl::cat(Category), cl::init(OutputFormat::Text),
                             cl::desc("Report format"),
                             cl::values(clEnumValN(OutputFormat::Text, "text", "clang-style text (default)"),
                                        clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
                                        clEnumValN(OutputFormat::Json, "json", "a JSON array of findings")));
cl::opt<std::string> Output("o", cl::value_desc("file"), cl::cat(Category),
                            cl::desc("Write the report to this file (atomically) instead of stdout"));
cl::opt<bool> Fix("fix", cl::cat(Category), cl::desc("Apply the findings' fix-its to the sources"));
cl::opt<std::string> ExportFixes("export-fixes", cl::value_desc("file"), cl::cat(Category),
                                 cl::desc("Write the fix-its as clang-apply-replacements YAML"));
cl::opt<std::string> SummaryOut(
    "summary-out", cl::value_desc("file"), cl::cat(Category),
    cl::desc("Write this run's cross-file facts (which functions make remote calls, findings\n"
             "waiting on other files) for another shard's --summary-in (docs/summaries.md)"));
cl::list<std::string> SummaryIn(
    "summary-in", cl::value_desc("file"), cl::cat(Category),
    cl::desc("Read cross-file facts written by --summary-out of other shards (repeatable)"));
cl::opt<unsigned> Jobs("j", cl::value_desc("N"), cl::cat(Category), cl::init(0), cl::Prefix,
                       cl::desc("Translation units analysed in parallel (default: the core count)"));
cl::opt<bool> Quiet("quiet", cl::cat(Category), cl::desc("No summary line on the terminal and no progress\n(a report written with -o stays whole)"));
cl::opt<unsigned> TimeoutPerFile("timeout-per-file", cl::value_desc("seconds"), cl::init(300),
                                 cl::cat(Category),
                                 cl::desc("Stop analysing a translation unit after this long and report\n"
                                          "it as a failure (default 300; 0: no limit)"));
cl::opt<std::string> SourceRoot("source-root", cl::value_desc("dir"), cl::cat(Category),
                                cl::desc("Root of the relative paths in SARIF and JSON (default: the\n"
                                         "git top level of the current directory, else the directory)"));
cl::opt<bool> ExitZero("exit-zero", cl::cat(Category),
                       cl::desc("Exit with 0 when findings are reported (failures still give 3)"));
cl::extrahelp ExitCodes(ExitCodeHelp);

// --color, as users of other tools spell it. libLLVM registers its own
// boolean "color" option (llvm::WithColor's) on first use of the parser;
// ours replaces it, and WithColor keeps detecting colour by itself.
cl::opt<ColorMode> &colorOption() {
  StringMap<cl::Option *> &Registered = cl::getRegisteredOptions();
  auto It = Registered.find("color");
  if (It != Registered.end() && It->second->Categories.front() != &Category)
    It->second->removeArgument();
  static cl::opt<ColorMode> Color(
      "color", cl::cat(Category), cl::init(ColorMode::Auto), cl::desc("Colored text output"),
      cl::values(clEnumValN(ColorMode::Auto, "auto",
                            "when the report goes to a terminal and NO_COLOR is unset (default)"),
                 clEnumValN(ColorMode::Always, "always", "always"),
                 clEnumValN(ColorMode::Never, "never", "never")));
  return Color;
}

// Validation that needs several options at once.
bool validate(const CliOptions &O, raw_ostream &Errs) {
  if (!O.ConfigFile.empty() && !O.Config.empty()) {
    Errs << "fallacy-lint: error: --config and --config-file are mutually exclusive\n";
    return false;
  }
  if (!O.ListChecks && O.Explain.empty() && O.Files.empty() && O.SummaryIn.empty() &&
      (O.BuildPath.empty() || O.FixedCompilerArgs)) {
    Errs << "fallacy-lint: error: no input files; name the files to analyse, or give "
            "-p <build-dir> to analyse every file in its compile_commands.json (or only "
            "--summary-in files to resolve other shards' findings)\n";
    return false;
  }
  return true;
}

} // namespace

CliOutcome parseCommandLine(int Argc, const char *const *Argv, CliOptions &Out,
                            raw_ostream &Errs) {
  // Arguments after "--" are compiler arguments, as in clang-tidy.
  std::vector<const char *> Args;
  for (int I = 0; I < Argc; ++I) {
    if (I > 0 && std::strcmp(Argv[I], "--") == 0) {
      Out.FixedCompilerArgs.emplace(Argv + I + 1, Argv + Argc);
      break;
    }
    Args.push_back(Argv[I]);
  }
  cl::opt<ColorMode> &Color = colorOption();
  cl::ResetAllOptionOccurrences();
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) { printVersion(OS); });
  std::string Problems;
  raw_string_ostream ProblemStream(Problems);
  if (!cl::ParseCommandLineOptions(static_cast<int>(Args.size()), Args.data(), Overview,
                                   &ProblemStream)) {
    Errs << ProblemStream.str();
    return CliOutcome::UsageError;
  }

  Out.Files.assign(Files.begin(), Files.end());
  Out.BuildPath = BuildPath;
  if (Checks.getNumOccurrences())
    Out.Checks = Checks;
  Out.Config = Config;
  Out.ConfigFile = ConfigFile;
  if (HeaderFilter.getNumOccurrences())
    Out.HeaderFilter = HeaderFilter;
  Out.ListChecks = ListChecks;
  Out.Explain = Explain;
  Out.Format = Format;
  Out.OutputFile = Output;
  Out.Fix = Fix;
  Out.ExportFixes = ExportFixes;
  Out.Jobs = Jobs;
  Out.Quiet = Quiet;
  Out.Color = Color;
  Out.TimeoutPerFile = TimeoutPerFile;
  Out.SourceRoot = SourceRoot;
  Out.ExitZero = ExitZero;
  Out.SummaryOut = SummaryOut;
  Out.SummaryIn.assign(SummaryIn.begin(), SummaryIn.end());
  if (!validate(Out, Errs))
    return CliOutcome::UsageError;
  if (Out.FixedCompilerArgs && !Out.BuildPath.empty())
    Errs << "fallacy-lint: warning: -p is ignored: the compiler arguments after -- are used "
            "instead of a compilation database\n";
  return CliOutcome::Run;
}

} // namespace fallacy::driver
