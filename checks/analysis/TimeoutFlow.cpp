// checks/analysis/TimeoutFlow.cpp: following timeouts from setters, helpers and factories to calls.
#include "analysis/TimeoutFlow.h"
#include "analysis/RemoteCalls.h"
#include "analysis/AstUtil.h"
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

const Expr *stripTransfers(const Expr *E) { return stripExpr(E, StripCopies); }

// Library code: a system header, or an installed header reached with -I
// (pkg-config hands out -I/usr/include/postgresql).
bool inSystemHeader(const Decl &D, const ASTContext &Ctx) {
  return isLibraryLocation(D.getLocation(), Ctx.getSourceManager());
}

// A callee can change the handle behind this parameter.
bool canModify(const ParmVarDecl &P) {
  QualType T = P.getType();
  if (T->isPointerType())
    return !T->getPointeeType().isConstQualified();
  if (T->isReferenceType())
    return !T.getNonReferenceType().isConstQualified();
  return false;
}

bool isSetLike(const HandleEvent &E) {
  return E.K == HandleEvent::Kind::Set || E.K == HandleEvent::Kind::MaySet;
}

} // namespace

TimeoutFlow::TimeoutFlow(const ApiModel &Model, ASTContext &Ctx, int64_t MaxTimeoutMs,
                         std::function<std::optional<int64_t>(StringRef)> MacroValue)
    : Model(Model), Ctx(Ctx), MaxTimeoutMs(MaxTimeoutMs), MacroValue(std::move(MacroValue)) {}
TimeoutFlow::~TimeoutFlow() = default;

const TuIndex &TimeoutFlow::index() { return TuIndex::shared(Ctx); }

const FlowOrder &TimeoutFlow::order(const Decl &Func) {
  std::unique_ptr<FlowOrder> &Slot = Orders[&Func];
  if (!Slot)
    Slot = std::make_unique<FlowOrder>(Func, Ctx);
  return *Slot;
}

TimeoutVerdict TimeoutFlow::check(const Expr &Call, const Operation &Op) {
  TimeoutVerdict V = ownArguments(Call, Op);
  if (V.S != TimeoutVerdict::State::Missing || !Op.HasHandle)
    return V;
  const Expr *Handle = Op.Handle.of(Call);
  const auto *CE = dyn_cast<CallExpr>(&Call);
  const Decl *Func = CE ? index().enclosing(CE) : nullptr;
  if (!Handle || !Func)
    return TimeoutVerdict();
  HandleRoot Root = modelRootOf(Handle, Model);
  V = decide(Call, *Func, Root, Op, 0);
  V.Root = Root;
  if (Op.Unbounded && V.S != TimeoutVerdict::State::Set && V.S != TimeoutVerdict::State::Unknown)
    V.S = TimeoutVerdict::State::Unbounded; // Only a non-blocking handle saves it.
  else if (V.S == TimeoutVerdict::State::Missing || V.S == TimeoutVerdict::State::ConnectOnly)
    applyDefault(V, Op); // A finite default still bounds what the code left alone.
  return V;
}

