// checks/analysis/RetryLoops.cpp: recognising retries by what their exits and conditions test.
#include "analysis/RetryLoops.h"
#include "analysis/AstUtil.h"
#include "analysis/CallPattern.h"
#include "analysis/Outcome.h"
#include "analysis/Values.h"
#include "analysis/Summary.h"
#include "analysis/TuIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace llvm;

namespace fallacy {

RetryFinder::RetryFinder(const ApiModel &Model, ASTContext &Ctx, RetryVocabulary Vocabulary)
    : Model(Model), Ctx(Ctx), Vocabulary(std::move(Vocabulary)), Remote(Model, Ctx),
      Elements(Model, Ctx, /*MaxConstant=*/0) {}

namespace {

bool isLoop(const Stmt &S) {
  return isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<ForStmt>(S) || isa<CXXForRangeStmt>(S);
}

const Expr *loopCondition(const Stmt &L) {
  if (const auto *W = dyn_cast<WhileStmt>(&L))
    return W->getCond();
  if (const auto *D = dyn_cast<DoStmt>(&L))
    return D->getCond();
  if (const auto *F = dyn_cast<ForStmt>(&L))
    return F->getCond();
  return nullptr;
}

// True when \p Call takes a variable that the loop sets from the call's own
// result (`cursor = redis.scan(cursor, ...)`, `page = next(page)`): each pass
// asks for the next part, which is iteration, not a retry of the same call.
bool advancesCursor(const Stmt &Loop, const Expr &Call) {
  struct Assigns : RecursiveASTVisitor<Assigns> {
    const Expr &Call;
    std::vector<const ValueDecl *> Vars;
    explicit Assigns(const Expr &Call) : Call(Call) {}
    void take(const Expr *LHS, const Expr *RHS) {
      const auto *Ref = LHS ? dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()) : nullptr;
      if (Ref && RHS && RHS->getSourceRange().fullyContains(Call.getSourceRange()))
        Vars.push_back(Ref->getDecl());
    }
    bool VisitBinaryOperator(BinaryOperator *B) {
      if (B->getOpcode() == BO_Assign)
        take(B->getLHS(), B->getRHS());
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *O) {
      if (O->getOperator() == OO_Equal && O->getNumArgs() == 2)
        take(O->getArg(0), O->getArg(1));
      return true;
    }
  } A(Call);
  A.TraverseStmt(const_cast<Stmt *>(&Loop));
  if (A.Vars.empty())
    return false;
  for (unsigned I = 0; const Expr *Arg = argOf(Call, I); ++I) {
    const auto *Ref = dyn_cast<DeclRefExpr>(stripExpr(Arg, StripCopies | StripCasts));
    if (Ref && llvm::is_contained(A.Vars, Ref->getDecl()))
      return true;
  }
  return false;
}

// True when a condition in \p Scope (an if, a loop condition, a case label)
// tests one of the models' local errors: the loop starts a call again after
// EINTR or would-block (waiting for readiness in between), which is how a
// blocking call is built, not a retry of a failed request.
bool testsLocalError(const Stmt &Scope, const ApiModel &Model, ASTContext &Ctx) {
  if (Model.localErrors().empty())
    return false;
  struct Conds : RecursiveASTVisitor<Conds> {
    std::vector<const Expr *> All;
    bool VisitIfStmt(IfStmt *S) { return add(S->getCond()); }
    bool VisitWhileStmt(WhileStmt *S) { return add(S->getCond()); }
    bool VisitDoStmt(DoStmt *S) { return add(S->getCond()); }
    bool VisitForStmt(ForStmt *S) { return add(S->getCond()); }
    bool VisitCaseStmt(CaseStmt *S) { return add(S->getLHS()); }
    bool VisitConditionalOperator(ConditionalOperator *C) { return add(C->getCond()); }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool add(const Expr *E) {
      if (E)
        All.push_back(E);
      return true;
    }
  } C;
  C.TraverseStmt(const_cast<Stmt *>(&Scope));
  return llvm::any_of(C.All, [&](const Expr *E) { return mentionsName(*E, Model.localErrors(), Ctx); });
}

} // namespace

