// driver/output/TextWriter.cpp: the clang-style text report and its summary line.
#include "output/Output.h"
#include "output/OutputDetail.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace fallacy::driver {
namespace {

// clang's colours: bold location and message, bold magenta/red/cyan level.
constexpr const char *Reset = "\033[0m";
constexpr const char *Bold = "\033[1m";

const char *levelColor(StringRef Level) {
  if (Level == "error")
    return "\033[0;1;31m";
  if (Level == "note")
    return "\033[0;1;36m";
  if (Level == "remark")
    return "\033[0;1;34m";
  return "\033[0;1;35m";
}

std::string plural(unsigned N, StringRef One, StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// Prints diagnostics one after the other, remembering the last location so
/// that, like clang, a diagnostic at the same place without ranges or fix-its
/// does not repeat the snippet.
class TextPrinter {
public:
  TextPrinter(SourceCache &Sources, const TextOptions &Opts, raw_ostream &OS)
      : Sources(Sources), Opts(Opts), OS(OS) {}

  void diagnostic(StringRef Level, StringRef File, unsigned Offset, StringRef Message,
                  ArrayRef<ByteRange> Ranges, ArrayRef<FixEdit> Fixes) {
    SourceCache::Position P;
    if (!File.empty()) {
      P = Sources.position(File, Offset);
      location(File, P);
    }
    if (Opts.Color)
      OS << Reset;
    level(Level);
    message(Message, /*Emphasised=*/Level != "note");
    if (File.empty()) {
      HaveLast = false;
      return;
    }
    bool Repeat = HaveLast && LastFile == File && LastOffset == Offset && Ranges.empty() &&
                  Fixes.empty() && (LastLevel != "note" || Level == LastLevel);
    if (!Repeat)
      detail::writeSnippet(OS, Sources, Opts.Color, File, Offset, Ranges, Fixes);
    HaveLast = true;
    LastFile = File.str();
    LastOffset = Offset;
    LastLevel = Level.str();
  }

  void failure(const UnitFailure &F) {
    HaveLast = false;
    location(F.File, {});
    if (Opts.Color)
      OS << Reset;
    level("error");
    message("could not analyse this translation unit: " + F.Reason, /*Emphasised=*/true);
    StringRef Details = StringRef(F.Details).rtrim("\r\n");
    if (Details.empty())
      return;
    SmallVector<StringRef, 16> Lines;
    Details.split(Lines, '\n');
    for (StringRef L : Lines) {
      L = L.rtrim('\r');
      OS << (L.empty() ? "" : "  ") << L << '\n';
    }
  }

private:
  std::string display(StringRef File) const {
    return Opts.DisplayBase.empty() ? File.str() : detail::relativeTo(File, Opts.DisplayBase);
  }
  void location(StringRef File, SourceCache::Position P) {
    if (Opts.Color)
      OS << Bold;
    OS << display(File);
    if (P.Line)
      OS << ':' << P.Line << ':' << P.Column;
    OS << ": ";
  }
  void level(StringRef Level) {
    if (Opts.Color)
      OS << levelColor(Level);
    OS << Level << ": ";
    if (Opts.Color)
      OS << Reset;
  }
  void message(StringRef Text, bool Emphasised) {
    if (Opts.Color && Emphasised)
      OS << Bold;
    OS << Text;
    if (Opts.Color)
      OS << Reset;
    OS << '\n';
  }

  SourceCache &Sources;
  const TextOptions &Opts;
  raw_ostream &OS;
  bool HaveLast = false;
  std::string LastFile, LastLevel;
  unsigned LastOffset = 0;
};

} // namespace

void writeText(const RunResult &R, SourceCache &Sources, const TextOptions &Opts,
               raw_ostream &OS) {
  TextPrinter Printer(Sources, Opts, OS);
  for (const Finding &F : R.Findings) {
    Printer.diagnostic(F.Level, F.File, F.Offset, F.Message + " [" + F.CheckId + "]", F.Ranges,
                       F.Fixes);
    for (const FindingNote &N : F.Notes)
      Printer.diagnostic("note", N.File, N.Offset, N.Message, N.Ranges, {});
  }
  for (const UnitFailure &U : R.Failures)
    Printer.failure(U);
  OS << summaryLine(R) << '\n';
}

std::string summaryLine(const RunResult &R) {
  unsigned Warnings = 0, Errors = 0, Notes = 0;
  for (const Finding &F : R.Findings) {
    if (F.Level == "error")
      ++Errors;
    else if (F.Level == "note")
      ++Notes;
    else
      ++Warnings;
  }
  std::string Line;
  if (R.Findings.empty()) {
    Line = "no findings";
  } else {
    std::vector<std::string> Kinds;
    if (Warnings)
      Kinds.push_back(plural(Warnings, "warning", "warnings"));
    if (Errors)
      Kinds.push_back(plural(Errors, "error", "errors"));
    if (Notes)
      Kinds.push_back(plural(Notes, "note", "notes"));
    Line = plural(static_cast<unsigned>(R.Findings.size()), "finding", "findings") + " (" +
           join(Kinds, ", ") + ")";
  }
  Line += " in " + plural(R.Stats.FilesAnalysed, "file", "files") + " analysed";
  if (R.Stats.Suppressed)
    Line += "; " + std::to_string(R.Stats.Suppressed) + " suppressed by NOLINT";
  if (!R.Failures.empty())
    Line += "; " + plural(static_cast<unsigned>(R.Failures.size()), "file", "files") +
            " could not be analysed";
  return Line;
}

} // namespace fallacy::driver
