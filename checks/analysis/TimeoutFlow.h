// checks/analysis/TimeoutFlow.h: does a timeout or deadline reach a remote call's handle?
#ifndef FALLACY_ANALYSIS_TIMEOUTFLOW_H
#define FALLACY_ANALYSIS_TIMEOUTFLOW_H

#include "analysis/ApiModel.h"
#include "analysis/HandleRoot.h"
#include "analysis/TuIndex.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <memory>

namespace clang {
class ASTContext;
class CallExpr;
class Decl;
class Stmt;
} // namespace clang

namespace fallacy {
class FlowOrder;

/// Something that happens to a handle in a function body.
struct HandleEvent {
  enum class Kind {
    Set,        ///< A real timeout or deadline (setter, configuring helper or factory).
    SetNone,    ///< A timeout whose value means "none" (0, infinity).
    SetConnect, ///< Bounds only the connect phase.
    MaySet,     ///< Passed to code this unit cannot see, which may set one.
  };
  Kind K;
  const clang::Stmt *At;
};

struct TimeoutVerdict {
  enum class State {
    Set,         ///< A timeout reaches the call: nothing to report.
    Unknown,     ///< Cannot tell (a global, code we cannot see): not reported.
    Missing,     ///< Nothing sets one before the call.
    SetToNone,   ///< Only values that mean "no timeout" reach the call.
    ConnectOnly, ///< Only the connect phase is bounded.
  };
  State S = State::Unknown;
  HandleRoot Root;
  const clang::Stmt *Evidence = nullptr; ///< The none or connect-only setter, or a late one.
  bool SetOnlyAfter = false;             ///< A setter exists, but runs after the call.
  bool FromCaller = false;               ///< The handle is a parameter nobody visibly configures.
};

/// Answers, per translation unit, whether a timeout reaches a call's handle:
/// setters from the API model on the same handle before the call, helpers in
/// this unit that configure a handle passed by pointer or reference, factories
/// that return a configured handle, the constructor or any method of the class
/// that owns a member handle, and the callers of a function that receives it.
class TimeoutFlow {
public:
  TimeoutFlow(const ApiModel &Model, clang::ASTContext &Ctx);
  ~TimeoutFlow();

  TimeoutVerdict check(const clang::CallExpr &Call, const Operation &Op);
  /// The function, method or lambda whose body holds \p Call.
  const clang::Decl *enclosing(const clang::CallExpr &Call) { return index().enclosing(&Call); }

private:
  using EventList = llvm::SmallVector<HandleEvent, 4>;
  TimeoutVerdict decide(const clang::Stmt &At, const clang::Decl &Func, const HandleRoot &Root,
                        llvm::StringRef Kind, unsigned Depth);
  TimeoutVerdict verdictFromEvents(const EventList &Events, const clang::Stmt &At,
                                   const clang::Decl &Func);
  void eventsIn(const clang::Decl &Func, const HandleRoot &Root, llvm::StringRef Kind,
                unsigned Depth, EventList &Out);
  HandleEvent::Kind producedBy(const clang::Expr *Init, llvm::StringRef Kind, unsigned Depth,
                               bool &Produces);
  bool configuresParam(const clang::FunctionDecl *F, unsigned Param, llvm::StringRef Kind,
                       unsigned Depth);
  bool returnsConfigured(const clang::FunctionDecl *F, llvm::StringRef Kind, unsigned Depth);
  bool memberConfigured(const HandleRoot &Member, llvm::StringRef Kind, const clang::Decl *Skip,
                        unsigned Depth);
  const FlowOrder &order(const clang::Decl &Func);
  const TuIndex &index();

  const ApiModel &Model;
  clang::ASTContext &Ctx;
  std::unique_ptr<TuIndex> Index;
  llvm::DenseMap<const clang::Decl *, std::unique_ptr<FlowOrder>> Orders;
  std::map<std::tuple<const void *, unsigned, std::string>, bool> Summaries;
};

} // namespace fallacy

#endif
