// checks/analysis/UnitAnalysis.h: the one owner of everything computed about a translation unit.
#ifndef FALLACY_ANALYSIS_UNITANALYSIS_H
#define FALLACY_ANALYSIS_UNITANALYSIS_H

#include "analysis/ClockProvenance.h"
#include "analysis/FunctionSummary.h"
#include "analysis/Idempotency.h"
#include "analysis/LoopCalls.h"
#include "analysis/RemoteCalls.h"
#include "analysis/RetryLoops.h"
#include "analysis/TimeoutFlow.h"
#include "analysis/TuIndex.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
} // namespace clang

namespace fallacy {
class ApiModel;

/// Everything the checks compute about one translation unit: the index, the
/// remote calls, the retries, the timeout flow, the clock provenance, the
/// per-element loop calls, the idempotency verdicts and the unit's summary.
/// Created on the first question about a unit and destroyed with the unit's
/// ASTContext, never by a check; each analysis is built once per model and
/// options (two checks that agree on them share one). Checks only ask. The
/// modeling/reporting split of the Static Analyzer: analyses compute, checks
/// report.
///
/// clangd analyses several units at once on different threads; each unit
/// is analysed by one thread at a time, so only the lookup is locked.
class UnitAnalysis {
public:
  /// The analysis of the unit \p Ctx belongs to.
  static UnitAnalysis &of(clang::ASTContext &Ctx);
  /// How many units are alive now (for tests: each unit's analysis is freed
  /// with its ASTContext).
  static size_t alive();

  clang::ASTContext &context() const { return Ctx; }
  const TuIndex &index();
  RemoteCalls &remote(const ApiModel &Model);
  RetryFinder &retries(const ApiModel &Model, const RetryVocabulary &Vocabulary);
  TimeoutFlow &timeouts(const ApiModel &Model, int64_t MaxTimeoutMs,
                        std::function<std::optional<int64_t>(llvm::StringRef)> MacroValue);
  ClockProvenance &clocks(const ApiModel &Model, const ClockOptions &Options);
  LoopCalls &loops(const ApiModel &Model, unsigned MaxConstantIterations);
  IdempotencyAnalysis &idempotency(const ApiModel &Model, const IdempotencyOptions &Options);

  /// True the first time check \p CheckId asks about \p Loc (after macro
  /// expansion): a template instantiated twice, or a macro used twice on a
  /// line, is one defect and one report.
  bool firstReport(llvm::StringRef CheckId, clang::SourceLocation Loc);

  /// Writes the unit's function facts into the active summary (Summary.h)
  /// the first time it is called for the unit; every check calls it at the
  /// end of the unit, so the facts are there whichever checks are enabled.
  void recordSummary(const ApiModel &Model);
  /// The functions recordSummary() wrote facts for; empty without a summary.
  llvm::ArrayRef<SummarisedFunction> summarised() const { return Summarised; }

  ~UnitAnalysis();

private:
  explicit UnitAnalysis(clang::ASTContext &Ctx);
  static void destroy(void *Ctx);
  template <class T> T &slot(std::string Key, const std::function<std::unique_ptr<T>()> &Make);

  clang::ASTContext &Ctx;
  std::unique_ptr<TuIndex> Index;
  /// Analyses by kind, model and options; type-erased so that this header
  /// does not grow with every analysis.
  llvm::StringMap<std::shared_ptr<void>> Slots;
  llvm::DenseSet<std::pair<const void *, unsigned>> Reported;
  llvm::StringMap<const void *> CheckKeys; ///< Stable keys for check ids in Reported.
  bool SummaryRecorded = false;
  std::vector<SummarisedFunction> Summarised;
};

} // namespace fallacy

#endif
