// checks/analysis/CallPattern.cpp: matching callees against the model's call patterns.
#include "analysis/CallPattern.h"
#include "clang/Basic/OperatorKinds.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace llvm;

namespace fallacy {

std::string plainQualifiedName(const NamedDecl &D) {
  SmallVector<StringRef, 6> Parts;
  if (const IdentifierInfo *II = D.getIdentifier())
    Parts.push_back(II->getName());
  else
    return "";
  for (const DeclContext *C = D.getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(C)) {
      // Inline namespaces (std::__1, versioned ABIs) and anonymous ones are
      // not how users spell names.
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(C)) {
      if (const IdentifierInfo *II = RD->getIdentifier())
        Parts.push_back(II->getName());
    } else if (isa<TranslationUnitDecl>(C) || isa<LinkageSpecDecl>(C)) {
      continue;
    } else if (isa<FunctionDecl>(C)) {
      break; // Local classes: the function-local name is enough.
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

bool nameMatches(StringRef Name, StringRef Pattern) {
  if (Name == Pattern)
    return true;
  // "std::chrono::time_point::max" matches the pattern "time_point::max".
  return Name.ends_with(Pattern) && Name.size() > Pattern.size() + 2 &&
         Name.drop_back(Pattern.size()).ends_with("::");
}

static bool recordMatchesImpl(const CXXRecordDecl &RD, ArrayRef<std::string> Classes,
                              ArrayRef<std::string> ClassNames, unsigned Depth) {
  if (Depth > 16)
    return false;
  if (const IdentifierInfo *II = RD.getIdentifier()) {
    for (const std::string &N : ClassNames)
      if (II->getName() == N)
        return true;
    if (!Classes.empty()) {
      std::string Q = plainQualifiedName(RD);
      for (const std::string &C : Classes)
        if (Q == C)
          return true;
    }
  }
  const CXXRecordDecl *Def = RD.getDefinition();
  if (!Def)
    return false;
  for (const CXXBaseSpecifier &B : Def->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (!Base) {
      // A dependent base of a class template: use the template's pattern.
      if (const auto *TST = B.getType()->getAs<TemplateSpecializationType>())
        if (const auto *TD = dyn_cast_or_null<ClassTemplateDecl>(
                TST->getTemplateName().getAsTemplateDecl()))
          Base = TD->getTemplatedDecl();
    }
    if (Base && recordMatchesImpl(*Base, Classes, ClassNames, Depth + 1))
      return true;
  }
  return false;
}

bool recordMatches(const CXXRecordDecl &Record, ArrayRef<std::string> Classes,
                   ArrayRef<std::string> ClassNames) {
  return recordMatchesImpl(Record, Classes, ClassNames, 0);
}

const CXXRecordDecl *pointeeRecord(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

const FunctionDecl *calleeOf(const Expr &E) {
  if (const auto *C = dyn_cast<CallExpr>(&E))
    return C->getDirectCallee();
  if (const auto *C = dyn_cast<CXXConstructExpr>(&E))
    return C->getConstructor();
  return nullptr;
}

const Expr *argOf(const Expr &E, unsigned I) {
  if (const auto *C = dyn_cast<CXXConstructExpr>(&E))
    return I < C->getNumArgs() ? C->getArg(I) : nullptr;
  const auto *C = dyn_cast<CallExpr>(&E);
  if (!C)
    return nullptr;
  // An overloaded operator implemented as a method takes its object as arg 0.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C))
    if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()))
      ++I;
  if (I >= C->getNumArgs())
    return nullptr;
  // Defaulted arguments were not written: nothing to read from them.
  if (isa<CXXDefaultArgExpr>(C->getArg(I)))
    return nullptr;
  return C->getArg(I);
}

bool hasAnnotation(const FunctionDecl &FD, StringRef Annotation) {
  for (const FunctionDecl *R : FD.redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == Annotation)
        return true;
  return false;
}

bool CallPattern::matches(const FunctionDecl &FD) const {
  const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
  switch (K) {
  case Kind::Annotated:
    return hasAnnotation(FD, Annotation);
  case Kind::Function:
    if (MD && !MD->isStatic())
      return false;
    break;
  case Kind::Method:
    if (!MD || isa<CXXConstructorDecl>(MD))
      return false;
    break;
  case Kind::Constructor:
    if (!isa_and_nonnull<CXXConstructorDecl>(MD))
      return false;
    break;
  }
  if (K != Kind::Constructor) {
    std::string Own = callableName(FD);
    if (Own.empty())
      return false;
    StringRef Name = Own;
    for (const std::string &P : NotPrefix)
      if (Name.starts_with(P))
        return false;
    if (!Prefix.empty() &&
        llvm::none_of(Prefix, [&](const std::string &P) { return Name.starts_with(P); }))
      return false;
    if (!Names.empty()) {
      // "read" is the global read() only; "boost::asio::read" is that one
      // (also as a suffix); method names are compared as written.
      std::string Q = plainQualifiedName(FD);
      bool Method = K == Kind::Method;
      if (llvm::none_of(Names, [&](const std::string &N) {
            if (StringRef(N).contains("::"))
              return nameMatches(Q, N);
            return Method ? Name == N : Q == N;
          }))
        return false;
    }
  }
  if (MD && (!Classes.empty() || !ClassNames.empty()) &&
      !recordMatches(*MD->getParent(), Classes, ClassNames))
    return false;
  for (const ParamRequirement &R : Params) {
    if (R.Index >= FD.getNumParams())
      return false;
    const CXXRecordDecl *RD = pointeeRecord(FD.getParamDecl(R.Index)->getType());
    if (!RD || !recordMatches(*RD, {R.Type}, {}))
      return false;
  }
  return true;
}

std::string callableName(const FunctionDecl &FD) {
  if (const IdentifierInfo *II = FD.getIdentifier())
    return II->getName().str();
  if (OverloadedOperatorKind Op = FD.getOverloadedOperator(); Op != OO_None)
    return std::string("operator") + getOperatorSpelling(Op);
  return "";
}

void PatternIndex::add(const CallPattern &P, unsigned Id) {
  // Constructors are found by their class's name.
  const std::vector<std::string> *Keys = &P.Names;
  std::vector<std::string> ClassKeys;
  if (P.K == CallPattern::Kind::Constructor) {
    ClassKeys = P.Classes;
    ClassKeys.insert(ClassKeys.end(), P.ClassNames.begin(), P.ClassNames.end());
    Keys = &ClassKeys;
  }
  if (P.K == CallPattern::Kind::Annotated || Keys->empty()) {
    Wildcards.push_back(Id);
    return;
  }
  for (const std::string &N : *Keys) {
    StringRef Last = StringRef(N).rsplit("::").second;
    if (Last.empty())
      Last = N;
    auto &V = ByName[Last];
    if (llvm::find(V, Id) == V.end())
      V.push_back(Id);
  }
}

void PatternIndex::candidates(const FunctionDecl &FD, SmallVectorImpl<unsigned> &Out) const {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&FD)) {
    if (const IdentifierInfo *II = Ctor->getParent()->getIdentifier()) {
      auto It = ByName.find(II->getName());
      if (It != ByName.end())
        Out.append(It->second.begin(), It->second.end());
    }
  } else if (std::string Name = callableName(FD); !Name.empty()) {
    auto It = ByName.find(Name);
    if (It != ByName.end())
      Out.append(It->second.begin(), It->second.end());
  }
  Out.append(Wildcards.begin(), Wildcards.end());
}

} // namespace fallacy