// What the call's own arguments say: its timeout argument, a non-blocking
// flag, a connection string with a timeout. Missing means "look at the handle".
TimeoutVerdict TimeoutFlow::ownArguments(const Expr &Call, const Operation &Op) {
  TimeoutVerdict V;
  using State = TimeoutVerdict::State;
  if (Op.NonBlocking.present() && Op.NonBlocking.holds(Call, Ctx).value_or(false)) {
    V.S = State::Set;
    return V;
  }
  // An annotated function without a FALLACY_TIMEOUT_MS parameter is judged by
  // its handle, if it has one.
  const Expr *T = Op.Timeout.present() ? Op.Timeout.of(Call) : nullptr;
  if (Op.Timeout.present() && (T || Op.Timeout.Arg != TimeoutArg::Annotated)) {
    if (!T || Op.Timeout.None.matches(*T, Ctx)) {
      V.S = State::SetToNone;
      // Left to its default: the API's "none", not the caller's choice.
      V.NoneByDefault = !T || Op.Timeout.defaulted(Call);
      return V;
    }
    std::optional<int64_t> Ms = constantMs(*T, Op.Timeout.Unit, Ctx);
    // `std::chrono::milliseconds(0)` is as much "none" as a literal 0.
    if (Ms && *Ms == 0 && llvm::is_contained(Op.Timeout.None.Integers, 0)) {
      V.S = State::SetToNone;
      return V;
    }
    V.S = Ms && *Ms > MaxTimeoutMs ? State::TooLong : State::Set;
    V.Ms = Ms.value_or(0);
    return V;
  }
  if (Op.BoundedWhen.present()) {
    std::optional<bool> Holds = Op.BoundedWhen.holds(Call, Ctx);
    V.S = !Holds                         ? State::Unknown // Built at run time: not ours to judge.
          : Op.BoundedWhen.setsNone(Call) ? State::SetToNone
          : *Holds                        ? State::Set
                                          : State::Missing;
    if (V.S != State::Missing || !Op.HasHandle)
      return V;
  }
  if (Op.HasHandle)
    V.S = State::Missing;
  else
    V.S = Op.Unbounded ? State::Unbounded : State::Unknown;
  return V;
}

void TimeoutFlow::applyDefault(TimeoutVerdict &V, const Operation &Op) {
  const HandleKind *Kind = Model.handleKind(Op.Handle.Kind);
  if (!Kind || Kind->Default.Infinite)
    return;
  int64_t Ms = Kind->Default.Ms;
  if (!Kind->Default.Macro.empty() && MacroValue)
    if (std::optional<int64_t> Value = MacroValue(Kind->Default.Macro))
      Ms = Kind->Default.Unit == "s" ? *Value * 1000 : Kind->Default.Unit == "us" ? *Value / 1000 : *Value;
  if (Ms <= MaxTimeoutMs) {
    V.S = TimeoutVerdict::State::Set;
    return;
  }
  V.S = TimeoutVerdict::State::TooLong;
  V.FromDefault = true;
  V.Ms = Ms;
}

// Where a handle stored from \p Init comes from: a factory that configures it,
// a plain constructor or library call, or code we cannot see.
static Origin originOf(const Expr *Init, StringRef Kind, const ApiModel &Model,
                       const ASTContext &Ctx, function_ref<bool(const FunctionDecl *)> Returns) {
  const Expr *E = stripTransfers(Init);
  if (!E || (!isa<CallExpr>(E) && !isa<CXXConstructExpr>(E)))
    return Origin::Fresh;
  if (const HandleFactory *F = Model.factory(*E, Kind)) {
    if (F->ConfiguredWhen.present()) {
      std::optional<bool> Holds = F->ConfiguredWhen.holds(*E, Ctx);
      if (!Holds)
        return Origin::Opaque;
      return *Holds && !F->ConfiguredWhen.setsNone(*E) ? Origin::Configured : Origin::Fresh;
    }
    // A factory reported where it is called (redisConnect) does not make
    // every later use a second finding.
    if (F->Reported || F->CopiesArg >= 0)
      return Origin::Opaque;
    return F->Configured ? Origin::Configured : Origin::Fresh;
  }
  const FunctionDecl *Callee = calleeOf(*E);
  if (!Callee || isa<CXXConstructExpr>(E))
    return Origin::Fresh;
  if (const FunctionDecl *Def = TuIndex::definition(Callee))
    if (!inSystemHeader(*Def, Ctx))
      return Returns(Def) ? Origin::Configured : Origin::Fresh;
  return inSystemHeader(*Callee, Ctx) ? Origin::Fresh : Origin::Opaque;
}

HandleEvent::Kind TimeoutFlow::producedBy(const Expr *Init, const Operation &Op, unsigned Depth,
                                          bool &Produces) {
  Origin O = originOf(Init, Op.Handle.Kind, Model, Ctx, [&](const FunctionDecl *F) {
    return returnsConfigured(F, Op, Depth + 1);
  });
  Produces = O != Origin::Fresh;
  return O == Origin::Configured ? HandleEvent::Kind::Set : HandleEvent::Kind::MaySet;
}

