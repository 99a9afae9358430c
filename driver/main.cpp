#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "llvm/Support/raw_ostream.h"
int main() {
  for (const auto &E : clang::tidy::ClangTidyModuleRegistry::entries()) llvm::outs() << E.getName() << "\n";
  return 0;
}
