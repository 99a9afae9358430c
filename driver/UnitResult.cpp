// driver/UnitResult.cpp: the worker-to-parent JSON and the deterministic merge of unit results.
#include "UnitResult.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

using nlohmann::json;

namespace fallacy::driver {
namespace {

constexpr const char *FormatTag = "fallacy-lint-unit-result";
constexpr int FormatVersion = 1;

json rangesToJson(const std::vector<ByteRange> &Ranges) {
  json A = json::array();
  for (const ByteRange &R : Ranges)
    A.push_back({{"file", R.File}, {"begin", R.Begin}, {"end", R.End}});
  return A;
}

std::vector<ByteRange> rangesFromJson(const json &A) {
  std::vector<ByteRange> Ranges;
  for (const json &R : A)
    Ranges.push_back({R.at("file").get<std::string>(), R.at("begin").get<unsigned>(),
                      R.at("end").get<unsigned>()});
  return Ranges;
}

} // namespace

json findingToJson(const Finding &F) {
  json Notes = json::array(), Fixes = json::array();
  for (const FindingNote &N : F.Notes)
    Notes.push_back({{"message", N.Message}, {"file", N.File}, {"offset", N.Offset},
                     {"ranges", rangesToJson(N.Ranges)}});
  for (const FixEdit &E : F.Fixes)
    Fixes.push_back({{"file", E.File}, {"offset", E.Offset}, {"length", E.Length}, {"text", E.Text}});
  return {{"check", F.CheckId},   {"level", F.Level},   {"message", F.Message},
          {"file", F.File},       {"offset", F.Offset}, {"ranges", rangesToJson(F.Ranges)},
          {"notes", Notes},       {"fixes", Fixes},     {"mainFile", F.MainFile},
          {"buildDirectory", F.BuildDirectory}};
}

Finding findingFromJson(const json &J) {
  Finding F;
  F.CheckId = J.at("check").get<std::string>();
  F.Level = J.at("level").get<std::string>();
  F.Message = J.at("message").get<std::string>();
  F.File = J.at("file").get<std::string>();
  F.Offset = J.at("offset").get<unsigned>();
  F.Ranges = rangesFromJson(J.at("ranges"));
  for (const json &N : J.at("notes"))
    F.Notes.push_back({N.at("message").get<std::string>(), N.at("file").get<std::string>(),
                       N.at("offset").get<unsigned>(), rangesFromJson(N.at("ranges"))});
  for (const json &E : J.at("fixes"))
    F.Fixes.push_back({E.at("file").get<std::string>(), E.at("offset").get<unsigned>(),
                       E.at("length").get<unsigned>(), E.at("text").get<std::string>()});
  F.MainFile = J.at("mainFile").get<std::string>();
  F.BuildDirectory = J.at("buildDirectory").get<std::string>();
  return F;
}

namespace {

// As the text report prints locations: relative to the current directory
// when under it.
std::string displayPath(llvm::StringRef File) {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return File.str();
  llvm::StringRef Rest = File;
  if (Rest.consume_front(Cwd) && Rest.consume_front("/"))
    return Rest.str();
  return File.str();
}

std::string renderCompilerErrors(const std::vector<CompilerError> &Errors, SourceCache &Sources) {
  // The first errors explain the failure; later ones are usually fallout.
  constexpr size_t Shown = 10;
  std::string Text;
  for (size_t I = 0; I < Errors.size() && I < Shown; ++I) {
    const CompilerError &E = Errors[I];
    if (!E.File.empty()) {
      SourceCache::Position P = Sources.position(E.File, E.Offset);
      Text += displayPath(E.File) + ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column) + ": ";
    }
    Text += "error: " + E.Message + "\n";
  }
  if (Errors.size() > Shown)
    Text += "(" + std::to_string(Errors.size() - Shown) + " more errors)\n";
  return Text;
}

} // namespace

