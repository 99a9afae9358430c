// checks/analysis/LoopCalls.h: loops over data that make one remote round trip per element.
#ifndef FALLACY_ANALYSIS_LOOPCALLS_H
#define FALLACY_ANALYSIS_LOOPCALLS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "analysis/RemoteCalls.h"
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace fallacy {

/// A call in a loop body that runs once per element and uses the element.
struct PerElementCall {
  const clang::CallExpr *Call = nullptr;
  RemoteSite Site;            ///< The synchronous remote operation it makes, when known in this unit.
  bool Unresolved = false;    ///< The callee's body, or that of a function it calls, is in
                              ///< another file: remote or not, the summaries say.
};

/// Finds the calls a loop over a collection makes once per element with an
/// argument that depends on the element: range-for over a container, iterator
/// loops, index loops bounded by a size or a count (also of query results).
/// Not considered: loops over a constant set of at most MaxConstant elements,
/// calls whose arguments do not depend on the element (pipelines read back in
/// a loop), asynchronous operations, and the chunks of one stream.
class LoopCalls {
public:
  LoopCalls(const ApiModel &Model, clang::ASTContext &Ctx, unsigned MaxConstant)
      : Model(Model), Ctx(Ctx), Remote(Model, Ctx), MaxConstant(MaxConstant) {}

  /// The element-dependent calls of \p Loop; empty when it is not a loop over data.
  std::vector<PerElementCall> of(const clang::Stmt &Loop);
  /// Every call in the body of \p Loop (a loop over data) whose arguments
  /// depend on the element, remote or not, constant range or not.
  std::vector<const clang::CallExpr *> usingElement(const clang::Stmt &Loop);
  /// The variables that name the element: the range variable, the iterator or index.
  std::vector<const clang::VarDecl *> elementVars(const clang::Stmt &Loop);

  using VarSet = llvm::SmallPtrSet<const clang::VarDecl *, 8>;

private:
  /// The element variables and the locals of the body computed from them.
  VarSet tainted(const clang::Stmt &Loop);
  /// The element variables and the locals taken out of them without a call.
  VarSet taken(const clang::Stmt &Loop);
  bool fansOut(const clang::CallExpr &Call, const RemoteSite &Site, const VarSet &Taken);
  bool constantSmallRange(const clang::Stmt &Loop);
  const ApiModel &Model;
  clang::ASTContext &Ctx;
  RemoteCalls Remote;
  unsigned MaxConstant;
};

} // namespace fallacy

#endif
