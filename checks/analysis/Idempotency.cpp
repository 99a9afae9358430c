// checks/analysis/Idempotency.cpp: HTTP verbs, gRPC idempotency levels, Redis commands, SQL text.
#include "analysis/Idempotency.h"
#include "analysis/CallPattern.h"
#include "analysis/TuIndex.h"
#include "analysis/Values.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace llvm;

namespace fallacy {
namespace {

// True when \p T is, or is an alias named, \p Name (`httplib::Headers` is a
// std::multimap under its alias).
bool namesType(QualType T, StringRef Name) {
  for (int Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      if (TT->getDecl()->getQualifiedNameAsString() == Name)
        return true;
      T = TT->getDecl()->getUnderlyingType();
      continue;
    }
    break;
  }
  const auto *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  return RD && plainQualifiedName(*RD) == Name;
}

bool within(const Stmt &Outer, SourceLocation Loc, const SourceManager &SM) {
  SourceRange R = Outer.getSourceRange();
  Loc = SM.getExpansionLoc(Loc);
  return !SM.isBeforeInTranslationUnit(Loc, SM.getExpansionLoc(R.getBegin())) &&
         !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(R.getEnd()), Loc);
}

// String literals in a function body, with the statement they occur in.
struct Literals : RecursiveASTVisitor<Literals> {
  std::vector<const clang::StringLiteral *> All;
  bool VisitStringLiteral(clang::StringLiteral *S) {
    All.push_back(S);
    return true;
  }
};

bool generatesValue(const Expr &E, const ApiModel &Model) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ApiModel &Model;
    bool Found = false;
    explicit Finder(const ApiModel &M) : Model(M) {}
    bool VisitCallExpr(CallExpr *C) {
      const FunctionDecl *FD = C->getDirectCallee();
      if (Model.isRandomSource(*C) || (FD && FD->getIdentifier() && Model.makesNewValue(FD->getName())))
        Found = true;
      return !Found;
    }
  } F(Model);
  F.TraverseStmt(const_cast<Expr *>(&E));
  return F.Found;
}

// The expression a string literal is part of: the call argument or
// initialiser that builds the header.
const Expr *buildingExpr(const clang::StringLiteral &L, ASTContext &Ctx) {
  const Expr *Top = &L;
  for (;;) {
    DynTypedNodeList Parents = Ctx.getParents(*Top);
    const Expr *P = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!P)
      break;
    Top = P;
  }
  return Top;
}

} // namespace

bool IdempotencyAnalysis::hasStableKey(const Expr &Site, const Stmt &Retry) {
  const SourceManager &SM = Ctx.getSourceManager();
  SmallVector<const Decl *, 2> Scopes;
  if (const auto *C = dyn_cast<CallExpr>(&Site))
    if (const Decl *F = TuIndex::shared(Ctx).enclosing(C))
      Scopes.push_back(F);
  if (const auto *C = dyn_cast<CallExpr>(&Retry))
    if (const Decl *F = TuIndex::shared(Ctx).enclosing(C))
      Scopes.push_back(F);
  // The retry statement's own function.
  for (DynTypedNodeList P = Ctx.getParents(Retry); !P.empty(); P = Ctx.getParents(P[0]))
    if (const auto *FD = P[0].get<FunctionDecl>()) {
      Scopes.push_back(FD);
      break;
    }
  for (const Decl *Scope : Scopes) {
    Literals L;
    L.TraverseStmt(Scope->getBody());
    for (const clang::StringLiteral *S : L.All) {
      StringRef Text = S->getString();
      bool Names = llvm::any_of(Opts.KeyHeaders, [&](const std::string &H) {
        return Text.contains_insensitive(H);
      });
      if (!Names)
        continue;
      // Built in the retrying function before the retry starts: the same key
      // goes with every attempt, however it was made.
      bool RetryFunction = Scope == Scopes.back();
      if (RetryFunction && !within(Retry, S->getBeginLoc(), SM) &&
          SM.isBeforeInTranslationUnit(S->getBeginLoc(), Retry.getBeginLoc()))
        return true;
      // Built inside the attempt: stable only if nothing in it is new each time.
      const Expr *Build = buildingExpr(*S, Ctx);
      if (!generatesValue(*Build, Model)) {
        bool FreshVar = false;
        struct Refs : RecursiveASTVisitor<Refs> {
          std::vector<const VarDecl *> Vars;
          bool VisitDeclRefExpr(DeclRefExpr *D) {
            if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
              Vars.push_back(V);
            return true;
          }
        } R;
        R.TraverseStmt(const_cast<Expr *>(Build));
        for (const VarDecl *V : R.Vars)
          if (V->getInit() && within(Retry, V->getLocation(), SM) && generatesValue(*V->getInit(), Model))
            FreshVar = true;
        if (!FreshVar)
          return true;
      }
    }
  }
  return false;
}

