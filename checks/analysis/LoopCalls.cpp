// checks/analysis/LoopCalls.cpp: which calls of a loop body run per element of the data it iterates.
#include "analysis/LoopCalls.h"
#include "analysis/AstUtil.h"
#include "analysis/TuIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace llvm;

namespace fallacy {
namespace {

const VarDecl *referencedVar(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    E = U->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E); OC && OC->getNumArgs() >= 1)
    E = OC->getArg(0)->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

// True when an argument of \p Call reads one of \p Vars. An address taken
// of storage the element picks (`&replies[i]`) is where the call writes its
// result, not what it sends: a loop draining a pipeline's replies into an
// array passes the element only as that slot.
bool readsAny(const CallExpr &Call, const SmallPtrSetImpl<const VarDecl *> &Vars);

bool mentionsAny(const Stmt &S, const SmallPtrSetImpl<const VarDecl *> &Vars) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const SmallPtrSetImpl<const VarDecl *> &Vars;
    bool Found = false;
    explicit Finder(const SmallPtrSetImpl<const VarDecl *> &V) : Vars(V) {}
    bool VisitDeclRefExpr(DeclRefExpr *D) {
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()); V && Vars.count(V))
        Found = true;
      return !Found;
    }
  } F(Vars);
  F.TraverseStmt(const_cast<Stmt *>(&S));
  return F.Found;
}

// The calls (not constructions) in \p S, in source order, outside the
// bodies of the lambdas it defines.
std::vector<const CallExpr *> callExprsIn(const Stmt &S) {
  std::vector<const CallExpr *> Out;
  for (const Expr *E : fallacy::callsIn(S))
    Out.push_back(cast<CallExpr>(E));
  return Out;
}

// The number of elements of a range that is a constant: an initializer list
// or a constant-size array written in the code.
std::optional<uint64_t> constantSize(const Expr *Range) {
  if (!Range)
    return std::nullopt;
  const Expr *E = Range->IgnoreImplicit();
  if (const auto *L = dyn_cast<InitListExpr>(E))
    return L->getNumInits();
  if (const auto *C = dyn_cast<CXXStdInitializerListExpr>(E))
    if (const auto *L = dyn_cast<InitListExpr>(C->getSubExpr()->IgnoreImplicit()))
      return L->getNumInits();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (const auto *AT = V->getASTContext().getAsConstantArrayType(V->getType()))
        return AT->getSize().getZExtValue();
      if (V->getInit() && (V->getType().isConstQualified() || V->isConstexpr()))
        return constantSize(V->getInit());
    }
  return std::nullopt;
}

bool readsAny(const CallExpr &Call, const SmallPtrSetImpl<const VarDecl *> &Vars) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const SmallPtrSetImpl<const VarDecl *> &Vars;
    bool Found = false;
    explicit Finder(const SmallPtrSetImpl<const VarDecl *> &V) : Vars(V) {}
    bool TraverseUnaryOperator(UnaryOperator *U) {
      const Expr *Sub = U->getSubExpr()->IgnoreParenImpCasts();
      const auto *O = dyn_cast<CXXOperatorCallExpr>(Sub);
      if (U->getOpcode() == UO_AddrOf &&
          (isa<ArraySubscriptExpr>(Sub) || (O && O->getOperator() == OO_Subscript)))
        return true;
      return RecursiveASTVisitor::TraverseUnaryOperator(U);
    }
    bool VisitDeclRefExpr(DeclRefExpr *D) {
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()); V && Vars.count(V))
        Found = true;
      return !Found;
    }
  } F(Vars);
  F.TraverseStmt(const_cast<Expr *>(Call.getCallee()));
  for (const Expr *A : Call.arguments())
    F.TraverseStmt(const_cast<Expr *>(A));
  return F.Found;
}

// `for (i = 0; Items[i] != nullptr; ++i)` over an array written in the code:
// its size, when the condition reads a constant array through the index.
std::optional<uint64_t> sentinelArraySize(const Expr *Cond, const ASTContext &Ctx) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ASTContext &Ctx;
    std::optional<uint64_t> Size;
    explicit Finder(const ASTContext &C) : Ctx(C) {}
    bool VisitArraySubscriptExpr(ArraySubscriptExpr *A) {
      const auto *DRE = dyn_cast<DeclRefExpr>(A->getBase()->IgnoreParenImpCasts());
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (V && V->getInit() && isa<InitListExpr>(V->getInit()->IgnoreImplicit()))
        if (const auto *AT = Ctx.getAsConstantArrayType(V->getType()))
          Size = AT->getSize().getZExtValue();
      return !Size;
    }
  } F(Ctx);
  if (Cond)
    F.TraverseStmt(const_cast<Expr *>(Cond));
  return F.Size;
}

} // namespace

