// checks/analysis/UnitAnalysis.cpp: per-unit analyses, built on first use and freed with the ASTContext.
#include "analysis/UnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include <map>
#include <mutex>

using namespace clang;

namespace fallacy {
namespace {
std::mutex Lock;
std::map<const ASTContext *, std::unique_ptr<UnitAnalysis>> &units() {
  static std::map<const ASTContext *, std::unique_ptr<UnitAnalysis>> Units;
  return Units;
}

// A key naming the model and the options an analysis was built with.
std::string keyOf(const char *Kind, const ApiModel &Model, const std::string &Options = "") {
  return std::string(Kind) + "@" + std::to_string(reinterpret_cast<uintptr_t>(&Model)) + "#" + Options;
}

std::string joined(const std::vector<std::string> &Items) {
  std::string Out;
  for (const std::string &I : Items)
    Out += I + ";";
  return Out;
}
} // namespace

UnitAnalysis::UnitAnalysis(ASTContext &Ctx) : Ctx(Ctx) {}
UnitAnalysis::~UnitAnalysis() = default;

UnitAnalysis &UnitAnalysis::of(ASTContext &Ctx) {
  std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<UnitAnalysis> &Slot = units()[&Ctx];
  if (!Slot) {
    Slot.reset(new UnitAnalysis(Ctx));
    // Freed with the unit: the ASTContext runs its deallocations when it is
    // destroyed, after every check has seen the end of the unit.
    Ctx.AddDeallocation(&UnitAnalysis::destroy, &Ctx);
  }
  return *Slot;
}

void UnitAnalysis::destroy(void *Ctx) {
  std::unique_ptr<UnitAnalysis> Dead;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = units().find(static_cast<const ASTContext *>(Ctx));
    if (It == units().end())
      return;
    Dead = std::move(It->second);
    units().erase(It);
  }
}

size_t UnitAnalysis::alive() {
  std::lock_guard<std::mutex> Guard(Lock);
  return units().size();
}

const TuIndex &UnitAnalysis::index() {
  if (!Index)
    Index = std::make_unique<TuIndex>(Ctx);
  return *Index;
}

template <class T>
T &UnitAnalysis::slot(std::string Key, const std::function<std::unique_ptr<T>()> &Make) {
  std::shared_ptr<void> &S = Slots[Key];
  if (!S)
    S = std::shared_ptr<T>(Make());
  return *static_cast<T *>(S.get());
}

RemoteCalls &UnitAnalysis::remote(const ApiModel &Model) {
  return slot<RemoteCalls>(keyOf("remote", Model),
                           [&] { return std::make_unique<RemoteCalls>(Model, Ctx); });
}

RetryFinder &UnitAnalysis::retries(const ApiModel &Model, const RetryVocabulary &V) {
  return slot<RetryFinder>(
      keyOf("retries", Model, joined(V.RetryHelpers) + "|" + joined(V.BackoffHelpers)),
      [&] { return std::make_unique<RetryFinder>(Model, Ctx, V); });
}

TimeoutFlow &UnitAnalysis::timeouts(const ApiModel &Model, int64_t MaxTimeoutMs,
                                    std::function<std::optional<int64_t>(StringRef)> MacroValue) {
  return slot<TimeoutFlow>(keyOf("timeouts", Model, std::to_string(MaxTimeoutMs)), [&] {
    return std::make_unique<TimeoutFlow>(Model, Ctx, MaxTimeoutMs, std::move(MacroValue));
  });
}

ClockProvenance &UnitAnalysis::clocks(const ApiModel &Model, const ClockOptions &O) {
  return slot<ClockProvenance>(keyOf("clocks", Model, O.TimeFieldPattern),
                               [&] { return std::make_unique<ClockProvenance>(Model, Ctx, O); });
}

LoopCalls &UnitAnalysis::loops(const ApiModel &Model, unsigned MaxConstantIterations) {
  return slot<LoopCalls>(keyOf("loops", Model, std::to_string(MaxConstantIterations)), [&] {
    return std::make_unique<LoopCalls>(Model, Ctx, MaxConstantIterations);
  });
}

IdempotencyAnalysis &UnitAnalysis::idempotency(const ApiModel &Model, const IdempotencyOptions &O) {
  std::string Options = joined(O.KeyHeaders) + "|" + joined(O.NonIdempotentVerbs) + "|" +
                        joined(O.IdempotentVerbs) + "|" + joined(O.KeyFields) + "|" +
                        joined(O.ProtoPaths);
  return slot<IdempotencyAnalysis>(keyOf("idempotency", Model, Options), [&] {
    return std::make_unique<IdempotencyAnalysis>(Model, Ctx, O);
  });
}

bool UnitAnalysis::firstReport(StringRef CheckId, SourceLocation Loc) {
  const void *&Key = CheckKeys[CheckId];
  if (!Key)
    Key = &CheckKeys.find(CheckId)->getValue();
  Loc = Ctx.getSourceManager().getExpansionLoc(Loc);
  return Reported.insert({Key, Loc.getRawEncoding()}).second;
}

void UnitAnalysis::recordSummary(const ApiModel &Model) {
  if (SummaryRecorded)
    return;
  SummaryRecorded = true;
  if (UnitSummary *S = activeSummary())
    summariseFunctions(*this, Model, *S, Summarised);
}

} // namespace fallacy
