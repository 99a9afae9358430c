// checks/analysis/HandleRoot.h: where a handle expression's object lives, so two uses can be compared.
#ifndef FALLACY_ANALYSIS_HANDLEROOT_H
#define FALLACY_ANALYSIS_HANDLEROOT_H

#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang {
class Expr;
class CallExpr;
class ValueDecl;
class VarDecl;
class FieldDecl;
class ASTContext;
} // namespace clang

namespace fallacy {

/// The storage a handle expression denotes: `&ctx`, `ctx.get()`, `ctx->x` and
/// `*ctx` all denote the variable `ctx`; `this->curl_` the member `curl_`;
/// `conn.handle` the member `handle` of the variable `conn`; `MakeContext().get()`
/// the result of one call.
struct HandleRoot {
  enum class Kind { None, Var, ThisMember, CallResult, New };
  Kind K = Kind::None;
  const clang::VarDecl *Var = nullptr;                 ///< Kind::Var.
  llvm::SmallVector<const clang::FieldDecl *, 2> Path; ///< Members from Var or `this`.
  const clang::CallExpr *Call = nullptr;               ///< Kind::CallResult.

  bool valid() const { return K != Kind::None; }
  bool operator==(const HandleRoot &O) const {
    return K == O.K && Var == O.Var && Path == O.Path && Call == O.Call;
  }
  bool operator!=(const HandleRoot &O) const { return !(*this == O); }
  /// How a user names it in a message: "ctx", "conn.handle", "curl_".
  std::string spelling() const;
};

/// A call that hands out a layer of the handle it is given (Beast's
/// get_lowest_layer(ws), ws.next_layer()): the result is the same handle.
using LayerAccessor = bool (*)(const clang::CallExpr &Call, const void *Model,
                               const clang::Expr *&Inner);

/// The root of \p E. Local references and local pointers initialised from
/// another handle (`auto *p = &ctx;`) are followed to what they alias;
/// \p Layers (with its \p Model) names calls that return a layer of a handle.
HandleRoot rootOf(const clang::Expr *E, LayerAccessor Layers = nullptr,
                  const void *Model = nullptr);

} // namespace fallacy

#endif
