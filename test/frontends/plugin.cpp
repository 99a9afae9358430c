// test/frontends/plugin.cpp: our checks through stock clang-tidy-19 --load, .clang-tidy and run-clang-tidy.
// REQUIRES: libcurl
//
// Loaded as a plugin, the check runs and reports once, at the call.
// RUN: %clang_tidy --load=%fallacy_plugin --checks='-*,fallacy-*' %s -- -std=c++17 %libcurl_cflags \
// RUN:   2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
//
// --warnings-as-errors turns it into an error and a failing exit code, for CI jobs.
// RUN: not %clang_tidy --load=%fallacy_plugin --checks='-*,fallacy-*' --warnings-as-errors='fallacy-*' \
// RUN:   %s -- -std=c++17 %libcurl_cflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// --list-checks shows our check with the plugin, and no fallacy check without it.
// RUN: %clang_tidy --load=%fallacy_plugin --checks='-*,fallacy-*' --list-checks | FileCheck %s --check-prefix=LIST
// LIST: Enabled checks:
// LIST: {{^ +}}fallacy-missing-timeout{{$}}
// RUN: %clang_tidy --checks='-*,misc-*,fallacy-*' --list-checks | FileCheck %s --check-prefix=NOPLUGIN
// NOPLUGIN-NOT: fallacy-
//
// A project's .clang-tidy enables the checks and sets their options; no --checks needed.
// RUN: rm -rf %t && mkdir -p %t/proj
// RUN: cp %s %t/proj/fetch.cpp
// RUN: cp %S/Inputs/plugin-config/.clang-tidy %t/proj/.clang-tidy
// RUN: cd %t/proj && %clang_tidy --load=%fallacy_plugin fetch.cpp -- -std=c++17 %libcurl_cflags \
// RUN:   2>&1 | FileCheck %s --check-prefix=CONFIG --implicit-check-not='{{warning|error}}:'
// RUN: cd %t/proj && %clang_tidy --load=%fallacy_plugin --dump-config fetch.cpp -- | FileCheck %s --check-prefix=DUMP
// DUMP: fallacy-missing-timeout.DefaultTimeoutMs: '1234'
//
// run-clang-tidy (and jobs built on it) passes the plugin through with -load.
// RUN: echo '[{"directory": "%t/proj", "file": "fetch.cpp", "arguments": ["clang++", "-std=c++17", "-c", "fetch.cpp"]}]' \
// RUN:   > %t/proj/compile_commands.json
// RUN: %python %run_clang_tidy -clang-tidy-binary=%clang_tidy -load=%fallacy_plugin -checks='-*,fallacy-*' \
// RUN:   -p %t/proj -quiet 2>&1 | FileCheck %s --check-prefix=RUNTIDY --implicit-check-not='{{warning|error}}:'
//
// The fix-it takes its timeout from the .clang-tidy option.
// RUN: cd %t/proj && %clang_tidy --load=%fallacy_plugin --export-fixes=%t/fixes.yaml fetch.cpp \
// RUN:   -- -std=c++17 %libcurl_cflags
// RUN: FileCheck %s --check-prefix=FIX --input-file=%t/fixes.yaml
// FIX: DiagnosticName: fallacy-missing-timeout
// FIX: ReplacementText: {{.*}}CURLOPT_TIMEOUT{{(_MS)?}}, 1234
#include <curl/curl.h>

// A handle that never gets CURLOPT_TIMEOUT or CURLOPT_TIMEOUT_MS is reported at the call.
void fetch(const char *Url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, Url);
  curl_easy_perform(h);
  // WARN: plugin.cpp:[[@LINE-1]]:3: warning: {{.*}}curl_easy_perform{{.*}} [fallacy-missing-timeout]
  // ERR: plugin.cpp:[[@LINE-2]]:3: error: {{.*}} [fallacy-missing-timeout,-warnings-as-errors]
  // CONFIG: fetch.cpp:[[@LINE-3]]:3: warning: {{.*}} [fallacy-missing-timeout]
  // RUNTIDY: fetch.cpp:[[@LINE-4]]:3: warning: {{.*}} [fallacy-missing-timeout]
  curl_easy_cleanup(h);
}
