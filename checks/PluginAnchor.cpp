// checks/PluginAnchor.cpp: keeps the module's registration alive in libfallacy-lint-plugin.so.
namespace fallacy {
extern volatile int FallacyModuleAnchorSource;
[[maybe_unused]] static int PluginAnchorDestination = FallacyModuleAnchorSource;
} // namespace fallacy
