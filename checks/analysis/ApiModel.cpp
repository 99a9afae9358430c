// checks/analysis/ApiModel.cpp: answering "what is this call?" from the loaded models.
#include "analysis/ApiModel.h"
#include "analysis/EmbeddedRules.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include <map>
#include <mutex>

using namespace clang;
using namespace llvm;

namespace fallacy {

// The index of the parameter of the callee annotated with \p Annotation.
static int annotatedParamIndex(const Expr &Call, StringRef Annotation) {
  const FunctionDecl *FD = calleeOf(Call);
  for (unsigned I = 0; FD && I < FD->getNumParams(); ++I)
    for (const auto *A : FD->getParamDecl(I)->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == Annotation)
        return I;
  return -1;
}

const Expr *HandleRef::of(const Expr &Call) const {
  if (!AnnotatedParam.empty()) {
    if (int I = annotatedParamIndex(Call, AnnotatedParam); I >= 0)
      return argOf(Call, I);
    if (!HasArg && !Object)
      return nullptr;
  }
  if (!Object)
    return argOf(Call, Arg);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&Call))
    return MC->getImplicitObjectArgument();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(&Call))
    return OC->getNumArgs() ? OC->getArg(0) : nullptr;
  return nullptr;
}

bool TimeoutArg::defaulted(const Expr &Call) const {
  int I = Arg == Annotated ? annotatedParamIndex(Call, AnnotatedParam) : Arg;
  const auto *C = dyn_cast<CallExpr>(&Call);
  if (I < 0 || !C || argOf(Call, I))
    return false;
  unsigned Index = I + (isa<CXXOperatorCallExpr>(C) && isa_and_nonnull<CXXMethodDecl>(C->getDirectCallee()));
  return Index >= C->getNumArgs() || isa<CXXDefaultArgExpr>(C->getArg(Index));
}

const Expr *TimeoutArg::of(const Expr &Call) const {
  int I = Arg == Annotated ? annotatedParamIndex(Call, AnnotatedParam) : Arg;
  if (I < 0)
    return nullptr;
  if (const Expr *A = argOf(Call, I))
    return A;
  // A defaulted timeout (zmq::poll's -1) is the default's value.
  const auto *C = dyn_cast<CallExpr>(&Call);
  if (!C)
    return nullptr;
  unsigned Index = I + (isa<CXXOperatorCallExpr>(C) && isa_and_nonnull<CXXMethodDecl>(C->getDirectCallee()));
  if (Index < C->getNumArgs())
    if (const auto *D = dyn_cast<CXXDefaultArgExpr>(C->getArg(Index)))
      return D->getExpr();
  return nullptr;
}

std::optional<bool> ArgCondition::holds(const Expr &Call, const ASTContext &Ctx) const {
  if (Arg == AnyArg) {
    for (unsigned I = 0; const Expr *A = argOf(Call, I); ++I)
      if (mentionsName(*A, Flags, Ctx))
        return true;
    return false;
  }
  const Expr *A = Arg >= 0 ? argOf(Call, Arg) : nullptr;
  if (!A)
    return Flags.empty() ? std::nullopt : std::optional<bool>(false);
  if (!Flags.empty())
    return mentionsName(*A, Flags, Ctx);
  std::optional<std::string> Text = literalText(*A);
  if (!Text)
    return std::nullopt;
  return StringRef(*Text).find(Contains) != StringRef::npos;
}

bool ArgCondition::setsNone(const Expr &Call) const {
  const Expr *A = Arg >= 0 && !NoneRegex.empty() ? argOf(Call, Arg) : nullptr;
  std::optional<std::string> Text = A ? literalText(*A) : std::nullopt;
  return Text && Regex(NoneRegex, Regex::IgnoreCase).match(*Text);
}

const HandleKind *ApiModel::handleKind(StringRef Id) const {
  for (const HandleKind &K : Kinds)
    if (K.Id == Id)
      return &K;
  return nullptr;
}

template <typename T>
static const T *lookup(const PatternIndex &Index, const std::vector<T> &All, const Expr &Call,
                       function_ref<bool(const T &)> Accept) {
  const FunctionDecl *FD = calleeOf(Call);
  if (!FD)
    return nullptr;
  bool IsConstruct = isa<CXXConstructExpr>(Call);
  SmallVector<unsigned, 4> Ids;
  Index.candidates(*FD, Ids);
  for (unsigned Id : Ids) {
    const T &Entry = All[Id];
    if ((Entry.Match.K == CallPattern::Kind::Constructor) == IsConstruct &&
        Entry.Match.matches(*FD) && Accept(Entry))
      return &Entry;
  }
  return nullptr;
}

const Operation *ApiModel::operation(const Expr &Call) const {
  return lookup<Operation>(OperationIndex, Operations, Call, [](const Operation &) { return true; });
}

const Operation *ApiModel::operation(const FunctionDecl &FD) const {
  SmallVector<unsigned, 4> Ids;
  OperationIndex.candidates(FD, Ids);
  for (unsigned Id : Ids)
    if (Operations[Id].Match.matches(FD))
      return &Operations[Id];
  return nullptr;
}

static bool selectorMatches(const Expr &Arg, ArrayRef<std::string> Names, const ASTContext &Ctx) {
  // An enumerator or a constant variable (cppzmq's zmq::sockopt::rcvtimeo).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg.IgnoreParenImpCasts()))
    if (DRE->getDecl()->getIdentifier() &&
        llvm::is_contained(Names, DRE->getDecl()->getName().str()))
      return true;
  // Socket options and the like are macros.
  return mentionsName(Arg, Names, Ctx);
}

