// driver/clangd/FallacyClangd.cpp: clangd with the fallacy-lint check module linked in.
//
// clangd builds its clang-tidy checks from the module registry, so linking
// our module is all it takes; everything else is clangd's own main.
#include "Version.h"
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

namespace fallacy {
extern volatile int FallacyModuleAnchorSource;
} // namespace fallacy

namespace {
bool exists(const std::string &Path) {
  struct stat St;
  return ::stat(Path.c_str(), &St) == 0;
}

// clangd derives its resource directory (builtin headers such as stddef.h)
// from its own path, which is wrong for a binary not installed next to clang;
// point it at the installed clang's unless the user chose one.
bool needsResourceDir(int Argc, char *Argv[]) {
  for (int I = 1; I < Argc; ++I)
    if (std::strncmp(Argv[I], "--resource-dir", 14) == 0 ||
        std::strncmp(Argv[I], "-resource-dir", 13) == 0)
      return false;
  char Self[4096];
  ssize_t N = ::readlink("/proc/self/exe", Self, sizeof(Self) - 1);
  if (N <= 0)
    return true;
  std::string Dir(Self, N);
  Dir = Dir.substr(0, Dir.rfind('/'));
  return !exists(Dir + "/../lib/clang/" FALLACY_LLVM_MAJOR "/include/stddef.h");
}
} // namespace

int main(int Argc, char *Argv[]) {
  (void)fallacy::FallacyModuleAnchorSource;
  std::vector<char *> Args(Argv, Argv + Argc);
  std::string ResourceDir = "--resource-dir=" FALLACY_CLANG_RESOURCE_DIR;
  if (needsResourceDir(Argc, Argv))
    Args.insert(Args.begin() + 1, ResourceDir.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1, Args.data());
}
