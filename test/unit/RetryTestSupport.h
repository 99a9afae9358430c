// test/unit/RetryTestSupport.h: small ASTs for the retry, outcome and idempotency analysis tests.
#ifndef FALLACY_TEST_UNIT_RETRYTESTSUPPORT_H
#define FALLACY_TEST_UNIT_RETRYTESTSUPPORT_H

#include "Version.h"
#include "analysis/ApiModel.h"
#include "analysis/TuIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include "llvm/Support/ErrorHandling.h"
#include <memory>
#include <string>

namespace fallacy::test {

/// Declarations every snippet starts with: remote functions marked the way
/// fallacy/annotations.h marks them; usleep() and rand() from the C headers.
inline const char *RetryPrelude = R"cpp(
#include <stdlib.h>
#include <unistd.h>
#define REMOTE __attribute__((annotate("fallacy::blocking_remote")))
#define NOT_IDEMPOTENT __attribute__((annotate("fallacy::not_idempotent")))
#define IDEMPOTENT __attribute__((annotate("fallacy::idempotent")))
REMOTE bool sendOrder(int Id);  // false when it failed
REMOTE int fetchQuote(int Id);  // -1 when it failed
REMOTE void pushEvent(int Id);  // throws when it failed
REMOTE NOT_IDEMPOTENT bool chargeCard(int Id);
REMOTE IDEMPOTENT bool setPrice(int Id);
)cpp";

/// One parsed snippet (prelude included); its analyses go with its ASTContext.
class Snippet {
public:
  explicit Snippet(const std::string &Code) {
    std::vector<std::string> Args = {"-std=c++17", "-fsyntax-only",
                                     "-resource-dir=" FALLACY_CLANG_RESOURCE_DIR};
    AST = clang::tooling::buildASTFromCodeWithArgs(RetryPrelude + Code, Args, "snippet.cpp");
  }
  Snippet(const Snippet &) = delete;
  Snippet &operator=(const Snippet &) = delete;

  bool compiled() const { return AST && !AST->getDiagnostics().hasErrorOccurred(); }
  clang::ASTContext &ctx() { return AST->getASTContext(); }

  /// The first (outermost) loop, or goto, in function \p Func.
  const clang::Stmt *loopIn(llvm::StringRef Func) {
    using namespace clang::ast_matchers;
    auto Loop = stmt(anyOf(whileStmt(), doStmt(), forStmt(), cxxForRangeStmt(), gotoStmt()),
                     hasAncestor(functionDecl(hasName(Func))))
                    .bind("s");
    return first<clang::Stmt>(match(Loop, ctx()));
  }
  /// The first call of \p Callee inside function \p Func.
  const clang::CallExpr *callIn(llvm::StringRef Func, llvm::StringRef Callee) {
    using namespace clang::ast_matchers;
    auto Call = callExpr(callee(functionDecl(hasName(Callee))),
                         hasAncestor(functionDecl(hasName(Func))))
                    .bind("s");
    return first<clang::CallExpr>(match(Call, ctx()));
  }
  /// The condition of the \p N th if statement (0-based) inside function \p Func.
  const clang::Expr *ifCondIn(llvm::StringRef Func, unsigned N) {
    using namespace clang::ast_matchers;
    auto If = ifStmt(hasAncestor(functionDecl(hasName(Func)))).bind("s");
    auto Found = match(If, ctx());
    return N < Found.size() ? Found[N].getNodeAs<clang::IfStmt>("s")->getCond() : nullptr;
  }
  /// The body of function \p Func.
  const clang::Stmt *bodyOf(llvm::StringRef Func) {
    using namespace clang::ast_matchers;
    auto F = functionDecl(hasName(Func), isDefinition()).bind("s");
    const auto *FD = first<clang::FunctionDecl>(match(F, ctx()));
    return FD ? FD->getBody() : nullptr;
  }

private:
  template <typename T, typename Matches> const T *first(const Matches &M) {
    return M.empty() ? nullptr : M.front().template getNodeAs<T>("s");
  }
  std::unique_ptr<clang::ASTUnit> AST;
};

/// The embedded API models, loaded once.
inline const ApiModel &builtinModel() {
  static const ApiModel *Model = [] {
    llvm::Expected<const ApiModel &> M = loadApiModel({});
    if (!M)
      llvm::report_fatal_error(llvm::Twine("the embedded API models do not load: ") +
                               llvm::toString(M.takeError()));
    return &*M;
  }();
  return *Model;
}

} // namespace fallacy::test

#endif
