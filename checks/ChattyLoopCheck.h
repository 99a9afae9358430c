// checks/ChattyLoopCheck.h: one remote round trip per loop iteration where a batch call would do.
#ifndef FALLACY_CHECKS_CHATTYLOOPCHECK_H
#define FALLACY_CHECKS_CHATTYLOOPCHECK_H

#include "FallacyCheck.h"
#include "analysis/LoopCalls.h"
#include "analysis/RetryLoops.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace fallacy {

/// Loop makes a synchronous remote call per element, one round trip each, where a batch would do.
///
/// Reports calls in loops over data (range-for, iterator and index loops) that
/// make a synchronous remote call, directly or through helpers, with an
/// argument that depends on the element. Helpers in other files are resolved
/// by the driver from the units' summaries. Not reported: retry loops, the
/// chunks of one stream, constant sets of at most MaxConstantIterations,
/// asynchronous calls, pipelines read back per element.
class ChattyLoopCheck final : public FallacyCheck {
public:
  ChattyLoopCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

protected:
  void registerCheckMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void checkMatch(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  unsigned MaxConstantIterations;
  RetryVocabulary Vocabulary;
};

} // namespace fallacy

#endif
