// checks/analysis/TimeoutFlow.cpp: following timeouts from setters, helpers and factories to calls.
#include "analysis/TimeoutFlow.h"
#include "analysis/FlowOrder.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace llvm;

namespace fallacy {

namespace {

constexpr unsigned MaxDepth = 4;

enum class Origin { Configured, Fresh, Opaque };

const Expr *stripTransfers(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->getNumArgs() == 1 && C->getConstructor()->isCopyOrMoveConstructor())
      E = C->getArg(0);
    else if (const auto *CE = dyn_cast<CallExpr>(E); CE && CE->getNumArgs() == 1 &&
                                                    CE->getDirectCallee() &&
                                                    CE->getDirectCallee()->isInStdNamespace() &&
                                                    CE->getDirectCallee()->getIdentifier() &&
                                                    (CE->getDirectCallee()->getName() == "move" ||
                                                     CE->getDirectCallee()->getName() == "forward"))
      E = CE->getArg(0);
    else
      return E;
  }
  return E;
}

bool inSystemHeader(const Decl &D, const ASTContext &Ctx) {
  return Ctx.getSourceManager().isInSystemHeader(D.getLocation());
}

// A callee can change the handle behind this parameter.
bool canModify(const ParmVarDecl &P) {
  QualType T = P.getType();
  if (T->isPointerType())
    return !T->getPointeeType().isConstQualified();
  if (T->isLValueReferenceType() || T->isRValueReferenceType())
    return !T.getNonReferenceType().isConstQualified();
  return false;
}

} // namespace

TimeoutFlow::TimeoutFlow(const ApiModel &Model, ASTContext &Ctx) : Model(Model), Ctx(Ctx) {}
TimeoutFlow::~TimeoutFlow() = default;

const TuIndex &TimeoutFlow::index() {
  if (!Index)
    Index = std::make_unique<TuIndex>(Ctx);
  return *Index;
}

const FlowOrder &TimeoutFlow::order(const Decl &Func) {
  std::unique_ptr<FlowOrder> &Slot = Orders[&Func];
  if (!Slot)
    Slot = std::make_unique<FlowOrder>(Func, Ctx);
  return *Slot;
}

TimeoutVerdict TimeoutFlow::check(const CallExpr &Call, const Operation &Op) {
  TimeoutVerdict V;
  const Expr *Handle = Op.HasHandle ? Op.Handle.of(Call) : nullptr;
  const Decl *Func = index().enclosing(&Call);
  if (!Handle || !Func)
    return V;
  HandleRoot Root = rootOf(Handle);
  V = decide(Call, *Func, Root, Op.Handle.Kind, 0);
  V.Root = Root;
  return V;
}

// Where a handle stored from \p Init comes from: a factory that configures it,
// a plain constructor or library call, or code we cannot see.
static Origin originOf(const Expr *Init, StringRef Kind, unsigned Depth, const ApiModel &Model,
                       const ASTContext &Ctx,
                       function_ref<bool(const FunctionDecl *, unsigned)> ReturnsConfigured) {
  const Expr *E = stripTransfers(Init);
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return Origin::Fresh;
  if (const HandleFactory *F = Model.factory(*Call, Kind))
    return F->Configured ? Origin::Configured : F->CopiesArg >= 0 ? Origin::Opaque : Origin::Fresh;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return Origin::Opaque;
  if (const FunctionDecl *Def = TuIndex::definition(Callee))
    if (!inSystemHeader(*Def, Ctx))
      return ReturnsConfigured(Def, Depth + 1) ? Origin::Configured : Origin::Fresh;
  return inSystemHeader(*Callee, Ctx) ? Origin::Fresh : Origin::Opaque;
}

HandleEvent::Kind TimeoutFlow::producedBy(const Expr *Init, StringRef Kind, unsigned Depth,
                                          bool &Produces) {
  Origin O = originOf(Init, Kind, Depth, Model, Ctx, [&](const FunctionDecl *F, unsigned D) {
    return returnsConfigured(F, Kind, D);
  });
  Produces = O != Origin::Fresh;
  return O == Origin::Configured ? HandleEvent::Kind::Set : HandleEvent::Kind::MaySet;
}

