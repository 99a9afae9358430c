// checks/analysis/Summary.cpp: the summary format and the process-wide sink.
#include "analysis/Summary.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"

using namespace llvm;

namespace fallacy {

namespace {
thread_local UnitSummary *Active = nullptr;

json::Value location(const SummaryLocation &L) {
  return json::Object{{"file", L.File}, {"offset", L.Offset}, {"line", L.Line}, {"column", L.Column}};
}

bool readLocation(const json::Object *O, SummaryLocation &L) {
  if (!O)
    return false;
  auto File = O->getString("file");
  auto Offset = O->getInteger("offset"), Line = O->getInteger("line"), Column = O->getInteger("column");
  if (!File || !Offset || !Line || !Column)
    return false;
  L = {File->str(), static_cast<unsigned>(*Offset), static_cast<unsigned>(*Line),
       static_cast<unsigned>(*Column)};
  return true;
}
} // namespace

UnitSummary *activeSummary() { return Active; }
void setActiveSummary(UnitSummary *S) { Active = S; }

std::string usrOf(const clang::Decl &D) {
  SmallString<128> Buf;
  if (clang::index::generateUSRForDecl(&D, Buf))
    return "";
  return Buf.str().str();
}

json::Value toJSON(const UnitSummary &S) {
  json::Array Functions, Pending;
  for (const FunctionFact &F : S.Functions) {
    json::Object O{{"usr", F.Usr}, {"name", F.Name}, {"calls", F.Calls}};
    if (F.Remote)
      O["remote"] = json::Object{{"operation", F.Operation}, {"batch", F.Batch},
                                 {"in", F.SiteIn.empty() ? F.Name : F.SiteIn}, {"site", location(F.Site)}};
    Functions.push_back(std::move(O));
  }
  for (const PendingFinding &P : S.Pending)
    Pending.push_back(json::Object{{"check", P.Check},
                                   {"requiresRemote", P.RequiresRemote},
                                   {"callee", P.Callee},
                                   {"message", P.Message},
                                   {"at", location(P.At)},
                                   {"endOffset", P.EndOffset},
                                   {"loop", location(P.Loop)}});
  return json::Object{{"version", 1}, {"functions", std::move(Functions)}, {"pending", std::move(Pending)}};
}

Expected<UnitSummary> summaryFromJSON(const json::Value &V, StringRef Origin) {
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(), "%s: not a fallacy-lint summary: %s",
                             Origin.str().c_str(), Why.str().c_str());
  };
  const json::Object *O = V.getAsObject();
  if (!O)
    return Fail("expected an object");
  if (O->getInteger("version") != 1)
    return Fail("unknown version (expected 1)");
  UnitSummary S;
  if (const json::Array *Fs = O->getArray("functions"))
    for (size_t I = 0; I < Fs->size(); ++I) {
      const json::Object *F = (*Fs)[I].getAsObject();
      FunctionFact Fact;
      auto Usr = F ? F->getString("usr") : std::nullopt;
      auto Name = F ? F->getString("name") : std::nullopt;
      if (!Usr || !Name)
        return Fail("functions[" + Twine(I) + "] needs usr and name");
      Fact.Usr = Usr->str();
      Fact.Name = Name->str();
      if (const json::Array *Calls = F->getArray("calls"))
        for (const json::Value &C : *Calls)
          if (auto U = C.getAsString())
            Fact.Calls.push_back(U->str());
      if (const json::Object *R = F->getObject("remote")) {
        Fact.Remote = true;
        Fact.Operation = R->getString("operation").value_or("").str();
        Fact.Batch = R->getString("batch").value_or("").str();
        Fact.SiteIn = R->getString("in").value_or(Fact.Name).str();
        if (!readLocation(R->getObject("site"), Fact.Site))
          return Fail("functions[" + Twine(I) + "].remote.site is incomplete");
      }
      S.Functions.push_back(std::move(Fact));
    }
  if (const json::Array *Ps = O->getArray("pending"))
    for (size_t I = 0; I < Ps->size(); ++I) {
      const json::Object *P = (*Ps)[I].getAsObject();
      PendingFinding F;
      auto Check = P ? P->getString("check") : std::nullopt;
      auto Req = P ? P->getString("requiresRemote") : std::nullopt;
      auto Message = P ? P->getString("message") : std::nullopt;
      if (!Check || !Req || !Message || !readLocation(P->getObject("at"), F.At) ||
          !readLocation(P->getObject("loop"), F.Loop))
        return Fail("pending[" + Twine(I) + "] is incomplete");
      F.Check = Check->str();
      F.RequiresRemote = Req->str();
      F.Message = Message->str();
      F.Callee = P->getString("callee").value_or("").str();
      F.EndOffset = static_cast<unsigned>(P->getInteger("endOffset").value_or(F.At.Offset));
      S.Pending.push_back(std::move(F));
    }
  return S;
}

} // namespace fallacy
