// checks/analysis/FunctionSummary.h: what each function of a unit does on the network, for other units.
#ifndef FALLACY_ANALYSIS_FUNCTIONSUMMARY_H
#define FALLACY_ANALYSIS_FUNCTIONSUMMARY_H

#include "analysis/Summary.h"

namespace clang {
class SourceLocation;
class SourceManager;
} // namespace clang

namespace fallacy {
class ApiModel;
class UnitAnalysis;

/// Adds a fact to \p Out for every function of the project defined in the
/// unit that reaches a remote call or calls other functions of the project
/// (docs/summaries.md says which facts and who reads them).
void summariseFunctions(UnitAnalysis &Unit, const ApiModel &Model, UnitSummary &Out);

/// Where \p Loc is, as the summaries write it: the file's canonical path,
/// the offset, line and column of its expansion.
SummaryLocation summaryLocation(clang::SourceLocation Loc, const clang::SourceManager &SM);

} // namespace fallacy

#endif
