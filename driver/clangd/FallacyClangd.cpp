// driver/clangd/FallacyClangd.cpp: clangd with the fallacy-lint check module linked in.
//
// clangd builds its clang-tidy checks from the module registry, so linking
// our module is all it takes; everything else is clangd's own main.
namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

namespace fallacy {
extern volatile int FallacyModuleAnchorSource;
} // namespace fallacy

int main(int Argc, char *Argv[]) {
  (void)fallacy::FallacyModuleAnchorSource;
  return clang::clangd::clangdMain(Argc, Argv);
}
