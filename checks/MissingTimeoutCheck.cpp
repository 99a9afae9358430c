// checks/MissingTimeoutCheck.cpp: reports remote calls that no timeout reaches.
#include "MissingTimeoutCheck.h"
#include "BoundNodes.h"
#include "analysis/ApiModel.h"
#include "analysis/AstUtil.h"
#include "analysis/TimeoutFlow.h"
#include "analysis/UnitAnalysis.h"
#include "analysis/WaitRoles.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace fallacy {
namespace {

std::string duration(int64_t Ms) {
  return Ms % 1000 == 0 ? std::to_string(Ms / 1000) + " s" : std::to_string(Ms) + " ms";
}
} // namespace

MissingTimeoutCheck::MissingTimeoutCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : FallacyCheck(Name, Context), DefaultTimeoutMs(intOption("DefaultTimeoutMs")),
      MaxTimeoutMs(intOption("MaxTimeoutMs")),
      ReportExplicitInfinite(boolOption("ReportExplicitInfinite")),
      ReportUnknownHandles(boolOption("ReportUnknownHandles")) {}

MissingTimeoutCheck::~MissingTimeoutCheck() = default;

void MissingTimeoutCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                              Preprocessor *) {
  this->PP = PP;
}

void MissingTimeoutCheck::registerCheckMatchers(MatchFinder *Finder) {
  // Which calls are remote is the model's business; the matchers only keep
  // library internals out.
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader())).bind(nodes::RemoteCall), this);
  Finder->addMatcher(cxxConstructExpr(unless(isExpansionInSystemHeader())).bind(nodes::RemoteCall), this);
}

TimeoutFlow &MissingTimeoutCheck::flow() {
  return unit().timeouts(*Model, MaxTimeoutMs, [PP = PP](StringRef Name) -> std::optional<int64_t> {
    const MacroInfo *MI = PP ? PP->getMacroInfo(PP->getIdentifierInfo(Name)) : nullptr;
    if (!MI || MI->getNumTokens() != 1)
      return std::nullopt;
    uint64_t V;
    StringRef Digits = StringRef(PP->getSpelling(MI->getReplacementToken(0))).rtrim("uUlL");
    if (Digits.getAsInteger(0, V))
      return std::nullopt;
    return static_cast<int64_t>(V);
  });
}

void MissingTimeoutCheck::addFacts(UnitSummary &S) {
  for (const SummarisedFunction &F : unit().summarised()) {
    if (!F.Site.Call)
      continue;
    TimeoutVerdict V = flow().check(*F.Site.Call, *F.Site.Op);
    using State = TimeoutVerdict::State;
    S.Functions[F.Index].Waits = V.S == State::Set       ? "inside"
                                 : V.FromCaller          ? "caller"
                                 : V.S == State::Unknown ? ""
                                                         : "none";
  }
}

void MissingTimeoutCheck::checkMatch(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<Expr>(nodes::RemoteCall);
  const Operation *Op = Model->operation(*Call);
  if (!Op)
    return;
  ASTContext &Ctx = *Result.Context;
  // sizeof/decltype operands never run, so they never hang.
  if (isInUnevaluatedContext(*Call, Ctx))
    return;
  // `while (cq.Next(&tag, &ok))` drains a queue whose calls carry deadlines.
  if (Op->ExemptInLoopCondition && isInLoopCondition(*Call, Ctx))
    return;
  TimeoutFlow *Flow = &flow();
  // A wrapper that is itself a remote operation (generated stubs forwarding
  // to their *Raw methods) is checked where it is called, not inside.
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    if (const auto *Caller = dyn_cast_or_null<FunctionDecl>(Flow->enclosing(*CE)))
      if (Model->operation(*Caller))
        return;
  // `PQexec(conn, "SET statement_timeout = ...")` sets the timeout it would lack.
  if (Model->setter(*Call, "", Ctx).Setter)
    return;
  TimeoutVerdict V = Flow->check(*Call, *Op);
  using State = TimeoutVerdict::State;
  if (V.S == State::Set || V.S == State::Unknown)
    return;
  // A handle from a caller or a global set up elsewhere: unknown, so silent.
  // (A function that sets the timeout itself, only too late, has chosen.)
  if (V.FromCaller && !V.SetOnlyAfter && !ReportUnknownHandles)
    return;
  // An explicit "no timeout" (0, -1, infinity) is a choice, not an oversight;
  // a timeout argument left to a default of none is the API's, not a choice.
  if (V.S == State::SetToNone && !V.NoneByDefault && !ReportExplicitInfinite)
    return;
  const auto *CE = dyn_cast<CallExpr>(Call);
  WaitRole Role = waitRole(*Call, *Op, V.Root, CE ? Flow->enclosing(*CE) : nullptr, Flow->index(),
                           *Model, Ctx);
  // A listener's accept waits for clients by design; a request's write is
  // bounded by the wait for its reply, which is where the finding goes.
  if (Role == WaitRole::Client || Role == WaitRole::RequestWrite)
    return;
  // The kernel gives up on a plain TCP connect after about two minutes.
  if (Role == WaitRole::KernelConnect && !ReportExplicitInfinite)
    return;
  // A template instantiated twice or a macro used twice on one line is one defect.
  if (!firstReport(Call->getBeginLoc()))
    return;
  // One finding per handle: the defect is the handle's (a context with no
  // timeout), not each call's.
  if (const clang::Decl *Key = handleDecl(V.Root))
    if (!unit().firstReport((getID() + "#handle").str(), Key->getLocation()))
      return;
  report(*Call, *Op, V, Role, Ctx);
}

