// checks/analysis/FunctionSummary.cpp: the facts a unit records about its functions.
#include "analysis/FunctionSummary.h"
#include "analysis/AstUtil.h"
#include "analysis/CallPattern.h"
#include "analysis/UnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fallacy {

namespace {
// How a caller can tell failure from what the function returns.
std::string outcomeOf(const FunctionDecl &FD) {
  QualType T = FD.getReturnType().getNonReferenceType();
  if (T->isVoidType())
    return "void";
  if (T->isBooleanType())
    return "bool";
  if (T->isPointerType())
    return "pointer";
  if (T->isIntegralOrEnumerationType())
    return "status";
  return "object";
}
} // namespace

void summariseFunctions(UnitAnalysis &Unit, const ApiModel &Model, UnitSummary &Out,
                        std::vector<SummarisedFunction> &Recorded) {
  ASTContext &C = Unit.context();
  const SourceManager &SM = C.getSourceManager();
  RemoteCalls &Remote = Unit.remote(Model);
  for (const auto &Entry : Unit.index().allFacts()) {
    const auto *FD = dyn_cast<FunctionDecl>(Entry->Func);
    // Lambdas have no name another file could call.
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
    if (!FD || isLibraryLocation(FD->getLocation(), SM) || (MD && MD->getParent()->isLambda()))
      continue;
    FunctionFact F;
    F.Usr = usrOf(*FD);
    if (F.Usr.empty())
      continue;
    F.Name = FD->getQualifiedNameAsString();
    F.Outcome = outcomeOf(*FD);
    RemoteSite Site = Remote.inBody(*FD);
    if (Site.roundTrip()) {
      F.Remote = true;
      F.Family = Site.Op->Family;
      F.Operation = calleeOf(*Site.Call) ? calleeOf(*Site.Call)->getNameAsString() : "";
      F.Batch = Site.Op->Batch;
      F.Site = summaryLocation(Site.Call->getBeginLoc(), SM);
      const auto *SiteCall = dyn_cast<CallExpr>(Site.Call);
      const auto *In =
          SiteCall ? dyn_cast_or_null<FunctionDecl>(Unit.index().enclosing(SiteCall)) : nullptr;
      F.SiteIn = In ? In->getQualifiedNameAsString() : F.Name;
    }
    // The project's functions it calls, wherever their bodies are: a chain
    // through this file's helpers to another file's query is followed by
    // the driver's closure.
    for (const CallExpr *Call : Entry->Calls)
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && Callee != FD && !isLibraryLocation(Callee->getLocation(), SM))
        if (std::string U = usrOf(*Callee); !U.empty() && !llvm::is_contained(F.Calls, U))
          F.Calls.push_back(U);
    if (F.Remote || !F.Calls.empty()) {
      Recorded.push_back({FD, F.Remote ? Site : RemoteSite{}, Out.Functions.size()});
      Out.Functions.push_back(std::move(F));
    }
  }
}

} // namespace fallacy