json unitResultToJson(const UnitResult &R) {
  json Findings = json::array(), Errors = json::array();
  for (const Finding &F : R.Findings)
    Findings.push_back(findingToJson(F));
  for (const CompilerError &E : R.CompilerErrors)
    Errors.push_back({{"file", E.File}, {"offset", E.Offset}, {"message", E.Message}});
  json J = {{"format", FormatTag},          {"version", FormatVersion},
            {"file", R.File},               {"findings", Findings},
            {"compilerErrors", Errors},     {"suppressed", R.Suppressed},
            {"configWarnings", R.ConfigWarnings}, {"configErrors", R.ConfigErrors}, {"summary", R.Summary}};
  if (R.Failure)
    J["failure"] = {{"reason", R.Failure->Reason}, {"details", R.Failure->Details}};
  return J;
}

llvm::Expected<UnitResult> unitResultFromJson(llvm::StringRef Text) {
  try {
    json J = json::parse(Text.begin(), Text.end());
    if (J.at("format") != FormatTag || J.at("version") != FormatVersion)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "not a version %d unit result", FormatVersion);
    UnitResult R;
    R.File = J.at("file").get<std::string>();
    for (const json &F : J.at("findings"))
      R.Findings.push_back(findingFromJson(F));
    for (const json &E : J.at("compilerErrors"))
      R.CompilerErrors.push_back({E.at("file").get<std::string>(), E.at("offset").get<unsigned>(),
                                  E.at("message").get<std::string>()});
    R.Suppressed = J.at("suppressed").get<unsigned>();
    R.ConfigWarnings = J.at("configWarnings").get<std::vector<std::string>>();
    R.ConfigErrors = J.value("configErrors", std::vector<std::string>());
    R.Summary = J.at("summary");
    if (J.contains("failure"))
      R.Failure = UnitFailure{R.File, J["failure"].at("reason").get<std::string>(),
                              J["failure"].at("details").get<std::string>()};
    return R;
  } catch (const json::exception &E) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "malformed unit result: %s",
                                   E.what());
  }
}

void addFindings(RunResult &R, std::vector<Finding> More) {
  if (More.empty())
    return;
  auto Key = [](const Finding &F) { return std::tie(F.File, F.Offset, F.CheckId, F.Message); };
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> Seen;
  for (const Finding &F : R.Findings)
    Seen.insert(Key(F));
  std::set<std::string> Checks(R.EnabledChecks.begin(), R.EnabledChecks.end());
  for (Finding &F : More) {
    if (!Seen.insert(Key(F)).second)
      continue;
    // A finding's check is enabled even when it is not one of ours (a
    // compiler warning named in --checks), so SARIF can describe its rule.
    Checks.insert(F.CheckId);
    R.Findings.push_back(std::move(F));
  }
  R.EnabledChecks.assign(Checks.begin(), Checks.end());
  // The sort key is the deduplication key, so no two findings compare equal
  // and the order is the same however the units were scheduled.
  std::sort(R.Findings.begin(), R.Findings.end(),
            [&](const Finding &A, const Finding &B) { return Key(A) < Key(B); });
}

RunResult mergeUnits(std::vector<UnitResult> Units, std::vector<UnitFailure> Failures,
                     const std::vector<std::string> &EnabledChecks, SourceCache &Sources) {
  RunResult R;
  std::set<std::string> Checks(EnabledChecks.begin(), EnabledChecks.end());
  R.EnabledChecks.assign(Checks.begin(), Checks.end());
  std::vector<Finding> Found;
  for (UnitResult &U : Units) {
    R.Stats.Suppressed += U.Suppressed;
    if (U.Failure) {
      if (!U.CompilerErrors.empty())
        U.Failure->Details = renderCompilerErrors(U.CompilerErrors, Sources) + U.Failure->Details;
      Failures.push_back(std::move(*U.Failure));
      continue;
    }
    ++R.Stats.FilesAnalysed;
    std::move(U.Findings.begin(), U.Findings.end(), std::back_inserter(Found));
  }
  addFindings(R, std::move(Found));
  std::sort(Failures.begin(), Failures.end(), [](const UnitFailure &A, const UnitFailure &B) {
    return std::tie(A.File, A.Reason, A.Details) < std::tie(B.File, B.Reason, B.Details);
  });
  R.Failures = std::move(Failures);
  return R;
}

} // namespace fallacy::driver