IdempotencyVerdict IdempotencyAnalysis::http(const Expr &Site, const Operation &Op,
                                             const Stmt &Retry) {
  IdempotencyVerdict V;
  const Operation::IdempotencyRule &Rule = Op.Idempotency;
  std::string Verb = Rule.Verb;
  const FunctionDecl *Callee = calleeOf(Site);
  if (Rule.VerbFromName && Callee && Callee->getIdentifier())
    Verb = Callee->getName().upper();
  const SourceManager &SM = Ctx.getSourceManager();
  const auto *SiteCall = dyn_cast<CallExpr>(&Site);
  const Decl *Func = SiteCall ? TuIndex::shared(Ctx).enclosing(SiteCall) : nullptr;
  const FunctionFacts *F = Func ? TuIndex::shared(Ctx).facts(Func) : nullptr;
  // The handle's verb: the last verb option set before the call.
  if (Verb.empty() && F && Op.HasHandle)
    if (const Expr *H = Op.Handle.of(Site)) {
      HandleRoot Root = modelRootOf(H, Model);
      for (const CallExpr *C : F->Calls) {
        if (!SM.isBeforeInTranslationUnit(C->getBeginLoc(), Site.getBeginLoc()))
          continue;
        for (const auto &VS : Rule.VerbSetters) {
          const FunctionDecl *FD = C->getDirectCallee();
          const Expr *SetterHandle = FD && VS.Match.matches(*FD) ? VS.Handle.of(*C) : nullptr;
          if (!SetterHandle || modelRootOf(SetterHandle, Model) != Root)
            continue;
          const Expr *Sel = VS.SelectorArg >= 0 ? argOf(*C, VS.SelectorArg) : nullptr;
          if (VS.SelectorArg >= 0 && (!Sel || !mentionsName(*Sel, {VS.Selector}, Ctx)))
            continue;
          std::string Chosen = VS.Verb;
          if (Chosen.empty())
            if (const Expr *A = argOf(*C, VS.VerbArg))
              Chosen = StringRef(literalText(*A).value_or("")).upper();
          if (!Chosen.empty()) {
            Verb = Chosen;
            V.Evidence = C;
          }
        }
      }
    }
  // A request object (Beast): its verb comes from its construction or method().
  if (Verb.empty() && Rule.TextArg >= 0 && F)
    if (const Expr *Req = argOf(Site, Rule.TextArg)) {
      HandleRoot Root = rootOf(Req);
      static const std::vector<std::string> Verbs = {"post", "patch", "put", "get", "delete", "head", "options"};
      auto VerbIn = [&](const Expr &E) -> std::string {
        for (const std::string &Name : Verbs)
          if (mentionsName(E, {Name}, Ctx))
            return StringRef(Name).upper();
        return "";
      };
      for (const VarDecl *Var : F->Vars)
        if (Root.K == HandleRoot::Kind::Var && Var == Root.Var && Var->getInit())
          if (std::string Found = VerbIn(*Var->getInit()); !Found.empty()) {
            Verb = Found;
            V.Evidence = Var->getInit();
          }
      for (const CallExpr *C : F->Calls)
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
          if (MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier() &&
              MC->getMethodDecl()->getName() == "method" && MC->getNumArgs() == 1 &&
              rootOf(MC->getImplicitObjectArgument()) == Root)
            if (std::string Found = VerbIn(*MC->getArg(0)); !Found.empty()) {
              Verb = Found;
              V.Evidence = C;
            }
    }
  if (Verb != "POST" && Verb != "PATCH")
    return V; // GET, HEAD, PUT, DELETE and OPTIONS are idempotent by HTTP's definition.
  if (hasStableKey(Site, Retry))
    return V;
  V.NotIdempotent = true;
  // A header list built before the retry can take a key made once.
  if (!Rule.KeyFixHeadersType.empty())
    if (const auto *SiteCall = dyn_cast<CallExpr>(&Site))
      for (const Expr *A : SiteCall->arguments()) {
        const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts());
        const auto *Var = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        if (!Var || !Var->isLocalVarDecl() || Var->getType().isConstQualified() ||
            !namesType(Var->getType(), Rule.KeyFixHeadersType) || within(Retry, Var->getLocation(), SM) ||
            !SM.isBeforeInTranslationUnit(Var->getLocation(), Retry.getBeginLoc()))
          continue;
        V.KeyHeaders = Var;
        V.KeyFixInsert = Rule.KeyFixInsert;
        break;
      }
  V.Effect = "send the " + Verb + " twice";
  V.Remedy = "send an " + (Opts.KeyHeaders.empty() ? std::string("Idempotency-Key") : Opts.KeyHeaders.front()) +
             " header whose value is created once, before the first attempt";
  return V;
}

