// checks/analysis/Outcome.cpp: the polarity of conditions on calls' results.
#include "analysis/AstUtil.h"
#include "analysis/Outcome.h"
#include "analysis/ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace llvm;

namespace fallacy {

Outcome negate(Outcome O) {
  return O == Outcome::Success ? Outcome::Failure : O == Outcome::Failure ? Outcome::Success : O;
}

namespace {

const Expr *strip(const Expr *E) { return stripExpr(E); }

// Words in the names of constants and methods that mean "it worked" or "it failed".
bool successName(StringRef Name) {
  std::string L = Name.lower();
  StringRef S(L);
  return S == "ok" || S.ends_with("_ok") || S.starts_with("ok_") || S.contains("success") ||
         S == "good" || S == "is_ok" || S == "isok" || S == "succeeded" || S == "has_value" ||
         S == "done";
}
bool failureName(StringRef Name) {
  std::string L = Name.lower();
  StringRef S(L);
  for (StringRef W : {"err", "fail", "unavailable", "timeout", "timedout", "timed_out", "deadline",
                      "abort", "exhausted", "again", "busy", "refused", "reset", "cancel",
                      "internal", "unknown", "retry", "retriable", "retryable", "transient", "bad"})
    if (S.contains(W))
      return true;
  return false;
}

// The name of the constant an expression refers to, if it is one.
StringRef constantName(const Expr &E) {
  const Expr *S = strip(&E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (isa<EnumConstantDecl>(DRE->getDecl()) ||
        (isa<VarDecl>(DRE->getDecl()) && DRE->getType().isConstQualified()))
      return DRE->getDecl()->getName();
  return "";
}

} // namespace

void ResultTracker::addDerivedVars(const Stmt &Scope) {
  struct Finder : RecursiveASTVisitor<Finder> {
    ResultTracker &T;
    bool Changed = false;
    explicit Finder(ResultTracker &T) : T(T) {}
    bool VisitVarDecl(VarDecl *V) {
      if (V->getInit() && !T.Vars.count(V) && T.mentions(*V->getInit())) {
        T.Vars.insert(V);
        Changed = true;
      }
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *B) {
      if (B->isAssignmentOp() && T.mentions(*B->getRHS()))
        if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(B->getLHS())))
          if (!T.Vars.count(DRE->getDecl())) {
            T.Vars.insert(DRE->getDecl());
            Changed = true;
          }
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
      if (C->getOperator() == OO_Equal && C->getNumArgs() == 2 && T.mentions(*C->getArg(1)))
        if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(C->getArg(0))))
          if (!T.Vars.count(DRE->getDecl())) {
            T.Vars.insert(DRE->getDecl());
            Changed = true;
          }
      return true;
    }
  };
  // Two rounds reach `auto s = call(); bool ok = s.ok();`.
  for (int Round = 0; Round < 3; ++Round) {
    Finder F(*this);
    F.TraverseStmt(const_cast<Stmt *>(&Scope));
    if (!F.Changed)
      break;
  }
}

bool ResultTracker::mentions(const Expr &E) const {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ResultTracker &T;
    bool Found = false;
    explicit Finder(const ResultTracker &T) : T(T) {}
    bool VisitExpr(Expr *E) {
      if (T.Calls.count(E))
        Found = true;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E); DRE && T.Vars.count(DRE->getDecl()))
        Found = true;
      return !Found;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  } F(*this);
  F.TraverseStmt(const_cast<Expr *>(&E));
  return F.Found;
}

Outcome ResultTracker::truthiness(const Expr &Tracked) const {
  QualType T = strip(&Tracked)->getType();
  if (T.isNull())
    return Outcome::Unknown;
  if (Model)
    if (const ResultConvention *R = Model->resultConvention(T))
      return R->TrueMeansFailure ? Outcome::Failure : Outcome::Success;
  if (T->isBooleanType() || T->isPointerType() || T->isRecordType())
    return Outcome::Success; // true, non-null, a result object that converts to true.
  if (const auto *ET = T->getAs<EnumType>()) {
    // A status enum whose zero is OK: non-zero is an error (CURLcode).
    for (const EnumConstantDecl *C : ET->getDecl()->enumerators())
      if (C->getInitVal() == 0)
        return successName(C->getName()) ? Outcome::Failure : Outcome::Unknown;
  }
  return Outcome::Unknown;
}