void TimeoutFlow::setterEvent(const CallExpr &Call, const SetterMatch &S, const Operation &Op,
                              EventList &Out) {
  const TimeoutSetter &T = *S.Setter;
  if (T.NonBlocking) {
    Out.push_back({HandleEvent::Kind::Set, &Call});
    return;
  }
  // A receive timeout does not bound a send, nor a connect timeout a transfer.
  bool Covers = T.Scope == "total" || llvm::is_contained(Op.Scopes, T.Scope);
  if (!Covers) {
    if (T.Scope == "connect")
      Out.push_back({HandleEvent::Kind::SetPartial, &Call});
    return;
  }
  if (S.SetsNone)
    Out.push_back({HandleEvent::Kind::SetNone, &Call});
  else if (S.Ms && *S.Ms > MaxTimeoutMs)
    Out.push_back({HandleEvent::Kind::SetTooLong, &Call, *S.Ms});
  else
    Out.push_back({HandleEvent::Kind::Set, &Call});
}

void TimeoutFlow::eventsIn(const Decl &Func, const HandleRoot &Root, const Operation &Op,
                           unsigned Depth, EventList &Out) {
  const FunctionFacts *F = index().facts(&Func);
  if (!F || !Root.valid())
    return;
  StringRef Kind = Op.Handle.Kind;
  bool Produces = false;
  for (const CallExpr *Call : F->Calls) {
    SetterMatch S = Model.setter(*Call, Kind, Ctx);
    if (S.Setter) {
      if (modelRootOf(S.Handle, Model) == Root)
        setterEvent(*Call, S, Op, Out);
      continue;
    }
    // poll()/select() with a finite timeout, a timer: they guard any handle.
    if (const Guard *G = Model.guard(*Call, Kind)) {
      const Expr *T = G->Timeout.present() ? G->Timeout.of(*Call) : nullptr;
      if (!G->Timeout.present() || (T && !G->Timeout.None.matches(*T, Ctx)))
        Out.push_back({HandleEvent::Kind::Set, Call});
      continue;
    }
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Model.operation(*Call))
      continue;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      // `handle = MakeHandle();` on a class type.
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 && modelRootOf(OC->getArg(0), Model) == Root) {
        HandleEvent::Kind K = producedBy(OC->getArg(1), Op, Depth, Produces);
        if (Produces)
          Out.push_back({K, Call});
      }
      continue;
    }
    const FunctionDecl *Def = TuIndex::definition(Callee);
    for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I) {
      if (modelRootOf(Call->getArg(I), Model) != Root)
        continue;
      if (Def && !inSystemHeader(*Def, Ctx)) {
        if (configuresParam(Def, I, Op, Depth + 1))
          Out.push_back({HandleEvent::Kind::Set, Call});
      } else if (!inSystemHeader(*Callee, Ctx) && canModify(*Callee->getParamDecl(I))) {
        // A helper in another file may set the timeout; "missing" would be a guess.
        Out.push_back({HandleEvent::Kind::MaySet, Call});
      }
    }
  }
  if (Root.K == HandleRoot::Kind::Var && Root.Path.empty())
    for (const VarDecl *V : F->Vars)
      if (V == Root.Var) {
        HandleEvent::Kind K = producedBy(V->getInit(), Op, Depth, Produces);
        if (Produces)
          Out.push_back({K, V->getInit()});
      }
  for (const BinaryOperator *B : F->Assignments)
    if (B->getOpcode() == BO_Assign && modelRootOf(B->getLHS(), Model) == Root) {
      HandleEvent::Kind K = producedBy(B->getRHS(), Op, Depth, Produces);
      if (Produces)
        Out.push_back({K, B});
    }
  if (Root.K == HandleRoot::Kind::ThisMember && Root.Path.size() == 1)
    for (const CXXCtorInitializer *Init : F->MemberInits)
      if (Init->getMember() == Root.Path.front()) {
        HandleEvent::Kind K = producedBy(Init->getInit(), Op, Depth, Produces);
        if (Produces)
          Out.push_back({K, Init->getInit()});
      }
}

