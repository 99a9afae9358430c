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

RemoteSite RemoteCalls::inBody(const Decl &Func) {
  auto It = Memo.find(&Func);
  if (It != Memo.end())
    return It->second;
  if (InProgress.lookup(&Func))
    return {}; // Recursion: the first visit decides.
  InProgress[&Func] = true;
  RemoteSite Found;
  if (const FunctionFacts *F = TuIndex::shared(Ctx).facts(&Func)) {
    for (const CallExpr *C : F->Calls) {
      Found = of(*C);
      if (Found.Call)
        break;
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
