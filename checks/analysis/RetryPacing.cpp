// checks/analysis/RetryPacing.cpp: what bounds a retry (attempts, deadline, range, cancellation) and how it waits.
#include "analysis/AstUtil.h"
#include "analysis/RetryLoops.h"
#include "analysis/TuIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace llvm;

namespace fallacy {
namespace {

using VarSet = SmallPtrSet<const ValueDecl *, 8>;

const Expr *strip(const Expr *E) { return stripExpr(E); }

const ValueDecl *referenced(const Expr *E) {
  E = strip(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

// Variables and members that change while the loop runs; with \p CountersOnly,
// only those stepped by ++, --, += or -= (attempt counters, not results).
VarSet modifiedIn(const Stmt &Scope, bool CountersOnly = false) {
  struct Finder : RecursiveASTVisitor<Finder> {
    VarSet Vars;
    bool CountersOnly = false;
    bool VisitUnaryOperator(UnaryOperator *U) {
      if (U->isIncrementDecrementOp())
        if (const ValueDecl *D = referenced(U->getSubExpr()))
          Vars.insert(D);
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *B) {
      bool Step = B->getOpcode() == BO_AddAssign || B->getOpcode() == BO_SubAssign;
      if (B->isAssignmentOp() && (Step || !CountersOnly))
        if (const ValueDecl *D = referenced(B->getLHS()))
          Vars.insert(D);
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
      if (CountersOnly)
        return true;
      OverloadedOperatorKind K = C->getOperator();
      if ((K == OO_Equal || K == OO_PlusEqual || K == OO_MinusEqual || K == OO_StarEqual ||
           K == OO_SlashEqual || K == OO_LessLessEqual || K == OO_PlusPlus || K == OO_MinusMinus) &&
          C->getNumArgs() >= 1)
        if (const ValueDecl *D = referenced(C->getArg(0)))
          Vars.insert(D);
      return true;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  } F;
  F.CountersOnly = CountersOnly;
  F.TraverseStmt(const_cast<Stmt *>(&Scope));
  return F.Vars;
}

template <typename Pred> bool anySubExpr(const Expr &E, Pred &&P) {
  struct Finder : RecursiveASTVisitor<Finder> {
    Pred &P;
    bool Found = false;
    explicit Finder(Pred &P) : P(P) {}
    bool VisitExpr(Expr *E) {
      Found = Found || P(*E);
      return !Found;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  } F(P);
  F.TraverseStmt(const_cast<Expr *>(&E));
  return F.Found;
}

bool mentionsAny(const Expr &E, const VarSet &Vars) {
  return anySubExpr(E, [&](const Expr &S) {
    const ValueDecl *D = isa<DeclRefExpr>(S) || isa<MemberExpr>(S) ? referenced(&S) : nullptr;
    return D && Vars.count(D);
  });
}

// A clock of the models (`steady_clock::now()`, `time(nullptr)`, `absl::Now()`),
// or a function of the project named now(): a deadline needs no particular clock.
bool isClockRead(const Expr &E, const ApiModel &Model) {
  const auto *C = dyn_cast<CallExpr>(&E);
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return false;
  return Model.localClock(*C) || FD->getName() == "now" || FD->getName() == "Now";
}

// A clock read, a time value, or a variable set from one.
bool mentionsClock(const Expr &E, const ApiModel &Model, int Depth = 0) {
  return anySubExpr(E, [&](const Expr &S) {
    if (isClockRead(S, Model))
      return true;
    QualType T = S.getType();
    if (const auto *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl())
      if (RD->getIdentifier() && (RD->getName() == "time_point" || RD->getName() == "Time"))
        return true;
    if (Depth < 2)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(&S))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && V->getInit())
          return mentionsClock(*V->getInit(), Model, Depth + 1);
    return false;
  });
}

bool cancellationName(StringRef N) {
  std::string L = N.lower();
  StringRef S(L);
  return S.contains("stop") || S.contains("cancel") || S.contains("shutdown") || S.contains("quit") ||
         S.contains("abort");
}

// A comparison of a limit that does not change with 0 or -1: the code's own
// "unlimited" convention (`MaxAttempts == 0 || Attempt < MaxAttempts`).
bool isUnlimitedTest(const Expr &E, const VarSet &Modified, bool AsGuard) {
  const auto *B = dyn_cast<BinaryOperator>(strip(&E));
  if (!B || !B->isComparisonOp())
    return false;
  const Expr *L = B->getLHS(), *R = B->getRHS();
  Expr::EvalResult V;
  ASTContext *Unused = nullptr;
  (void)Unused;
  const Expr *Limit = nullptr, *Const = nullptr;
  if (isa<IntegerLiteral>(strip(R)) || isa<UnaryOperator>(strip(R)))
    Limit = L, Const = R;
  else if (isa<IntegerLiteral>(strip(L)))
    Limit = R, Const = L;
  if (!Limit || !referenced(Limit) || mentionsAny(*Limit, Modified))
    return false;
  const auto *Lit = dyn_cast<IntegerLiteral>(strip(Const));
  const auto *Neg = dyn_cast<UnaryOperator>(strip(Const));
  int64_t C = Lit ? Lit->getValue().getSExtValue()
              : Neg && Neg->getOpcode() == UO_Minus && isa<IntegerLiteral>(strip(Neg->getSubExpr()))
                  ? -cast<IntegerLiteral>(strip(Neg->getSubExpr()))->getValue().getSExtValue()
                  : 99;
  if (C != 0 && C != -1 && C != 1)
    return false;
  BinaryOperatorKind Op = B->getOpcode();
  // In a loop condition the unlimited case is a disjunct (`Max == 0 || ...`);
  // in an exit guard the limited case is a conjunct (`Max > 0 && ...`).
  if (!AsGuard)
    return Op == BO_EQ || Op == BO_LT || Op == BO_LE;
  return Op == BO_NE || Op == BO_GT || Op == BO_GE;
}

void splitTerms(const Expr &E, BinaryOperatorKind Op, SmallVectorImpl<const Expr *> &Out) {
  const Expr *S = strip(&E);
  if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->getOpcode() == Op) {
    splitTerms(*B->getLHS(), Op, Out);
    splitTerms(*B->getRHS(), Op, Out);
    return;
  }
  Out.push_back(S);
}

Retry::Bound boundKind(const Expr &Term, const VarSet &Modified, const ApiModel &Model) {
  const Expr *E = strip(&Term);
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot)
    E = strip(U->getSubExpr());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier()) {
      if (M->getName().contains_insensitive("expired"))
        return Retry::Bound::Deadline;
      if (cancellationName(M->getName()))
        return Retry::Bound::Cancellation;
    }
  }
  if (const ValueDecl *D = referenced(E); D && D->getIdentifier() && cancellationName(D->getName()))
    return Retry::Bound::Cancellation;
  bool Comparison = false;
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *RW = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    // C++20: `now() < deadline` on time points is a rewritten operator<=>.
    Comparison = true;
    L = RW->getLHS();
    R = RW->getRHS();
  } else if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isComparisonOp()) {
    Comparison = true;
    L = B->getLHS();
    R = B->getRHS();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
             OC && OC->getNumArgs() == 2 && OC->isComparisonOp()) {
    Comparison = true;
    L = OC->getArg(0);
    R = OC->getArg(1);
  }
  if (!Comparison)
    return Retry::Bound::None;
  if (mentionsClock(*L, Model) || mentionsClock(*R, Model))
    return Retry::Bound::Deadline;
  bool LM = mentionsAny(*L, Modified), RM = mentionsAny(*R, Modified);
  QualType Counter = (LM ? L : R)->IgnoreParenImpCasts()->getType();
  if (LM != RM && Counter->isIntegerType() && !Counter->isEnumeralType())
    return Retry::Bound::Attempts;
  return Retry::Bound::None;
}

} // namespace

