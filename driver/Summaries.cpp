// driver/Summaries.cpp: cross-file facts: the format, merge, closure over calls, and resolution.
#include "Summaries.h"
#include "UnitResult.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>

using namespace llvm;
using nlohmann::json;

namespace fallacy::driver {
namespace {

constexpr int SummaryVersion = 2;

json locationToJson(const SummaryLocation &L) {
  return {{"file", L.File}, {"offset", L.Offset}, {"line", L.Line}, {"column", L.Column}};
}

SummaryLocation locationFromJson(const json &J) {
  return {J.at("file").get<std::string>(), J.at("offset").get<unsigned>(),
          J.at("line").get<unsigned>(), J.at("column").get<unsigned>()};
}

const char *kindName(Condition::Kind K) {
  return K == Condition::Kind::Remote ? "remote" : "notIdempotent";
}

json factToJson(const FunctionFact &F) {
  json O = {{"usr", F.Usr}, {"name", F.Name}, {"calls", F.Calls}, {"outcome", F.Outcome}};
  if (F.Remote) {
    O["remote"] = {{"operation", F.Operation}, {"family", F.Family}, {"batch", F.Batch},
                   {"in", F.SiteIn.empty() ? F.Name : F.SiteIn}, {"site", locationToJson(F.Site)}};
    if (F.NotIdempotent)
      O["remote"]["notIdempotent"] = {{"effect", F.Effect}, {"why", F.Why}};
    if (!F.Waits.empty())
      O["remote"]["waits"] = F.Waits;
    if (F.RetriesInside)
      O["remote"]["retriesInside"] = true;
  }
  return O;
}

FunctionFact factFromJson(const json &J) {
  FunctionFact F;
  F.Usr = J.at("usr").get<std::string>();
  F.Name = J.at("name").get<std::string>();
  F.Calls = J.value("calls", std::vector<std::string>());
  F.Outcome = J.value("outcome", std::string());
  if (J.contains("remote")) {
    const json &R = J.at("remote");
    F.Remote = true;
    F.Operation = R.value("operation", std::string());
    F.Family = R.value("family", std::string());
    F.Batch = R.value("batch", std::string());
    F.SiteIn = R.value("in", F.Name);
    F.Site = locationFromJson(R.at("site"));
    if (R.contains("notIdempotent")) {
      F.NotIdempotent = true;
      F.Effect = R.at("notIdempotent").value("effect", std::string("run twice"));
      F.Why = R.at("notIdempotent").value("why", std::string());
    }
    F.Waits = R.value("waits", std::string());
    F.RetriesInside = R.value("retriesInside", false);
  }
  return F;
}

json pendingToJson(const PendingFinding &P) {
  json Requires = json::array();
  for (const Condition &C : P.Requires)
    Requires.push_back({{"kind", kindName(C.K)}, {"anyOf", C.AnyOf}});
  return {{"requires", Requires}, {"batchNote", P.BatchNote}, {"finding", findingToJson(P.F)}};
}

PendingFinding pendingFromJson(const json &J) {
  PendingFinding P;
  for (const json &C : J.at("requires")) {
    std::string Kind = C.at("kind").get<std::string>();
    if (Kind != "remote" && Kind != "notIdempotent")
      throw json::other_error::create(501, "unknown condition kind '" + Kind + "'", &C);
    P.Requires.push_back({Kind == "remote" ? Condition::Kind::Remote : Condition::Kind::NotIdempotent,
                          C.at("anyOf").get<std::vector<std::string>>()});
  }
  P.BatchNote = J.value("batchNote", false);
  P.F = findingFromJson(J.at("finding"));
  return P;
}

} // namespace

json summaryToJson(const std::vector<FunctionFact> &Functions,
                   const std::vector<PendingFinding> &Pending) {
  json Fs = json::array(), Ps = json::array();
  for (const FunctionFact &F : Functions)
    Fs.push_back(factToJson(F));
  for (const PendingFinding &P : Pending)
    Ps.push_back(pendingToJson(P));
  return {{"version", SummaryVersion}, {"functions", Fs}, {"pending", Ps}};
}

std::vector<PendingFinding> takeConditional(std::vector<Finding> &Findings,
                                            const std::vector<ConditionalFinding> &Conditional) {
  std::vector<PendingFinding> Pending;
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    const ConditionalFinding *C = nullptr;
    for (auto It = F.Notes.begin(); It != F.Notes.end(); ++It) {
      StringRef Text = It->Message;
      unsigned Index;
      if (!Text.consume_front(PendingMarker) || Text.getAsInteger(10, Index) ||
          Index >= Conditional.size() || Conditional[Index].Check != F.CheckId)
        continue;
      C = &Conditional[Index];
      F.Notes.erase(It);
      break;
    }
    if (!C) {
      Kept.push_back(std::move(F));
      continue;
    }
    Pending.push_back({std::move(F), C->Requires, C->BatchNote});
  }
  Findings = std::move(Kept);
  return Pending;
}

void MergedSummary::add(std::vector<FunctionFact> Fs, std::vector<PendingFinding> Ps) {
  // A function defined in a header is summarised by every unit that
  // includes it: one fact per function, its calls the union of them all.
  for (FunctionFact &F : Fs) {
    auto [It, New] = Index.try_emplace(F.Usr, Functions.size());
    if (New) {
      Functions.push_back(std::move(F));
      continue;
    }
    FunctionFact &Known = Functions[It->second];
    for (std::string &C : F.Calls)
      if (!llvm::is_contained(Known.Calls, C))
        Known.Calls.push_back(std::move(C));
    if (F.Remote && !Known.Remote) {
      std::vector<std::string> Calls = std::move(Known.Calls);
      Known = std::move(F);
      Known.Calls = std::move(Calls);
    }
  }
  for (PendingFinding &P : Ps)
    Pending.push_back(std::move(P));
  Closed = false;
}