void MissingTimeoutCheck::report(const Expr &Call, const Operation &Op, const TimeoutVerdict &V,
                                 WaitRole Role, ASTContext &Ctx) {
  using State = TimeoutVerdict::State;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Call.getBeginLoc());
  const HandleKind *Kind = Op.HasHandle ? Model->handleKind(Op.Handle.Kind) : nullptr;
  const FunctionDecl *Callee = calleeOf(Call);
  // A construction is named by the type as the user spelled it (pqxx::connection).
  std::string Name = isa<CXXConstructExpr>(Call)
                         ? Call.getType().getUnqualifiedType().getAsString(Ctx.getPrintingPolicy())
                         : Callee->getNameAsString();
  std::string Handle = V.Root.spelling();
  // A verdict from the call's own timeout argument has no handle to name.
  std::string Subject = !Kind || !V.Root.valid() ? ""
                        : Handle.empty()         ? "its " + Kind->Noun
                                                 : Kind->Noun + " '" + Handle + "'";
  std::string Consequence =
      Role == WaitRole::Write ? (Op.Blocking ? "can block forever once the peer stops reading and the send buffer is full"
                                             : "can wait forever for its completion once the peer stops reading")
      : Op.Blocking           ? "can block forever if the peer stops answering"
                              : "can wait forever for its completion if the peer stops answering";
  std::string Message, Suggest;
  switch (Role == WaitRole::KernelConnect ? State::Unbounded : V.S) {
  case State::ConnectOnly:
    Message = "'" + Name + "' can block forever once connected: " + Subject + " has only a connect timeout";
    break;
  case State::SetToNone:
    Message = "'" + Name + "' " + Consequence + ": " +
              (Subject.empty() ? "its timeout" : "the timeout on " + Subject) + " means none";
    break;
  case State::TooLong:
    Message = "'" + Name + "' can wait " + duration(V.Ms) + " for a silent peer, over MaxTimeoutMs (" +
              duration(MaxTimeoutMs) + ")" + (V.FromDefault ? ": the library's default" : "");
    break;
  case State::Unbounded:
    Message = Role == WaitRole::KernelConnect
                  ? "'" + Name + "' can wait about two minutes for a silent peer: only the kernel's SYN "
                                 "retries bound a plain TCP connect"
                  : "'" + Name + "' " + Consequence + ": " + Op.UnboundedWhy;
    break;
  default:
    Message = "'" + Name + "' " + Consequence + ": " +
              (Kind ? (Op.Missing.empty() ? Kind->Missing : Op.Missing) + " on " + Subject
                    : Op.Missing.empty() ? "no timeout" : Op.Missing);
  }
  {
    auto D = diag(Loc, "%0") << Message
                             << SourceRange(Loc, SM.getExpansionRange(Call.getEndLoc()).getEnd());
    std::optional<FixItHint> Fix;
    if (!Call.getBeginLoc().isMacroID() && !Call.getEndLoc().isMacroID()) {
      llvm::StringMap<std::string> Values;
      Values["timeoutMs"] = std::to_string(DefaultTimeoutMs);
      Values["timeoutS"] = std::to_string(std::max<int64_t>(1, DefaultTimeoutMs / 1000));
      if (!Op.FixIt.empty() && (V.S == State::Unbounded || V.S == State::Missing)) {
        // The library has a variant of the call that takes a timeout.
        std::string Args;
        for (unsigned I = 0; const Expr *A = argOf(Call, I); ++I) {
          std::string Text = sourceText(*A, Ctx);
          Values["arg" + std::to_string(I)] = Text;
          Args += (I ? ", " : "") + Text;
        }
        Values["args"] = Args;
        Fix = FixItHint::CreateReplacement(Call.getSourceRange(), expandTemplate(Op.FixIt, Values));
      } else if (V.S == State::Missing && Kind && !Kind->FixIt.empty() &&
                 V.Root.K != HandleRoot::Kind::CallResult && V.Root.K != HandleRoot::Kind::New) {
        addHandleValues(*Op.Handle.of(Call), Ctx, Values);
        const VarDecl *Var = V.Root.K == HandleRoot::Kind::Var ? V.Root.Var : nullptr;
        if (!Values["handle"].empty())
          Fix = insertLineBefore(Call, expandTemplate(Kind->FixIt, Values), Ctx, Var);
      }
    }
    if (Fix)
      D << *Fix;
    else
      Suggest = !Op.Suggest.empty() ? Op.Suggest : Kind ? Kind->Suggest : "";
  }
  if (!Suggest.empty())
    diag(Loc, "suggested: %0", DiagnosticIDs::Note) << Suggest;
  if (V.Evidence)
    diag(SM.getExpansionLoc(V.Evidence->getBeginLoc()),
         V.S == State::SetToNone     ? "this value means no timeout at all"
         : V.S == State::ConnectOnly ? "this bounds only connecting; set a total timeout too"
         : V.S == State::TooLong     ? "the timeout is set here"
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

} // namespace fallacy
