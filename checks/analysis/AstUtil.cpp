// checks/analysis/AstUtil.cpp: small AST helpers shared by the checks.
#include "analysis/AstUtil.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace llvm;

namespace fallacy {

bool isInUnevaluatedContext(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  while (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (P.get<UnaryExprOrTypeTraitExpr>() || P.get<CXXNoexceptExpr>() ||
        P.get<DecltypeTypeLoc>() || P.get<TypeOfExprTypeLoc>())
      return true;
    if (const auto *T = P.get<CXXTypeidExpr>(); T && !T->isPotentiallyEvaluated())
      return true;
    if (P.get<Decl>() && !P.get<VarDecl>())
      return false;
    Parents = Ctx.getParents(P);
  }
  return false;
}

const Expr *stripExpr(const Expr *E, unsigned Flags) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E); F && (Flags & StripCasts))
      E = F->getSubExpr();
    else if (const auto *S = dyn_cast<CXXStaticCastExpr>(E); S && (Flags & StripCasts))
      E = S->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->getNumArgs() == 1 && !isa<CXXTemporaryObjectExpr>(C) &&
             ((Flags & StripConstructions) ||
              ((Flags & StripCopies) && C->getConstructor()->isCopyOrMoveConstructor())))
      E = C->getArg(0);
    else if (const auto *CE = dyn_cast<CallExpr>(E);
             CE && (Flags & StripCopies) && CE->getNumArgs() == 1 && CE->getDirectCallee() &&
             CE->getDirectCallee()->isInStdNamespace() && CE->getDirectCallee()->getIdentifier() &&
             (CE->getDirectCallee()->getName() == "move" ||
              CE->getDirectCallee()->getName() == "forward"))
      E = CE->getArg(0);
    else
      return E;
  }
  return E;
}

const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
}

std::vector<const Expr *> callsIn(const Stmt &S, bool Constructions) {
  struct Calls : RecursiveASTVisitor<Calls> {
    bool Constructions;
    std::vector<const Expr *> All;
    bool VisitCallExpr(CallExpr *C) {
      All.push_back(C);
      return true;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *C) {
      if (Constructions)
        All.push_back(C);
      return true;
    }
    bool TraverseLambdaExpr(LambdaExpr *L) {
      for (Expr *Init : L->capture_inits())
        if (Init)
          TraverseStmt(Init);
      return true;
    }
  } C;
  C.Constructions = Constructions;
  C.TraverseStmt(const_cast<Stmt *>(&S));
  return C.All;
}

const Stmt &loopBody(const Stmt &S) {
  const Stmt *Body = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(&S))
    Body = W->getBody();
  else if (const auto *D = dyn_cast<DoStmt>(&S))
    Body = D->getBody();
  else if (const auto *F = dyn_cast<ForStmt>(&S))
    Body = F->getBody();
  else if (const auto *R = dyn_cast<CXXForRangeStmt>(&S))
    Body = R->getBody();
  return Body ? *Body : S;
}

std::vector<LoopExit> loopExits(const Stmt &Body) {
  struct Exits : RecursiveASTVisitor<Exits> {
    std::vector<LoopExit> Found;
    int NestedLoops = 0, NestedSwitches = 0, TryBlocks = 0;
    bool TraverseStmt(Stmt *S) {
      if (!S)
        return true;
      if (auto *Try = dyn_cast<CXXTryStmt>(S)) {
        // Throws in the try block are caught here; handlers throw outward.
        ++TryBlocks;
        TraverseStmt(Try->getTryBlock());
        --TryBlocks;
        for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
          TraverseStmt(Try->getHandler(I)->getHandlerBlock());
        return true;
      }
      bool Loop = isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<ForStmt>(S) || isa<CXXForRangeStmt>(S);
      bool Switch = isa<SwitchStmt>(S);
      NestedLoops += Loop;
      NestedSwitches += Switch;
      bool R = RecursiveASTVisitor::TraverseStmt(S);
      NestedLoops -= Loop;
      NestedSwitches -= Switch;
      return R;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitBreakStmt(BreakStmt *B) {
      if (!NestedLoops && !NestedSwitches)
        Found.push_back({B, false});
      return true;
    }
    bool VisitContinueStmt(ContinueStmt *C) {
      if (!NestedLoops)
        Found.push_back({C, true});
      return true;
    }
    bool VisitReturnStmt(ReturnStmt *R) {
      Found.push_back({R, false});
      return true;
    }
    bool VisitGotoStmt(GotoStmt *G) {
      Found.push_back({G, false});
      return true;
    }
    bool VisitCXXThrowExpr(CXXThrowExpr *T) {
      if (!TryBlocks)
        Found.push_back({T, false});
      return true;
    }
  } E;
  E.TraverseStmt(const_cast<Stmt *>(&Body));
  return E.Found;
}

bool isLibraryLocation(SourceLocation Loc, const SourceManager &SM) {
  if (SM.isInSystemHeader(Loc))
    return true;
  StringRef File = SM.getFilename(SM.getExpansionLoc(Loc));
  return File.starts_with("/usr/include/") || File.starts_with("/usr/local/include/");
}

bool isInLoopCondition(const Stmt &S, ASTContext &Ctx) {
  for (const Stmt *Child = &S;;) {
    const Stmt *P = parentStmt(*Child, Ctx);
    if (!P || isa<CompoundStmt>(P))
      return false;
    if (const auto *W = dyn_cast<WhileStmt>(P))
      return W->getCond() == Child;
    if (const auto *D = dyn_cast<DoStmt>(P))
      return D->getCond() == Child;
    if (const auto *F = dyn_cast<ForStmt>(P))
      return F->getCond() == Child;
    Child = P;
  }
}

const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  while (!Parents.empty()) {
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD;
    if (const auto *L = Parents[0].get<LambdaExpr>())
      return L->getCallOperator();
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}

std::string sourceText(const Expr &E, const ASTContext &Ctx) {
  SourceRange R = E.getSourceRange();
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return "";
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R), Ctx.getSourceManager(),
                              Ctx.getLangOpts())
      .str();
}