// The polarity under which \p S runs inside \p Root: the conditions of the
// if statements around it, combined; Unrelated when none tests the results.
static Outcome guardOf(const Stmt &S, const Stmt &Root, const ResultTracker &T, ASTContext &Ctx) {
  Outcome Result = Outcome::Unrelated;
  for (const Stmt *Child = &S; Child != &Root;) {
    const Stmt *P = parentStmt(*Child, Ctx);
    if (!P)
      break;
    if (const auto *If = dyn_cast<IfStmt>(P); If && If->getCond() != Child) {
      Outcome O = T.classify(*If->getCond());
      if (If->getElse() == Child)
        O = negate(O);
      if (O == Outcome::Success || O == Outcome::Failure) {
        if (Result == Outcome::Unrelated || Result == Outcome::Unknown)
          Result = O;
        else if (Result != O)
          return Outcome::Unknown;
      } else if (O == Outcome::Unknown && Result == Outcome::Unrelated) {
        Result = Outcome::Unknown;
      }
    }
    Child = P;
  }
  return Result;
}

// True when \p Exit follows one of \p Calls inside the try block of a
// try statement within \p Loop whose handlers let the loop go on: success
// leaves, an exception starts the next attempt.
static bool exitAfterCaughtCall(const Stmt &ExitStmt, const Stmt &Loop,
                                ArrayRef<const Expr *> Calls, ASTContext &Ctx) {
  for (const Stmt *Child = &ExitStmt; Child != &Loop;) {
    const Stmt *P = parentStmt(*Child, Ctx);
    if (!P)
      return false;
    if (const auto *Try = dyn_cast<CXXTryStmt>(P); Try && Try->getTryBlock() == Child) {
      const SourceManager &SM = Ctx.getSourceManager();
      bool CallBefore = llvm::any_of(Calls, [&](const Expr *C) {
        return Try->getTryBlock()->getSourceRange().fullyContains(C->getSourceRange()) &&
               SM.isBeforeInTranslationUnit(C->getBeginLoc(), ExitStmt.getBeginLoc());
      });
      if (!CallBefore)
        return false;
      // A handler that rethrows or leaves ends the attempts instead.
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
        bool HandlerLeaves = llvm::any_of(loopExits(*Try->getHandler(I)->getHandlerBlock()),
                                          [](const LoopExit &E) { return !E.Continues; });
        if (!HandlerLeaves)
          return true;
      }
      return false;
    }
    Child = P;
  }
  return false;
}

// True when \p Name contains one of the models' stop words.
static bool stopNamed(StringRef Name, const ApiModel &Model) {
  std::string Lower = Name.lower();
  return llvm::any_of(Model.stopWords(),
                      [&](const std::string &W) { return StringRef(Lower).contains(W); });
}

// A loop whose condition is a stop flag or token: a service loop, not a
// retry. A flag is a boolean, an atomic or a stop token, or a variable of any
// integral type named with a stop word (`while (!s_interrupted)`); a method
// asked is `load()` of an atomic, a conversion, or one named with a stop word.
static bool isStopFlagLoop(const Expr *Cond, const ApiModel &Model) {
  if (!Cond)
    return false;
  const Expr *E = Cond->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && (M->getName() == "load" || stopNamed(M->getName(), Model)))
      E = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
    else if (M && isa<CXXConversionDecl>(M))
      E = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
    else
      return false;
  }
  const ValueDecl *D = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    D = DRE->getDecl();
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = ME->getMemberDecl();
  if (!D || !D->getIdentifier())
    return false;
  QualType T = D->getType().getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return T->isBooleanType() || (RD && RD->getName().contains("atomic")) ||
         (RD && RD->getName().contains("stop")) ||
         (T->isIntegralOrEnumerationType() && stopNamed(D->getName(), Model));
}

std::optional<Retry> RetryFinder::retryAt(const Stmt &S) {
  auto It = Memo.find(&S);
  if (It != Memo.end())
    return It->second;
  std::optional<Retry> R = compute(S);
  Memo[&S] = R;
  return R;
}

std::optional<Retry> RetryFinder::compute(const Stmt &S) {
  if (isLoop(S))
    return loopRetry(S);
  if (const auto *G = dyn_cast<GotoStmt>(&S))
    return gotoRetry(*G);
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    if (auto R = recursionRetry(*Call))
      return R;
    return helperRetry(*Call);
  }
  return std::nullopt;
}

