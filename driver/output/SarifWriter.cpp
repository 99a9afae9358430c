// driver/output/SarifWriter.cpp: the SARIF 2.1.0 log GitHub code scanning ingests.
#include "output/Output.h"
#include "output/OutputDetail.h"
#include "llvm/ADT/StringExtras.h"
#include <map>

using namespace llvm;
using nlohmann::json;

namespace fallacy::driver {
namespace {

constexpr const char *SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char *SrcRoot = "%SRCROOT%";
// Our own partialFingerprints key. github/codeql-action adds its own
// primaryLocationLineHash when a result lacks one; emitting ours under that
// name with a different algorithm would make GitHub's alert tracking disagree.
constexpr const char *FingerprintKey = "fallacyLint/v1";

// RFC 3986 path characters stay; everything else, ':' included (a relative
// reference must not look like a scheme), is percent-encoded as UTF-8.
std::string encodePath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("-._~/!$&'()*+,;=@").contains(C))
      Out += static_cast<char>(C);
    else
      Out += "%" + utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

std::string fileUri(StringRef AbsolutePath) { return "file://" + encodePath(AbsolutePath); }

// "[" and "]" in a link's text are escaped (SARIF 3.11.6).
std::string linkText(StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '[' || C == ']' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out;
}

std::string sarifLevel(StringRef Level) {
  if (Level == "error" || Level == "note")
    return Level.str();
  return "warning";
}

// "fallacy-missing-timeout" -> "MissingTimeout"; other ids keep their prefix.
std::string ruleName(StringRef Id) {
  Id.consume_front("fallacy-");
  std::string Name;
  bool StartOfWord = true;
  for (char C : Id) {
    if (C == '-' || C == '_' || C == '.') {
      StartOfWord = true;
      continue;
    }
    Name += StartOfWord ? toUpper(C) : C;
    StartOfWord = false;
  }
  return Name;
}

std::string informationUri() {
  StringRef Docs = docsBaseUrl();
  size_t Blob = Docs.find("/blob/");
  return Docs.substr(0, Blob).rtrim('/').str();
}

json text(StringRef T) { return {{"text", T.str()}}; }

// Whitespace runs (the line break and indentation of an inserted line) as one space.
std::string normalised(StringRef T) {
  std::string Out;
  for (char C : T.trim()) {
    if (!isSpace(C))
      Out += C;
    else if (Out.back() != ' ')
      Out += ' ';
  }
  return Out;
}

json ruleFor(const CheckRecord &C, const CheckMetadata &Meta) {
  std::string HelpUri = (docsBaseUrl() + C.Docs).str();
  const FallacyRecord *F = Meta.fallacy(C.Fallacy);
  std::string Title = F ? F->Title : C.Fallacy, Why = F ? F->Text : "";
  json Help = {
      {"text", C.Summary + "\n\nFallacy: " + Title + ". " + Why + "\n\nDocumentation: " + HelpUri},
      {"markdown", "**" + C.Summary + "**\n\n*Fallacy: " + Title + ".* " + Why +
                       "\n\n[Documentation](" + HelpUri + ")"}};
  return {{"id", C.Id},
          {"name", ruleName(C.Id)},
          {"shortDescription", text(C.Summary)},
          {"fullDescription", text(C.Description)},
          {"help", Help},
          {"helpUri", HelpUri},
          {"defaultConfiguration", {{"level", sarifLevel(C.Severity)}}},
          {"properties",
           {{"tags", {C.Fallacy, "reliability", "network"}},
            // Every check is tuned to stay quiet rather than guess: users drop a
            // noisy linter, so precision comes before recall.
            {"precision", "high"}}}};
}

// A clang-tidy check or compiler diagnostic the user enabled next to ours.
json foreignRule(StringRef Id) {
  std::string HelpUri;
  if (StringRef Warning = Id; Warning.consume_front("clang-diagnostic-"))
    HelpUri = "https://clang.llvm.org/docs/DiagnosticsReference.html#w" + Warning.str();
  else if (size_t Dash = Id.find('-', Id.starts_with("clang-analyzer-") ? 6 : 0);
           Dash != StringRef::npos)
    HelpUri = "https://clang.llvm.org/extra/clang-tidy/checks/" + Id.substr(0, Dash).str() +
              "/" + Id.substr(Dash + 1).str() + ".html";
  json Rule = {{"id", Id.str()},
               {"name", ruleName(Id)},
               {"shortDescription", text("clang-tidy diagnostic " + Id.str())},
               {"fullDescription", text("Reported by clang-tidy's " + Id.str() + ".")},
               {"defaultConfiguration", {{"level", "warning"}}},
               {"properties", {{"tags", {"clang-tidy"}}}}};
  if (!HelpUri.empty())
    Rule["helpUri"] = HelpUri;
  return Rule;
}

class SarifBuilder {
public:
  SarifBuilder(SourceCache &Sources, const SarifOptions &Opts)
      : Sources(Sources), Root(StringRef(Opts.SourceRoot).rtrim('/').str()) {}