Outcome ResultTracker::compare(const Expr &Tracked, int Opcode, const Expr &Other) const {
  auto Op = static_cast<BinaryOperatorKind>(Opcode);
  auto Eq = [&](Outcome WhenEqual) {
    if (Op == BO_EQ)
      return WhenEqual;
    if (Op == BO_NE)
      return negate(WhenEqual);
    return Outcome::Unknown;
  };
  StringRef Name = constantName(Other);
  if (!Name.empty()) {
    if (successName(Name))
      return Eq(Outcome::Success);
    if (failureName(Name))
      return Eq(Outcome::Failure);
    return Outcome::Unknown;
  }
  const Expr *O = strip(&Other);
  if (O->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) &&
      strip(&Tracked)->getType()->isPointerType())
    return Eq(Outcome::Failure);
  Expr::EvalResult R;
  if (O->isValueDependent() || !O->EvaluateAsInt(R, Ctx))
    return Outcome::Unknown;
  int64_t V = R.Val.getInt().getExtValue();
  if (V >= 200 && V < 300)
    return Eq(Outcome::Success); // An HTTP status.
  if (V >= 400 && V < 600)
    return Op == BO_GE ? Outcome::Failure : Op == BO_LT ? Outcome::Success : Eq(Outcome::Failure);
  switch (Op) {
  case BO_EQ:
    return V == 0 ? Outcome::Success : V < 0 ? Outcome::Failure : Outcome::Unknown;
  case BO_NE:
    return V == 0 ? Outcome::Failure : V < 0 ? Outcome::Success : Outcome::Unknown;
  case BO_LT:
    return V <= 0 ? Outcome::Failure : Outcome::Unknown;
  case BO_LE:
    return V <= 0 ? Outcome::Failure : Outcome::Unknown;
  case BO_GT:
    return V >= -1 && V <= 0 ? Outcome::Success : Outcome::Unknown;
  case BO_GE:
    return V >= 0 && V <= 1 ? Outcome::Success : Outcome::Unknown;
  default:
    return Outcome::Unknown;
  }
}

Outcome ResultTracker::classify(const Expr &Cond) const {
  const Expr *E = strip(&Cond);
  if (!mentions(*E))
    return Outcome::Unrelated;
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot)
    return negate(classify(*U->getSubExpr()));
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr) {
      // Definite parts decide; parts that say nothing are ignored.
      Outcome L = classify(*B->getLHS()), R = classify(*B->getRHS());
      bool S = L == Outcome::Success || R == Outcome::Success;
      bool F = L == Outcome::Failure || R == Outcome::Failure;
      return S && F ? Outcome::Unknown : S ? Outcome::Success : F ? Outcome::Failure : Outcome::Unknown;
    }
    if (B->isComparisonOp()) {
      bool LeftTracked = mentions(*B->getLHS()), RightTracked = mentions(*B->getRHS());
      if (LeftTracked == RightTracked)
        return Outcome::Unknown;
      if (LeftTracked)
        return compare(*B->getLHS(), B->getOpcode(), *B->getRHS());
      // `CURLE_OK == rc`: mirror the operator.
      BinaryOperatorKind Mirrored = B->getOpcode();
      switch (Mirrored) {
      case BO_LT: Mirrored = BO_GT; break;
      case BO_GT: Mirrored = BO_LT; break;
      case BO_LE: Mirrored = BO_GE; break;
      case BO_GE: Mirrored = BO_LE; break;
      default: break;
      }
      return compare(*B->getRHS(), Mirrored, *B->getLHS());
    }
    if (B->getOpcode() == BO_Assign || B->getOpcode() == BO_Comma)
      return classify(*B->getRHS());
    return Outcome::Unknown;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if ((OC->getOperator() == OO_EqualEqual || OC->getOperator() == OO_ExclaimEqual) &&
        OC->getNumArgs() == 2) {
      bool LeftTracked = mentions(*OC->getArg(0));
      const Expr &T = LeftTracked ? *OC->getArg(0) : *OC->getArg(1);
      const Expr &O = LeftTracked ? *OC->getArg(1) : *OC->getArg(0);
      return compare(T, OC->getOperator() == OO_EqualEqual ? BO_EQ : BO_NE, O);
    }
    if (OC->getOperator() == OO_Exclaim && OC->getNumArgs() == 1)
      return negate(classify(*OC->getArg(0)));
  }
  // `s.ok()`, `res.failed()`, and conversions to bool of a result object.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && isa<CXXConversionDecl>(M))
      return truthiness(*MC->getImplicitObjectArgument());
    if (M && M->getIdentifier()) {
      if (successName(M->getName()))
        return Outcome::Success;
      if (failureName(M->getName()))
        return Outcome::Failure;
    }
    if (Calls.count(MC))
      return truthiness(*E);
    return Outcome::Unknown;
  }
  // `isRetryable(status)`, `succeeded(rc)`.
  if (const auto *C = dyn_cast<CallExpr>(E); C && !Calls.count(C)) {
    if (const FunctionDecl *FD = C->getDirectCallee(); FD && FD->getIdentifier()) {
      if (successName(FD->getName()))
        return Outcome::Success;
      if (failureName(FD->getName()))
        return Outcome::Failure;
    }
    return Outcome::Unknown;
  }
  return truthiness(*E);
}

} // namespace fallacy