// Whether the loop runs \p Calls again after they failed. \p PerElement: each
// iteration passes them another element of the data the loop walks, so going
// on after a failure moves to the next element; only leaving on success (the
// next replica is tried after a failure) makes such a loop a retry.
static bool retriesCalls(const Stmt &Loop, ArrayRef<const Expr *> Calls, bool PerElement,
                         ASTContext &Ctx, const ApiModel &Model) {
  ResultTracker T(Ctx, &Model);
  T.trackCalls(Calls, Loop);
  const Expr *Cond = loopCondition(Loop);
  if (Cond && T.classify(*Cond) == Outcome::Failure)
    return true; // `while (!ok)`, `do { ... } while (!s.ok())`.
  for (const LoopExit &E : loopExits(loopBody(Loop))) {
    Outcome G = guardOf(*E.S, Loop, T, Ctx);
    if (!E.Continues && G == Outcome::Success)
      return true; // Success leaves the loop, so failure goes round again.
    if (E.Continues && G == Outcome::Failure && !PerElement)
      return true; // Failure starts the next attempt.
    if (!E.Continues && G == Outcome::Unrelated && exitAfterCaughtCall(*E.S, Loop, Calls, Ctx))
      return true;
  }
  return false;
}

std::optional<Retry> RetryFinder::loopRetry(const Stmt &Loop) {
  Retry R;
  R.Where = &Loop;
  std::vector<const Expr *> Elsewhere;
  for (const Expr *C : callsIn(Loop, /*Constructions=*/true)) {
    RemoteSite Site = Remote.of(*C);
    // A server's accept loop serves the next client; it retries nothing.
    if (Site.Call == C && calleeOf(*C) && Site.Op->accepts(callableName(*calleeOf(*C))))
      continue;
    if (Site.Call) {
      R.Retried.push_back(C);
      R.Sites.push_back(Site);
    } else if (Remote.decidedElsewhere(*C)) {
      Elsewhere.push_back(C);
    }
  }
  // A loop around the project's own client (`while (true)` around
  // `client.put(...)`, defined in another file) retries it if it is remote.
  if (R.Retried.empty())
    for (const Expr *C : Elsewhere)
      if (std::string Usr = usrOf(*calleeOf(*C)); !Usr.empty()) {
        R.Retried.push_back(C);
        R.Sites.push_back({});
        R.RequiresRemote.push_back(std::move(Usr));
      }
  if (R.Retried.empty())
    return std::nullopt;
  // Paging through results with a cursor the call returns moves on each pass.
  if (llvm::all_of(R.Retried, [&](const Expr *C) { return advancesCursor(Loop, *C); }))
    return std::nullopt;
  // Starting a call again after EINTR or would-block is not a retry.
  if (testsLocalError(Loop, Model, Ctx))
    return std::nullopt;
  // Loops that run while a stop flag says so serve until shut down; but a
  // flag that holds the remote call's own result (`while (!Ok) Ok = send();`)
  // is the retry's condition.
  if (const Expr *Cond = loopCondition(Loop); isStopFlagLoop(Cond, Model)) {
    ResultTracker T(Ctx, &Model);
    T.trackCalls(R.Retried, Loop);
    if (T.classify(*Cond) != Outcome::Failure)
      return std::nullopt;
  }
  bool PerElement = true;
  std::vector<const CallExpr *> ForEach = Elements.usingElement(Loop);
  for (const Expr *C : R.Retried)
    PerElement &= llvm::is_contained(ForEach, C);
  if (!retriesCalls(Loop, R.Retried, PerElement, Ctx, Model))
    return std::nullopt;
  findBound(Loop, R);
  findWaits(Loop, R);
  return R;
}

