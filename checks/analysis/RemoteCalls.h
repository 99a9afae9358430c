// checks/analysis/RemoteCalls.h: which calls reach another host, directly or through helpers.
#ifndef FALLACY_ANALYSIS_REMOTECALLS_H
#define FALLACY_ANALYSIS_REMOTECALLS_H

#include "analysis/ApiModel.h"
#include "llvm/ADT/DenseMap.h"

namespace clang {
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
} // namespace clang

namespace fallacy {

/// A remote operation found in the code: the call the model recognises.
struct RemoteSite {
  const clang::Expr *Call = nullptr; ///< The operation itself (maybe inside a helper).
  const Operation *Op = nullptr;
  /// A helper that sends and then receives on a stream: a whole exchange,
  /// one round trip, though each of its operations is a stream chunk. Call
  /// is then the receive.
  bool Exchange = false;
  /// A synchronous round trip: a blocking operation that is not a stream
  /// chunk, or an exchange.
  bool roundTrip() const { return Call && Op->Blocking && (!Op->Stream || Exchange); }
};

/// True when \p Call, an operation of \p Op, receives the peer's data.
bool isReplyCall(const clang::Expr &Call, const Operation &Op);
/// True when \p Call, a blocking stream operation of \p Op, sends.
inline bool isSendCall(const clang::Expr &Call, const Operation &Op) {
  return Op.Stream && Op.Blocking && !isReplyCall(Call, Op);
}

struct FunctionFacts;

/// True when \p Root, a local handle of the function \p F, is set from one
/// of the model's factories for \p Op's handle kind (`int fd = socket(...)`):
/// for operations that are remote only on such handles (read() on a socket,
/// not on a file).
bool handleMadeByFactory(const FunctionFacts &F, const HandleRoot &Root, const Operation &Op,
                         const ApiModel &Model);

/// Summaries over the call graph of one translation unit: a function is
/// remote when its body performs a remote operation, directly or through the
/// functions, methods and lambdas it calls.
class RemoteCalls {
public:
  RemoteCalls(const ApiModel &Model, clang::ASTContext &Ctx) : Model(Model), Ctx(Ctx) {}

  /// The remote operation \p Call performs: itself when the model knows it,
  /// else one inside its callee; an empty site when it stays on this host.
  RemoteSite of(const clang::Expr &Call);
  /// The first remote operation in the body of \p Func (a function, method or
  /// lambda call operator), transitively.
  RemoteSite inBody(const clang::Decl &Func);
  /// True when whether \p Call reaches the network is for other units to
  /// say: it stays here as far as this unit sees, and its callee is a function
  /// of the project (not a library's) whose body, or that of a function of
  /// the project it calls, is not in this unit.
  bool decidedElsewhere(const clang::Expr &Call);

private:
  bool reachesOtherFile(const clang::FunctionDecl &F);
  llvm::DenseMap<const clang::FunctionDecl *, bool> ReachesMemo;
  const ApiModel &Model;
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::Decl *, RemoteSite> Memo;
  llvm::DenseMap<const clang::Decl *, bool> InProgress;
};

} // namespace fallacy

#endif
