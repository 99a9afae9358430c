// checks/analysis/CallPattern.h: how a model names a function or method, and matching callees to it.
#ifndef FALLACY_ANALYSIS_CALLPATTERN_H
#define FALLACY_ANALYSIS_CALLPATTERN_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class Expr;
class FunctionDecl;
class NamedDecl;
class QualType;
class CXXRecordDecl;
} // namespace clang

namespace fallacy {

/// A parameter whose type (through pointers and references) must be a class.
struct ParamRequirement {
  unsigned Index = 0;
  std::string Type; ///< Qualified class name; derived classes match.
};

/// A set of functions: free functions by name, methods by class (derived
/// classes and class templates included) and name, constructors by class, or
/// anything carrying a [[clang::annotate]] mark.
struct CallPattern {
  enum class Kind { Function, Method, Constructor, Annotated };
  Kind K = Kind::Function;
  std::vector<std::string> Names;      ///< "curl_easy_perform", "boost::asio::read".
  std::vector<std::string> Classes;    ///< Qualified: "grpc::ClientContext".
  std::vector<std::string> ClassNames; ///< Unqualified, any scope: "Stub".
  std::vector<std::string> NotPrefix;  ///< Method names starting with these never match.
  std::vector<std::string> Prefix;     ///< When set, method names must start with one.
  std::vector<ParamRequirement> Params;
  std::string Annotation;              ///< "fallacy::blocking_remote".

  bool matches(const clang::FunctionDecl &FD) const;
};

/// The qualified name of a declaration without template arguments, inline or
/// anonymous namespaces: "std::chrono::time_point::max".
std::string plainQualifiedName(const clang::NamedDecl &D);

/// True when \p Name equals \p Pattern, or Pattern is unqualified and equals
/// the last component of Name, or Pattern is a "::"-suffix of Name.
bool nameMatches(llvm::StringRef Name, llvm::StringRef Pattern);

/// True when \p Record or one of its bases has a qualified name in \p Classes
/// or an unqualified name in \p ClassNames.
bool recordMatches(const clang::CXXRecordDecl &Record, llvm::ArrayRef<std::string> Classes,
                   llvm::ArrayRef<std::string> ClassNames);

/// The class a type names through pointers, references and smart pointers'
/// element types are not followed; nullptr for non-class types.
const clang::CXXRecordDecl *pointeeRecord(clang::QualType T);

/// The function a call or construction runs: CallExpr's direct callee or
/// CXXConstructExpr's constructor; nullptr otherwise.
const clang::FunctionDecl *calleeOf(const clang::Expr &CallOrConstruct);
/// The name a pattern matches \p FD by: its identifier, or for an
/// overloaded operator its spelling ("operator[]", "operator()"); "" for
/// conversions and other names without an identifier.
std::string callableName(const clang::FunctionDecl &FD);
/// Argument \p I of a call or construction as the callee sees it (an
/// operator method's object is not an argument), or nullptr.
const clang::Expr *argOf(const clang::Expr &CallOrConstruct, unsigned I);

/// True when \p FD carries [[clang::annotate(Annotation)]] on any declaration.
bool hasAnnotation(const clang::FunctionDecl &FD, llvm::StringRef Annotation);

/// Finds candidate patterns for a callee by its unqualified name; patterns
/// without fixed names are candidates for every callee.
class PatternIndex {
public:
  void add(const CallPattern &P, unsigned Id);
  void candidates(const clang::FunctionDecl &FD, llvm::SmallVectorImpl<unsigned> &Out) const;

private:
  llvm::StringMap<llvm::SmallVector<unsigned, 2>> ByName;
  std::vector<unsigned> Wildcards;
};

} // namespace fallacy

#endif