void RetryFinder::findBound(const Stmt &Loop, Retry &R, const Stmt *BackEdge) {
  if (isa<CXXForRangeStmt>(Loop)) {
    R.BoundedBy = Retry::Bound::Range;
    R.BoundAt = &Loop;
    return;
  }
  // Attempt counters step; a result variable assigned each time is no bound.
  VarSet Modified = modifiedIn(Loop, /*CountersOnly=*/true);
  auto Consider = [&](const Expr &Cond, bool AsGuard, const Stmt *At) {
    SmallVector<const Expr *, 4> Terms;
    splitTerms(Cond, AsGuard ? BO_LOr : BO_LAnd, Terms);
    for (const Expr *T : Terms) {
      SmallVector<const Expr *, 4> Inner;
      splitTerms(*T, AsGuard ? BO_LAnd : BO_LOr, Inner);
      if (Inner.size() > 1 &&
          llvm::any_of(Inner, [&](const Expr *I) { return isUnlimitedTest(*I, Modified, AsGuard); })) {
        R.InfiniteLimitConvention = true;
        continue;
      }
      Retry::Bound B = Retry::Bound::None;
      for (const Expr *I : Inner) {
        Retry::Bound K = boundKind(*I, Modified, Model);
        // A disjunct bounds a loop condition only if every disjunct does.
        if (!AsGuard && Inner.size() > 1 && K == Retry::Bound::None) {
          B = Retry::Bound::None;
          break;
        }
        if (K != Retry::Bound::None && B == Retry::Bound::None)
          B = K;
      }
      if (B != Retry::Bound::None && R.BoundedBy == Retry::Bound::None) {
        R.BoundedBy = B;
        R.BoundAt = At;
      }
    }
  };
  const Expr *Cond = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    Cond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(&Loop))
    Cond = D->getCond();
  else if (const auto *F = dyn_cast<ForStmt>(&Loop))
    Cond = F->getCond();
  if (Cond)
    Consider(*Cond, /*AsGuard=*/false, Cond);
  // The ifs whose then-branch holds \p X, up to the loop.
  auto Guards = [&](const Stmt &X, bool AsGuard) {
    for (const Stmt *Child = &X; Child != &Loop;) {
      const Stmt *P = parentStmt(*Child, Ctx);
      if (!P)
        break;
      if (const auto *If = dyn_cast<IfStmt>(P); If && If->getThen() == Child)
        Consider(*If->getCond(), AsGuard, If);
      Child = P;
    }
  };
  // A goto's guards say when the next attempt starts, like a loop condition.
  if (BackEdge)
    Guards(*BackEdge, /*AsGuard=*/false);
  // Guards of the statements that leave the loop.
  for (const LoopExit &X : loopExits(loopBody(Loop)))
    if (!X.Continues)
      Guards(*X.S, /*AsGuard=*/true);
}