void TimeoutFlow::eventsIn(const Decl &Func, const HandleRoot &Root, StringRef Kind,
                           unsigned Depth, EventList &Out) {
  const FunctionFacts *F = index().facts(&Func);
  if (!F || !Root.valid())
    return;
  bool Produces = false;
  for (const CallExpr *Call : F->Calls) {
    SetterMatch S = Model.setter(*Call, Kind, Ctx);
    if (S.Setter) {
      if (rootOf(S.Handle) == Root)
        Out.push_back({S.SetsNone                    ? HandleEvent::Kind::SetNone
                       : S.Setter->Scope == "connect" ? HandleEvent::Kind::SetConnect
                                                      : HandleEvent::Kind::Set,
                       Call});
      continue;
    }
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Model.operation(*Call))
      continue;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      // `handle = MakeHandle();` on a class type.
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          rootOf(OC->getArg(0)) == Root) {
        HandleEvent::Kind K = producedBy(OC->getArg(1), Kind, Depth, Produces);
        if (Produces)
          Out.push_back({K, Call});
      }
      continue;
    }
    const FunctionDecl *Def = TuIndex::definition(Callee);
    for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I) {
      if (rootOf(Call->getArg(I)) != Root)
        continue;
      if (Def && !inSystemHeader(*Def, Ctx)) {
        if (configuresParam(Def, I, Kind, Depth + 1))
          Out.push_back({HandleEvent::Kind::Set, Call});
      } else if (!inSystemHeader(*Callee, Ctx) && canModify(*Callee->getParamDecl(I))) {
        // A helper in another file may set the timeout; saying "missing"
        // here would be a guess.
        Out.push_back({HandleEvent::Kind::MaySet, Call});
      }
    }
  }
  if (Root.K == HandleRoot::Kind::Var && Root.Path.empty())
    for (const VarDecl *V : F->Vars)
      if (V == Root.Var) {
        HandleEvent::Kind K = producedBy(V->getInit(), Kind, Depth, Produces);
        if (Produces)
          Out.push_back({K, V->getInit()});
      }
  for (const BinaryOperator *B : F->Assignments)
    if (B->getOpcode() == BO_Assign && rootOf(B->getLHS()) == Root) {
      HandleEvent::Kind K = producedBy(B->getRHS(), Kind, Depth, Produces);
      if (Produces)
        Out.push_back({K, B});
    }
  if (Root.K == HandleRoot::Kind::ThisMember && Root.Path.size() == 1)
    for (const CXXCtorInitializer *Init : F->MemberInits)
      if (Init->getMember() == Root.Path.front()) {
        HandleEvent::Kind K = producedBy(Init->getInit(), Kind, Depth, Produces);
        if (Produces)
          Out.push_back({K, Init->getInit()});
      }
}

TimeoutVerdict TimeoutFlow::verdictFromEvents(const EventList &Events, const Stmt &At,
                                              const Decl &Func) {
  TimeoutVerdict V;
  V.S = TimeoutVerdict::State::Missing;
  const Stmt *None = nullptr, *Connect = nullptr, *Late = nullptr;
  const FlowOrder &Order = order(Func);
  for (const HandleEvent &E : Events) {
    if (!Order.canPrecede(E.At, &At)) {
      if (E.K == HandleEvent::Kind::Set && !Late)
        Late = E.At;
      continue;
    }
    switch (E.K) {
    case HandleEvent::Kind::Set:
    case HandleEvent::Kind::MaySet:
      V.S = TimeoutVerdict::State::Set;
      return V;
    case HandleEvent::Kind::SetNone:
      None = None ? None : E.At;
      break;
    case HandleEvent::Kind::SetConnect:
      Connect = Connect ? Connect : E.At;
      break;
    }
  }
  if (None) {
    V.S = TimeoutVerdict::State::SetToNone;
    V.Evidence = None;
  } else if (Connect) {
    V.S = TimeoutVerdict::State::ConnectOnly;
    V.Evidence = Connect;
  } else if (Late) {
    V.SetOnlyAfter = true;
    V.Evidence = Late;
  }
  return V;
}

