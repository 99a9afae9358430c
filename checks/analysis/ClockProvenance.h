// checks/analysis/ClockProvenance.h: which clock a time value was read from, this host's or a peer's.
#ifndef FALLACY_ANALYSIS_CLOCKPROVENANCE_H
#define FALLACY_ANALYSIS_CLOCKPROVENANCE_H

#include "analysis/ApiModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"
#include <string>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class Stmt;
class ValueDecl;
} // namespace clang

namespace fallacy {

/// Where a time value came from.
struct Provenance {
  enum class Kind {
    None,      ///< Not a time value we know anything about.
    Duration,  ///< A length of time: safe to compare with anything.
    LocalWall, ///< This host's wall clock (system_clock, time(), CLOCK_REALTIME).
    LocalMono, ///< This host's monotonic clock (steady_clock, CLOCK_MONOTONIC).
    Remote,    ///< Another host's clock: read out of a message, a response, a row.
  };
  Kind K = Kind::None;
  /// For Remote: what it was read from (a message, response or result
  /// object, or the call that returned it); two values with the same source
  /// came from the same host.
  const void *Source = nullptr;
  const clang::Stmt *Origin = nullptr; ///< Where the clock was read (for notes).
  std::string What;                    ///< "'updated_at' of 'Item'", "system_clock::now()".

  bool isTime() const { return K == Kind::LocalWall || K == Kind::LocalMono || K == Kind::Remote; }
};

struct ClockOptions {
  std::string TimeFieldPattern; ///< Regex over field, key and variable names that say "time".
};

/// Tracks time values within a translation unit: through local variables,
/// struct members (every assignment and initialiser of the member), function
/// returns and parameters (every caller), conversions (time_point_cast,
/// duration_cast, to_time_t, from_time_t, time_since_epoch().count(),
/// protobuf TimeUtil), arithmetic with durations, and copies. Sources: this
/// host's clocks; protobuf Timestamp fields and time-named fields of received
/// messages; time-named JSON keys; HTTP Date and Last-Modified headers; time-named
/// SQL result columns; results of functions marked FALLACY_REMOTE_CLOCK.
class ClockProvenance {
public:
  ClockProvenance(const ApiModel &Model, clang::ASTContext &Ctx, ClockOptions Opts);

  Provenance of(const clang::Expr &E);
  /// True when \p Name (a field, key or variable) says it holds a time.
  bool timeNamed(llvm::StringRef Name) const;

private:
  Provenance compute(const clang::Expr &E, unsigned Depth);
  Provenance ofVar(const clang::ValueDecl &D, unsigned Depth);
  Provenance ofField(const clang::ValueDecl &Field, unsigned Depth);
  Provenance ofReturn(const clang::Decl &Func, unsigned Depth);
  Provenance fromCall(const clang::CallExpr &Call, unsigned Depth);
  Provenance remoteRead(const clang::Expr &Object, const clang::Stmt &At, llvm::StringRef What);
  static Provenance merge(const Provenance &A, const Provenance &B);

  const ApiModel &Model;
  clang::ASTContext &Ctx;
  ClockOptions Opts;
  llvm::Regex TimeName;
  llvm::DenseMap<const void *, Provenance> Memo;
  llvm::DenseMap<const void *, bool> Busy;
};

} // namespace fallacy

#endif
