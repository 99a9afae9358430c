// rules/EmbeddedDocs.h: the docs/checks/*.md pages compiled into fallacy-lint for --explain.
#ifndef FALLACY_RULES_EMBEDDEDDOCS_H
#define FALLACY_RULES_EMBEDDEDDOCS_H

#include "analysis/EmbeddedRules.h"

namespace fallacy::rules {
/// Every docs/checks/*.md page in name order, keyed "docs/checks/<name>.md"
/// (the "docs" field of rules/checks.json).
llvm::ArrayRef<EmbeddedFile> embeddedDocs();
} // namespace fallacy::rules

#endif
