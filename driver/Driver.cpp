// driver/Driver.cpp: one fallacy-lint run: configuration, units, workers, report, fixes, exit code.
#include "Driver.h"
#include "clang-tidy/GlobList.h"
#include "Summaries.h"
#include "llvm/Support/JSON.h"
#include "CompileDb.h"
#include "Config.h"
#include "Info.h"
#include "Runner.h"
#include "Version.h"
#include "Worker.h"
#include "output/Output.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include <set>

using namespace llvm;

namespace fallacy::driver {
namespace {

std::string absolutePath(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

// --source-root's default: the git top level of the current directory (a
// .git directory, or the .git file of a worktree), else the directory.
std::string sourceRoot(const CliOptions &O) {
  if (!O.SourceRoot.empty())
    return absolutePath(O.SourceRoot);
  std::string Cwd = absolutePath(".");
  for (StringRef D = Cwd; !D.empty(); D = sys::path::parent_path(D)) {
    SmallString<256> Git(D);
    sys::path::append(Git, ".git");
    if (sys::fs::exists(Git))
      return D.str();
  }
  return Cwd;
}

// https://no-color.org: NO_COLOR disables automatic colour; --color=always
// is an explicit request and still wins.
bool useColor(const CliOptions &O) {
  if (O.Color != ColorMode::Auto)
    return O.Color == ColorMode::Always;
  if (std::optional<std::string> NoColor = sys::Process::GetEnv("NO_COLOR"); NoColor && !NoColor->empty())
    return false;
  return O.OutputFile.empty() && sys::Process::StandardOutIsDisplayed();
}

std::string count(size_t N, StringRef One, StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

class Run {
public:
  explicit Run(const CliOptions &O) : O(O) {
    Request.Checks = O.Checks;
    Request.Config = O.Config;
    Request.ConfigFile = O.ConfigFile;
    Request.HeaderFilter = O.HeaderFilter;
  }

  int execute() {
    Expected<std::unique_ptr<FallacyOptionsProvider>> P = FallacyOptionsProvider::create(Request);
    if (!P) {
      errs() << toString(P.takeError());
      return Usage;
    }
    Provider = std::move(*P);
    // Only --summary-in and no files: a run that resolves other shards' facts.
    if (!O.Files.empty() || !O.BuildPath.empty() || O.SummaryIn.empty())
      Plan = planUnits({O.BuildPath, O.FixedCompilerArgs, FALLACY_CLANG_RESOURCE_DIR}, O.Files);
    for (const std::string &E : Plan.Errors)
      errs() << E << "\n";
    UsageError = !Plan.Errors.empty();
    std::vector<Unit> Units = screenUnits();
    // Other shards' facts are read first, so a bad file is reported before
    // the analysis spends its time (the run still goes on, and exits 2).
    for (const std::string &File : O.SummaryIn)
      if (Error E = Merged.addFile(File)) {
        errs() << "fallacy-lint: error: " << toString(std::move(E)) << "\n";
        UsageError = true;
      }
    // Nothing could even be tried: the errors above are the whole story, and
    // an empty report would read as a clean run.
    if (UsageError && Units.empty() && Plan.Failures.empty())
      return Usage;

    RunnerOptions RO;
    RO.Jobs = O.Jobs ? O.Jobs : heavyweight_hardware_concurrency().compute_thread_count();
    RO.TimeoutSeconds = O.TimeoutPerFile;
    RO.Progress = !O.Quiet && sys::Process::StandardErrIsDisplayed();
    RunnerOutcome Outcome =
        runUnits(Units, RO, [this](const Unit &U) { return analyseUnit(U, Request); });
    if (Outcome.InterruptSignal) {
      errs() << "fallacy-lint: interrupted; no report written\n";
      return 128 + Outcome.InterruptSignal;
    }
    printConfigWarnings(Outcome.Results);
    std::vector<Finding> CrossFile = resolveSummaries(Outcome.Results);
    RunResult R = mergeUnits(std::move(Outcome.Results), std::move(Plan.Failures),
                             std::vector<std::string>(Enabled.begin(), Enabled.end()), Sources);
    addFindings(R, std::move(CrossFile));
    writeReport(R);
    if (!O.ExportFixes.empty())
      report(writeFileAtomically(O.ExportFixes, [&](raw_ostream &OS) { writeFixesYaml(R, OS); }));
    if (O.Fix)
      fix(R);
    return exitCode(R);
  }

private:
  MergedSummary Merged; ///< --summary-in's facts, then every unit's.

  // Drops the units governed by a configuration that does not parse (each
  // named as a failure) and those for which no check is enabled at all.
  std::vector<Unit> screenUnits() {
    std::vector<Unit> Units;
    bool CompilerWarnings = namesCompilerWarnings(Request);
    for (Unit &U : Plan.Units) {
      if (const ConfigProblem *Broken = Provider->brokenConfigFor(U.File)) {
        Plan.Failures.push_back(
            {U.File, "its configuration does not parse", "see " + Broken->Path + "\n"});
        continue;
      }
      std::vector<std::string> Checks = Provider->enabledChecks(U.File, checkMetadata());
      // A directory whose .clang-tidy turns every fallacy check off (vendored
      // code) costs nothing: it is not even parsed.
      if (Checks.empty() && !CompilerWarnings)
        continue;
      Enabled.insert(Checks.begin(), Checks.end());
      Units.push_back(std::move(U));
    }
    for (const auto &Entry : Provider->problems()) {
      errs() << Entry.second.Text;
      UsageError = UsageError || Entry.second.Broken;
    }
    return Units;
  }

  // Cross-file facts: merge every unit's (and --summary-in's), keep the
  // findings that waited on another file and whose conditions now hold, and
  // write --summary-out for other shards. NOLINT and each file's
  // configuration were applied when the findings were made, in their units.
  std::vector<Finding> resolveSummaries(const std::vector<UnitResult> &Results) {
    for (const UnitResult &U : Results) {
      // A unit that did not compile was seen only in part: its facts and
      // pending findings would be guesses.
      if (U.Summary.is_null() || U.Failure)
        continue;
      if (Error E = Merged.addJson(U.Summary, U.File))
        errs() << "fallacy-lint: warning: " << toString(std::move(E)) << "\n";
    }
    std::vector<Finding> Found = Merged.resolve();
    // A finding read from another shard's summary also obeys this run's
    // configuration for its file (a check disabled here is not reported).
    llvm::erase_if(Found, [&](const Finding &F) {
      return Provider->brokenConfigFor(F.File) ||
             !llvm::is_contained(Provider->enabledChecks(F.File, checkMetadata()), F.CheckId);
    });
    if (!O.SummaryOut.empty())
      report(writeFileAtomically(O.SummaryOut, [&](raw_ostream &OS) { OS << Merged.unresolved().dump(1) << "\n"; }));
    return Found;
  }

  // Configuration problems the checks found (a model file that does not
  // parse): warnings are printed, errors also make the exit code 2.
  void printConfigWarnings(const std::vector<UnitResult> &Results) {
    std::set<std::string> Seen;
    for (const UnitResult &U : Results)
    {
      for (const std::string &W : U.ConfigWarnings)
        if (Seen.insert(W).second)
          errs() << "fallacy-lint: warning: " << W << " [clang-tidy-config]\n";
      for (const std::string &E : U.ConfigErrors)
        if (Seen.insert(E).second) {
          errs() << "fallacy-lint: error: " << E << " [clang-tidy-config]\n";
          UsageError = true;
        }
    }
  }

  void writeReport(const RunResult &R) {
    std::string Root = sourceRoot(O);
    bool ToStdout = O.OutputFile.empty() || O.OutputFile == "-";
    report(writeFileAtomically(ToStdout ? "-" : O.OutputFile, [&](raw_ostream &OS) {
      switch (O.Format) {
      case OutputFormat::Text:
        return text(R, OS, /*Summary=*/!O.Quiet || !ToStdout);
      case OutputFormat::Sarif:
        OS << makeSarif(R, Sources, checkMetadata(),
                        {Root, FALLACY_LINT_VERSION, R.Failures.empty()})
                  .dump(2)
           << "\n";
        return;
      case OutputFormat::Json:
        OS << makeJson(R, Sources, Root).dump(2) << "\n";
        return;
      }
    }));
    // The text report ends with the summary; anywhere else it goes to stderr.
    if (!O.Quiet && (O.Format != OutputFormat::Text || !ToStdout))
      errs() << summaryLine(R) << "\n";
  }

  // --quiet drops the summary from the terminal; a report file stays whole.
  void text(const RunResult &R, raw_ostream &OS, bool Summary) {
    TextOptions TO;
    TO.Color = useColor(O);
    TO.DisplayBase = absolutePath(".");
    if (Summary)
      return writeText(R, Sources, TO, OS);
    // writeText always ends with the (uncoloured) summary line.
    std::string Text;
    raw_string_ostream Buffer(Text);
    writeText(R, Sources, TO, Buffer);
    StringRef Body = Buffer.str();
    Body.consume_back(summaryLine(R) + "\n");
    OS << Body;
  }

  void fix(const RunResult &R) {
    FixReport F = applyFixes(R, Sources);
    for (const std::string &E : F.Errors) {
      errs() << "fallacy-lint: error: " << E << "\n";
      OutputError = true;
    }
    if (F.Conflicting)
      errs() << "fallacy-lint: warning: " << count(F.Conflicting, "fix", "fixes")
             << " overlapping another were not applied\n";
    if (!O.Quiet && F.Applied)
      errs() << "fallacy-lint: applied " << count(F.Applied, "fix", "fixes") << " in "
             << count(F.ChangedFiles.size(), "file", "files") << "\n";
  }

  void report(Error E) {
    if (!E)
      return;
    errs() << "fallacy-lint: error: " << toString(std::move(E)) << "\n";
    OutputError = true;
  }

  int exitCode(const RunResult &R) const {
    if (UsageError || OutputError)
      return Usage;
    if (!R.Failures.empty())
      return UnitFailed;
    if (!R.Findings.empty() && !O.ExitZero)
      return Findings;
    return Clean;
  }

  const CliOptions &O;
  ConfigRequest Request;
  std::unique_ptr<FallacyOptionsProvider> Provider;
  UnitPlan Plan;
  std::set<std::string> Enabled;
  SourceCache Sources;
  bool UsageError = false;
  bool OutputError = false;
};

} // namespace

int runDriver(const CliOptions &Options) {
  if (Options.ListChecks) {
    listChecks(checkMetadata(), outs());
    return Clean;
  }
  if (!Options.Explain.empty())
    return explainCheck(checkMetadata(), Options.Explain, outs(), errs());
  return Run(Options).execute();
}

} // namespace fallacy::driver