Error MergedSummary::addJson(const json &J, StringRef Origin) {
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(), "%s: not a fallacy-lint summary: %s",
                             Origin.str().c_str(), Why.str().c_str());
  };
  if (!J.is_object())
    return Fail("expected an object");
  if (!J.contains("version") || J.at("version") != SummaryVersion)
    return Fail("unknown version (expected " + Twine(SummaryVersion) +
                "; summaries of older fallacy-lint versions must be written again)");
  std::vector<FunctionFact> Fs;
  std::vector<PendingFinding> Ps;
  const char *Where = "functions";
  size_t I = 0;
  try {
    for (const json &F : J.value("functions", json::array())) {
      if (!F.is_object() || !F.contains("usr") || !F.contains("name"))
        return Fail("functions[" + Twine(I) + "] needs usr and name");
      Fs.push_back(factFromJson(F));
      ++I;
    }
    Where = "pending";
    I = 0;
    for (const json &P : J.value("pending", json::array())) {
      Ps.push_back(pendingFromJson(P));
      ++I;
    }
  } catch (const json::exception &E) {
    return Fail(Twine(Where) + "[" + Twine(I) + "] is incomplete (" + E.what() + ")");
  }
  add(std::move(Fs), std::move(Ps));
  return Error::success();
}

Error MergedSummary::addFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "%s: cannot read summary: %s", Path.str().c_str(),
                             Buf.getError().message().c_str());
  StringRef Text = (*Buf)->getBuffer();
  json J = json::parse(Text.begin(), Text.end(), nullptr, /*allow_exceptions=*/false);
  if (J.is_discarded())
    return createStringError(inconvertibleErrorCode(), "%s: invalid JSON", Path.str().c_str());
  return addJson(J, Path);
}

void MergedSummary::closure() const {
  if (Closed)
    return;
  Remote.clear();
  // A function that calls a remote function is remote: walk the call edges
  // backwards from the functions whose own bodies make a remote call.
  StringMap<std::vector<const FunctionFact *>> Callers;
  std::vector<const FunctionFact *> Work;
  for (const FunctionFact &F : Functions) {
    for (const std::string &Callee : F.Calls)
      Callers[Callee].push_back(&F);
    if (F.Remote) {
      Remote[F.Usr] = &F;
      Work.push_back(&F);
    }
  }
  while (!Work.empty()) {
    const FunctionFact *F = Work.back();
    Work.pop_back();
    const FunctionFact *Site = Remote[F->Usr];
    auto It = Callers.find(F->Usr);
    if (It == Callers.end())
      continue;
    for (const FunctionFact *Caller : It->second)
      if (Remote.try_emplace(Caller->Usr, Site).second)
        Work.push_back(Caller);
  }
  Closed = true;
}

const FunctionFact *MergedSummary::remoteThrough(StringRef Usr) const {
  closure();
  auto It = Remote.find(Usr);
  return It == Remote.end() ? nullptr : It->second;
}

const FunctionFact *MergedSummary::holds(const Condition &C) const {
  for (const std::string &Usr : C.AnyOf)
    if (const FunctionFact *Site = remoteThrough(Usr))
      if (C.K == Condition::Kind::Remote || Site->NotIdempotent)
        return Site;
  return nullptr;
}

std::vector<Finding> MergedSummary::resolve() const {
  std::vector<Finding> Out;
  StringSet<> Seen;
  for (const PendingFinding &P : Pending) {
    std::vector<const FunctionFact *> Sites;
    for (const Condition &C : P.Requires)
      if (const FunctionFact *Site = holds(C))
        Sites.push_back(Site);
    if (Sites.size() != P.Requires.size() || Sites.empty())
      continue;
    std::string Key = P.F.CheckId + "@" + P.F.File + ":" + std::to_string(P.F.Offset);
    if (!Seen.insert(Key).second)
      continue;
    Finding F = P.F;
    const FunctionFact *Site = Sites.front();
    std::string In = Site->SiteIn.empty() ? Site->Name : Site->SiteIn;
    bool Idempotency = P.Requires.front().K == Condition::Kind::NotIdempotent;
    std::string Note = "the remote call ('" + Site->Operation + "') is made here, in '" + In + "'";
    if (Idempotency && !Site->Effect.empty())
      Note += ": repeated, it can " + Site->Effect;
    F.Notes.insert(F.Notes.begin(), {Note, Site->Site.File, Site->Site.Offset, {}});
    if (P.BatchNote && !Site->Batch.empty())
      F.Notes.push_back({"batch it: " + Site->Batch, F.File, F.Offset, {}});
    Out.push_back(std::move(F));
  }
  return Out;
}

json MergedSummary::unresolved() const {
  std::vector<PendingFinding> Waiting;
  for (const PendingFinding &P : Pending)
    if (llvm::any_of(P.Requires, [&](const Condition &C) { return !holds(C); }))
      Waiting.push_back(P);
  return summaryToJson(Functions, Waiting);
}

} // namespace fallacy::driver
