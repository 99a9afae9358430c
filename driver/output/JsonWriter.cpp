// driver/output/JsonWriter.cpp: --format=json, a plain array of findings for scripts.
#include "output/Output.h"
#include "output/OutputDetail.h"

using namespace llvm;
using nlohmann::json;

namespace fallacy::driver {
namespace {

// Lines and columns are 1-based; columns count bytes, as in clang's and our
// text output, so a script can match the two.
void addPosition(json &Out, SourceCache &Sources, StringRef File, unsigned Offset,
                 StringRef LineKey, StringRef ColumnKey) {
  SourceCache::Position P = Sources.position(File, Offset);
  Out[LineKey.str()] = P.Line ? json(P.Line) : json(nullptr);
  Out[ColumnKey.str()] = P.Line ? json(P.Column) : json(nullptr);
}

} // namespace

json makeJson(const RunResult &R, SourceCache &Sources, StringRef SourceRoot) {
  auto Path = [&](StringRef File) {
    return SourceRoot.empty() ? File.str() : detail::relativeTo(File, SourceRoot);
  };
  detail::Fingerprinter Fingerprints(Sources);
  std::vector<std::string> Prints = Fingerprints.all(R, SourceRoot);

  json Out = json::array();
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    auto [Begin, End] = detail::primaryRange(F, Sources);
    json J = {{"check", F.CheckId}, {"level", F.Level}, {"message", F.Message},
              {"file", Path(F.File)}};
    addPosition(J, Sources, F.File, Begin, "line", "column");
    addPosition(J, Sources, F.File, End, "endLine", "endColumn");

    json Notes = json::array();
    for (const FindingNote &N : F.Notes) {
      json JN = {{"message", N.Message}};
      if (!N.File.empty()) {
        JN["file"] = Path(N.File);
        addPosition(JN, Sources, N.File, N.Offset, "line", "column");
      }
      Notes.push_back(std::move(JN));
    }
    J["notes"] = std::move(Notes);

    json Fixes = json::array();
    for (const FixEdit &E : F.Fixes) {
      json JF = {{"file", Path(E.File)}, {"offset", E.Offset}, {"length", E.Length},
                 {"text", E.Text}};
      addPosition(JF, Sources, E.File, E.Offset, "line", "column");
      addPosition(JF, Sources, E.File, E.Offset + E.Length, "endLine", "endColumn");
      Fixes.push_back(std::move(JF));
    }
    J["fixes"] = std::move(Fixes);
    J["fingerprint"] = Prints[I];
    Out.push_back(std::move(J));
  }
  return Out;
}

} // namespace fallacy::driver
