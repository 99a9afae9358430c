// checks/analysis/Values.h: what constant arguments say: integers, durations, flags, strings.
#ifndef FALLACY_ANALYSIS_VALUES_H
#define FALLACY_ANALYSIS_VALUES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace fallacy {

/// Values of a timeout argument that mean "no timeout at all": integers,
/// "null" (a null pointer), or functions whose result means infinity
/// ("time_point::max", "gpr_inf_future"), matched as qualified-name suffixes.
struct NoneValues {
  std::vector<int64_t> Integers;
  std::vector<std::string> Callees;
  bool Null = false;
  bool empty() const { return Integers.empty() && Callees.empty() && !Null; }
  bool matches(const clang::Expr &Value, const clang::ASTContext &Ctx) const;
};

/// The value of \p E in milliseconds when it is a constant: an integer in
/// \p Unit ("s", "ms", "us"), or a std::chrono::duration (`seconds(5)`, `5s`,
/// `milliseconds(250)`). None when it is not known at compile time.
std::optional<int64_t> constantMs(const clang::Expr &E, llvm::StringRef Unit,
                                  const clang::ASTContext &Ctx);

/// True when \p E mentions one of \p Names as a macro or enumerator anywhere
/// in its expansion: `flags | O_NONBLOCK`, `ZMQ_DONTWAIT`, `recv_flags::dontwait`.
bool mentionsName(const clang::Expr &E, llvm::ArrayRef<std::string> Names,
                  const clang::ASTContext &Ctx);

/// The text of a string literal argument (also through a const char array or
/// std::string built from a literal); None when it is not a literal.
std::optional<std::string> literalText(const clang::Expr &E);

} // namespace fallacy

#endif
