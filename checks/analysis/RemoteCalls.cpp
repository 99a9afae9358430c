// checks/analysis/RemoteCalls.cpp: remote-call summaries over a translation unit's call graph.
#include "analysis/RemoteCalls.h"
#include "analysis/TuIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fallacy {

RemoteSite RemoteCalls::of(const Expr &Call) {
  if (const Operation *Op = Model.operation(Call))
    return {&Call, Op};
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

} // namespace fallacy