bool LoopCalls::constantSmallRange(const Stmt &Loop) {
  if (const auto *R = dyn_cast<CXXForRangeStmt>(&Loop)) {
    std::optional<uint64_t> N = constantSize(R->getRangeInit());
    return N && *N <= MaxConstant;
  }
  // A walk to the sentinel of a small array written in the code (the
  // sentinel itself is one more element).
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    if (std::optional<uint64_t> N = sentinelArraySize(F->getCond(), Ctx); N && *N <= MaxConstant + 1)
      return true;
  // `for (int I = 0; I < 3; ++I)`: a constant bound.
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    if (const auto *B = dyn_cast_or_null<BinaryOperator>(F->getCond() ? F->getCond()->IgnoreParenImpCasts() : nullptr)) {
      Expr::EvalResult V;
      if (B->isRelationalOp() && B->getRHS()->EvaluateAsInt(V, Ctx))
        return V.Val.getInt().getZExtValue() <= MaxConstant;
    }
  return false;
}

std::vector<const VarDecl *> LoopCalls::elementVars(const Stmt &Loop) {
  std::vector<const VarDecl *> Vars;
  if (const auto *R = dyn_cast<CXXForRangeStmt>(&Loop)) {
    Vars.push_back(R->getLoopVariable());
    return Vars;
  }
  const auto *F = dyn_cast<ForStmt>(&Loop);
  if (!F || !F->getCond())
    return Vars;
  // Iterator and index loops: the variable the increment steps, compared in
  // the condition with something that is not a constant.
  const VarDecl *Stepped = nullptr;
  if (const Expr *Inc = F->getInc())
    Stepped = referencedVar(Inc);
  if (!Stepped)
    return Vars;
  Expr::EvalResult V;
  const Expr *Cond = F->getCond()->IgnoreParenImpCasts();
  const Expr *Other = nullptr;
  if (const auto *B = dyn_cast<BinaryOperator>(Cond); B && B->isComparisonOp())
    Other = referencedVar(B->getLHS()) == Stepped ? B->getRHS() : B->getLHS();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Cond); OC && OC->getNumArgs() == 2)
    Other = referencedVar(OC->getArg(0)) == Stepped ? OC->getArg(1) : OC->getArg(0);
  if (!Other || Other->EvaluateAsInt(V, Ctx))
    return Vars;
  Vars.push_back(Stepped);
  return Vars;
}

LoopCalls::VarSet LoopCalls::tainted(const Stmt &Loop) {
  VarSet Tainted;
  std::vector<const VarDecl *> Element = elementVars(Loop);
  if (Element.empty())
    return Tainted;
  const Stmt &Body = loopBody(Loop);
  // Everything computed from the element inside the body depends on it too.
  Tainted.insert(Element.begin(), Element.end());
  struct Locals : RecursiveASTVisitor<Locals> {
    std::vector<const VarDecl *> Vars;
    bool VisitVarDecl(VarDecl *V) {
      if (V->getInit())
        Vars.push_back(V);
      return true;
    }
  } L;
  L.TraverseStmt(const_cast<Stmt *>(&Body));
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const VarDecl *V : L.Vars)
      if (!Tainted.count(V) && mentionsAny(*V->getInit(), Tainted))
        Changed = Tainted.insert(V).second;
  }
  return Tainted;
}

// True when \p E is an access path into one of \p Vars: members, subscripts
// (by one of them, or of one of them), dereferences and conversions.
static bool accessesAny(const Expr *E, const LoopCalls::VarSet &Vars) {
  auto Is = [&](const Expr *X) {
    const auto *D = X ? dyn_cast<DeclRefExpr>(X->IgnoreParenImpCasts()) : nullptr;
    const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    return V && Vars.count(V);
  };
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MemberExpr>(E))
      E = M->getBase();
    else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      if (Is(A->getIdx()))
        return true;
      E = A->getBase();
    }
    else if (const auto *U = dyn_cast<UnaryOperator>(E); U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
      E = U->getSubExpr();
    else if (const auto *O = dyn_cast<CXXOperatorCallExpr>(E);
             O && O->getNumArgs() >= 1 &&
             (O->getOperator() == OO_Subscript || O->getOperator() == OO_Star || O->getOperator() == OO_Arrow)) {
      if (O->getOperator() == OO_Subscript && O->getNumArgs() == 2 && Is(O->getArg(1)))
        return true;
      E = O->getArg(0);
    } else if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() == 1)
      E = C->getArg(0);
    else
      return Is(E);
  }
  return false;
}

