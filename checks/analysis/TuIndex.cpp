// checks/analysis/TuIndex.cpp: the single traversal that the flow analyses share.
#include "analysis/TuIndex.h"
#include "analysis/UnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace fallacy {

class TuIndexBuilder : public RecursiveASTVisitor<TuIndexBuilder> {
public:
  explicit TuIndexBuilder(TuIndex &Index) : Index(Index) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      return RecursiveASTVisitor::TraverseDecl(D);
    // Uninstantiated templates have unresolved calls; their instantiations
    // are traversed separately.
    if (FD->isDependentContext())
      return true;
    push(FD);
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    Stack.pop_back();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    // Captures are evaluated where the lambda is created; the body is a
    // function of its own.
    for (Expr *Init : LE->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    // Remember the class whose method writes the lambda (timers armed in
    // completion handlers guard the class's operations).
    for (auto It = Stack.rbegin(); It != Stack.rend(); ++It)
      if (const auto *MD = dyn_cast<CXXMethodDecl>((*It)->Func);
          MD && !MD->getParent()->isLambda()) {
        Index.Lambdas[MD->getParent()->getCanonicalDecl()].push_back(LE->getCallOperator());
        break;
      }
    push(LE->getCallOperator());
    bool Result = TraverseStmt(LE->getBody());
    Stack.pop_back();
    return Result;
  }

  bool VisitCallExpr(CallExpr *C) {
    if (FunctionFacts *F = top()) {
      F->Calls.push_back(C);
      Index.Enclosing[C] = F->Func;
      if (const FunctionDecl *Callee = C->getDirectCallee())
        Index.Callers[Callee->getCanonicalDecl()].push_back({C, F->Func, 0});
      // `f(x)` on a variable holding a callable.
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C);
          OC && OC->getOperator() == OO_Call && OC->getNumArgs() >= 1)
        if (const auto *DRE = dyn_cast<DeclRefExpr>(OC->getArg(0)->IgnoreParenImpCasts()))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
            Index.VarCalls[V].push_back({C, F->Func, 1});
    }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    if (FunctionFacts *F = top())
      F->Constructs.push_back(C);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (FunctionFacts *F = top(); F && V->getInit())
      F->Vars.push_back(V);
    if (const LambdaExpr *L = storedLambda(V->getInit()))
      Index.LambdaVars[L->getCallOperator()] = V;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (FunctionFacts *F = top(); F && B->isAssignmentOp())
      F->Assignments.push_back(B);
    return true;
  }
  bool VisitInitListExpr(InitListExpr *L) {
    // The semantic form lists one initialiser per field.
    const InitListExpr *Semantic = L->isSemanticForm() ? L : L->getSemanticForm();
    if (FunctionFacts *F = top(); F && Semantic &&
        llvm::find(F->InitLists, Semantic) == F->InitLists.end())
      F->InitLists.push_back(Semantic);
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *R) {
    if (FunctionFacts *F = top())
      F->Returns.push_back(R);
    return true;
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (FunctionFacts *F = top(); F && Init->isMemberInitializer())
      F->MemberInits.push_back(Init);
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }

private:
  TuIndex &Index;

  // The lambda a variable is initialised with, directly or wrapped in a
  // std::function (or any callable wrapper constructed from it).
  static const LambdaExpr *storedLambda(const Expr *Init) {
    for (int Depth = 0; Init && Depth < 8; ++Depth) {
      Init = Init->IgnoreImplicit();
      if (const auto *L = dyn_cast<LambdaExpr>(Init))
        return L;
      if (const auto *C = dyn_cast<CXXConstructExpr>(Init); C && C->getNumArgs() == 1)
        Init = C->getArg(0);
      else
        return nullptr;
    }
    return nullptr;
  }
  std::vector<FunctionFacts *> Stack;

  FunctionFacts *top() { return Stack.empty() ? nullptr : Stack.back(); }
  void push(const FunctionDecl *FD) {
    auto It = Index.ByFunc.find(FD);
    FunctionFacts *F;
    if (It != Index.ByFunc.end()) {
      F = It->second;
    } else {
      Index.All.push_back(std::make_unique<FunctionFacts>());
      F = Index.All.back().get();
      F->Func = FD;
      Index.ByFunc[FD] = F;
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
        Index.Methods[MD->getParent()->getCanonicalDecl()].push_back(FD);
    }
    Stack.push_back(F);
  }
};

TuIndex::TuIndex(ASTContext &Ctx) {
  TuIndexBuilder Builder(*this);
  Builder.TraverseDecl(Ctx.getTranslationUnitDecl());
}

TuIndex::~TuIndex() = default;

const FunctionFacts *TuIndex::facts(const Decl *Func) const {
  auto It = ByFunc.find(Func);
  return It == ByFunc.end() ? nullptr : It->second;
}

const Decl *TuIndex::enclosing(const CallExpr *Call) const {
  auto It = Enclosing.find(Call);
  return It == Enclosing.end() ? nullptr : It->second;
}

std::vector<CallSite> TuIndex::callers(const FunctionDecl *Callee) const {
  std::vector<CallSite> Out;
  auto It = Callers.find(Callee->getCanonicalDecl());
  if (It != Callers.end())
    Out = It->second;
  auto L = LambdaVars.find(Callee);
  if (L != LambdaVars.end()) {
    auto V = VarCalls.find(L->second);
    if (V != VarCalls.end())
      Out.insert(Out.end(), V->second.begin(), V->second.end());
  }
  return Out;
}

llvm::ArrayRef<const Decl *> TuIndex::methodsOf(const CXXRecordDecl *Class) const {
  auto It = Methods.find(Class->getCanonicalDecl());
  if (It == Methods.end())
    return {};
  return It->second;
}

llvm::ArrayRef<const Decl *> TuIndex::lambdasOf(const CXXRecordDecl *Class) const {
  auto It = Lambdas.find(Class->getCanonicalDecl());
  if (It == Lambdas.end())
    return {};
  return It->second;
}

const TuIndex &TuIndex::shared(ASTContext &Ctx) { return UnitAnalysis::of(Ctx).index(); }

const FunctionDecl *TuIndex::definition(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (FD && FD->hasBody(Def))
    return Def;
  return nullptr;
}

} // namespace fallacy
