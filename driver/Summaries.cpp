// driver/Summaries.cpp: cross-file facts: merge, closure over calls, and resolution.
#include "Summaries.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace fallacy::driver {

void MergedSummary::add(UnitSummary S) {
  // A function defined in a header is summarised by every unit that
  // includes it: one fact per function, its calls the union of them all.
  for (FunctionFact &F : S.Functions) {
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
      Known.Remote = true;
      Known.Operation = std::move(F.Operation);
      Known.Batch = std::move(F.Batch);
      Known.SiteIn = std::move(F.SiteIn);
      Known.Site = std::move(F.Site);
    }
  }
  for (PendingFinding &P : S.Pending)
    Pending.push_back(std::move(P));
  Closed = false;
}

Error MergedSummary::addFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "%s: cannot read summary: %s", Path.str().c_str(),
                             Buf.getError().message().c_str());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    return createStringError(inconvertibleErrorCode(), "%s: invalid JSON: %s", Path.str().c_str(),
                             toString(V.takeError()).c_str());
  Expected<UnitSummary> S = summaryFromJSON(*V, Path);
  if (!S)
    return S.takeError();
  add(std::move(*S));
  return Error::success();
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

bool suppressedByComment(SourceCache &Sources, StringRef File, unsigned Line, StringRef Check) {
  auto Names = [&](StringRef Text, StringRef Directive) {
    size_t At = Text.find(Directive);
    if (At == StringRef::npos)
      return false;
    StringRef Rest = Text.drop_front(At + Directive.size());
    if (!Rest.starts_with("("))
      return true; // Every check.
    StringRef List = Rest.drop_front().take_until([](char C) { return C == ')'; });
    SmallVector<StringRef, 4> Items;
    List.split(Items, ',');
    for (StringRef I : Items) {
      I = I.trim();
      if (I == Check || I == "*" || (I.ends_with("*") && Check.starts_with(I.drop_back())))
        return true;
    }
    return false;
  };
  if (Names(Sources.lineText(File, Line), "NOLINT") &&
      !Sources.lineText(File, Line).contains("NOLINTNEXTLINE") &&
      !Sources.lineText(File, Line).contains("NOLINTBEGIN"))
    return true;
  if (Line > 1 && Names(Sources.lineText(File, Line - 1), "NOLINTNEXTLINE"))
    return true;
  // An open NOLINTBEGIN above.
  int Open = 0;
  for (unsigned L = 1; L < Line; ++L) {
    StringRef T = Sources.lineText(File, L);
    if (Names(T, "NOLINTBEGIN"))
      ++Open;
    if (Names(T, "NOLINTEND") && Open > 0)
      --Open;
  }
  return Open > 0;
}

std::vector<Finding> MergedSummary::resolve(
    const CheckMetadata &Meta, SourceCache &Sources, unsigned &Suppressed,
    const std::function<std::optional<std::string>(const PendingFinding &)> &LevelFor) const {
  std::vector<Finding> Out;
  StringSet<> Seen;
  for (const PendingFinding &P : Pending) {
    const FunctionFact *Site = remoteThrough(P.RequiresRemote);
    const CheckRecord *Record = Meta.find(P.Check);
    if (!Site || !Record)
      continue;
    std::optional<std::string> Level = LevelFor ? LevelFor(P) : Record->Severity;
    if (!Level)
      continue;
    std::string Key = P.Check + "@" + P.At.File + ":" + std::to_string(P.At.Offset);
    if (!Seen.insert(Key).second)
      continue;
    if (suppressedByComment(Sources, P.At.File, P.At.Line, P.Check)) {
      ++Suppressed;
      continue;
    }
    Finding F;
    F.CheckId = P.Check;
    F.Level = *Level;
    F.Message = P.Message;
    F.File = P.At.File;
    F.Offset = P.At.Offset;
    F.Ranges.push_back({P.At.File, P.At.Offset, P.EndOffset});
    F.MainFile = P.At.File;
    F.Notes.push_back({"the remote call ('" + Site->Operation + "') is made here, in '" +
                           (Site->SiteIn.empty() ? Site->Name : Site->SiteIn) + "'",
                       Site->Site.File, Site->Site.Offset, {}});
    F.Notes.push_back({"the loop runs it once per element", P.Loop.File, P.Loop.Offset, {}});
    if (!Site->Batch.empty())
      F.Notes.push_back({"batch it: " + Site->Batch, P.At.File, P.At.Offset, {}});
    Out.push_back(std::move(F));
  }
  return Out;
}

UnitSummary MergedSummary::unresolved() const {
  UnitSummary S;
  S.Functions = Functions;
  for (const PendingFinding &P : Pending)
    if (!remoteThrough(P.RequiresRemote))
      S.Pending.push_back(P);
  return S;
}

} // namespace fallacy::driver
