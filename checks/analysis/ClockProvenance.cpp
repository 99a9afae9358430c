// checks/analysis/ClockProvenance.cpp: following time values from the clock that made them.
#include "analysis/ClockProvenance.h"
#include "analysis/AstUtil.h"
#include "analysis/TuIndex.h"
#include "analysis/Values.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace llvm;

namespace fallacy {
namespace {

constexpr unsigned MaxDepth = 10;

const Expr *strip(const Expr *E) { return stripExpr(E, StripCasts); }

StringRef className(const FunctionDecl &FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD))
    if (const IdentifierInfo *II = MD->getParent()->getIdentifier())
      return II->getName();
  return "";
}

bool isDurationType(QualType T) {
  const auto *RD = T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "duration";
}

Provenance durationValue() {
  Provenance P;
  P.K = Provenance::Kind::Duration;
  return P;
}

} // namespace

ClockProvenance::ClockProvenance(const ApiModel &Model, ASTContext &Ctx, ClockOptions O)
    : Model(Model), Ctx(Ctx), Opts(std::move(O)), TimeName(Opts.TimeFieldPattern, Regex::IgnoreCase) {}

bool ClockProvenance::timeNamed(StringRef Name) const { return !Name.empty() && TimeName.match(Name); }

Provenance ClockProvenance::merge(const Provenance &A, const Provenance &B) {
  // A time (or a column that may hold one) wins over a constant or a
  // duration on the other branch: `Ok ? column : 0` still carries the column.
  auto Weight = [](const Provenance &P) {
    return P.isTime() ? 3 : P.What == "untyped" ? 2 : P.K == Provenance::Kind::Duration ? 1 : 0;
  };
  if (Weight(A) < Weight(B))
    return B;
  if (Weight(B) < Weight(A))
    return A;
  // Different clocks through one variable: the first one decides, a guess
  // we only make for reporting what a value may be.
  return A;
}

Provenance ClockProvenance::of(const Expr &E) { return compute(E, 0); }

Provenance ClockProvenance::remoteRead(const Expr &Object, const Stmt &At, StringRef What) {
  Provenance P;
  P.K = Provenance::Kind::Remote;
  HandleRoot Root = modelRootOf(&Object, Model);
  P.Source = Root.K == HandleRoot::Kind::Var ? static_cast<const void *>(Root.Var)
             : !Root.Path.empty()            ? static_cast<const void *>(Root.Path.back())
             : Root.Call                     ? static_cast<const void *>(Root.Call)
                                             : static_cast<const void *>(&At);
  P.Origin = &At;
  P.What = What.str();
  return P;
}

Provenance ClockProvenance::fromCall(const CallExpr &Call, unsigned Depth) {
  Provenance P;
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD)
    return P;
  StringRef Name = FD->getIdentifier() ? FD->getName() : "";
  StringRef Class = className(*FD);
  // This host's clocks (the models' "clocks"); the project's own now() is
  // judged by what it returns (below).
  if (const LocalClock *LC = Model.localClock(Call); LC && LC->OutArg < 0) {
    P.K = LC->Monotonic ? Provenance::Kind::LocalMono : Provenance::Kind::LocalWall;
    P.Origin = &Call;
    P.What = (Class.empty() ? Name : (Class + "::" + Name)).str() + "()";
    return P;
  }
  // The user's mark: this function's result is a peer's time.
  if (StringRef Mark = Model.mark("remoteClock"); !Mark.empty() && hasAnnotation(*FD, Mark))
    return remoteRead(Call, Call, "'" + Name.str() + "()'");
  // Reads out of messages, responses and rows.
  if (const ClockRead *R = Model.clockRead(Call)) {
    const Expr *From = R->From.of(Call);
    std::string Key;
    if (R->KeyFromName)
      Key = Name.str();
    else if (const Expr *K = R->KeyArg >= 0 ? argOf(Call, R->KeyArg) : nullptr) {
      if (std::optional<std::string> Text = literalText(*K))
        Key = *Text;
      else if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(K)))
        Key = DRE->getDecl()->getNameAsString(); // http::field::date
    }
    bool Writer = llvm::any_of(R->WriterPrefixes, [&](const std::string &W) { return Name.starts_with(W); });
    QualType Result = Call.getType();
    const auto *RD = Result.isNull() ? nullptr : Result.getNonReferenceType()->getAsCXXRecordDecl();
    bool TimestampTyped = RD && !R->TimestampType.empty() && plainQualifiedName(*RD) == R->TimestampType;
    bool KeyIsTime = R->Keys.empty() ? timeNamed(Key) : llvm::is_contained(R->Keys, Key);
    if (From && !Writer && !R->Untyped && (TimestampTyped || KeyIsTime))
      return remoteRead(*From, Call, "'" + Key + "'");
    if (From && R->Untyped) {
      // A column or field of unknown meaning: a time only when stored under a
      // time-like name (see ofVar and ofField).
      P = remoteRead(*From, Call, "");
      P.K = Provenance::Kind::None;
      P.What = "untyped";
      return P;
    }
  }
  // Conversions and unwrapping keep the clock.
  if (Model.isTimeConversion(Name)) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&Call))
      return compute(*MC->getImplicitObjectArgument(), Depth + 1);
    if (Call.getNumArgs() > 0)
      return compute(*Call.getArg(0), Depth + 1);
  }
  // Arithmetic on chrono types: time_point +/- duration, time_point - time_point.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    if ((OC->getOperator() == OO_Plus || OC->getOperator() == OO_Minus) && OC->getNumArgs() == 2) {
      Provenance L = compute(*OC->getArg(0), Depth + 1), R = compute(*OC->getArg(1), Depth + 1);
      if (L.isTime() && R.isTime())
        return durationValue();
      return L.isTime() ? L : R.isTime() ? R : durationValue();
    }
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      return compute(*OC->getArg(1), Depth + 1);
    if (OC->getOperator() == OO_Subscript || OC->getOperator() == OO_Call)
      return P;
  }
  // A function of this project: what it returns.
  if (const FunctionDecl *Def = TuIndex::definition(FD))
    if (!isLibraryLocation(Def->getLocation(), Ctx.getSourceManager()))
      return ofReturn(*Def, Depth + 1);
  return P;
}