  // Every URI is relative to %SRCROOT%, with "../" for files outside it (a
  // system header): GitHub rejects absolute file URIs outside the checkout
  // path (GH1006), and the relative reference still resolves to the file.
  json artifact(StringRef File) const {
    return {{"uri", encodePath(relativeReference(File))}, {"uriBaseId", SrcRoot}};
  }

  /// A region from byte offsets, columns in UTF-16 code units; null when the
  /// file cannot be read.
  json region(StringRef File, unsigned Begin, unsigned End) const {
    SourceCache::Position B = Sources.position(File, Begin), E = Sources.position(File, End);
    if (!B.Line)
      return nullptr;
    if (!E.Line || End < Begin)
      E = B;
    return {{"startLine", B.Line},
            {"startColumn", Sources.utf16Column(File, B.Line, B.Column)},
            {"endLine", E.Line},
            {"endColumn", Sources.utf16Column(File, E.Line, E.Column)}};
  }

  json physical(StringRef File, unsigned Begin, unsigned End) const {
    json P = {{"artifactLocation", artifact(File)}};
    json R = region(File, Begin, End);
    if (!R.is_null())
      P["region"] = std::move(R);
    return P;
  }

  /// The located notes as related locations (GitHub rejects one without a
  /// physical location), numbered from 1 in order.
  json notes(const Finding &F) const {
    json Related = json::array();
    for (const FindingNote &N : F.Notes) {
      if (N.File.empty())
        continue;
      unsigned End = detail::tokenEnd(Sources, N.File, N.Offset);
      if (!N.Ranges.empty() && N.Ranges.front().File == N.File && N.Ranges.front().End > N.Offset)
        End = N.Ranges.front().End;
      Related.push_back({{"id", Related.size() + 1},
                         {"message", text(N.Message)},
                         {"physicalLocation", physical(N.File, N.Offset, End)}});
    }
    return Related;
  }

  /// The message with each note on a line of its own; a located note links to
  /// its related location, which is how GitHub shows related locations.
  static std::string message(const Finding &F) {
    std::string Text = F.Message;
    unsigned Id = 0;
    for (const FindingNote &N : F.Notes)
      Text += N.File.empty() ? "\nnote: " + N.Message
                             : "\nnote: [" + linkText(N.Message) + "](" + std::to_string(++Id) + ")";
    return Text;
  }

  json fixes(const Finding &F) const {
    // One artifactChange per file, in the order the files first appear.
    std::vector<std::string> Order;
    std::map<std::string, json> Changes;
    for (const FixEdit &E : F.Fixes) {
      json Replacement = {{"deletedRegion", region(E.File, E.Offset, E.Offset + E.Length)}};
      if (!E.Text.empty())
        Replacement["insertedContent"] = text(E.Text);
      auto [It, New] = Changes.try_emplace(E.File, json::array());
      if (New)
        Order.push_back(E.File);
      It->second.push_back(std::move(Replacement));
    }
    json ArtifactChanges = json::array();
    for (const std::string &File : Order)
      ArtifactChanges.push_back(
          {{"artifactLocation", artifact(File)}, {"replacements", std::move(Changes[File])}});
    return json::array({{{"description", text(describe(F.Fixes))},
                         {"artifactChanges", std::move(ArtifactChanges)}}});
  }

  /// "Insert 'x'", "Replace 'a' with 'b'", "Remove 'c'", one clause per edit.
  std::string describe(ArrayRef<FixEdit> Edits) const {
    std::vector<std::string> Clauses;
    for (const FixEdit &E : Edits) {
      const std::string *Code = Sources.content(E.File);
      std::string Old = Code && E.Offset + E.Length <= Code->size()
                            ? normalised(StringRef(*Code).substr(E.Offset, E.Length))
                            : "";
      std::string New = normalised(E.Text);
      if (E.Length == 0)
        Clauses.push_back("Insert '" + New + "'");
      else if (New.empty())
        Clauses.push_back("Remove '" + Old + "'");
      else
        Clauses.push_back("Replace '" + Old + "' with '" + New + "'");
    }
    return join(Clauses, "; ");
  }

