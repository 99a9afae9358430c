// checks/analysis/CheckMetadata.h: rules/checks.json, the one source of truth about checks.
#ifndef FALLACY_ANALYSIS_CHECKMETADATA_H
#define FALLACY_ANALYSIS_CHECKMETADATA_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <vector>

namespace fallacy {

struct CheckOptionRecord {
  std::string Name;
  std::string Type;    ///< "int", "bool", "string" or "list" (semicolon-separated).
  std::string Default; ///< The default, spelled as a clang-tidy option value.
  std::string Doc;
};

struct FallacyRecord {
  std::string Id;
  std::string Title; ///< "The network is reliable".
  std::string Text;  ///< Why the belief is false, one or two sentences.
};

struct CheckRecord {
  std::string Id;
  std::string Title;
  std::string Fallacy; ///< Key into CheckMetadata::Fallacies.
  std::string Summary;
  std::string Description;
  std::string Severity; ///< "note", "warning" or "error".
  std::string Docs;     ///< Path relative to the project root.
  bool FixIts = false;
  std::vector<CheckOptionRecord> Options;

  const CheckOptionRecord *option(llvm::StringRef Name) const;
};

struct CheckMetadata {
  std::vector<FallacyRecord> Fallacies;
  std::vector<CheckRecord> Checks;

  const CheckRecord *find(llvm::StringRef Id) const;
  const FallacyRecord *fallacy(llvm::StringRef Id) const;
};

/// Parses and validates a checks.json text; errors name \p FileName and the
/// JSON path of the offending value.
llvm::Expected<CheckMetadata> parseCheckMetadata(llvm::StringRef Text,
                                                 llvm::StringRef FileName);

/// The metadata compiled into this binary (rules/checks.json).
const CheckMetadata &checkMetadata();

/// Checks that the registered check ids and the records match one to one;
/// returns one line per mismatch.
std::vector<std::string>
registryMismatches(const CheckMetadata &Meta,
                   const std::vector<std::string> &RegisteredIds);

/// The project's documentation base URL, for SARIF helpUri and messages.
llvm::StringRef docsBaseUrl();

} // namespace fallacy

#endif