LoopCalls::VarSet LoopCalls::taken(const Stmt &Loop) {
  std::vector<const VarDecl *> Element = elementVars(Loop);
  VarSet Taken(Element.begin(), Element.end());
  if (Taken.empty())
    return Taken;
  struct Locals : RecursiveASTVisitor<Locals> {
    std::vector<const VarDecl *> Vars;
    bool VisitVarDecl(VarDecl *V) {
      if (V->getInit())
        Vars.push_back(V);
      return true;
    }
  } L;
  L.TraverseStmt(const_cast<Stmt *>(&loopBody(Loop)));
  for (const VarDecl *V : L.Vars)
    if (accessesAny(V->getInit(), Taken))
      Taken.insert(V);
  return Taken;
}

std::vector<const CallExpr *> LoopCalls::usingElement(const Stmt &Loop) {
  std::vector<const CallExpr *> Out;
  VarSet Tainted = tainted(Loop);
  if (Tainted.empty())
    return Out;
  for (const CallExpr *Call : callExprsIn(loopBody(Loop)))
    if (readsAny(*Call, Tainted))
      Out.push_back(Call);
  return Out;
}

// Each pass talks to another peer when the element is the handle of the
// remote call: `for (auto &Conn : Replicas) PQexec(Conn, ...)`, or the
// argument a helper of this unit makes the call on (`lockOn(*Master, ...)`).
// \p Taken are the element and the locals taken out of it without a call
// (`int Fd = Events[I].data.fd`): a handle made from the element
// (`transferFor(Url)`) is a new transfer per element, which can be batched.
bool LoopCalls::fansOut(const CallExpr &Call, const RemoteSite &Site, const VarSet &Taken) {
  if (!Site.Op->HasHandle)
    return false;
  const Expr *Handle = Site.Op->Handle.of(*Site.Call);
  if (!Handle)
    return false;
  if (Site.Call == &Call)
    return mentionsAny(*Handle, Taken);
  // Through a helper that is the loop's callee: its parameter is the handle.
  HandleRoot Root = modelRootOf(Handle, Model);
  const auto *Param = Root.K == HandleRoot::Kind::Var ? dyn_cast<ParmVarDecl>(Root.Var) : nullptr;
  const FunctionDecl *Callee = Call.getDirectCallee();
  const auto *SiteCall = dyn_cast<CallExpr>(Site.Call);
  if (!Param || !Callee || !SiteCall || TuIndex::shared(Ctx).enclosing(SiteCall) != TuIndex::definition(Callee))
    return false;
  unsigned I = Param->getFunctionScopeIndex() + (isa<CXXOperatorCallExpr>(Call) ? 1 : 0);
  return I < Call.getNumArgs() && mentionsAny(*Call.getArg(I), Taken);
}

std::vector<PerElementCall> LoopCalls::of(const Stmt &Loop) {
  std::vector<PerElementCall> Out;
  if (constantSmallRange(Loop))
    return Out;
  const SourceManager &SM = Ctx.getSourceManager();
  const CallExpr *ElementSend = nullptr; // A stream send of the element, in the body itself.
  VarSet Taken = taken(Loop);
  for (const CallExpr *Call : usingElement(Loop)) {
    PerElementCall P;
    P.Call = Call;
    P.Site = Remote.of(*Call);
    // Fan-out to distinct peers: nothing to batch.
    if (P.Site.Call && fansOut(*Call, P.Site, Taken))
      continue;
    if (P.Site.Call) {
      // Asynchronous calls in flight together and the chunks of one stream
      // are how batching is done, not the problem.
      if (!P.Site.roundTrip()) {
        if (P.Site.Call == Call && isSendCall(*Call, *P.Site.Op) && !ElementSend)
          ElementSend = Call;
        continue;
      }
      Out.push_back(P);
      continue;
    }
    if (Call->getDirectCallee() && Remote.decidedElsewhere(*Call)) {
      P.Unresolved = true;
      Out.push_back(P);
    }
  }
  // The element sent on a stream and the reply read in the same iteration:
  // a request/response exchange per element (a REQ socket, a line protocol).
  if (ElementSend) {
    for (const CallExpr *Call : callExprsIn(Loop)) {
      if (!SM.isBeforeInTranslationUnit(ElementSend->getBeginLoc(), Call->getBeginLoc()))
        continue;
      RemoteSite S = Remote.of(*Call);
      if (S.Call == Call && isReplyCall(*Call, *S.Op)) {
        PerElementCall P;
        P.Call = Call;
        P.Site = S;
        P.Site.Exchange = true;
        Out.push_back(P);
        break;
      }
    }
  }
  return Out;
}


} // namespace fallacy
