// checks/analysis/FlowOrder.h: "can this statement run before that one?" on a function's CFG.
#ifndef FALLACY_ANALYSIS_FLOWORDER_H
#define FALLACY_ANALYSIS_FLOWORDER_H

#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <utility>

namespace clang {
class ASTContext;
class CFG;
class CFGBlock;
class CFGStmtMap;
class Decl;
class ParentMap;
class Stmt;
} // namespace clang

namespace fallacy {

/// Orders statements of one function body along its control-flow graph.
class FlowOrder {
public:
  FlowOrder(const clang::Decl &Func, clang::ASTContext &Ctx);
  ~FlowOrder();

  /// True when some execution of the function runs \p Event before the first
  /// execution of \p Target: Event is reachable from the entry without passing
  /// Target, and Target is reachable from Event. A statement after Target in a
  /// loop does not precede it (the first iteration runs without it). Falls
  /// back to source order where the CFG cannot place a statement.
  bool canPrecede(const clang::Stmt *Event, const clang::Stmt *Target) const;

private:
  struct Position {
    const clang::CFGBlock *Block = nullptr;
    unsigned Index = 0;
  };
  Position position(const clang::Stmt *S) const;
  bool reachable(const clang::CFGBlock *From, const clang::CFGBlock *To,
                 const clang::CFGBlock *Avoid) const;

  clang::ASTContext &Ctx;
  std::unique_ptr<clang::CFG> Cfg;
  std::unique_ptr<clang::ParentMap> Parents;
  std::unique_ptr<clang::CFGStmtMap> Map;
};

} // namespace fallacy

#endif
