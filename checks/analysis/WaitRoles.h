// checks/analysis/WaitRoles.h: what a remote call waits for: the peer's answer, a client, the kernel, nothing.
#ifndef FALLACY_ANALYSIS_WAITROLES_H
#define FALLACY_ANALYSIS_WAITROLES_H

#include "analysis/HandleRoot.h"

namespace clang {
class ASTContext;
class Decl;
class Expr;
} // namespace clang

namespace fallacy {
class ApiModel;
class TuIndex;
struct Operation;

/// What the wait of a remote call is for, which decides whether a missing
/// timeout there is a defect and how it is worded.
enum class WaitRole {
  Answer,        ///< The peer's answer (a read, a receive, a request/response call).
  Client,        ///< A listener's accept: a server waits for clients by design.
  KernelConnect, ///< A plain TCP connect: the kernel gives up after its SYN retries.
  RequestWrite,  ///< A write whose reply is read next on the same handle: the read is the wait.
  Write,         ///< A write on a handle nothing reads a reply from: it blocks when the peer stops reading.
};

/// The role of \p Call, an operation of \p Op on the handle \p Root, in the
/// function \p Func of the unit indexed by \p Index. A write is a request when
/// a reply is read on the same handle later in \p Func, or anywhere in the
/// methods (and their lambdas) of the class whose member the handle is.
WaitRole waitRole(const clang::Expr &Call, const Operation &Op, const HandleRoot &Root,
                  const clang::Decl *Func, const TuIndex &Index, const ApiModel &Model,
                  clang::ASTContext &Ctx);

/// The declaration a handle is known by (its variable, or the member at the
/// end of its path): one finding per handle is keyed on it. nullptr when the
/// handle has no declaration (a call's result).
const clang::Decl *handleDecl(const HandleRoot &Root);

} // namespace fallacy

#endif