SetterMatch ApiModel::setter(const Expr &Call, StringRef Kind, const ASTContext &Ctx) const {
  SetterMatch Result;
  Result.Setter = lookup<TimeoutSetter>(SetterIndex, Setters, Call, [&](const TimeoutSetter &S) {
    if (!Kind.empty() && S.Handle.Kind != Kind)
      return false;
    if (S.SelectorArg >= 0) {
      const Expr *Sel = argOf(Call, S.SelectorArg);
      if (!Sel || !selectorMatches(*Sel, S.Selectors, Ctx))
        return false;
    }
    // A condition we cannot decide (SQL text built at run time) counts.
    return !S.When.present() || S.When.holds(Call, Ctx).value_or(true);
  });
  if (!Result.Setter)
    return Result;
  const TimeoutSetter &S = *Result.Setter;
  Result.Handle = S.Handle.of(Call);
  Result.SetsNone = S.When.present() && S.When.setsNone(Call);
  if (const Expr *V = S.ValueArg >= 0 ? argOf(Call, S.ValueArg) : nullptr) {
    Result.SetsNone = Result.SetsNone || S.None.matches(*V, Ctx);
    if (!S.Unit.empty())
      Result.Ms = constantMs(*V, S.Unit, Ctx);
    // `std::chrono::seconds(0)` is as much "none" as a literal 0.
    if (Result.Ms && *Result.Ms == 0 && llvm::is_contained(S.None.Integers, 0))
      Result.SetsNone = true;
  }
  return Result;
}

const HandleFactory *ApiModel::factory(const Expr &Call, StringRef Kind) const {
  return lookup<HandleFactory>(FactoryIndex, Factories, Call, [&](const HandleFactory &F) {
    return Kind.empty() || F.Kind == Kind;
  });
}

const Guard *ApiModel::guard(const Expr &Call, StringRef Kind) const {
  return lookup<Guard>(GuardIndex, Guards, Call,
                       [&](const Guard &G) { return Kind.empty() || G.Kind == Kind; });
}

const Expr *ApiModel::layerOf(const CallExpr &Call) const {
  const LayerAccess *L =
      lookup<LayerAccess>(LayerIndex, Layers, Call, [](const LayerAccess &) { return true; });
  return L ? L->Of.of(Call) : nullptr;
}

bool ApiModel::isWait(const Expr &Call, const Expr *&Duration) const {
  const WaitFunction *W =
      lookup<WaitFunction>(WaitIndex, Waits, Call, [](const WaitFunction &) { return true; });
  Duration = W && W->DurationArg >= 0 ? argOf(Call, W->DurationArg) : nullptr;
  return W != nullptr;
}

const ClockRead *ApiModel::clockRead(const Expr &Call) const {
  return lookup<ClockRead>(ClockReadIndex, ClockReads, Call, [](const ClockRead &) { return true; });
}

bool ApiModel::isRandomSource(const Expr &Call) const {
  return lookup<RandomSource>(RandomIndex, RandomSources, Call,
                              [](const RandomSource &) { return true; }) != nullptr;
}

const LocalClock *ApiModel::localClock(const Expr &Call) const {
  return lookup<LocalClock>(ClockIndex, Clocks, Call, [](const LocalClock &) { return true; });
}

bool ApiModel::isTimeConversion(StringRef Name) const {
  if (llvm::is_contained(TimeConversions, Name))
    return true;
  return llvm::any_of(TimeConversionPatterns,
                      [&](const std::string &P) { return llvm::Regex(P).match(Name); });
}

bool ApiModel::makesNewValue(StringRef Name) const {
  std::string Lower = Name.lower();
  return llvm::is_contained(NewValueNames, Lower) ||
         llvm::any_of(NewValueWords, [&](const std::string &W) { return StringRef(Lower).contains(W); });
}

StringRef ApiModel::mark(StringRef Role) const {
  auto It = Marks.find(Role);
  return It == Marks.end() ? StringRef() : StringRef(It->second);
}

const ResultConvention *ApiModel::resultConvention(clang::QualType T) const {
  const auto *RD = T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  std::string Name = plainQualifiedName(*RD);
  for (const ResultConvention &R : ResultConventions)
    if (R.Type == Name)
      return &R;
  return nullptr;
}

HandleRoot modelRootOf(const Expr *E, const ApiModel &Model) {
  return rootOf(
      E,
      [](const CallExpr &Call, const void *M, const Expr *&Inner) {
        Inner = static_cast<const ApiModel *>(M)->layerOf(Call);
        return Inner != nullptr;
      },
      &Model);
}

// Loading is shared by every check in the process (clangd runs checks on
// several threads, hence the lock).
Expected<const ApiModel &> loadApiModel(ArrayRef<std::string> ExtraFiles) {
  static std::mutex Lock;
  static std::map<std::vector<std::string>, std::unique_ptr<ApiModel>> Cache;
  std::vector<std::string> Key(ExtraFiles.begin(), ExtraFiles.end());
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return *It->second;
  auto M = std::make_unique<ApiModel>();
  for (const rules::EmbeddedFile &F : rules::embeddedFiles())
    if (F.Path.starts_with("apis/"))
      if (Error E = M->addFile(F.Text, ("rules/" + F.Path).str()))
        // Built-in models are validated by the test suite; a failure here is
        // a build defect.
        report_fatal_error(std::move(E));
  for (const std::string &Path : ExtraFiles) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
    if (!Buf)
      return createStringError(Buf.getError(), "%s: cannot read model file: %s", Path.c_str(),
                               Buf.getError().message().c_str());
    if (Error E = M->addFile((*Buf)->getBuffer(), Path))
      return std::move(E);
  }
  return *Cache.emplace(std::move(Key), std::move(M)).first->second;
}

} // namespace fallacy