std::string expandTemplate(StringRef Template, const StringMap<std::string> &Values) {
  std::string Out;
  while (!Template.empty()) {
    size_t Start = Template.find("${");
    if (Start == StringRef::npos) {
      Out += Template;
      break;
    }
    Out += Template.take_front(Start);
    Template = Template.drop_front(Start + 2);
    size_t End = Template.find('}');
    if (End == StringRef::npos)
      break;
    auto It = Values.find(Template.take_front(End));
    if (It != Values.end())
      Out += It->second;
    Template = Template.drop_front(End + 1);
  }
  return Out;
}

void addHandleValues(const Expr &Handle, const ASTContext &Ctx, StringMap<std::string> &Values) {
  std::string Text = sourceText(Handle, Ctx);
  Values["handle"] = Text;
  const Expr *E = Handle.IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf) {
    std::string Inner = sourceText(*U->getSubExpr(), Ctx);
    bool Simple = isa<DeclRefExpr>(U->getSubExpr()->IgnoreParens()) ||
                  isa<MemberExpr>(U->getSubExpr()->IgnoreParens());
    Values["handle."] = Simple ? Inner + "." : "(" + Inner + ").";
    return;
  }
  // `owner.get()`: call through the owner, as people write it.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && MC->getNumArgs() == 0 && MC->getMethodDecl() &&
      MC->getMethodDecl()->getIdentifier() && MC->getMethodDecl()->getName() == "get" &&
      !MC->getImplicitObjectArgument()->getType()->isPointerType()) {
    std::string Owner = sourceText(*MC->getImplicitObjectArgument(), Ctx);
    if (!Owner.empty()) {
      Values["handle."] = Owner + "->";
      return;
    }
  }
  bool Simple = isa<DeclRefExpr>(E) || isa<MemberExpr>(E) || isa<CallExpr>(E);
  std::string Base = Simple ? Text : "(" + Text + ")";
  Values["handle."] = Base + (Handle.getType()->isPointerType() ? "->" : ".");
}

// The text of \p Loc's line before it (its indentation, for a statement that
// starts the line).
static StringRef textBeforeOnLine(SourceLocation Loc, const SourceManager &SM) {
  std::pair<FileID, unsigned> Pos = SM.getDecomposedLoc(Loc);
  StringRef Buffer = SM.getBufferData(Pos.first);
  size_t LineStart = Buffer.rfind('\n', Pos.second ? Pos.second - 1 : 0);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  return Buffer.slice(LineStart, Pos.second);
}

std::optional<FixItHint> insertLineBefore(const Stmt &S, StringRef Line, ASTContext &Ctx,
                                          const VarDecl *MustStayVisible) {
  const SourceManager &SM = Ctx.getSourceManager();
  // Climb to the statement that is a direct child of a block.
  DynTypedNode Cur = DynTypedNode::create(S);
  const Stmt *Child = &S;
  for (;;) {
    DynTypedNodeList Parents = Ctx.getParents(Cur);
    if (Parents.empty())
      return std::nullopt;
    Cur = Parents[0];
    // `T x = call();`: the variable leads on to its declaration statement.
    if (Cur.get<VarDecl>())
      continue;
    const Stmt *P = Cur.get<Stmt>();
    if (!P)
      return std::nullopt; // Reached a declaration (a member initialiser, a global).
    if (isa<CompoundStmt>(P))
      break;
    Child = P;
  }
  SourceLocation Loc = Child->getBeginLoc();
  if (Loc.isInvalid() || Loc.isMacroID() || SM.isInSystemHeader(Loc))
    return std::nullopt;
  if (MustStayVisible && Child->getSourceRange().fullyContains(MustStayVisible->getSourceRange()))
    return std::nullopt;
  // Repeat the statement's indentation on the inserted line; a statement that
  // shares its line with other code gets the insertion on the same line.
  StringRef Before = textBeforeOnLine(Loc, SM);
  std::string Text = Before.trim().empty() ? (Line + "\n" + Before).str() : (Line + " ").str();
  return FixItHint::CreateInsertion(Loc, Text);
}

std::optional<FixItHint> insertLineAfter(const Stmt &S, StringRef Line, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = S.getBeginLoc(), End = S.getEndLoc();
  if (Begin.isInvalid() || Begin.isMacroID() || End.isMacroID() || SM.isInSystemHeader(Begin))
    return std::nullopt;
  SourceLocation After = Lexer::getLocForEndOfToken(End, 0, SM, Ctx.getLangOpts());
  if (After.isInvalid())
    return std::nullopt;
  // On a line of its own, indented like the statement.
  StringRef Before = textBeforeOnLine(Begin, SM);
  std::string Indent = Before.trim().empty() ? Before.str() : std::string();
  return FixItHint::CreateInsertion(After, ("\n" + Indent + Line).str());
}

} // namespace fallacy
