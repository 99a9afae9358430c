// checks/analysis/AstUtil.h: small AST helpers shared by the checks (contexts, text, insertion).
#ifndef FALLACY_ANALYSIS_ASTUTIL_H
#define FALLACY_ANALYSIS_ASTUTIL_H

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace fallacy {

/// True inside sizeof, alignof, decltype, noexcept or typeid operands, which
/// never run.
bool isInUnevaluatedContext(const clang::Stmt &S, clang::ASTContext &Ctx);

/// True in a system header or an installed library header (under /usr/include
/// or /usr/local/include, also when reached with -I).
bool isLibraryLocation(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// What stripExpr() looks through besides parentheses, implicit casts and
/// temporaries (which it always skips).
enum StripFlags : unsigned {
  StripCasts = 1,        ///< Functional and static casts.
  StripCopies = 2,       ///< Copy and move constructions, std::move, std::forward.
  StripConstructions = 4 ///< Any one-argument construction.
};
/// \p E without the wrappers the analyses never care about.
const clang::Expr *stripExpr(const clang::Expr *E, unsigned Flags = 0);

/// The statement whose child \p S is (its first parent that is a statement),
/// or nullptr at the top of a body. Walking up with it ends at the body: no
/// depth limit is needed.
const clang::Stmt *parentStmt(const clang::Stmt &S, clang::ASTContext &Ctx);

/// The calls in \p S, in source order, outside the bodies of the lambdas
/// written in it (a lambda's body runs when it is called, not where it is
/// written; its captures are evaluated there, so they count). With
/// \p Constructions, constructor calls too.
std::vector<const clang::Expr *> callsIn(const clang::Stmt &S, bool Constructions = false);

/// The body of a while, do, for or range-for loop; \p S itself otherwise.
const clang::Stmt &loopBody(const clang::Stmt &S);

/// A statement that leaves a loop or starts its next iteration.
struct LoopExit {
  const clang::Stmt *S;
  bool Continues; ///< A `continue` of this loop.
};
/// The exits of \p Body, the body of a loop: `break` and `continue` of that
/// loop (not those of a nested loop, or a `break` of a nested switch),
/// `return`, `goto`, and `throw` unless it is inside the try block of a try
/// statement within the body (a throw in a handler, a rethrow, leaves).
/// Lambdas written in the body are not looked into.
std::vector<LoopExit> loopExits(const clang::Stmt &Body);

/// True when \p S is (part of) the condition of a while, do or for loop.
bool isInLoopCondition(const clang::Stmt &S, clang::ASTContext &Ctx);

/// The function (or lambda call operator) whose body holds \p S.
const clang::FunctionDecl *enclosingFunction(const clang::Stmt &S, clang::ASTContext &Ctx);

/// The source text of \p E as written, or "" inside macros.
std::string sourceText(const clang::Expr &E, const clang::ASTContext &Ctx);

/// Expands ${name} placeholders from \p Values; "${handle.}" is the handle as
/// an object prefix: `ctx.` for `&ctx`, `p->` for a pointer `p`.
std::string expandTemplate(llvm::StringRef Template, const llvm::StringMap<std::string> &Values);

/// Values for a handle expression: "handle" (as written) and "handle." (how to
/// call a method on it).
void addHandleValues(const clang::Expr &Handle, const clang::ASTContext &Ctx,
                     llvm::StringMap<std::string> &Values);

/// A fix-it inserting \p Line (plus a newline and the same indentation) before
/// the statement of the enclosing block that contains \p S. None when that
/// statement is in a macro, or declares \p MustStayVisible (inserting before
/// it would use the variable before its declaration).
std::optional<clang::FixItHint> insertLineBefore(const clang::Stmt &S, llvm::StringRef Line,
                                                 clang::ASTContext &Ctx,
                                                 const clang::VarDecl *MustStayVisible);

/// A fix-it inserting \p Line on a line of its own after statement \p S,
/// indented like it. None when \p S is in a macro or a system header.
std::optional<clang::FixItHint> insertLineAfter(const clang::Stmt &S, llvm::StringRef Line,
                                                clang::ASTContext &Ctx);

} // namespace fallacy

#endif