TimeoutVerdict TimeoutFlow::verdictFromEvents(const EventList &Events, const Stmt &At,
                                              const Decl &Func) {
  TimeoutVerdict V;
  V.S = TimeoutVerdict::State::Missing;
  const HandleEvent *None = nullptr, *Partial = nullptr, *Long = nullptr, *Late = nullptr;
  const FlowOrder &Order = order(Func);
  for (const HandleEvent &E : Events) {
    if (!Order.canPrecede(E.At, &At)) {
      if (E.K == HandleEvent::Kind::Set && !Late)
        Late = &E;
      continue;
    }
    switch (E.K) {
    case HandleEvent::Kind::Set:
    case HandleEvent::Kind::MaySet:
      V.S = TimeoutVerdict::State::Set;
      return V;
    case HandleEvent::Kind::SetNone:
      None = None ? None : &E;
      break;
    case HandleEvent::Kind::SetTooLong:
      Long = Long ? Long : &E;
      break;
    case HandleEvent::Kind::SetPartial:
      Partial = Partial ? Partial : &E;
      break;
    }
  }
  if (None) {
    V.S = TimeoutVerdict::State::SetToNone;
    V.Evidence = None->At;
  } else if (Long) {
    V.S = TimeoutVerdict::State::TooLong;
    V.Evidence = Long->At;
    V.Ms = Long->Ms;
  } else if (Partial) {
    V.S = TimeoutVerdict::State::ConnectOnly;
    V.Evidence = Partial->At;
  } else if (Late) {
    V.SetOnlyAfter = true;
    V.Evidence = Late->At;
  }
  return V;
}

TimeoutVerdict TimeoutFlow::decide(const Stmt &At, const Decl &Func, const HandleRoot &Root,
                                   const Operation &Op, unsigned Depth) {
  TimeoutVerdict V;
  switch (Root.K) {
  case HandleRoot::Kind::None:
    return V;
  case HandleRoot::Kind::New:
    V.S = TimeoutVerdict::State::Missing;
    return V;
  case HandleRoot::Kind::CallResult: {
    bool Produces = false;
    HandleEvent::Kind K = producedBy(Root.Call, Op, Depth, Produces);
    V.S = !Produces                     ? TimeoutVerdict::State::Missing
          : K == HandleEvent::Kind::Set ? TimeoutVerdict::State::Set
                                        : TimeoutVerdict::State::Unknown;
    return V;
  }
  case HandleRoot::Kind::ThisMember: {
    EventList Events;
    eventsIn(Func, Root, Op, Depth, Events);
    V = verdictFromEvents(Events, At, Func);
    if (V.S != TimeoutVerdict::State::Set &&
        (memberConfigured(Root, Op, &Func, Depth) || classGuarded(Func, Op)))
      V.S = TimeoutVerdict::State::Set;
    return V;
  }
  case HandleRoot::Kind::Var:
    return decideVar(At, Func, Root, Op, Depth);
  }
  return V;
}

TimeoutVerdict TimeoutFlow::decideVar(const Stmt &At, const Decl &Func, const HandleRoot &Root,
                                      const Operation &Op, unsigned Depth) {
  TimeoutVerdict V;
  const VarDecl *VD = Root.Var;
  // Globals can be configured by any file of the program: not ours to judge.
  if (VD->hasGlobalStorage() && !VD->isStaticLocal())
    return V;
  const auto *Owner = dyn_cast_or_null<Decl>(VD->getParentFunctionOrMethod());
  if (!Owner)
    return V;
  if (Op.RequiresFactory && !madeByFactory(*Owner, Root, Op))
    return V; // A descriptor of unknown kind: a file, a pipe, maybe a socket.
  EventList Events;
  if (Owner != &Func) {
    // Captured by a lambda or a local class: any configuration in the
    // function that owns the variable counts, since the lambda runs later.
    eventsIn(*Owner, Root, Op, Depth, Events);
    V.S = llvm::any_of(Events, isSetLike) ? TimeoutVerdict::State::Set
                                          : TimeoutVerdict::State::Missing;
  } else {
    eventsIn(Func, Root, Op, Depth, Events);
    V = verdictFromEvents(Events, At, Func);
  }
  if (V.S != TimeoutVerdict::State::Missing)
    return V;
  if ((!Root.Path.empty() && memberConfigured(Root, Op, nullptr, Depth)) || classGuarded(Func, Op)) {
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
    TimeoutVerdict Up = decide(*CS.Call, *CS.Caller, modelRootOf(CS.Call->getArg(I), Model), Op, Depth + 1);
    if (Up.S == TimeoutVerdict::State::Set || Up.S == TimeoutVerdict::State::Unknown) {
      V.S = TimeoutVerdict::State::Set;
      return V;
    }
  }
  return V;
}

