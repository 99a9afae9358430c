// checks/analysis/Summary.h: per-unit facts for cross-file analysis, and the sink the driver installs.
#ifndef FALLACY_ANALYSIS_SUMMARY_H
#define FALLACY_ANALYSIS_SUMMARY_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace clang {
class Decl;
} // namespace clang

namespace fallacy {

/// Where something is: an absolute file, a byte offset, line and column.
struct SummaryLocation {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// What one function definition does, as far as other files need to know.
struct FunctionFact {
  std::string Usr;  ///< clang's unified symbol resolution: the same across units.
  std::string Name; ///< Qualified name, for messages.
  bool Remote = false;     ///< Its body makes a synchronous remote call (in this unit's view).
  std::string Operation;   ///< The remote call's name ("PQexecParams").
  std::string Batch;       ///< The model's batch alternative for it.
  std::string SiteIn;      ///< The function whose body holds the call (this one, or a helper).
  SummaryLocation Site;    ///< Where that call is.
  std::vector<std::string> Calls; ///< USRs of functions it calls whose bodies are elsewhere.
};

/// A finding that holds only if a function defined elsewhere is remote.
struct PendingFinding {
  std::string Check;
  std::string RequiresRemote; ///< USR of the function that must be remote.
  std::string Callee;         ///< Its name as called.
  std::string Message;        ///< The diagnostic, as the check words it.
  SummaryLocation At;         ///< The call in the loop.
  unsigned EndOffset = 0;
  SummaryLocation Loop;       ///< The loop, for a note.
};

/// Everything one translation unit contributes. Serialised into the unit's
/// result, merged by the driver, and written with --summary-out (format:
/// docs/summaries.md).
struct UnitSummary {
  std::vector<FunctionFact> Functions;
  std::vector<PendingFinding> Pending;
  bool empty() const { return Functions.empty() && Pending.empty(); }
};

llvm::json::Value toJSON(const UnitSummary &S);
llvm::Expected<UnitSummary> summaryFromJSON(const llvm::json::Value &V, llvm::StringRef Origin);

/// Where checks put their facts. The driver installs one per translation
/// unit in its worker; the plugin and fallacy-clangd install none, and the
/// checks then skip the work.
UnitSummary *activeSummary();
void setActiveSummary(UnitSummary *S);

/// The USR of \p D, or "" when it has none.
std::string usrOf(const clang::Decl &D);

} // namespace fallacy

#endif