Provenance ClockProvenance::compute(const Expr &Raw, unsigned Depth) {
  Provenance P;
  const Expr *E = strip(&Raw);
  if (!E || Depth > MaxDepth)
    return P;
  if (isa<IntegerLiteral>(E) || isa<FloatingLiteral>(E) || isDurationType(E->getType())) {
    // A constant or a length of time (but a duration holding a time since the
    // epoch keeps its clock, below).
    if (!isa<CXXConstructExpr>(E) && !isa<CallExpr>(E) && !isa<DeclRefExpr>(E) && !isa<MemberExpr>(E))
      return durationValue();
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (isa<VarDecl>(DRE->getDecl()))
      P = ofVar(*DRE->getDecl(), Depth + 1);
    if (P.K == Provenance::Kind::None && isDurationType(E->getType()))
      P.K = Provenance::Kind::Duration;
    return P;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (isa<FieldDecl>(ME->getMemberDecl()))
      P = ofField(*ME->getMemberDecl(), Depth + 1);
    // `tv.tv_sec` of a timeval filled by gettimeofday: the object's clock.
    if (P.K == Provenance::Kind::None)
      P = compute(*ME->getBase(), Depth + 1);
    return P;
  }
  if (const auto *C = dyn_cast<CallExpr>(E))
    return fromCall(*C, Depth);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
    // time_point(duration), milliseconds(count), copies: the argument's clock.
    if (C->getNumArgs() >= 1) {
      Provenance A = compute(*C->getArg(0), Depth + 1);
      if (A.K != Provenance::Kind::None)
        return A;
    }
    return isDurationType(C->getType()) ? durationValue() : P;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    switch (B->getOpcode()) {
    case BO_Add:
    case BO_Sub: {
      Provenance L = compute(*B->getLHS(), Depth + 1), R = compute(*B->getRHS(), Depth + 1);
      if (L.isTime() && R.isTime()) {
        if (B->getOpcode() == BO_Sub)
          return durationValue();
        // Two points in time cannot be added: one side is a length of time
        // that merely looks like one (OAuth's `expires_in` plus `time()`).
        // This host's reading is the point.
        return R.K != Provenance::Kind::Remote && L.K == Provenance::Kind::Remote ? R : L;
      }
      return L.isTime() ? L : R.isTime() ? R : durationValue();
    }
    case BO_Mul:
    case BO_Div: {
      // Unit conversions: ms * 1000, seconds / 60.
      Provenance L = compute(*B->getLHS(), Depth + 1);
      if (L.isTime())
        return L;
      return compute(*B->getRHS(), Depth + 1);
    }
    case BO_Assign:
    case BO_Comma:
      return compute(*B->getRHS(), Depth + 1);
    default:
      return P;
    }
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return merge(compute(*CO->getTrueExpr(), Depth + 1), compute(*CO->getFalseExpr(), Depth + 1));
  return P;
}