bool TimeoutFlow::madeByFactory(const Decl &Func, const HandleRoot &Root, const Operation &Op) {
  const FunctionFacts *F = index().facts(&Func);
  return F && handleMadeByFactory(*F, Root, Op, Model);
}

bool TimeoutFlow::configuresParam(const FunctionDecl *F, unsigned Param, const Operation &Op,
                                  unsigned Depth) {
  auto Key = std::make_tuple(static_cast<const void *>(F), Param, Op.Id);
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
  eventsIn(*F, Root, Op, Depth, Events);
  return Summaries[Key] = llvm::any_of(Events, isSetLike);
}

bool TimeoutFlow::returnsConfigured(const FunctionDecl *F, const Operation &Op, unsigned Depth) {
  auto Key = std::make_tuple(static_cast<const void *>(F), ~0u, Op.Id);
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
      HandleRoot Root = modelRootOf(stripTransfers(Value), Model);
      if (Root.K == HandleRoot::Kind::Var && Root.Var->getParentFunctionOrMethod() == F) {
        EventList Events;
        eventsIn(*F, Root, Op, Depth, Events);
        Result = llvm::any_of(Events, isSetLike);
      } else {
        bool Produces = false;
        Result = producedBy(Value, Op, Depth, Produces) == HandleEvent::Kind::Set && Produces;
      }
      if (Result)
        break;
    }
  return Summaries[Key] = Result;
}

bool TimeoutFlow::memberConfigured(const HandleRoot &Member, const Operation &Op, const Decl *Skip,
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
    eventsIn(*M, AsThis, Op, Depth + 1, Events);
    if (llvm::any_of(Events, isSetLike))
      return true;
  }
  return false;
}

// A timer armed anywhere in the class (an Asio session's deadline timer) bounds
// the asynchronous operations of all its methods.
bool TimeoutFlow::classGuarded(const Decl &Func, const Operation &Op) {
  const DeclContext *DC = Func.getDeclContext();
  const auto *Class = dyn_cast_or_null<CXXRecordDecl>(DC);
  if (!Class) {
    // A lambda inside a method: its class is the lambda's, look further out.
    for (; DC && !isa<TranslationUnitDecl>(DC); DC = DC->getParent())
      if (const auto *MD = dyn_cast<CXXMethodDecl>(DC); MD && !MD->getParent()->isLambda()) {
        Class = MD->getParent();
        break;
      }
  }
  if (!Class)
    return false;
  for (const Decl *M : index().methodsOf(Class)) {
    const FunctionFacts *F = index().facts(M);
    for (const CallExpr *Call : F ? F->Calls : std::vector<const CallExpr *>())
      if (const Guard *G = Model.guard(*Call, Op.Handle.Kind); G && G->ClassWide)
        return true;
  }
  // Lambdas inside the class's methods arm timers too.
  for (const auto &KV : index().lambdasOf(Class))
    if (const FunctionFacts *F = index().facts(KV))
      for (const CallExpr *Call : F->Calls)
        if (const Guard *G = Model.guard(*Call, Op.Handle.Kind); G && G->ClassWide)
          return true;
  return false;
}

} // namespace fallacy
