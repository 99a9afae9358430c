// checks/analysis/HandleRoot.cpp: reducing handle expressions to the storage they denote.
#include "analysis/HandleRoot.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fallacy {

std::string HandleRoot::spelling() const {
  std::string S;
  if (K == Kind::Var && Var)
    S = Var->getNameAsString();
  for (const FieldDecl *F : Path) {
    if (!S.empty())
      S += ".";
    S += F->getNameAsString();
  }
  if (S.empty() && Call)
    if (const FunctionDecl *FD = Call->getDirectCallee())
      S = FD->getNameAsString() + "()";
  return S;
}

namespace {

// `p.get()`, `p.operator->()`: smart pointers and similar owners hand out the
// object they own.
bool isOwnerAccess(const CXXMemberCallExpr &MC) {
  const CXXMethodDecl *MD = MC.getMethodDecl();
  if (!MD || MC.getNumArgs() != 0)
    return false;
  if (MD->getOverloadedOperator() == OO_Arrow || MD->getOverloadedOperator() == OO_Star)
    return true;
  return MD->getIdentifier() && MD->getName() == "get" && MD->getReturnType()->isPointerType();
}

// A local reference, or a local pointer initialised with the address of
// another handle, aliases it.
const Expr *aliasTarget(const VarDecl &VD) {
  if (!VD.isLocalVarDecl() || !VD.getInit())
    return nullptr;
  QualType T = VD.getType();
  const Expr *Init = VD.getInit()->IgnoreParenImpCasts();
  if (T->isReferenceType())
    return Init;
  if (T->isPointerType()) {
    if (const auto *U = dyn_cast<UnaryOperator>(Init); U && U->getOpcode() == UO_AddrOf)
      return Init;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Init); MC && isOwnerAccess(*MC))
      return Init;
  }
  return nullptr;
}

} // namespace

HandleRoot rootOf(const Expr *E, LayerAccessor Layers, const void *Model) {
  HandleRoot R;
  llvm::SmallVector<const FieldDecl *, 2> Fields; // Innermost last.
  for (int Steps = 0; E && Steps < 32; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
    } else if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() != UO_AddrOf && U->getOpcode() != UO_Deref)
        return R;
      E = U->getSubExpr();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() != OO_Arrow && OC->getOperator() != OO_Star) || OC->getNumArgs() != 1)
        break;
      E = OC->getArg(0);
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E); MC && isOwnerAccess(*MC)) {
      E = MC->getImplicitObjectArgument();
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD)
        return R;
      Fields.push_back(FD);
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      // Elements of one array of handles are treated as one handle.
      E = AS->getBase();
    } else if (isa<CXXThisExpr>(E)) {
      if (Fields.empty())
        return R;
      R.K = HandleRoot::Kind::ThisMember;
      break;
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return R;
      if (const Expr *Target = aliasTarget(*VD)) {
        E = Target;
        continue;
      }
      R.K = HandleRoot::Kind::Var;
      R.Var = VD;
      break;
    } else if (isa<CXXNewExpr>(E)) {
      R.K = HandleRoot::Kind::New;
      break;
    } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const Expr *Inner = nullptr;
      if (Layers && Layers(*CE, Model, Inner) && Inner) {
        E = Inner;
        continue;
      }
      R.K = HandleRoot::Kind::CallResult;
      R.Call = CE;
      break;
    } else {
      return R;
    }
  }
  if (R.K == HandleRoot::Kind::None)
    return R;
  R.Path.assign(Fields.rbegin(), Fields.rend());
  if (R.K == HandleRoot::Kind::CallResult || R.K == HandleRoot::Kind::New)
    R.Path.clear();
  return R;
}

} // namespace fallacy