bool RetryFinder::isWait(const CallExpr &Call, const Expr *&Duration, unsigned Depth) {
  if (Model.isWait(Call, Duration))
    return true;
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD)
    return false;
  std::string Name = plainQualifiedName(*FD);
  if (llvm::any_of(Vocabulary.BackoffHelpers, [&](const std::string &H) { return nameMatches(Name, H); }))
    return true;
  // A helper of this project that sleeps: `backoff(attempt)`.
  const FunctionDecl *Def = TuIndex::definition(FD);
  const FunctionFacts *F = Def && Depth < 2 ? TuIndex::shared(Ctx).facts(Def) : nullptr;
  for (const CallExpr *C : F ? F->Calls : std::vector<const CallExpr *>()) {
    const Expr *Inner = nullptr;
    if (isWait(*C, Inner, Depth + 1)) {
      Duration = nullptr;
      return true;
    }
  }
  return false;
}

bool RetryFinder::isRandom(const Expr &E, const Stmt &Scope, unsigned Depth) {
  if (Depth > 3)
    return false;
  return anySubExpr(E, [&](const Expr &S) {
    if (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)) {
      if (Model.isRandomSource(S))
        return true;
      if (const FunctionDecl *Def = TuIndex::definition(calleeOf(S)))
        if (const FunctionFacts *F = TuIndex::shared(Ctx).facts(Def))
          for (const CallExpr *C : F->Calls)
            if (isRandom(*C, Scope, Depth + 1))
              return true;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(&S))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && V->getInit() && V->isLocalVarDecl())
        return isRandom(*V->getInit(), Scope, Depth + 1);
    return false;
  });
}

void RetryFinder::findWaits(const Stmt &Scope, Retry &R) {
  VarSet Modified = modifiedIn(Scope);
  // `auto Delay = Base * (1 << Attempt);` declared in the loop grows too.
  std::function<bool(const Expr &, int)> Grows = [&](const Expr &E, int Depth) {
    if (mentionsAny(E, Modified))
      return true;
    return Depth < 3 && anySubExpr(E, [&](const Expr &S) {
             const auto *DRE = dyn_cast<DeclRefExpr>(&S);
             const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
             return V && V->getInit() && V->isLocalVarDecl() &&
                    Scope.getSourceRange().fullyContains(V->getSourceRange()) &&
                    Grows(*V->getInit(), Depth + 1);
           });
  };
  for (const Expr *E : callsIn(Scope)) {
    const auto *Call = cast<CallExpr>(E);
    const Expr *Duration = nullptr;
    if (!isWait(*Call, Duration, 0))
      continue;
    R.Waits = true;
    R.WaitAt = R.WaitAt ? R.WaitAt : Call;
    std::string Name = Call->getDirectCallee() ? plainQualifiedName(*Call->getDirectCallee()) : "";
    if (llvm::any_of(Vocabulary.BackoffHelpers, [&](const std::string &H) { return nameMatches(Name, H); })) {
      R.Grows = R.Jitter = true;
      continue;
    }
    // A pause whose length (or the helper's arguments) depends on the attempt.
    const Expr *Basis = Duration ? Duration : Call;
    if (Grows(*Basis, 0))
      R.Grows = true;
    if (isRandom(*Basis, Scope, 0))
      R.Jitter = true;
    // A project helper may grow and randomise inside: `backoff.wait()`.
    if (!Duration)
      if (const FunctionDecl *Def = TuIndex::definition(Call->getDirectCallee()))
        if (Def->getBody()) {
          if (isRandom(*Call, Scope, 0))
            R.Jitter = true;
          if (!modifiedIn(*Def->getBody()).empty())
            R.Grows = true;
        }
  }
}

} // namespace fallacy
