// checks/analysis/RemoteCalls.cpp: remote-call summaries over a translation unit's call graph.
#include "analysis/RemoteCalls.h"
#include "analysis/AstUtil.h"
#include "analysis/TuIndex.h"
#include "clang/Basic/SourceManager.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fallacy {

bool handleMadeByFactory(const FunctionFacts &F, const HandleRoot &Root, const Operation &Op,
                         const ApiModel &Model) {
  if (!Root.Path.empty())
    return false;
  auto IsFactory = [&](const Expr *E) {
    E = E ? stripExpr(E, StripCopies) : nullptr;
    return E && (isa<CallExpr>(E) || isa<CXXConstructExpr>(E)) && Model.factory(*E, Op.Handle.Kind);
  };
  for (const VarDecl *V : F.Vars)
    if (V == Root.Var && IsFactory(V->getInit()))
      return true;
  for (const BinaryOperator *B : F.Assignments)
    if (B->getOpcode() == BO_Assign && modelRootOf(B->getLHS(), Model) == Root && IsFactory(B->getRHS()))
      return true;
  return false;
}

RemoteSite RemoteCalls::of(const Expr &Call) {
  if (const Operation *Op = Model.operation(Call)) {
    // read() and write() reach a peer only on a socket: a descriptor the
    // function got from socket() or accept(); files and pipes stay here.
    if (Op->RequiresFactory) {
      const auto *CE = dyn_cast<CallExpr>(&Call);
      const Decl *Func = CE ? TuIndex::shared(Ctx).enclosing(CE) : nullptr;
      const FunctionFacts *F = Func ? TuIndex::shared(Ctx).facts(Func) : nullptr;
      const Expr *H = Op->Handle.of(Call);
      if (!F || !H || !handleMadeByFactory(*F, modelRootOf(H, Model), *Op, Model))
        return {};
    }
    return {&Call, Op};
  }
  const FunctionDecl *Callee = calleeOf(Call);
  // A lambda called directly, or through a variable holding it.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(&Call); OC && !Callee)
    return {};
  if (const FunctionDecl *Def = TuIndex::definition(Callee))
    return inBody(*Def);
  return {};
}

bool isReplyCall(const Expr &Call, const Operation &Op) {
  if (!Op.Stream || !Op.Blocking)
    return false;
  const FunctionDecl *Callee = calleeOf(Call);
  return Callee && Callee->getIdentifier() && Op.isReply(Callee->getName());
}

RemoteSite RemoteCalls::inBody(const Decl &Func) {
  auto It = Memo.find(&Func);
  if (It != Memo.end())
    return It->second;
  if (InProgress.lookup(&Func))
    return {}; // Recursion: the first visit decides.
  InProgress[&Func] = true;
  RemoteSite Found;
  if (const FunctionFacts *F = TuIndex::shared(Ctx).facts(&Func)) {
    // The first remote operation decides, except that a body that sends on a
    // stream and then receives is one exchange: the receive is the site.
    bool Sent = false;
    for (const CallExpr *C : F->Calls) {
      RemoteSite S = of(*C);
      if (!S.Call)
        continue;
      if (!Found.Call)
        Found = S;
      if (!S.Op->Stream || !S.Op->Blocking || S.Exchange) {
        if (Found.Op->Stream && Found.Op->Blocking && S.Exchange)
          Found = S;
        break;
      }
      if (isReplyCall(*S.Call, *S.Op)) {
        if (Sent) {
          Found = S;
          Found.Exchange = true;
          break;
        }
      } else {
        Sent = true;
      }
    }
    for (const CXXConstructExpr *C : F->Constructs) {
      if (Found.Call)
        break;
      if (const Operation *Op = Model.operation(*C))
        Found = {C, Op};
    }
  }
  InProgress[&Func] = false;
  return Memo[&Func] = Found;
}

bool RemoteCalls::decidedElsewhere(const Expr &Call) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee || isa<CXXConstructExpr>(Call) ||
      isLibraryLocation(Callee->getLocation(), Ctx.getSourceManager()) || of(Call).Call)
    return false;
  // Lambdas and their call operators have no name another unit could define.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee); MD && MD->getParent()->isLambda())
    return false;
  const FunctionDecl *Def = TuIndex::definition(Callee);
  return !Def || reachesOtherFile(*Def);
}

bool RemoteCalls::reachesOtherFile(const FunctionDecl &F) {
  auto [It, New] = ReachesMemo.try_emplace(&F, false);
  if (!New)
    return It->second; // Known, or on the path being explored (a cycle).
  bool Reaches = false;
  const SourceManager &SM = Ctx.getSourceManager();
  if (const FunctionFacts *Facts = TuIndex::shared(Ctx).facts(&F))
    for (const CallExpr *C : Facts->Calls) {
      const FunctionDecl *Callee = C->getDirectCallee();
      if (!Callee || isLibraryLocation(Callee->getLocation(), SM))
        continue;
      const FunctionDecl *Def = TuIndex::definition(Callee);
      if (!Def || (Def != &F && reachesOtherFile(*Def))) {
        Reaches = true;
        break;
      }
    }
  ReachesMemo[&F] = Reaches;
  return Reaches;
}

} // namespace fallacy