Provenance ClockProvenance::ofVar(const ValueDecl &D, unsigned Depth) {
  auto It = Memo.find(&D);
  if (It != Memo.end())
    return It->second;
  if (Busy.lookup(&D) || Depth > MaxDepth)
    return {};
  Busy[&D] = true;
  Provenance P;
  const auto *V = cast<VarDecl>(&D);
  const TuIndex &Index = TuIndex::shared(Ctx);
  // Text or numbers of unknown meaning (an SQL column) are a peer's time
  // when the variable's name says so.
  auto Take = [&](const Expr &E) {
    Provenance Q = compute(E, Depth + 1);
    if (Q.What == "untyped") {
      if (!timeNamed(D.getName()))
        return;
      Q.K = Provenance::Kind::Remote;
      Q.What = "'" + D.getNameAsString() + "'";
    }
    P = merge(P, Q);
  };
  if (const auto *Param = dyn_cast<ParmVarDecl>(V)) {
    // A parameter: what the callers in this unit pass.
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(Param->getParentFunctionOrMethod()))
      for (const CallSite &CS : Index.callers(FD)) {
        unsigned I = Param->getFunctionScopeIndex() + CS.FirstArg;
        if (I < CS.Call->getNumArgs())
          Take(*CS.Call->getArg(I));
      }
  } else {
    if (V->getInit())
      Take(*V->getInit());
    if (const auto *Owner = dyn_cast_or_null<Decl>(V->getParentFunctionOrMethod()))
      if (const FunctionFacts *F = Index.facts(Owner)) {
        for (const BinaryOperator *B : F->Assignments)
          if (const auto *L = dyn_cast<DeclRefExpr>(strip(B->getLHS())); L && L->getDecl() == &D)
            Take(*B->getRHS());
        // gettimeofday(&tv, ...) and clock_gettime(CLOCK_..., &ts) fill a struct.
        for (const CallExpr *C : F->Calls) {
          const LocalClock *LC = Model.localClock(*C);
          if (!LC || LC->OutArg < 0 || static_cast<unsigned>(LC->OutArg) >= C->getNumArgs())
            continue;
          const auto *U = dyn_cast<UnaryOperator>(strip(C->getArg(LC->OutArg)));
          const auto *R = U ? dyn_cast<DeclRefExpr>(strip(U->getSubExpr())) : nullptr;
          if (!R || R->getDecl() != &D)
            continue;
          bool Mono = LC->Monotonic && !(LC->WallWhen.present() && LC->WallWhen.holds(*C, Ctx) == true);
          Provenance Q;
          Q.K = Mono ? Provenance::Kind::LocalMono : Provenance::Kind::LocalWall;
          Q.Origin = C;
          Q.What = (C->getDirectCallee() ? C->getDirectCallee()->getNameAsString() : "") + "()";
          P = merge(P, Q);
        }
      }
  }
  Busy[&D] = false;
  return Memo[&D] = P;
}

Provenance ClockProvenance::ofField(const ValueDecl &Field, unsigned Depth) {
  auto It = Memo.find(&Field);
  if (It != Memo.end())
    return It->second;
  if (Busy.lookup(&Field) || Depth > MaxDepth)
    return {};
  Busy[&Field] = true;
  Provenance P;
  auto Take = [&](const Expr &E) {
    Provenance Q = compute(E, Depth + 1);
    if (Q.What == "untyped") {
      if (!timeNamed(Field.getName()))
        return;
      Q.K = Provenance::Kind::Remote;
      Q.What = "'" + Field.getNameAsString() + "'";
    }
    P = merge(P, Q);
  };
  // Every place of this unit that stores into the member.
  const TuIndex &Index = TuIndex::shared(Ctx);
  for (const auto &Entry : Index.allFacts()) {
    const FunctionFacts &F = *Entry;
    for (const BinaryOperator *B : F.Assignments)
      if (const auto *L = dyn_cast<MemberExpr>(strip(B->getLHS())); L && L->getMemberDecl() == &Field)
        Take(*B->getRHS());
    for (const CXXCtorInitializer *Init : F.MemberInits)
      if (Init->getMember() == &Field)
        Take(*Init->getInit());
    for (const InitListExpr *L : F.InitLists) {
      const auto *RD = L->getType()->getAsRecordDecl();
      const auto *FD = dyn_cast<FieldDecl>(&Field);
      if (!RD || !FD || FD->getParent() != RD || FD->getFieldIndex() >= L->getNumInits())
        continue;
      Take(*L->getInit(FD->getFieldIndex()));
    }
  }
  Busy[&Field] = false;
  return Memo[&Field] = P;
}

Provenance ClockProvenance::ofReturn(const Decl &Func, unsigned Depth) {
  auto It = Memo.find(&Func);
  if (It != Memo.end())
    return It->second;
  if (Busy.lookup(&Func) || Depth > MaxDepth)
    return {};
  Busy[&Func] = true;
  Provenance P;
  if (const FunctionFacts *F = TuIndex::shared(Ctx).facts(&Func))
    for (const ReturnStmt *R : F->Returns)
      if (R->getRetValue())
        P = merge(P, compute(*R->getRetValue(), Depth + 1));
  Busy[&Func] = false;
  return Memo[&Func] = P;
}

} // namespace fallacy
