// checks/analysis/Idempotency.h: does running a remote operation twice do its work twice?
#ifndef FALLACY_ANALYSIS_IDEMPOTENCY_H
#define FALLACY_ANALYSIS_IDEMPOTENCY_H

#include "analysis/ApiModel.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace fallacy {

struct IdempotencyOptions {
  std::vector<std::string> KeyHeaders;         ///< "Idempotency-Key", ...
  std::vector<std::string> NonIdempotentVerbs; ///< gRPC method name verbs: Create, Charge, ...
  std::vector<std::string> IdempotentVerbs;    ///< Get, List, Set, Delete, ...
  std::vector<std::string> KeyFields;          ///< Request fields: request_id, idempotency_key.
  std::vector<std::string> ProtoPaths;         ///< Where to look for .proto files.
};

struct IdempotencyVerdict {
  bool NotIdempotent = false;
  std::string Effect;    ///< "run the POST twice", "charge twice", "apply INCRBY twice".
  std::string Remedy;    ///< What makes it safe, for a note.
  const clang::Stmt *Evidence = nullptr; ///< Where the verb or text was chosen.
  /// A header list of the call, declared before the retry and outside it,
  /// where a key made once can be added (the model's keyFix).
  const clang::VarDecl *KeyHeaders = nullptr;
  std::string KeyFixInsert;
};

/// Decides idempotency from the API model and the code: HTTP verbs (libcurl
/// options on the handle, cpp-httplib's method names, Beast's request verb),
/// unless an idempotency key header whose value does not change between
/// attempts goes with the request; gRPC methods by their .proto
/// idempotency_level or their name's leading verb, unless a key field of the
/// request is set outside the retry; Redis commands; SQL text; and the
/// FALLACY_IDEMPOTENT / FALLACY_NOT_IDEMPOTENT marks.
class IdempotencyAnalysis {
public:
  IdempotencyAnalysis(const ApiModel &Model, clang::ASTContext &Ctx, IdempotencyOptions Opts)
      : Model(Model), Ctx(Ctx), Opts(std::move(Opts)) {}

  /// \p Site is the operation, \p Entry the call the retry repeats (Site itself
  /// or a call of the function that makes it), \p Retry the repeating statement.
  IdempotencyVerdict of(const clang::Expr &Site, const Operation &Op, const clang::Expr &Entry,
                        const clang::Stmt &Retry);

private:
  IdempotencyVerdict http(const clang::Expr &Site, const Operation &Op, const clang::Stmt &Retry);
  IdempotencyVerdict grpc(const clang::Expr &Site, const clang::Stmt &Retry);
  IdempotencyVerdict redis(const clang::Expr &Site, const Operation &Op);
  IdempotencyVerdict sql(const clang::Expr &Site, const Operation &Op);
  bool hasStableKey(const clang::Expr &Site, const clang::Stmt &Retry);
  std::string protoLevel(const clang::Expr &Site, llvm::StringRef Method);

  const ApiModel &Model;
  clang::ASTContext &Ctx;
  IdempotencyOptions Opts;
  llvm::StringMap<std::string> ProtoCache; ///< "file.proto#Method" -> level.
};

} // namespace fallacy

#endif
