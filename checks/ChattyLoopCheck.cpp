// checks/ChattyLoopCheck.cpp: reports per-element round trips, in this file or through summaries.
#include "ChattyLoopCheck.h"
#include "analysis/AstUtil.h"
#include "analysis/Summary.h"
#include "analysis/TuIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace fallacy {
namespace {
constexpr llvm::StringLiteral LoopNode = "data-loop";

std::string message(StringRef Callee) {
  return ("'" + Callee + "' costs one round trip per iteration: a loop over N items waits for the "
          "network N times").str();
}

SummaryLocation locationOf(SourceLocation Loc, const SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  SummaryLocation L;
  if (auto Ref = SM.getFileEntryRefForID(SM.getFileID(Loc)))
    L.File = SM.getFileManager().getCanonicalName(*Ref).str();
  L.Offset = SM.getFileOffset(Loc);
  L.Line = SM.getSpellingLineNumber(Loc);
  L.Column = SM.getSpellingColumnNumber(Loc);
  return L;
}
} // namespace

ChattyLoopCheck::ChattyLoopCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : FallacyCheck(Name, Context) {
  Model = loadModel();
}

ChattyLoopCheck::~ChattyLoopCheck() = default;

void ChattyLoopCheck::registerMatchers(MatchFinder *Finder) {
  if (!Model)
    return;
  Finder->addMatcher(stmt(anyOf(cxxForRangeStmt(), forStmt()), unless(isExpansionInSystemHeader()))
                         .bind(LoopNode),
                     this);
  // Every unit contributes facts for the summaries, loops or not.
  Finder->addMatcher(translationUnitDecl(), this);
}

void ChattyLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Loop = Result.Nodes.getNodeAs<Stmt>(LoopNode);
  if (!Loops || Ctx != Result.Context) {
    Ctx = Result.Context;
    Loops = std::make_unique<LoopCalls>(*Model, *Ctx, intOption("MaxConstantIterations"));
    // Only the loop's own shape decides whether it is a retry here, so the
    // retry checks' helper vocabulary is not needed.
    Retries = std::make_unique<RetryFinder>(*Model, *Ctx, RetryVocabulary{});
  }
  if (!Loop)
    return;
  std::vector<PerElementCall> Calls = Loops->of(*Loop);
  // Trying the next replica after a failure is a retry, not a chatty loop.
  if (Calls.empty() || Retries->retryAt(*Loop))
    return;
  const SourceManager &SM = Ctx->getSourceManager();
  for (const PerElementCall &P : Calls) {
    SourceLocation Loc = SM.getExpansionLoc(P.Call->getBeginLoc());
    if (!Reported.insert(Loc.getRawEncoding()).second)
      continue;
    const FunctionDecl *Callee = P.Call->getDirectCallee();
    StringRef Name = Callee && Callee->getIdentifier() ? Callee->getName() : "this call";
    if (P.Unresolved) {
      // Its body is in another file: the driver decides with the summaries.
      if (UnitSummary *S = activeSummary(); S && Callee && SM.isInMainFile(Loc)) {
        PendingFinding F;
        F.Check = getID().str();
        F.RequiresRemote = usrOf(*Callee);
        F.Callee = Name.str();
        F.Message = message(Name);
        F.At = locationOf(Loc, SM);
        F.EndOffset = SM.getFileOffset(SM.getExpansionLoc(P.Call->getEndLoc()));
        F.Loop = locationOf(Loop->getBeginLoc(), SM);
        if (!F.RequiresRemote.empty())
          S->Pending.push_back(std::move(F));
      }
      continue;
    }
    diag(Loc, message(Name)) << P.Call->getSourceRange();
    if (P.Site.Call != P.Call)
      diag(P.Site.Call->getBeginLoc(), "the remote call ('%0') is made here", DiagnosticIDs::Note)
          << (calleeOf(*P.Site.Call) ? calleeOf(*P.Site.Call)->getName() : StringRef("it"));
    diag(Loop->getBeginLoc(), "the loop runs it once per element", DiagnosticIDs::Note);
    if (!P.Site.Op->Batch.empty())
      diag(Loc, "batch it: %0", DiagnosticIDs::Note) << P.Site.Op->Batch;
  }
}

void ChattyLoopCheck::recordFunctionFacts(ASTContext &C) {
  UnitSummary *S = activeSummary();
  if (!S)
    return;
  const SourceManager &SM = C.getSourceManager();
  RemoteCalls Remote(*Model, C);
  for (const auto &Entry : TuIndex::shared(C).allFacts()) {
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
    RemoteSite Site = Remote.inBody(*FD);
    if (Site.roundTrip()) {
      F.Remote = true;
      F.Operation = calleeOf(*Site.Call) ? calleeOf(*Site.Call)->getNameAsString() : "";
      F.Batch = Site.Op->Batch;
      F.Site = locationOf(Site.Call->getBeginLoc(), SM);
      const auto *SiteCall = dyn_cast<CallExpr>(Site.Call);
      const auto *In = SiteCall ? dyn_cast_or_null<FunctionDecl>(
                                      TuIndex::shared(C).enclosing(SiteCall))
                                : nullptr;
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
    if (F.Remote || !F.Calls.empty())
      S->Functions.push_back(std::move(F));
  }
}

void ChattyLoopCheck::onEndOfTranslationUnit() {
  if (Ctx) {
    recordFunctionFacts(*Ctx);
    TuIndex::release(*Ctx);
  }
  Loops.reset();
  Retries.reset();
  Ctx = nullptr;
  Reported.clear();
}

} // namespace fallacy