  json rootUri() const { return fileUri(Root) + "/"; }

private:
  std::string relativeReference(StringRef File) const {
    if (detail::isUnder(File, Root))
      return detail::relativeTo(File, Root);
    SmallVector<StringRef, 16> RootParts, FileParts;
    StringRef(Root).split(RootParts, '/', -1, /*KeepEmpty=*/false);
    File.split(FileParts, '/', -1, /*KeepEmpty=*/false);
    size_t Common = 0;
    while (Common < RootParts.size() && Common < FileParts.size() &&
           RootParts[Common] == FileParts[Common])
      ++Common;
    std::string Ref;
    for (size_t I = Common; I < RootParts.size(); ++I)
      Ref += "../";
    for (size_t I = Common; I < FileParts.size(); ++I)
      Ref += FileParts[I].str() + (I + 1 < FileParts.size() ? "/" : "");
    return Ref;
  }

  SourceCache &Sources;
  std::string Root;
};


/// tool.driver.rules: the enabled checks (every record when none are
/// listed), then any other check a finding names; remembers each one's index.
class RuleTable {
public:
  RuleTable(const RunResult &R, const CheckMetadata &Meta) : Meta(Meta) {
    if (R.EnabledChecks.empty())
      for (const CheckRecord &C : Meta.Checks)
        add(C.Id);
    for (const std::string &Id : R.EnabledChecks)
      add(Id);
    for (const Finding &F : R.Findings)
      add(F.CheckId);
  }
  unsigned index(const std::string &Id) const { return Index.at(Id); }
  json take() { return std::move(Rules); }

private:
  void add(const std::string &Id) {
    if (!Index.emplace(Id, static_cast<unsigned>(Rules.size())).second)
      return;
    const CheckRecord *C = Meta.find(Id);
    Rules.push_back(C ? ruleFor(*C, Meta) : foreignRule(Id));
  }
  const CheckMetadata &Meta;
  json Rules = json::array();
  std::map<std::string, unsigned> Index;
};

json invocation(const RunResult &R, const SarifBuilder &B, bool Successful) {
  json Notifications = json::array();
  for (const UnitFailure &U : R.Failures) {
    std::string Message = "could not analyse this translation unit: " + U.Reason;
    StringRef Details = StringRef(U.Details).rtrim();
    if (!Details.empty())
      Message += "\n" + Details.str();
    json Where = {{"physicalLocation", {{"artifactLocation", B.artifact(U.File)}}}};
    Notifications.push_back({{"level", "error"},
                             {"message", text(Message)},
                             {"locations", json::array({std::move(Where)})}});
  }
  json Invocation = {{"executionSuccessful", Successful}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  return Invocation;
}

} // namespace

json makeSarif(const RunResult &R, SourceCache &Sources, const CheckMetadata &Meta,
               const SarifOptions &Opts) {
  SarifBuilder B(Sources, Opts);
  RuleTable Rules(R, Meta);
  detail::Fingerprinter Fingerprints(Sources);
  std::vector<std::string> Prints = Fingerprints.all(R, Opts.SourceRoot);

  json Results = json::array();
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    auto [Begin, End] = detail::primaryRange(F, Sources);
    json Where = {{"physicalLocation", B.physical(F.File, Begin, End)}};
    json Result = {{"ruleId", F.CheckId},
                   {"ruleIndex", Rules.index(F.CheckId)},
                   {"level", sarifLevel(F.Level)},
                   {"message", text(SarifBuilder::message(F))},
                   {"locations", json::array({std::move(Where)})},
                   {"partialFingerprints", {{FingerprintKey, Prints[I]}}}};
    if (json Related = B.notes(F); !Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!F.Fixes.empty())
      Result["fixes"] = B.fixes(F);
    Results.push_back(std::move(Result));
  }

  json Driver = {{"name", "fallacy-lint"},
                 {"version", Opts.ToolVersion},
                 {"semanticVersion", Opts.ToolVersion},
                 {"informationUri", informationUri()},
                 {"rules", Rules.take()}};
  json Run = {{"tool", {{"driver", std::move(Driver)}}},
              {"columnKind", "utf16CodeUnits"},
              {"originalUriBaseIds", {{SrcRoot, {{"uri", B.rootUri()}}}}},
              {"invocations", json::array({invocation(R, B, Opts.ExecutionSuccessful)})},
              {"results", std::move(Results)}};
  return {{"$schema", SchemaUri}, {"version", "2.1.0"}, {"runs", json::array({std::move(Run)})}};
}

} // namespace fallacy::driver
