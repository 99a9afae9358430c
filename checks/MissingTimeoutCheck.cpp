// checks/MissingTimeoutCheck.cpp: placeholder body while the pipeline is wired.
#include "MissingTimeoutCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace fallacy {

MissingTimeoutCheck::MissingTimeoutCheck(llvm::StringRef Name,
                                         clang::tidy::ClangTidyContext *Context)
    : FallacyCheck(Name, Context) {}

void MissingTimeoutCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(callee(functionDecl(hasName("curl_easy_perform")))).bind("c"), this);
}

void MissingTimeoutCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<clang::CallExpr>("c");
  diag(Call->getBeginLoc(), "'curl_easy_perform' can wait forever");
}

} // namespace fallacy
