// checks/WallClockDurationCheck.cpp: reports wall-clock durations and offers steady_clock.
#include "WallClockDurationCheck.h"
#include "analysis/AstUtil.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace fallacy {
namespace {

const Expr *strip(const Expr *E) { return stripExpr(E, StripConstructions); }

// The `system_clock` in `std::chrono::system_clock::now()`, when written so.
std::optional<CharSourceRange> clockNameOf(const Stmt *Origin, const ASTContext &Ctx) {
  const auto *Call = dyn_cast_or_null<CallExpr>(Origin);
  const auto *Ref = Call ? dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreImpCasts()) : nullptr;
  if (!Ref || !Ref->getQualifierLoc())
    return std::nullopt;
  NestedNameSpecifierLoc Q = Ref->getQualifierLoc();
  SourceRange R = Q.getLocalSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID())
    return std::nullopt;
  CharSourceRange Name = CharSourceRange::getTokenRange(R.getBegin(), R.getBegin());
  if (Lexer::getSourceText(Name, Ctx.getSourceManager(), Ctx.getLangOpts()) != "system_clock")
    return std::nullopt;
  return Name;
}

// Uses that keep a time point a local stopwatch reading: arithmetic,
// comparisons, duration_cast. Anything else (to_time_t, a log line, a gRPC
// deadline, a member, a return) needs wall-clock time.
bool onlyLocalUses(const VarDecl &V, const FunctionDecl &F, ASTContext &Ctx) {
  struct Uses : RecursiveASTVisitor<Uses> {
    const VarDecl &V;
    ASTContext &Ctx;
    bool Ok = true;
    Uses(const VarDecl &V, ASTContext &Ctx) : V(V), Ctx(Ctx) {}
    bool VisitDeclRefExpr(DeclRefExpr *D) {
      if (D->getDecl() != &V)
        return true;
      DynTypedNode Node = DynTypedNode::create(*D);
      for (int Depth = 0; Depth < 8; ++Depth) {
        DynTypedNodeList P = Ctx.getParents(Node);
        if (P.empty())
          break;
        Node = P[0];
        if (P[0].get<ImplicitCastExpr>() || P[0].get<MaterializeTemporaryExpr>() ||
            P[0].get<ParenExpr>() || P[0].get<CXXConstructExpr>())
          continue;
        if (const auto *B = P[0].get<BinaryOperator>())
          Ok &= B->isAdditiveOp() || B->isComparisonOp() || B->isAssignmentOp();
        else if (const auto *OC = P[0].get<CXXOperatorCallExpr>())
          Ok &= OC->isComparisonOp() || OC->getOperator() == OO_Plus ||
                OC->getOperator() == OO_Minus || OC->getOperator() == OO_Equal ||
                OC->getOperator() == OO_PlusEqual || OC->getOperator() == OO_MinusEqual;
        else if (const auto *C = P[0].get<CallExpr>()) {
          const FunctionDecl *FD = C->getDirectCallee();
          StringRef N = FD && FD->getIdentifier() ? FD->getName() : "";
          Ok &= N == "duration_cast" || N == "time_point_cast" || N == "max" || N == "min";
        } else
          Ok = false;
        break;
      }
      return Ok;
    }
  } U(V, Ctx);
  U.TraverseStmt(F.getBody());
  return U.Ok;
}

} // namespace

void WallClockDurationCheck::onTimes(const Expr &Sink, bool Subtraction, const Expr &L,
                                     const Provenance &PL, const Expr &R, const Provenance &PR,
                                     ASTContext &Ctx) {
  if (PL.K != Provenance::Kind::LocalWall || PR.K != Provenance::Kind::LocalWall)
    return;
  SourceLocation Loc = Ctx.getSourceManager().getExpansionLoc(Sink.getExprLoc());
  if (!firstReport(Loc))
    return;
  // The fix: both readings from steady_clock, when nothing needs them as
  // wall-clock time and the variables holding them are declared with auto.
  std::vector<FixItHint> Fixes;
  const FunctionDecl *F = enclosingFunction(Sink, Ctx);
  bool Fixable = F != nullptr;
  for (const auto &[Operand, Prov] : {std::pair{&L, &PL}, std::pair{&R, &PR}}) {
    std::optional<CharSourceRange> Clock = clockNameOf(Prov->Origin, Ctx);
    Fixable &= Clock.has_value();
    if (!Fixable)
      break;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(strip(Operand))) {
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      Fixable &= V && V->isLocalVarDecl() && V->getType()->getContainedAutoType() &&
                 onlyLocalUses(*V, *F, Ctx);
    }
    if (Fixable && llvm::none_of(Fixes, [&](const FixItHint &H) {
          return H.RemoveRange.getBegin() == Clock->getBegin();
        }))
      Fixes.push_back(FixItHint::CreateReplacement(*Clock, "steady_clock"));
  }
  {
    auto D = diag(Loc, Subtraction
                           ? "elapsed time measured on the wall clock: an NTP step makes it "
                             "negative or huge"
                           : "timeout checked against the wall clock: an NTP step makes it fire "
                             "early or never")
             << Sink.getSourceRange();
    if (Fixable)
      for (const FixItHint &H : Fixes)
        D << H;
  }
  noteOrigin(PL, "read from the wall clock here");
  if (PR.Origin != PL.Origin)
    noteOrigin(PR, "and here");
  if (!Fixable)
    diag(Loc, "measure durations with std::chrono::steady_clock (CLOCK_MONOTONIC), which never "
              "jumps", DiagnosticIDs::Note);
}

} // namespace fallacy
