// checks/analysis/Summary.h: what a unit tells other units about its functions, and the sink the driver installs.
#ifndef FALLACY_ANALYSIS_SUMMARY_H
#define FALLACY_ANALYSIS_SUMMARY_H

#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang {
class Decl;
class SourceManager;
} // namespace clang

namespace fallacy {

/// Where something is: an absolute file, a byte offset, line and column.
struct SummaryLocation {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// What one function definition does on the network, as far as other files
/// need to know (docs/summaries.md lists who reads each fact).
struct FunctionFact {
  std::string Usr;  ///< clang's unified symbol resolution: the same across units.
  std::string Name; ///< Qualified name, for messages.
  std::vector<std::string> Calls; ///< USRs of the project's functions it calls.

  /// Its body reaches a synchronous remote round trip (in this unit's view).
  bool Remote = false;
  std::string Operation; ///< The remote call's name ("PQexecParams").
  std::string Family;    ///< The model family ("libpq").
  std::string Batch;     ///< The model's batch alternative for it.
  std::string SiteIn;    ///< The function whose body holds the call (this one, or a helper).
  SummaryLocation Site;  ///< Where that call is.

  /// Written by fallacy-non-idempotent-retry: the operation does its work
  /// again when it is repeated (a POST without a key, an INSERT, INCR).
  bool NotIdempotent = false;
  std::string Effect; ///< "run twice", "charge twice"...
  std::string Why;    ///< The model's or the verb's reason.

  /// Written by fallacy-missing-timeout: how the wait of the remote call is
  /// bounded: "inside" (a timeout reaches it in this function), "caller"
  /// (the handle comes from a parameter), "none" (reported inside), or "".
  std::string Waits;
  /// Written by the retry checks: the function already retries its remote call.
  bool RetriesInside = false;
  /// How a caller tells failure from the result: "bool", "pointer", "status"
  /// (an integer or enum), "object" (a result object), "void" (only an
  /// exception can say it failed).
  std::string Outcome;
};

/// What must hold in the facts of all units for a conditional finding.
struct Condition {
  enum class Kind {
    Remote,        ///< One of AnyOf reaches a remote call.
    NotIdempotent, ///< One of AnyOf reaches a remote call that is not idempotent.
  };
  Kind K = Kind::Remote;
  std::vector<std::string> AnyOf; ///< USRs.
};

/// A diagnostic that a check emitted, as usual (so NOLINT, configuration and
/// notes are clang-tidy's business), but that holds only if functions of
/// other files do what Requires says. The driver keeps it when they do. The
/// diagnostic carries a note whose text is PendingMarker followed by the
/// index of its record here; the worker finds it by that note (whatever
/// macro the location is in) and removes the note.
constexpr const char *PendingMarker = "fallacy-pending:";
struct ConditionalFinding {
  std::string Check;
  SummaryLocation At; ///< The diagnostic's location.
  std::vector<Condition> Requires;
  /// Add the model's batch alternative of the remote call as a note (chatty loops).
  bool BatchNote = false;
};

/// Everything one translation unit contributes.
struct UnitSummary {
  std::vector<FunctionFact> Functions;
  std::vector<ConditionalFinding> Conditional;
  bool empty() const { return Functions.empty() && Conditional.empty(); }
};

/// Where checks put their facts. The driver installs one per translation
/// unit in its worker; the plugin and fallacy-clangd install none, and the
/// checks then report only what the unit shows by itself.
UnitSummary *activeSummary();
void setActiveSummary(UnitSummary *S);

/// The USR of \p D, or "" when it has none.
std::string usrOf(const clang::Decl &D);

/// Where \p Loc is, as the summaries write it: the file's canonical path,
/// the offset, line and column of its expansion.
SummaryLocation summaryLocation(clang::SourceLocation Loc, const clang::SourceManager &SM);

} // namespace fallacy

#endif
