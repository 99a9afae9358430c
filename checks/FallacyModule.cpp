// checks/FallacyModule.cpp: the clang-tidy module that registers every fallacy-lint check.
#include "ChattyLoopCheck.h"
#include "CrossHostTimestampCheck.h"
#include "MissingTimeoutCheck.h"
#include "NonIdempotentRetryCheck.h"
#include "RetryWithoutBackoffCheck.h"
#include "UnboundedRetryCheck.h"
#include "WallClockDurationCheck.h"
#include "analysis/CheckMetadata.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "llvm/Support/ErrorHandling.h"

namespace fallacy {
namespace {

class FallacyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ChattyLoopCheck>("fallacy-chatty-loop");
    Factories.registerCheck<CrossHostTimestampCheck>("fallacy-cross-host-timestamp");
    Factories.registerCheck<MissingTimeoutCheck>("fallacy-missing-timeout");
    Factories.registerCheck<NonIdempotentRetryCheck>("fallacy-non-idempotent-retry");
    Factories.registerCheck<RetryWithoutBackoffCheck>("fallacy-retry-without-backoff");
    Factories.registerCheck<UnboundedRetryCheck>("fallacy-unbounded-retry");
    Factories.registerCheck<WallClockDurationCheck>("fallacy-wall-clock-duration");
    validate(Factories);
  }

private:
  // The registry and rules/checks.json must agree one to one; the metadata is
  // compiled in, so a mismatch is a build defect that the test suite reports.
  static void validate(const clang::tidy::ClangTidyCheckFactories &Factories) {
    std::vector<std::string> Ids;
    for (const auto &F : Factories)
      if (llvm::StringRef(F.getKey()).starts_with("fallacy-"))
        Ids.push_back(F.getKey().str());
    std::vector<std::string> Problems = registryMismatches(checkMetadata(), Ids);
    if (!Problems.empty())
      llvm::report_fatal_error(llvm::Twine("fallacy-lint: ") + Problems.front());
  }
};

} // namespace

static clang::tidy::ClangTidyModuleRegistry::Add<FallacyModule>
    Registration("fallacy-module", "Checks for the fallacies of distributed computing.");

// Referenced by the front ends so the linker keeps this object and its
// static registration.
volatile int FallacyModuleAnchorSource = 0;

} // namespace fallacy
