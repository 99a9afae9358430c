// checks/analysis/WaitRoles.cpp: the role of a remote call's wait, from the models and the same handle's other calls.
#include "analysis/WaitRoles.h"
#include "analysis/ApiModel.h"
#include "analysis/CallPattern.h"
#include "analysis/RemoteCalls.h"
#include "analysis/TuIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fallacy {
namespace {

// An operation that receives the peer's data (its model's `reply`), also an
// asynchronous one.
bool receives(const Expr &Call, const Operation &Op) {
  const FunctionDecl *Callee = calleeOf(Call);
  return Callee && Op.isReply(callableName(*Callee));
}

// True when one of \p Calls (other than \p Write) reads a reply on \p Root,
// after \p Write when \p After.
bool readsReply(llvm::ArrayRef<const CallExpr *> Calls, const Expr &Write, const HandleRoot &Root,
                const ApiModel &Model, bool After, const SourceManager &SM) {
  for (const CallExpr *C : Calls) {
    if (C == &Write || (After && !SM.isBeforeInTranslationUnit(Write.getBeginLoc(), C->getBeginLoc())))
      continue;
    const Operation *Op = Model.operation(*C);
    if (!Op || !Op->HasHandle || !receives(*C, *Op))
      continue;
    if (const Expr *H = Op->Handle.of(*C); H && modelRootOf(H, Model) == Root)
      return true;
  }
  return false;
}

} // namespace

const Decl *handleDecl(const HandleRoot &Root) {
  if (!Root.Path.empty())
    return Root.Path.back();
  return Root.Var;
}

WaitRole waitRole(const Expr &Call, const Operation &Op, const HandleRoot &Root, const Decl *Func,
                  const TuIndex &Index, const ApiModel &Model, ASTContext &Ctx) {
  const FunctionDecl *Callee = calleeOf(Call);
  std::string Name = Callee ? callableName(*Callee) : "";
  if (Op.accepts(Name))
    return WaitRole::Client;
  if (Op.onlyConnects(Name))
    return WaitRole::KernelConnect;
  if (!Op.writes(Name) || !Root.valid())
    return WaitRole::Answer;
  // A write of a stream: a request when a reply is read on the same handle.
  const SourceManager &SM = Ctx.getSourceManager();
  if (const FunctionFacts *F = Func ? Index.facts(Func) : nullptr)
    if (readsReply(F->Calls, Call, Root, Model, /*After=*/true, SM))
      return WaitRole::RequestWrite;
  // A member handle: the session's other methods and their handlers read.
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Func);
  if (!Root.Path.empty() && Root.K == HandleRoot::Kind::ThisMember && MD) {
    const CXXRecordDecl *Class = MD->getParent()->getCanonicalDecl();
    for (llvm::ArrayRef<const Decl *> Bodies : {Index.methodsOf(Class), Index.lambdasOf(Class)})
      for (const Decl *B : Bodies)
        if (const FunctionFacts *F = Index.facts(B))
          if (readsReply(F->Calls, Call, Root, Model, /*After=*/false, SM))
            return WaitRole::RequestWrite;
  }
  return WaitRole::Write;
}

} // namespace fallacy
