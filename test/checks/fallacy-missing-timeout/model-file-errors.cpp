// A malformed model file is a configuration error: the message names the
// file, the JSON path and the problem, and fallacy-lint exits with 2.
// RUN: not %fallacy_lint --checks=-*,fallacy-missing-timeout "--config={CheckOptions: {fallacy-missing-timeout.ModelFiles: '%S/Inputs/broken-model.json'}}" %s -- 2>&1 | %FileCheck --check-prefix=BROKEN -DMODEL=%S/Inputs/broken-model.json %s
// RUN: %expect_exit 2 %fallacy_lint --checks=-*,fallacy-missing-timeout "--config={CheckOptions: {fallacy-missing-timeout.ModelFiles: '%S/Inputs/broken-model.json'}}" %s --

// A model file that does not exist is named too, with the same exit code.
// RUN: not %fallacy_lint --checks=-*,fallacy-missing-timeout "--config={CheckOptions: {fallacy-missing-timeout.ModelFiles: '%S/Inputs/no-such-model.json'}}" %s -- 2>&1 | %FileCheck --check-prefix=MISSING -DMODEL=%S/Inputs/no-such-model.json %s
// RUN: %expect_exit 2 %fallacy_lint --checks=-*,fallacy-missing-timeout "--config={CheckOptions: {fallacy-missing-timeout.ModelFiles: '%S/Inputs/no-such-model.json'}}" %s --

// BROKEN: error: [[MODEL]]: expected true (blocks the calling thread) or false at model.operations[0].blocking
// MISSING: error: [[MODEL]]: cannot read model file: No such file or directory

void nothingRemoteHere() {}
