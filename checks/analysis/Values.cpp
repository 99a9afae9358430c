// checks/analysis/Values.cpp: evaluating the constant arguments timeouts are made of.
#include "analysis/Values.h"
#include "analysis/AstUtil.h"
#include "analysis/CallPattern.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace llvm;

namespace fallacy {

namespace {

const Expr *stripValue(const Expr *E) { return stripExpr(E, StripCasts | StripCopies); }

// The initialiser of a const (or constexpr) variable stands for the variable.
const Expr *constInit(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->getType().isConstQualified() && VD->getInit())
        return stripValue(VD->getInit());
  return nullptr;
}

// std::chrono::duration<Rep, std::ratio<Num, Den>>: milliseconds per unit.
std::optional<std::pair<int64_t, int64_t>> durationRatio(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || plainQualifiedName(*Spec) != "std::chrono::duration")
    return std::nullopt;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 2 || Args[1].getKind() != TemplateArgument::Type)
    return std::nullopt;
  const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Args[1].getAsType()->getAsCXXRecordDecl());
  if (!Ratio || Ratio->getTemplateArgs().size() < 2)
    return std::nullopt;
  const TemplateArgument &N = Ratio->getTemplateArgs()[0], &D = Ratio->getTemplateArgs()[1];
  if (N.getKind() != TemplateArgument::Integral || D.getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return std::make_pair(N.getAsIntegral().getExtValue() * 1000, D.getAsIntegral().getExtValue());
}

} // namespace

bool NoneValues::matches(const Expr &Value, const ASTContext &Ctx) const {
  const Expr *E = stripValue(&Value);
  for (int Depth = 0; E && Depth < 4; ++Depth) {
    if (Null && E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                         Expr::NPC_ValueDependentIsNotNull))
      return true;
    if (!E->isValueDependent() && !Integers.empty() && E->getType()->isIntegralOrEnumerationType()) {
      Expr::EvalResult R;
      if (E->EvaluateAsInt(R, Ctx))
        return llvm::is_contained(Integers, R.Val.getInt().getExtValue());
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (const FunctionDecl *FD = Call->getDirectCallee()) {
        std::string Q = plainQualifiedName(*FD);
        return llvm::any_of(Callees, [&](const std::string &C) { return nameMatches(Q, C); });
      }
      return false;
    }
    E = constInit(E);
  }
  return false;
}

std::optional<int64_t> constantMs(const Expr &Value, StringRef Unit, const ASTContext &Ctx) {
  const Expr *E = stripValue(&Value);
  for (int Depth = 0; E && Depth < 4; ++Depth) {
    if (auto Ratio = durationRatio(E->getType())) {
      // seconds(5), 5s, duration<long>(5): the single argument is the count.
      const Expr *Count = nullptr;
      if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() == 1)
        Count = C->getArg(0);
      else if (const auto *U = dyn_cast<UserDefinedLiteral>(E)) {
        // `5s` from a `template <char...>` literal operator has no argument:
        // the value is in the literal's spelling.
        Count = U->getNumArgs() ? U->getCookedLiteral() : nullptr;
        if (!Count) {
          std::string Digits;
          SourceLocation L = U->getBeginLoc();
          if (L.isValid() && !L.isMacroID())
            Digits = Lexer::getSourceText(CharSourceRange::getTokenRange(L, L),
                                          Ctx.getSourceManager(), Ctx.getLangOpts())
                         .take_while([](char C) { return isdigit(C) || C == '\''; })
                         .str();
          llvm::erase(Digits, '\'');
          int64_t V;
          if (!Digits.empty() && !StringRef(Digits).getAsInteger(10, V))
            return V * Ratio->first / Ratio->second;
          return std::nullopt;
        }
      }
      else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
        Count = F->getSubExpr();
      Expr::EvalResult R;
      if (Count && !Count->isValueDependent() && Count->EvaluateAsInt(R, Ctx))
        return R.Val.getInt().getExtValue() * Ratio->first / Ratio->second;
      if (const Expr *Init = constInit(E)) {
        E = Init;
        continue;
      }
      return std::nullopt;
    }
    if (E->getType()->isIntegralOrEnumerationType() && !E->isValueDependent()) {
      Expr::EvalResult R;
      if (!E->EvaluateAsInt(R, Ctx))
        return std::nullopt;
      int64_t V = R.Val.getInt().getExtValue();
      if (Unit == "s")
        return V * 1000;
      if (Unit == "us")
        return V / 1000;
      return V;
    }
    E = constInit(E);
  }
  return std::nullopt;
}

bool mentionsName(const Expr &Root, ArrayRef<std::string> Names, const ASTContext &Ctx) {
  struct Finder : RecursiveASTVisitor<Finder> {
    ArrayRef<std::string> Names;
    const ASTContext &Ctx;
    bool Found = false;
    Finder(ArrayRef<std::string> N, const ASTContext &C) : Names(N), Ctx(C) {}
    bool macroNamed(SourceLocation Loc) {
      const SourceManager &SM = Ctx.getSourceManager();
      for (int Depth = 0; Loc.isMacroID() && Depth < 16; ++Depth) {
        if (llvm::is_contained(Names, Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts()).str()))
          return true;
        Loc = SM.getImmediateMacroCallerLoc(Loc);
      }
      return false;
    }
    bool VisitExpr(Expr *E) {
      // An enumerator (MSG_DONTWAIT, recv_flags::dontwait) or a constant
      // (zmq::sockopt::rcvtimeo).
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        if (DRE->getDecl()->getIdentifier())
          Found |= llvm::is_contained(Names, DRE->getDecl()->getName().str());
      Found |= macroNamed(E->getBeginLoc());
      return !Found;
    }
  } F(Names, Ctx);
  F.TraverseStmt(const_cast<Expr *>(&Root));
  return F.Found;
}

std::optional<std::string> literalText(const Expr &Value) {
  const Expr *E = stripValue(&Value);
  for (int Depth = 0; E && Depth < 4; ++Depth) {
    if (const auto *S = dyn_cast<clang::StringLiteral>(E))
      return S->getString().str();
    if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = stripValue(F->getSubExpr());
      continue;
    }
    // std::string("...") or a std::string variable initialised from a literal.
    if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() >= 1) {
      E = stripValue(C->getArg(0));
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && VD->getInit() &&
                                                             (VD->getType().isConstQualified() ||
                                                              VD->isLocalVarDecl())) {
        E = stripValue(VD->getInit());
        continue;
      }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E); MC && MC->getNumArgs() == 0) {
      E = stripValue(MC->getImplicitObjectArgument()); // s.c_str()
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace fallacy