// `again: ... if (failed) goto again;`: a back-edge taken when the remote
// calls between the label and the goto failed.
std::optional<Retry> RetryFinder::gotoRetry(const GotoStmt &Goto) {
  const LabelStmt *Label = Goto.getLabel() ? Goto.getLabel()->getStmt() : nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Label || !SM.isBeforeInTranslationUnit(Label->getBeginLoc(), Goto.getBeginLoc()))
    return std::nullopt; // A forward jump repeats nothing.
  // The innermost block that holds both the label and the goto.
  const Stmt *Root = &Goto;
  for (;;) {
    const Stmt *P = parentStmt(*Root, Ctx);
    if (!P)
      return std::nullopt;
    Root = P;
    if (isa<CompoundStmt>(Root) && Root->getSourceRange().fullyContains(Label->getSourceRange()))
      break;
  }
  if (!isa<CompoundStmt>(Root))
    return std::nullopt;
  Retry R;
  R.Where = &Goto;
  for (const Expr *C : callsIn(*Root, /*Constructions=*/true)) {
    if (SM.isBeforeInTranslationUnit(C->getBeginLoc(), Label->getBeginLoc()) ||
        !SM.isBeforeInTranslationUnit(C->getBeginLoc(), Goto.getBeginLoc()))
      continue;
    RemoteSite Site = Remote.of(*C);
    if (!Site.Call)
      continue;
    R.Retried.push_back(C);
    R.Sites.push_back(Site);
  }
  if (R.Retried.empty())
    return std::nullopt;
  if (testsLocalError(*Root, Model, Ctx))
    return std::nullopt;
  ResultTracker T(Ctx, &Model);
  T.trackCalls(R.Retried, *Root);
  if (guardOf(Goto, *Root, T, Ctx) != Outcome::Failure)
    return std::nullopt;
  findBound(*Root, R, &Goto);
  findWaits(*Root, R);
  return R;
}

std::optional<Retry> RetryFinder::recursionRetry(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const auto *Caller = dyn_cast_or_null<FunctionDecl>(TuIndex::shared(Ctx).enclosing(&Call));
  if (!Callee || !Caller || Callee->getCanonicalDecl() != Caller->getCanonicalDecl() ||
      !Caller->getBody())
    return std::nullopt;
  const FunctionFacts *F = TuIndex::shared(Ctx).facts(Caller);
  Retry R;
  R.How = Retry::Shape::Recursion;
  R.Where = &Call;
  for (const CallExpr *C : F ? F->Calls : std::vector<const CallExpr *>()) {
    if (C == &Call)
      continue;
    RemoteSite Site = Remote.of(*C);
    if (Site.Call) {
      R.Retried.push_back(C);
      R.Sites.push_back(Site);
    }
  }
  if (R.Retried.empty())
    return std::nullopt;
  ResultTracker T(Ctx, &Model);
  T.trackCalls(R.Retried, *Caller->getBody());
  if (guardOf(Call, *Caller->getBody(), T, Ctx) != Outcome::Failure)
    return std::nullopt;
  // Bounded when an argument counts attempts that a guard compares:
  // `fetch(x, Attempts - 1)` with `if (Attempts == 0) return ...`.
  for (unsigned I = 0; I < Call.getNumArgs() && I < Caller->getNumParams(); ++I) {
    const auto *B = dyn_cast<BinaryOperator>(Call.getArg(I)->IgnoreParenImpCasts());
    const auto *U = dyn_cast<UnaryOperator>(Call.getArg(I)->IgnoreParenImpCasts());
    const Expr *Operand = B && (B->getOpcode() == BO_Sub || B->getOpcode() == BO_Add)
                              ? B->getLHS()
                          : U && U->isIncrementDecrementOp() ? U->getSubExpr()
                                                             : nullptr;
    const auto *DRE = Operand ? dyn_cast<DeclRefExpr>(Operand->IgnoreParenImpCasts()) : nullptr;
    if (DRE && DRE->getDecl() == Caller->getParamDecl(I)) {
      R.BoundedBy = Retry::Bound::Attempts;
      R.BoundAt = &Call;
    }
  }
  findWaits(*Caller->getBody(), R);
  return R;
}

