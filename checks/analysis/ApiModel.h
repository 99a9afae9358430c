// checks/analysis/ApiModel.h: the network-API models of rules/apis/*.json, queried by the checks.
#ifndef FALLACY_ANALYSIS_APIMODEL_H
#define FALLACY_ANALYSIS_APIMODEL_H

#include "analysis/CallPattern.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class ASTContext;
} // namespace clang

namespace fallacy {

/// Where a call's handle (context, easy handle, socket) is: an argument, or
/// the object a method is called on.
struct HandleRef {
  bool Object = false;
  unsigned Arg = 0;
  std::string Kind; ///< A HandleKind id.
  /// The handle expression of \p Call, or nullptr when the call has no such
  /// argument.
  const clang::Expr *of(const clang::CallExpr &Call) const;
};

/// A kind of object a timeout is configured on: gRPC's ClientContext,
/// libcurl's easy handle, a socket.
struct HandleKind {
  std::string Id;
  std::string Family;
  std::string Noun;        ///< "ClientContext", "easy handle".
  std::vector<std::string> Types;
  std::string Missing;     ///< "no deadline", "no CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS".
  std::string Default;     ///< "infinite", or a number of seconds.
  std::string DefaultNote; ///< The library's behaviour when nothing is set.
  std::string FixIt;       ///< Template: ${handle}, ${handle.}, ${timeoutMs}; empty = no fix-it.
};

/// A remote operation: a call that talks to another host.
struct Operation {
  std::string Id;
  std::string Family;
  std::string Description;
  CallPattern Match;
  bool Blocking = true;
  HandleRef Handle;
  bool HasHandle = false;
};

/// Values of a timeout argument that mean "no timeout at all".
struct NoneValues {
  std::vector<int64_t> Integers;
  std::vector<std::string> Callees; ///< Qualified-name suffixes: "time_point::max".
  bool matches(const clang::Expr &Value, const clang::ASTContext &Ctx) const;
};

/// A call that sets a timeout or deadline on a handle.
struct TimeoutSetter {
  std::string Family;
  CallPattern Match;
  HandleRef Handle;
  int SelectorArg = -1;               ///< For option setters (curl_easy_setopt).
  std::vector<std::string> Selectors; ///< Enumerator or macro names that select a timeout.
  int ValueArg = -1;
  NoneValues None;
  std::string Scope = "total"; ///< "total", or "connect" when only connecting is bounded.
};

/// A library call that returns a handle.
struct HandleFactory {
  CallPattern Match;
  std::string Kind;
  bool Configured = false; ///< The returned handle already carries a timeout.
  int CopiesArg = -1;      ///< The result copies the options of this argument's handle.
};

/// What a call is, according to the model.
struct SetterMatch {
  const TimeoutSetter *Setter = nullptr;
  const clang::Expr *Handle = nullptr;
  bool SetsNone = false; ///< The value means "no timeout" (0, infinity).
};

class ApiModel {
public:
  /// Adds the models in one JSON text; errors name \p FileName, the JSON path
  /// and the problem.
  llvm::Error addFile(llvm::StringRef Text, llvm::StringRef FileName);

  const Operation *operation(const clang::CallExpr &Call) const;
  /// The operation \p Callee is, when calls to it are remote operations.
  const Operation *operation(const clang::FunctionDecl &Callee) const;
  /// The setter \p Call is, when it sets a timeout of handle kind \p Kind
  /// (any kind when empty).
  SetterMatch setter(const clang::CallExpr &Call, llvm::StringRef Kind,
                     const clang::ASTContext &Ctx) const;
  const HandleFactory *factory(const clang::CallExpr &Call, llvm::StringRef Kind) const;
  const HandleKind *handleKind(llvm::StringRef Id) const;

  llvm::ArrayRef<Operation> operations() const { return Operations; }
  llvm::ArrayRef<std::string> families() const { return Families; }

private:
  friend class ApiModelParser;
  std::vector<std::string> Families;
  std::vector<HandleKind> Kinds;
  std::vector<Operation> Operations;
  std::vector<TimeoutSetter> Setters;
  std::vector<HandleFactory> Factories;
  PatternIndex OperationIndex, SetterIndex, FactoryIndex;
};

/// The built-in models plus the user's \p ExtraFiles (ModelFiles option),
/// loaded once per distinct list and shared by all checks.
llvm::Expected<const ApiModel &> loadApiModel(llvm::ArrayRef<std::string> ExtraFiles);

} // namespace fallacy

#endif
