// checks/analysis/FunctionSummary.h: what each function of a unit does on the network, for other units.
#ifndef FALLACY_ANALYSIS_FUNCTIONSUMMARY_H
#define FALLACY_ANALYSIS_FUNCTIONSUMMARY_H

#include "analysis/RemoteCalls.h"
#include "analysis/Summary.h"
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace fallacy {
class ApiModel;
class UnitAnalysis;

/// A fact recorded for a function of this unit: which function, the remote
/// operation its fact names (empty when it is not remote), and the fact's
/// index in the unit's summary, for checks that add what they know.
struct SummarisedFunction {
  const clang::FunctionDecl *Func = nullptr;
  RemoteSite Site;
  size_t Index = 0;
};

/// Adds a fact to \p Out for every function of the project defined in the
/// unit that reaches a remote call or calls other functions of the project
/// (docs/summaries.md says which facts and who reads them); lists them in
/// \p Recorded.
void summariseFunctions(UnitAnalysis &Unit, const ApiModel &Model, UnitSummary &Out,
                        std::vector<SummarisedFunction> &Recorded);

} // namespace fallacy

#endif
