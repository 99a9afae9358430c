# test/lit.cfg.py: lit configuration for fallacy-lint's check, driver and front-end tests.
import os
import re
import shlex

import lit.formats

config.name = "fallacy-lint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "unit", "proto", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.fallacy_obj_root, "test")

for feature in config.fallacy_features:
    config.available_features.add(feature)

# Tools first on PATH: our binaries, then LLVM 19's (FileCheck, not, clang-tidy).
config.environment["PATH"] = os.pathsep.join(
    [config.fallacy_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
# Stable output regardless of the developer's terminal.
config.environment["TERM"] = "dumb"
for var in ["FALLACY_LINT_COLOR", "NO_COLOR", "CLICOLOR_FORCE"]:
    config.environment.pop(var, None)

fallacy_lint = os.path.join(config.fallacy_bin_dir, "fallacy-lint")
check_script = os.path.join(config.test_source_root, "check_fallacy.py")
config.substitutions.append(
    ("%check_fallacy", f"{config.python} {check_script} --fallacy-lint={fallacy_lint} "
                       f"--filecheck={config.filecheck}"))
# %expect_exit N cmd...: runs cmd, passes its output through, fails unless it
# exits with N (lit's `not` only tells zero from non-zero). Listed before
# %fallacy_lint... so no shorter substitution eats its prefix.
config.substitutions.insert(
    0, ("%expect_exit", f"{config.python} {os.path.join(config.test_source_root, 'expect_exit.py')}"))
config.substitutions.append(("%fallacy_lint", fallacy_lint))
config.substitutions.append(("%fallacy_clangd", os.path.join(config.fallacy_bin_dir, "fallacy-clangd")))
config.substitutions.append(("%fallacy_plugin", os.path.join(config.fallacy_lib_dir, "libfallacy-lint-plugin.so")))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%clang_apply_replacements", config.clang_apply_replacements))
config.substitutions.append(("%run_clang_tidy", os.path.join(config.llvm_tools_dir, "run-clang-tidy")))
config.substitutions.append(("%gen_dir", config.fallacy_gen_dir))
config.substitutions.append(("%src_root", config.fallacy_src_root))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%FileCheck", config.filecheck))

# One --family=<name>=<cflags> argument per installed API family (from the
# %<family>_cflags substitutions), for scripts that compile examples themselves.
family_args = []
for key, value in list(config.substitutions):
    m = re.match(r"^%(\w+)_cflags$", key)
    if m and m.group(1) in config.available_features:
        family_args.append(shlex.quote(f"--family={m.group(1)}={value}"))
config.substitutions.append(("%family_args", " ".join(family_args)))