TimeoutVerdict TimeoutFlow::decide(const Stmt &At, const Decl &Func, const HandleRoot &Root,
                                   StringRef Kind, unsigned Depth) {
  TimeoutVerdict V;
  switch (Root.K) {
  case HandleRoot::Kind::None:
    return V;
  case HandleRoot::Kind::New:
    V.S = TimeoutVerdict::State::Missing;
    return V;
  case HandleRoot::Kind::CallResult: {
    bool Produces = false;
    HandleEvent::Kind K = producedBy(Root.Call, Kind, Depth, Produces);
    V.S = !Produces ? TimeoutVerdict::State::Missing
          : K == HandleEvent::Kind::Set ? TimeoutVerdict::State::Set
                                        : TimeoutVerdict::State::Unknown;
    return V;
  }
  case HandleRoot::Kind::ThisMember: {
    EventList Events;
    eventsIn(Func, Root, Kind, Depth, Events);
    V = verdictFromEvents(Events, At, Func);
    if (V.S != TimeoutVerdict::State::Set && memberConfigured(Root, Kind, &Func, Depth))
      V.S = TimeoutVerdict::State::Set;
    return V;
  }
  case HandleRoot::Kind::Var:
    break;
  }
  const VarDecl *VD = Root.Var;
  // Globals can be configured by any file of the program: not ours to judge.
  if (VD->hasGlobalStorage() && !VD->isStaticLocal())
    return V;
  const auto *Owner = dyn_cast_or_null<Decl>(VD->getParentFunctionOrMethod());
  if (!Owner)
    return V;
  EventList Events;
  if (Owner != &Func) {
    // Captured by a lambda or a local class: any configuration in the
    // function that owns the variable counts, since the lambda usually runs
    // later.
    eventsIn(*Owner, Root, Kind, Depth, Events);
    V.S = TimeoutVerdict::State::Missing;
    for (const HandleEvent &E : Events)
      if (E.K == HandleEvent::Kind::Set || E.K == HandleEvent::Kind::MaySet)
        V.S = TimeoutVerdict::State::Set;
  } else {
    eventsIn(Func, Root, Kind, Depth, Events);
    V = verdictFromEvents(Events, At, Func);
  }
  if (V.S != TimeoutVerdict::State::Missing)
    return V;
  if (!Root.Path.empty() && memberConfigured(Root, Kind, nullptr, Depth)) {
    V.S = TimeoutVerdict::State::Set;
    return V;
  }
  const auto *Param = dyn_cast<ParmVarDecl>(VD);
  const auto *FD = dyn_cast<FunctionDecl>(Owner);
  if (!Param || !Root.Path.empty() || !FD || Depth >= MaxDepth)
    return V;
  // A handle received from the caller: configured when some caller in this
  // unit configures what it passes.
  V.FromCaller = true;
  for (const CallSite &CS : index().callers(FD)) {
    unsigned I = Param->getFunctionScopeIndex() + CS.FirstArg;
    if (I >= CS.Call->getNumArgs() || (isa<CXXOperatorCallExpr>(CS.Call) && CS.FirstArg == 0))
      continue;
    TimeoutVerdict Up = decide(*CS.Call, *CS.Caller, rootOf(CS.Call->getArg(I)), Kind, Depth + 1);
    if (Up.S == TimeoutVerdict::State::Set || Up.S == TimeoutVerdict::State::Unknown) {
      V.S = TimeoutVerdict::State::Set;
      return V;
    }
  }
  return V;
}

bool TimeoutFlow::configuresParam(const FunctionDecl *F, unsigned Param, StringRef Kind,
                                  unsigned Depth) {
  auto Key = std::make_tuple(static_cast<const void *>(F), Param, Kind.str());
  auto It = Summaries.find(Key);
  if (It != Summaries.end())
    return It->second;
  if (Depth > MaxDepth || Param >= F->getNumParams())
    return false;
  Summaries[Key] = false; // Recursion ends here.
  HandleRoot Root;
  Root.K = HandleRoot::Kind::Var;
  Root.Var = F->getParamDecl(Param);
  EventList Events;
  eventsIn(*F, Root, Kind, Depth, Events);
  bool Result = llvm::any_of(Events, [](const HandleEvent &E) {
    return E.K == HandleEvent::Kind::Set || E.K == HandleEvent::Kind::MaySet;
  });
  Summaries[Key] = Result;
  return Result;
}

bool TimeoutFlow::returnsConfigured(const FunctionDecl *F, StringRef Kind, unsigned Depth) {
  auto Key = std::make_tuple(static_cast<const void *>(F), ~0u, Kind.str());
  auto It = Summaries.find(Key);
  if (It != Summaries.end())
    return It->second;
  if (Depth > MaxDepth)
    return false;
  Summaries[Key] = false;
  bool Result = false;
  if (const FunctionFacts *Facts = index().facts(F))
    for (const ReturnStmt *R : Facts->Returns) {
      const Expr *Value = R->getRetValue();
      if (!Value)
        continue;
      HandleRoot Root = rootOf(stripTransfers(Value));
      if (Root.K == HandleRoot::Kind::Var && Root.Var->getParentFunctionOrMethod() == F) {
        EventList Events;
        eventsIn(*F, Root, Kind, Depth, Events);
        Result = llvm::any_of(Events, [](const HandleEvent &E) {
          return E.K == HandleEvent::Kind::Set || E.K == HandleEvent::Kind::MaySet;
        });
      } else {
        bool Produces = false;
        Result = producedBy(Value, Kind, Depth, Produces) == HandleEvent::Kind::Set && Produces;
      }
      if (Result)
        break;
    }
  Summaries[Key] = Result;
  return Result;
}

bool TimeoutFlow::memberConfigured(const HandleRoot &Member, StringRef Kind, const Decl *Skip,
                                   unsigned Depth) {
  if (Member.Path.empty() || Depth > MaxDepth)
    return false;
  const auto *Class = dyn_cast<CXXRecordDecl>(Member.Path.front()->getParent());
  if (!Class)
    return false;
  HandleRoot AsThis = Member;
  AsThis.K = HandleRoot::Kind::ThisMember;
  AsThis.Var = nullptr;
  for (const Decl *M : index().methodsOf(Class)) {
    if (M == Skip)
      continue;
    EventList Events;
    eventsIn(*M, AsThis, Kind, Depth + 1, Events);
    for (const HandleEvent &E : Events)
      if (E.K == HandleEvent::Kind::Set || E.K == HandleEvent::Kind::MaySet)
        return true;
  }
  return false;
}

} // namespace fallacy