const RetryFinder::HelperInfo &RetryFinder::helper(const FunctionDecl &FD) {
  auto It = Helpers.find(&FD);
  if (It != Helpers.end())
    return It->second;
  HelperInfo &Info = Helpers[&FD];
  const FunctionFacts *F = TuIndex::shared(Ctx).facts(&FD);
  if (!F)
    return Info;
  for (unsigned P = 0; P < FD.getNumParams() && !Info.IsHelper; ++P) {
    const ParmVarDecl *Param = FD.getParamDecl(P);
    // Calls of the callable parameter: `fn()`, `std::invoke(fn)`, `fn(args)`.
    std::vector<const Expr *> Invocations;
    for (const CallExpr *C : F->Calls) {
      const Expr *Target = nullptr;
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C); OC && OC->getOperator() == OO_Call)
        Target = OC->getArg(0);
      else if (C->getDirectCallee() && C->getDirectCallee()->isInStdNamespace() &&
               C->getDirectCallee()->getIdentifier() &&
               C->getDirectCallee()->getName() == "invoke" && C->getNumArgs() > 0)
        Target = C->getArg(0);
      else
        Target = C->getCallee();
      const auto *DRE = Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()) : nullptr;
      if (DRE && DRE->getDecl() == Param)
        Invocations.push_back(C);
    }
    if (Invocations.empty())
      continue;
    // The loop around the invocations must retry them.
    for (const Expr *Inv : Invocations) {
      for (const Stmt *Child = Inv;;) {
        const Stmt *Parent = parentStmt(*Child, Ctx);
        if (!Parent)
          break;
        if (isLoop(*Parent) && retriesCalls(*Parent, Invocations, /*PerElement=*/false, Ctx, Model)) {
          Info.IsHelper = true;
          Info.CallableParam = P;
          Info.Shape.Where = Parent;
          findBound(*Parent, Info.Shape);
          findWaits(*Parent, Info.Shape);
          break;
        }
        Child = Parent;
      }
      if (Info.IsHelper)
        break;
    }
  }
  return Info;
}

std::optional<Retry> RetryFinder::helperRetry(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  Retry R;
  R.How = Retry::Shape::Helper;
  R.Where = &Call;
  int CallableArg = -1;
  std::string Name = plainQualifiedName(*Callee);
  bool Named = llvm::any_of(Vocabulary.RetryHelpers,
                            [&](const std::string &H) { return nameMatches(Name, H); });
  if (Named) {
    // A library helper we cannot see: its bound and pacing are its own.
    R.BoundedBy = Retry::Bound::Unknown;
    R.Waits = R.Grows = R.Jitter = true;
    for (unsigned I = 0; I < Call.getNumArgs() && CallableArg < 0; ++I) {
      QualType T = Call.getArg(I)->IgnoreParenImpCasts()->getType();
      if (const auto *RD = T->getAsCXXRecordDecl(); RD && (RD->isLambda() || RD->getName() == "function"))
        CallableArg = I;
    }
  } else if (const FunctionDecl *Def = TuIndex::definition(Callee)) {
    const HelperInfo &Info = helper(*Def);
    if (!Info.IsHelper)
      return std::nullopt;
    // A template instantiated with the lambda's own type: its loop sees the
    // lambda's remote calls and is reported there, once for every caller.
    if (const auto *RD = Def->getParamDecl(Info.CallableParam)
                             ->getType()
                             .getNonReferenceType()
                             ->getAsCXXRecordDecl();
        RD && RD->isLambda())
      return std::nullopt;
    R.BoundedBy = Info.Shape.BoundedBy;
    R.BoundAt = Info.Shape.BoundAt;
    R.InfiniteLimitConvention = Info.Shape.InfiniteLimitConvention;
    R.Waits = Info.Shape.Waits;
    R.Grows = Info.Shape.Grows;
    R.Jitter = Info.Shape.Jitter;
    R.WaitAt = Info.Shape.WaitAt;
    CallableArg = Info.CallableParam;
  }
  if (CallableArg < 0 || static_cast<unsigned>(CallableArg) >= Call.getNumArgs())
    return std::nullopt;
  // The callable: a lambda written in the call, or a function named there.
  const Expr *Arg = Call.getArg(CallableArg)->IgnoreImplicit();
  for (const auto *C = dyn_cast<CXXConstructExpr>(Arg); C && C->getNumArgs() == 1;
       C = dyn_cast<CXXConstructExpr>(Arg))
    Arg = C->getArg(0)->IgnoreImplicit();
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Arg))
    Arg = M->getSubExpr()->IgnoreImplicit();
  const Decl *Body = nullptr;
  if (const auto *L = dyn_cast<LambdaExpr>(Arg))
    Body = L->getCallOperator();
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      Body = TuIndex::definition(FD);
  const FunctionFacts *F = Body ? TuIndex::shared(Ctx).facts(Body) : nullptr;
  if (!F)
    return std::nullopt;
  for (const CallExpr *C : F->Calls)
    if (RemoteSite Site = Remote.of(*C); Site.Call) {
      R.Retried.push_back(C);
      R.Sites.push_back(Site);
    }
  if (R.Retried.empty())
    return std::nullopt;
  return R;
}

} // namespace fallacy
