// checks/analysis/TimeoutFlow.h: does a timeout or deadline reach a remote call?
#ifndef FALLACY_ANALYSIS_TIMEOUTFLOW_H
#define FALLACY_ANALYSIS_TIMEOUTFLOW_H

#include "analysis/ApiModel.h"
#include "analysis/HandleRoot.h"
#include "analysis/TuIndex.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <functional>
#include <map>
#include <memory>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class Stmt;
} // namespace clang

namespace fallacy {
class FlowOrder;

/// Something that happens to a handle in a function body.
struct HandleEvent {
  enum class Kind {
    Set,        ///< A real timeout (setter, configuring helper, factory, guard, non-blocking).
    SetNone,    ///< A timeout whose value means "none" (0, infinity).
    SetTooLong, ///< A constant timeout over the MaxTimeoutMs limit.
    SetPartial, ///< Bounds another phase only (connecting, or the other direction).
    MaySet,     ///< Passed to code this unit cannot see, which may set one.
  };
  Kind K;
  const clang::Stmt *At;
  int64_t Ms = 0; ///< SetTooLong: the value.
};

struct TimeoutVerdict {
  enum class State {
    Set,         ///< A timeout reaches the call: nothing to report.
    Unknown,     ///< Cannot tell (a global, code we cannot see): not reported.
    Missing,     ///< Nothing sets one before the call.
    SetToNone,   ///< Only values that mean "no timeout" reach the call.
    ConnectOnly, ///< Only another phase (connecting) is bounded.
    TooLong,     ///< The timeout (or the library default) exceeds MaxTimeoutMs.
    Unbounded,   ///< The call cannot take a timeout at all.
  };
  State S = State::Unknown;
  HandleRoot Root;
  const clang::Stmt *Evidence = nullptr; ///< The none, partial or late setter.
  bool SetOnlyAfter = false;             ///< A setter exists, but runs after the call.
  bool FromCaller = false;               ///< A parameter nobody visibly configures.
  bool FromDefault = false;              ///< TooLong because of the library's default.
  bool NoneByDefault = false;            ///< SetToNone: the timeout argument was left to its default.
  int64_t Ms = 0;                        ///< TooLong: the timeout.
};

/// Answers, per translation unit, whether a timeout reaches a call: the
/// call's own timeout argument or flags; setters from the API model on the
/// same handle before the call; helpers in this unit that configure a handle
/// passed by pointer or reference; factories that return a configured handle;
/// the constructor or any method of the class owning a member handle; the
/// callers of a function that receives the handle; guards (a poll with a
/// finite timeout, a timer armed in the same function or class); and finally
/// the library's default.
class TimeoutFlow {
public:
  /// \p MacroValue reads a macro's integer value in the unit ("" when the
  /// macro is not defined), for defaults taken from library headers.
  TimeoutFlow(const ApiModel &Model, clang::ASTContext &Ctx, int64_t MaxTimeoutMs,
              std::function<std::optional<int64_t>(llvm::StringRef)> MacroValue);
  ~TimeoutFlow();

  TimeoutVerdict check(const clang::Expr &Call, const Operation &Op);
  /// The function, method or lambda whose body holds \p Call.
  const clang::Decl *enclosing(const clang::CallExpr &Call) { return index().enclosing(&Call); }
  const TuIndex &index();
  clang::ASTContext &context() const { return Ctx; }

private:
  using EventList = llvm::SmallVector<HandleEvent, 4>;
  TimeoutVerdict ownArguments(const clang::Expr &Call, const Operation &Op);
  TimeoutVerdict decide(const clang::Stmt &At, const clang::Decl &Func, const HandleRoot &Root,
                        const Operation &Op, unsigned Depth);
  TimeoutVerdict decideVar(const clang::Stmt &At, const clang::Decl &Func, const HandleRoot &Root,
                           const Operation &Op, unsigned Depth);
  TimeoutVerdict verdictFromEvents(const EventList &Events, const clang::Stmt &At,
                                   const clang::Decl &Func);
  void eventsIn(const clang::Decl &Func, const HandleRoot &Root, const Operation &Op,
                unsigned Depth, EventList &Out);
  void setterEvent(const clang::CallExpr &Call, const SetterMatch &S, const Operation &Op,
                   EventList &Out);
  HandleEvent::Kind producedBy(const clang::Expr *Init, const Operation &Op, unsigned Depth,
                               bool &Produces);
  bool configuresParam(const clang::FunctionDecl *F, unsigned Param, const Operation &Op,
                       unsigned Depth);
  bool returnsConfigured(const clang::FunctionDecl *F, const Operation &Op, unsigned Depth);
  bool memberConfigured(const HandleRoot &Member, const Operation &Op, const clang::Decl *Skip,
                        unsigned Depth);
  bool classGuarded(const clang::Decl &Func, const Operation &Op);
  bool madeByFactory(const clang::Decl &Func, const HandleRoot &Root, const Operation &Op);
  void applyDefault(TimeoutVerdict &V, const Operation &Op);
  const FlowOrder &order(const clang::Decl &Func);

  const ApiModel &Model;
  clang::ASTContext &Ctx;
  int64_t MaxTimeoutMs;
  std::function<std::optional<int64_t>(llvm::StringRef)> MacroValue;
  llvm::DenseMap<const clang::Decl *, std::unique_ptr<FlowOrder>> Orders;
  std::map<std::tuple<const void *, unsigned, std::string>, bool> Summaries;
};

} // namespace fallacy

#endif