std::string IdempotencyAnalysis::protoLevel(const Expr &Site, StringRef Method) {
  const FunctionDecl *Callee = calleeOf(Site);
  if (!Callee)
    return "";
  const SourceManager &SM = Ctx.getSourceManager();
  StringRef Header = SM.getFilename(SM.getExpansionLoc(Callee->getLocation()));
  auto Cached = ProtoCache.find((Header + "#" + Method).str());
  if (Cached != ProtoCache.end())
    return Cached->second;
  std::string Level;
  // Generated headers name their source: "// source: inventory.proto".
  if (auto Buf = MemoryBuffer::getFile(Header)) {
    StringRef Text = (*Buf)->getBuffer().take_front(4096);
    size_t At = Text.find("// source: ");
    if (At != StringRef::npos) {
      StringRef Source = Text.drop_front(At + 11).take_until([](char C) { return C == '\n'; }).trim();
      SmallVector<std::string, 4> Candidates;
      Candidates.push_back((sys::path::parent_path(Header) + "/" + Source).str());
      Candidates.push_back((sys::path::parent_path(Header) + "/" + sys::path::filename(Source)).str());
      for (const std::string &Dir : Opts.ProtoPaths)
        Candidates.push_back(Dir + "/" + Source.str());
      for (const std::string &Path : Candidates) {
        auto Proto = MemoryBuffer::getFile(Path);
        if (!Proto)
          continue;
        StringRef P = (*Proto)->getBuffer();
        size_t Rpc = P.find(("rpc " + Method + "(").str());
        if (Rpc == StringRef::npos)
          Rpc = P.find(("rpc " + Method + " (").str());
        if (Rpc == StringRef::npos)
          break;
        StringRef Rest = P.drop_front(Rpc);
        size_t End = Rest.find_first_of(";}");
        // `rpc X(A) returns (B) { option idempotency_level = IDEMPOTENT; }`
        size_t Open = Rest.find('{');
        if (Open != StringRef::npos && Open < End)
          End = Rest.find('}', Open);
        StringRef Decl = Rest.take_front(End);
        for (StringRef L : {"NO_SIDE_EFFECTS", "IDEMPOTENT", "IDEMPOTENCY_UNKNOWN"})
          if (Decl.contains("idempotency_level") && Decl.contains(L)) {
            Level = L.str();
            break;
          }
        break;
      }
    }
  }
  ProtoCache[(Header + "#" + Method).str()] = Level;
  return Level;
}

IdempotencyVerdict IdempotencyAnalysis::grpc(const Expr &Site, const Stmt &Retry) {
  IdempotencyVerdict V;
  const FunctionDecl *Callee = calleeOf(Site);
  if (!Callee || !Callee->getIdentifier())
    return V;
  StringRef Method = Callee->getName();
  Method.consume_front("PrepareAsync") || Method.consume_front("Async");
  std::string Level = protoLevel(Site, Method);
  if (Level == "NO_SIDE_EFFECTS" || Level == "IDEMPOTENT")
    return V;
  // The longest entry of either list that starts the name at a word boundary
  // decides (IdempotentVerbs wins a tie), so `CreateOrReplace` in
  // IdempotentVerbs exempts that method from `Create`.
  auto Longest = [&](const std::vector<std::string> &Verbs) {
    size_t Best = 0;
    for (const std::string &W : Verbs)
      if (!W.empty() && Method.starts_with(W) &&
          (Method.size() == W.size() || !llvm::isLower(Method[W.size()])))
        Best = std::max(Best, W.size());
    return Best;
  };
  size_t NotSafe = Longest(Opts.NonIdempotentVerbs), Safe = Longest(Opts.IdempotentVerbs);
  if (NotSafe == 0 || Safe >= NotSafe)
    return V; // Get, List, Set, Delete... and names we cannot judge.
  std::string Verb = Method.take_front(NotSafe).str();
  // A request that carries its own key (request_id, idempotency_key) set
  // before the retry is deduplicated by the server.
  if (const Expr *Req = argOf(Site, 1)) {
    HandleRoot Root = rootOf(Req);
    const auto *SiteCall = dyn_cast<CallExpr>(&Site);
    const Decl *Func = SiteCall ? TuIndex::shared(Ctx).enclosing(SiteCall) : nullptr;
    if (const FunctionFacts *F = Func ? TuIndex::shared(Ctx).facts(Func) : nullptr)
      for (const CallExpr *C : F->Calls)
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
          if (const CXXMethodDecl *M = MC->getMethodDecl(); M && M->getIdentifier() &&
                                                            rootOf(MC->getImplicitObjectArgument()) == Root)
            for (const std::string &Field : Opts.KeyFields)
              if (M->getName() == "set_" + Field &&
                  (!within(Retry, C->getBeginLoc(), Ctx.getSourceManager()) ||
                   (MC->getNumArgs() && !generatesValue(*MC->getArg(0), Model))))
                return V;
  }
  V.NotIdempotent = true;
  V.Effect = StringRef(Verb).lower() + " twice";
  V.Remedy = "set a request_id (or another key the server deduplicates) once, before the "
             "first attempt, or declare the method's idempotency_level in the .proto";
  return V;
}

