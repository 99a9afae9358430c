// checks/analysis/EmbeddedRules.h: the rules/*.json files compiled into the binaries.
#ifndef FALLACY_ANALYSIS_EMBEDDEDRULES_H
#define FALLACY_ANALYSIS_EMBEDDEDRULES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace fallacy::rules {
struct EmbeddedFile {
  llvm::StringRef Path; ///< Relative to rules/, e.g. "apis/curl.json".
  llvm::StringRef Text;
};
/// Every rules file, checks.json first, then apis/*.json in name order.
llvm::ArrayRef<EmbeddedFile> embeddedFiles();
} // namespace fallacy::rules

#endif
