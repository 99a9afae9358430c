// checks/analysis/FlowOrder.cpp: statement order on clang's CFG.
#include "analysis/FlowOrder.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/CFGStmtMap.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace fallacy {

FlowOrder::FlowOrder(const Decl &Func, ASTContext &Ctx) : Ctx(Ctx) {
  Stmt *Body = Func.getBody();
  if (!Body)
    return;
  CFG::BuildOptions Opts;
  Opts.setAllAlwaysAdd();
  Opts.AddImplicitDtors = false;
  Opts.AddTemporaryDtors = false;
  Cfg = CFG::buildCFG(&Func, Body, &Ctx, Opts);
  if (!Cfg)
    return;
  Parents = std::make_unique<ParentMap>(Body);
  Map.reset(CFGStmtMap::Build(Cfg.get(), Parents.get()));
}

FlowOrder::~FlowOrder() = default;

FlowOrder::Position FlowOrder::position(const Stmt *S) const {
  Position P;
  if (!Map)
    return P;
  // The statement itself, or the closest enclosing statement the CFG lists.
  for (const Stmt *Cur = S; Cur; Cur = Parents->getParent(Cur)) {
    const CFGBlock *B = Map->getBlock(Cur);
    if (!B)
      continue;
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>(); CS && CS->getStmt() == Cur) {
        P.Block = B;
        P.Index = I;
        return P;
      }
      ++I;
    }
    // Terminator conditions (if/while/for) sit after the block's elements.
    if (B->getTerminatorStmt() == Cur) {
      P.Block = B;
      P.Index = I;
      return P;
    }
  }
  return P;
}

bool FlowOrder::reachable(const CFGBlock *From, const CFGBlock *To, const CFGBlock *Avoid) const {
  llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
  llvm::SmallVector<const CFGBlock *, 32> Work;
  Work.push_back(From);
  Seen.insert(From);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (B == To)
      return true;
    if (B == Avoid && B != From)
      continue;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (const CFGBlock *S = Succ.getReachableBlock())
        if (Seen.insert(S).second)
          Work.push_back(S);
  }
  return false;
}

bool FlowOrder::canPrecede(const Stmt *Event, const Stmt *Target) const {
  Position E = position(Event), T = position(Target);
  if (!E.Block || !T.Block) {
    const SourceManager &SM = Ctx.getSourceManager();
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Event->getBeginLoc()),
                                        SM.getExpansionLoc(Target->getBeginLoc()));
  }
  if (E.Block == T.Block)
    return E.Index < T.Index;
  return reachable(&Cfg->getEntry(), E.Block, T.Block) && reachable(E.Block, T.Block, nullptr);
}

} // namespace fallacy