IdempotencyVerdict IdempotencyAnalysis::redis(const Expr &Site, const Operation &Op) {
  IdempotencyVerdict V;
  const Expr *Fmt = argOf(Site, Op.Idempotency.TextArg);
  std::optional<std::string> Text = Fmt ? literalText(*Fmt) : std::nullopt;
  if (!Text)
    return V;
  std::string Command = StringRef(*Text).trim().take_until([](char C) { return C == ' '; }).upper();
  if (!llvm::is_contained(Op.Idempotency.NonIdempotent, Command))
    return V;
  V.NotIdempotent = true;
  V.Effect = "apply " + Command + " twice";
  V.Remedy = "write a value computed once (SET) instead, or record the request's key with SET NX "
             "in the same transaction";
  return V;
}

IdempotencyVerdict IdempotencyAnalysis::sql(const Expr &Site, const Operation &Op) {
  IdempotencyVerdict V;
  const Expr *Arg = argOf(Site, Op.Idempotency.TextArg);
  std::optional<std::string> Text = Arg ? literalText(*Arg) : std::nullopt;
  if (!Text)
    return V;
  std::string Upper = StringRef(*Text).upper();
  StringRef SQL = StringRef(Upper).trim();
  // `SET n = n + 1` (also in an upsert's DO UPDATE) adds again on every run.
  auto AddsToColumn = [](StringRef S) {
    size_t Set = S.find(" SET ");
    if (Set == StringRef::npos)
      return false;
    SmallVector<StringRef, 4> Assignments;
    S.drop_front(Set + 5).split(Assignments, ',');
    for (StringRef A : Assignments) {
      auto [Col, Value] = A.split('=');
      Col = Col.trim();
      Value = Value.trim();
      StringRef Bare = Col.rsplit('.').second.empty() ? Col : Col.rsplit('.').second;
      if (!Col.empty() && (Value.starts_with(Col) || Value.contains(("." + Bare).str())) &&
          (Value.contains('+') || Value.contains('-')))
        return true;
    }
    return false;
  };
  if (SQL.contains("NEXTVAL(")) {
    V.NotIdempotent = true;
    V.Effect = "take a new sequence value each time";
  } else if (SQL.starts_with("INSERT") && !SQL.contains("ON CONFLICT")) {
    V.NotIdempotent = true;
    V.Effect = "insert the row twice";
  } else if ((SQL.starts_with("UPDATE") || SQL.contains("DO UPDATE")) && AddsToColumn(SQL)) {
    V.NotIdempotent = true;
    V.Effect = "add to the column twice";
  }
  if (V.NotIdempotent)
    V.Remedy = "make the statement idempotent: INSERT ... ON CONFLICT (request key) DO NOTHING, "
               "or set columns to values computed once";
  return V;
}

IdempotencyVerdict IdempotencyAnalysis::of(const Expr &Site, const Operation &Op, const Expr &Entry,
                                           const Stmt &Retry) {
  // The user's own marks decide first: on the function the retry calls, or on
  // the operation itself.
  for (const Expr *E : {&Entry, &Site})
    if (const FunctionDecl *FD = calleeOf(*E)) {
      if (StringRef Mark = Model.mark("idempotent"); !Mark.empty() && hasAnnotation(*FD, Mark))
        return {};
      if (StringRef Mark = Model.mark("notIdempotent"); !Mark.empty() && hasAnnotation(*FD, Mark)) {
        IdempotencyVerdict V;
        V.NotIdempotent = true;
        V.Effect = "do its work twice";
        V.Remedy = "make it idempotent (a key the server deduplicates), or do not retry it";
        return V;
      }
    }
  const Operation::IdempotencyRule &Rule = Op.Idempotency;
  if (Rule.Kind == "fixed") {
    IdempotencyVerdict V;
    V.NotIdempotent = !Rule.Idempotent;
    V.Effect = Rule.Why;
    V.Remedy = "make it idempotent, or do not retry it";
    return V;
  }
  if (Rule.Kind == "http")
    return http(Site, Op, Retry);
  if (Rule.Kind == "grpc")
    return grpc(Site, Retry);
  if (Rule.Kind == "redis")
    return redis(Site, Op);
  if (Rule.Kind == "sql")
    return sql(Site, Op);
  return {};
}

} // namespace fallacy
