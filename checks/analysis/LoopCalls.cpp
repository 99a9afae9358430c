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

} // namespace

bool LoopCalls::constantSmallRange(const Stmt &Loop) {
  if (const auto *R = dyn_cast<CXXForRangeStmt>(&Loop)) {
    std::optional<uint64_t> N = constantSize(R->getRangeInit());
    return N && *N <= MaxConstant;
  }
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

std::vector<const CallExpr *> LoopCalls::usingElement(const Stmt &Loop) {
  std::vector<const CallExpr *> Out;
  std::vector<const VarDecl *> Element = elementVars(Loop);
  if (Element.empty())
    return Out;
  const Stmt *Body = nullptr;
  if (const auto *R = dyn_cast<CXXForRangeStmt>(&Loop))
    Body = R->getBody();
  else
    Body = cast<ForStmt>(Loop).getBody();
  // Everything computed from the element inside the body depends on it too.
  SmallPtrSet<const VarDecl *, 8> Tainted(Element.begin(), Element.end());
  struct Locals : RecursiveASTVisitor<Locals> {
    std::vector<const VarDecl *> Vars;
    bool VisitVarDecl(VarDecl *V) {
      if (V->getInit())
        Vars.push_back(V);
      return true;
    }
  } L;
  L.TraverseStmt(const_cast<Stmt *>(Body));
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const VarDecl *V : L.Vars)
      if (!Tainted.count(V) && mentionsAny(*V->getInit(), Tainted))
        Changed = Tainted.insert(V).second;
  }
  for (const CallExpr *Call : callExprsIn(*Body))
    if (mentionsAny(*Call, Tainted))
      Out.push_back(Call);
  return Out;
}

std::vector<PerElementCall> LoopCalls::of(const Stmt &Loop) {
  std::vector<PerElementCall> Out;
  if (constantSmallRange(Loop))
    return Out;
  const SourceManager &SM = Ctx.getSourceManager();
  const CallExpr *ElementSend = nullptr; // A stream send of the element, in the body itself.
  for (const CallExpr *Call : usingElement(Loop)) {
    PerElementCall P;
    P.Call = Call;
    P.Site = Remote.of(*Call);
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
