// checks/MissingTimeoutCheck.cpp: reports blocking remote calls that no timeout reaches.
#include "MissingTimeoutCheck.h"
#include "analysis/ApiModel.h"
#include "analysis/AstUtil.h"
#include "analysis/TimeoutFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace fallacy {
namespace {
constexpr llvm::StringLiteral CallNode = "remote-call";
} // namespace

MissingTimeoutCheck::MissingTimeoutCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : FallacyCheck(Name, Context), DefaultTimeoutMs(intOption("DefaultTimeoutMs")) {
  llvm::Expected<const ApiModel &> M = loadApiModel(listOption("ModelFiles"));
  if (M)
    Model = &*M;
  else
    configurationDiag("%0", DiagnosticIDs::Error) << llvm::toString(M.takeError());
}

MissingTimeoutCheck::~MissingTimeoutCheck() = default;

void MissingTimeoutCheck::registerMatchers(MatchFinder *Finder) {
  if (!Model)
    return;
  // Which calls are remote is the model's business; the matcher only keeps
  // library internals out.
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader())).bind(CallNode), this);
}

void MissingTimeoutCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallNode);
  const Operation *Op = Model->operation(*Call);
  if (!Op || !Op->Blocking || !Op->HasHandle)
    return;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
  // A template instantiated twice or a macro used twice on one line is one defect.
  if (Reported.contains(Loc.getRawEncoding()))
    return;
  // sizeof/decltype operands never run, so they never hang.
  if (isInUnevaluatedContext(*Call, Ctx))
    return;
  if (!Flow)
    Flow = std::make_unique<TimeoutFlow>(*Model, Ctx);
  // A wrapper that is itself a remote operation (generated stubs forwarding
  // to their *Raw methods) is checked where it is called, not inside.
  if (const auto *Caller = dyn_cast_or_null<FunctionDecl>(Flow->enclosing(*Call)))
    if (Model->operation(*Caller))
      return;
  TimeoutVerdict V = Flow->check(*Call, *Op);
  using State = TimeoutVerdict::State;
  if (V.S == State::Set || V.S == State::Unknown)
    return;
  Reported.insert(Loc.getRawEncoding());

  const HandleKind *Kind = Model->handleKind(Op->Handle.Kind);
  const FunctionDecl *Callee = Call->getDirectCallee();
  std::string Handle = V.Root.spelling();
  std::string Subject = Handle.empty() ? "its " + Kind->Noun : Kind->Noun + " '" + Handle + "'";
  {
    auto D = diag(Loc, V.S == State::ConnectOnly
                           ? "'%0' can block forever once connected: %1 has only a connect timeout"
                       : V.S == State::SetToNone
                           ? "'%0' can block forever if the peer stops answering: the timeout on "
                             "%1 means none"
                           : "'%0' can block forever if the peer stops answering: %2 on %1")
             << Callee->getName() << Subject << Kind->Missing
             << SourceRange(Loc, SM.getExpansionRange(Call->getEndLoc()).getEnd());
    if (V.S == State::Missing && !Kind->FixIt.empty() && !Call->getBeginLoc().isMacroID()) {
      llvm::StringMap<std::string> Values;
      addHandleValues(*Op->Handle.of(*Call), Ctx, Values);
      Values["timeoutMs"] = std::to_string(DefaultTimeoutMs);
      const VarDecl *Var = V.Root.K == HandleRoot::Kind::Var ? V.Root.Var : nullptr;
      if (!Values["handle"].empty() && V.Root.K != HandleRoot::Kind::CallResult &&
          V.Root.K != HandleRoot::Kind::New)
        if (auto Fix = insertLineBefore(*Call, expandTemplate(Kind->FixIt, Values), Ctx, Var))
          D << *Fix;
    }
  }
  if (V.Evidence)
    diag(SM.getExpansionLoc(V.Evidence->getBeginLoc()),
         V.S == State::SetToNone     ? "this value means no timeout at all"
         : V.S == State::ConnectOnly ? "this bounds only connecting; set a total timeout too"
                                     : "the timeout is set here, after the call",
         DiagnosticIDs::Note);
  if (V.FromCaller)
    diag(V.Root.Var->getLocation(),
         "'%0' comes from the caller, and no caller in this file sets a timeout on it",
         DiagnosticIDs::Note)
        << Handle;
  else if (V.Root.K == HandleRoot::Kind::Var && V.S == State::Missing)
    diag(V.Root.Var->getLocation(), "%0 '%1' is created here", DiagnosticIDs::Note)
        << Kind->Noun << Handle;
}

void MissingTimeoutCheck::onEndOfTranslationUnit() {
  Flow.reset();
  Reported.clear();
}

} // namespace fallacy
