// checks/analysis/TuIndex.h: one pass over a translation unit: bodies, calls and who calls whom.
#ifndef FALLACY_ANALYSIS_TUINDEX_H
#define FALLACY_ANALYSIS_TUINDEX_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class BinaryOperator;
class CallExpr;
class CXXConstructExpr;
class CXXCtorInitializer;
class InitListExpr;
class CXXRecordDecl;
class Decl;
class FunctionDecl;
class ReturnStmt;
class Stmt;
class VarDecl;
} // namespace clang

namespace fallacy {

/// What one function body (a function, method, constructor or lambda) holds.
/// Statements of a lambda inside the body belong to the lambda, not here.
struct FunctionFacts {
  const clang::Decl *Func = nullptr;
  std::vector<const clang::CallExpr *> Calls;
  std::vector<const clang::CXXConstructExpr *> Constructs;
  std::vector<const clang::VarDecl *> Vars; ///< Local variables with initialisers.
  std::vector<const clang::BinaryOperator *> Assignments;
  std::vector<const clang::ReturnStmt *> Returns;
  std::vector<const clang::CXXCtorInitializer *> MemberInits;
  std::vector<const clang::InitListExpr *> InitLists; ///< Aggregate initialisers.
};

struct CallSite {
  const clang::CallExpr *Call = nullptr;
  const clang::Decl *Caller = nullptr;
  /// Index of the callee's first parameter among the call's arguments: 1 for
  /// `f(x)` where f is a variable holding a lambda (arg 0 is f itself).
  unsigned FirstArg = 0;
};

/// Built once per translation unit on first use, template instantiations
/// included (their calls have resolved callees).
class TuIndex {
public:
  explicit TuIndex(clang::ASTContext &Ctx);
  ~TuIndex();

  const FunctionFacts *facts(const clang::Decl *Func) const;
  /// Every function body of the unit.
  llvm::ArrayRef<std::unique_ptr<FunctionFacts>> allFacts() const { return All; }
  /// The function, method or lambda whose body holds \p S (calls only).
  const clang::Decl *enclosing(const clang::CallExpr *Call) const;
  /// Direct calls of \p Callee and, for a lambda stored in a local variable
  /// (`auto f = [](...){}` or a std::function), the calls through it.
  std::vector<CallSite> callers(const clang::FunctionDecl *Callee) const;
  /// Every method and constructor with a body whose class is \p Class.
  llvm::ArrayRef<const clang::Decl *> methodsOf(const clang::CXXRecordDecl *Class) const;
  /// Lambdas written inside the methods of \p Class (their call operators).
  llvm::ArrayRef<const clang::Decl *> lambdasOf(const clang::CXXRecordDecl *Class) const;
  /// The definition of \p FD visible in this unit, or nullptr.
  static const clang::FunctionDecl *definition(const clang::FunctionDecl *FD);

  /// The index of the unit \p Ctx belongs to: UnitAnalysis::of(Ctx).index(),
  /// built once per unit and shared by every check.
  static const TuIndex &shared(clang::ASTContext &Ctx);

private:
  friend class TuIndexBuilder;
  std::vector<std::unique_ptr<FunctionFacts>> All;
  llvm::DenseMap<const clang::Decl *, FunctionFacts *> ByFunc;
  llvm::DenseMap<const clang::CallExpr *, const clang::Decl *> Enclosing;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<CallSite>> Callers;
  llvm::DenseMap<const clang::FunctionDecl *, const clang::VarDecl *> LambdaVars;
  llvm::DenseMap<const clang::VarDecl *, std::vector<CallSite>> VarCalls;
  llvm::DenseMap<const clang::CXXRecordDecl *, std::vector<const clang::Decl *>> Methods;
  llvm::DenseMap<const clang::CXXRecordDecl *, std::vector<const clang::Decl *>> Lambdas;
};

} // namespace fallacy

#endif
