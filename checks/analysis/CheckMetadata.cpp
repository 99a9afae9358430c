// checks/analysis/CheckMetadata.cpp: parses and validates rules/checks.json.
#include "analysis/CheckMetadata.h"
#include "analysis/EmbeddedRules.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace llvm;

namespace fallacy {

const CheckOptionRecord *CheckRecord::option(StringRef Name) const {
  for (const CheckOptionRecord &O : Options)
    if (O.Name == Name)
      return &O;
  return nullptr;
}

const CheckRecord *CheckMetadata::find(StringRef Id) const {
  for (const CheckRecord &C : Checks)
    if (C.Id == Id)
      return &C;
  return nullptr;
}

const FallacyRecord *CheckMetadata::fallacy(StringRef Id) const {
  for (const FallacyRecord &F : Fallacies)
    if (F.Id == Id)
      return &F;
  return nullptr;
}

namespace {


// Reads a required string member, recording a path-qualified error.
bool readString(const json::Object &O, StringRef Key, std::string &Out,
                json::Path P, bool Required = true) {
  const json::Value *V = O.get(Key);
  if (!V) {
    if (Required)
      P.field(Key).report("missing required string");
    return !Required;
  }
  std::optional<StringRef> S = V->getAsString();
  if (!S || (Required && S->empty())) {
    P.field(Key).report("expected a non-empty string");
    return false;
  }
  Out = S->str();
  return true;
}

std::string optionDefault(const json::Value &V) {
  if (auto B = V.getAsBoolean())
    return *B ? "true" : "false";
  if (auto I = V.getAsInteger())
    return std::to_string(*I);
  if (auto S = V.getAsString())
    return S->str();
  if (const json::Array *A = V.getAsArray()) {
    std::string Joined;
    for (const json::Value &E : *A)
      if (auto S = E.getAsString())
        Joined += (Joined.empty() ? "" : ";") + S->str();
    return Joined;
  }
  return "";
}

bool readOption(const json::Value &V, CheckOptionRecord &Out, json::Path P) {
  const json::Object *O = V.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  if (!readString(*O, "name", Out.Name, P) || !readString(*O, "type", Out.Type, P) ||
      !readString(*O, "doc", Out.Doc, P))
    return false;
  static const char *Types[] = {"int", "bool", "string", "list"};
  if (std::find(std::begin(Types), std::end(Types), Out.Type) == std::end(Types)) {
    P.field("type").report("expected one of int, bool, string, list");
    return false;
  }
  const json::Value *D = O->get("default");
  if (!D) {
    P.field("default").report("missing default");
    return false;
  }
  Out.Default = optionDefault(*D);
  return true;
}

bool readCheck(const json::Value &V, CheckRecord &Out, const CheckMetadata &Meta,
               json::Path P) {
  const json::Object *O = V.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  for (auto [Key, Field] : {std::pair<StringRef, std::string *>{"id", &Out.Id},
                            {"title", &Out.Title},
                            {"fallacy", &Out.Fallacy},
                            {"summary", &Out.Summary},
                            {"description", &Out.Description},
                            {"severity", &Out.Severity},
                            {"docs", &Out.Docs}})
    if (!readString(*O, Key, *Field, P))
      return false;
  if (!StringRef(Out.Id).starts_with("fallacy-")) {
    P.field("id").report("check ids start with 'fallacy-'");
    return false;
  }
  if (!Meta.fallacy(Out.Fallacy)) {
    P.field("fallacy").report("not a key of the 'fallacies' table");
    return false;
  }
  if (Out.Severity != "note" && Out.Severity != "warning" && Out.Severity != "error") {
    P.field("severity").report("expected note, warning or error");
    return false;
  }
  if (StringRef(Out.Summary).ends_with(".") == false) {
    P.field("summary").report("a summary is one sentence ending with a period");
    return false;
  }
  if (auto F = O->getBoolean("fixits"))
    Out.FixIts = *F;
  if (const json::Value *Opts = O->get("options")) {
    const json::Array *A = Opts->getAsArray();
    if (!A) {
      P.field("options").report("expected an array");
      return false;
    }
    for (size_t I = 0; I < A->size(); ++I) {
      CheckOptionRecord R;
      if (!readOption((*A)[I], R, P.field("options").index(I)))
        return false;
      Out.Options.push_back(std::move(R));
    }
  }
  return true;
}

} // namespace

Expected<CheckMetadata> parseCheckMetadata(StringRef Text, StringRef FileName) {
  Expected<json::Value> Doc = json::parse(Text);
  if (!Doc)
    return createStringError(inconvertibleErrorCode(), "%s: %s", FileName.str().c_str(),
                             toString(Doc.takeError()).c_str());
  CheckMetadata Meta;
  json::Path::Root Root("checks.json");
  json::Path P(Root);
  auto Fail = [&]() -> Error {
    return createStringError(inconvertibleErrorCode(), "%s: %s", FileName.str().c_str(),
                             toString(Root.getError()).c_str());
  };
  const json::Object *Top = Doc->getAsObject();
  if (!Top) {
    P.report("expected an object with 'fallacies' and 'checks'");
    return Fail();
  }
  const json::Object *Fallacies = Top->getObject("fallacies");
  if (!Fallacies) {
    P.field("fallacies").report("missing object");
    return Fail();
  }
  for (const auto &KV : *Fallacies) {
    FallacyRecord F;
    F.Id = KV.first.str();
    const json::Object *O = KV.second.getAsObject();
    if (!O) {
      P.field("fallacies").field(KV.first).report("expected an object");
      return Fail();
    }
    if (!readString(*O, "title", F.Title, P.field("fallacies").field(KV.first)) ||
        !readString(*O, "text", F.Text, P.field("fallacies").field(KV.first)))
      return Fail();
    Meta.Fallacies.push_back(std::move(F));
  }
  std::sort(Meta.Fallacies.begin(), Meta.Fallacies.end(),
            [](const FallacyRecord &A, const FallacyRecord &B) { return A.Id < B.Id; });
  const json::Array *Checks = Top->getArray("checks");
  if (!Checks) {
    P.field("checks").report("missing array");
    return Fail();
  }
  StringSet<> Seen;
  for (size_t I = 0; I < Checks->size(); ++I) {
    CheckRecord C;
    if (!readCheck((*Checks)[I], C, Meta, P.field("checks").index(I)))
      return Fail();
    if (!Seen.insert(C.Id).second) {
      P.field("checks").index(I).field("id").report("duplicate check id");
      return Fail();
    }
    Meta.Checks.push_back(std::move(C));
  }
  std::sort(Meta.Checks.begin(), Meta.Checks.end(),
            [](const CheckRecord &A, const CheckRecord &B) { return A.Id < B.Id; });
  return Meta;
}

const CheckMetadata &checkMetadata() {
  static const CheckMetadata Meta = [] {
    for (const rules::EmbeddedFile &F : rules::embeddedFiles())
      if (F.Path == "checks.json") {
        Expected<CheckMetadata> M = parseCheckMetadata(F.Text, "rules/checks.json");
        if (!M)
          // The file is compiled in and validated by the test suite, so this
          // is a build defect, not a user error.
          report_fatal_error(M.takeError());
        return std::move(*M);
      }
    report_fatal_error("rules/checks.json is not embedded in this binary");
  }();
  return Meta;
}

std::vector<std::string>
registryMismatches(const CheckMetadata &Meta,
                   const std::vector<std::string> &RegisteredIds) {
  std::vector<std::string> Problems;
  StringSet<> Registered;
  for (const std::string &Id : RegisteredIds) {
    Registered.insert(Id);
    if (!Meta.find(Id))
      Problems.push_back("check '" + Id + "' is registered but has no record in rules/checks.json");
  }
  for (const CheckRecord &C : Meta.Checks)
    if (!Registered.count(C.Id))
      Problems.push_back("rules/checks.json has '" + C.Id + "' but no check class is registered for it");
  return Problems;
}

StringRef docsBaseUrl() {
  return "https://github.com/fallacy-lint/fallacy-lint/blob/main/";
}

} // namespace fallacy
