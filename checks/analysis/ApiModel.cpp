// checks/analysis/ApiModel.cpp: loading rules/apis/*.json and answering "what is this call?".
#include "analysis/ApiModel.h"
#include "analysis/EmbeddedRules.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <mutex>

using namespace clang;
using namespace llvm;

namespace fallacy {

const Expr *HandleRef::of(const CallExpr &Call) const {
  if (Object) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&Call))
      return MC->getImplicitObjectArgument();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(&Call))
      return OC->getNumArgs() ? OC->getArg(0) : nullptr;
    return nullptr;
  }
  unsigned Index = Arg;
  // An overloaded operator implemented as a method takes its object as arg 0.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(&Call))
    if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()))
      ++Index;
  return Index < Call.getNumArgs() ? Call.getArg(Index) : nullptr;
}

namespace {

const Expr *stripValue(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->getNumArgs() == 1 && !isa<CXXTemporaryObjectExpr>(C))
      E = C->getArg(0);
    else
      return E;
  }
  return E;
}

} // namespace

bool NoneValues::matches(const Expr &Value, const ASTContext &Ctx) const {
  const Expr *E = stripValue(&Value);
  for (int Depth = 0; E && Depth < 4; ++Depth) {
    if (!E->isValueDependent() && !Integers.empty()) {
      Expr::EvalResult R;
      if (E->EvaluateAsInt(R, Ctx)) {
        int64_t V = R.Val.getInt().getExtValue();
        return llvm::is_contained(Integers, V);
      }
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (const FunctionDecl *FD = Call->getDirectCallee()) {
        std::string Q = plainQualifiedName(*FD);
        return llvm::any_of(Callees, [&](const std::string &C) { return nameMatches(Q, C); });
      }
      return false;
    }
    // A const variable: its initializer is the value.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (VD && VD->getType().isConstQualified() && VD->getInit()) {
        E = stripValue(VD->getInit());
        continue;
      }
    }
    return false;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Parsing. Every error names the file, the JSON path and the problem.

class ApiModelParser {
public:
  ApiModelParser(ApiModel &M, StringRef FileName) : M(M), FileName(FileName), Root("model") {}

  Error parse(StringRef Text) {
    Expected<json::Value> Doc = json::parse(Text);
    if (!Doc)
      return createStringError(inconvertibleErrorCode(), "%s: invalid JSON: %s",
                               FileName.str().c_str(), toString(Doc.takeError()).c_str());
    json::Path P(Root);
    if (!top(*Doc, P))
      return createStringError(inconvertibleErrorCode(), "%s: %s", FileName.str().c_str(),
                               toString(Root.getError()).c_str());
    return Error::success();
  }

private:
  ApiModel &M;
  StringRef FileName;
  json::Path::Root Root;
  std::string Family;

  static bool known(const json::Object &O, std::initializer_list<StringRef> Keys, json::Path P) {
    for (const auto &KV : O)
      if (llvm::find(Keys, StringRef(KV.first)) == Keys.end()) {
        P.field(KV.first).report("unknown key (a typo?)");
        return false;
      }
    return true;
  }

  static bool str(const json::Object &O, StringRef Key, std::string &Out, json::Path P,
                  bool Required) {
    const json::Value *V = O.get(Key);
    if (!V) {
      if (Required)
        P.field(Key).report("missing required string");
      return !Required;
    }
    auto S = V->getAsString();
    if (!S) {
      P.field(Key).report("expected a string");
      return false;
    }
    Out = S->str();
    return true;
  }

  static bool strings(const json::Object &O, StringRef Key, std::vector<std::string> &Out,
                      json::Path P) {
    const json::Value *V = O.get(Key);
    if (!V)
      return true;
    const json::Array *A = V->getAsArray();
    if (!A) {
      P.field(Key).report("expected an array of strings");
      return false;
    }
    for (size_t I = 0; I < A->size(); ++I) {
      auto S = (*A)[I].getAsString();
      if (!S || S->empty()) {
        P.field(Key).index(I).report("expected a non-empty string");
        return false;
      }
      Out.push_back(S->str());
    }
    return true;
  }

  static bool integer(const json::Object &O, StringRef Key, int &Out, json::Path P) {
    const json::Value *V = O.get(Key);
    if (!V)
      return true;
    auto I = V->getAsInteger();
    if (!I || *I < 0 || *I > 64) {
      P.field(Key).report("expected an argument index from 0 to 64");
      return false;
    }
    Out = static_cast<int>(*I);
    return true;
  }

  bool pattern(const json::Value &V, CallPattern &Out, json::Path P) {
    const json::Object *O = V.getAsObject();
    if (!O) {
      P.report("expected an object with one of function, method, constructor, annotation");
      return false;
    }
    if (!known(*O, {"function", "method", "constructor", "annotation", "params"}, P))
      return false;
    int Kinds = 0;
    for (StringRef Key : {"function", "method", "constructor", "annotation"})
      Kinds += O->get(Key) != nullptr;
    if (Kinds != 1) {
      P.report("expected exactly one of function, method, constructor, annotation");
      return false;
    }
    if (O->get("function")) {
      Out.K = CallPattern::Kind::Function;
      if (!strings(*O, "function", Out.Names, P))
        return false;
      if (Out.Names.empty()) {
        P.field("function").report("expected at least one function name");
        return false;
      }
    } else if (O->get("annotation")) {
      Out.K = CallPattern::Kind::Annotated;
      if (!str(*O, "annotation", Out.Annotation, P, true))
        return false;
    } else {
      bool Method = O->get("method") != nullptr;
      StringRef Key = Method ? "method" : "constructor";
      Out.K = Method ? CallPattern::Kind::Method : CallPattern::Kind::Constructor;
      const json::Object *MO = O->getObject(Key);
      json::Path MP = P.field(Key);
      if (!MO) {
        MP.report("expected an object");
        return false;
      }
      if (!known(*MO, {"classes", "classNames", "names", "notPrefix"}, MP) ||
          !strings(*MO, "classes", Out.Classes, MP) ||
          !strings(*MO, "classNames", Out.ClassNames, MP) ||
          !strings(*MO, "names", Out.Names, MP) || !strings(*MO, "notPrefix", Out.NotPrefix, MP))
        return false;
      if (Out.Classes.empty() && Out.ClassNames.empty() && !O->get("params")) {
        MP.report("a method or constructor needs classes, classNames or params");
        return false;
      }
    }
    if (const json::Value *Params = O->get("params")) {
      const json::Array *A = Params->getAsArray();
      if (!A) {
        P.field("params").report("expected an array");
        return false;
      }
      for (size_t I = 0; I < A->size(); ++I) {
        const json::Object *PO = (*A)[I].getAsObject();
        json::Path PP = P.field("params").index(I);
        ParamRequirement R;
        int Index = -1;
        if (!PO) {
          PP.report("expected an object with index and type");
          return false;
        }
        if (!known(*PO, {"index", "type"}, PP) || !integer(*PO, "index", Index, PP) ||
            !str(*PO, "type", R.Type, PP, true))
          return false;
        if (Index < 0) {
          PP.field("index").report("missing parameter index");
          return false;
        }
        R.Index = Index;
        Out.Params.push_back(std::move(R));
      }
    }
    return true;
  }

  bool handleRef(const json::Object &O, StringRef Key, HandleRef &Out, json::Path P) {
    const json::Object *H = O.getObject(Key);
    json::Path HP = P.field(Key);
    if (!H) {
      HP.report("expected an object with arg or object, and kind");
      return false;
    }
    int Arg = -1;
    if (!known(*H, {"arg", "object", "kind"}, HP) || !integer(*H, "arg", Arg, HP) ||
        !str(*H, "kind", Out.Kind, HP, true))
      return false;
    Out.Object = H->getBoolean("object").value_or(false);
    if (Out.Object == (Arg >= 0)) {
      HP.report("expected exactly one of arg and object");
      return false;
    }
    Out.Arg = Arg < 0 ? 0 : Arg;
    return true;
  }

  template <typename T, typename Fn>
  bool each(const json::Object &O, StringRef Key, json::Path P, Fn &&One) {
    const json::Value *V = O.get(Key);
    if (!V)
      return true;
    const json::Array *A = V->getAsArray();
    if (!A) {
      P.field(Key).report("expected an array");
      return false;
    }
    for (size_t I = 0; I < A->size(); ++I) {
      const json::Object *E = (*A)[I].getAsObject();
      if (!E) {
        P.field(Key).index(I).report("expected an object");
        return false;
      }
      if (!One(*E, P.field(Key).index(I)))
        return false;
    }
    return true;
  }

  bool handleKind(const json::Object &O, json::Path P) {
    HandleKind K;
    K.Family = Family;
    if (!known(O, {"id", "noun", "types", "missing", "default", "defaultNote", "fixit"}, P) ||
        !str(O, "id", K.Id, P, true) || !str(O, "noun", K.Noun, P, true) ||
        !strings(O, "types", K.Types, P) || !str(O, "missing", K.Missing, P, true) ||
        !str(O, "default", K.Default, P, true) || !str(O, "defaultNote", K.DefaultNote, P, false) ||
        !str(O, "fixit", K.FixIt, P, false))
      return false;
    if (K.Default != "infinite" && !llvm::all_of(K.Default, isDigit)) {
      P.field("default").report("expected \"infinite\" or a number of seconds");
      return false;
    }
    if (M.handleKind(K.Id)) {
      P.field("id").report("a handle kind with this id already exists");
      return false;
    }
    M.Kinds.push_back(std::move(K));
    return true;
  }

  bool kindExists(StringRef Kind, json::Path P) {
    if (M.handleKind(Kind))
      return true;
    P.report("unknown handle kind (declare it under \"handles\")");
    return false;
  }

  bool operation(const json::Object &O, json::Path P) {
    Operation Op;
    Op.Family = Family;
    if (!known(O, {"id", "description", "match", "blocking", "handle"}, P) ||
        !str(O, "id", Op.Id, P, true) || !str(O, "description", Op.Description, P, false))
      return false;
    if (!O.get("match")) {
      P.field("match").report("missing call pattern");
      return false;
    }
    if (!pattern(*O.get("match"), Op.Match, P.field("match")))
      return false;
    auto B = O.getBoolean("blocking");
    if (!B) {
      P.field("blocking").report("expected true (blocks the calling thread) or false");
      return false;
    }
    Op.Blocking = *B;
    if (O.get("handle")) {
      if (!handleRef(O, "handle", Op.Handle, P) ||
          !kindExists(Op.Handle.Kind, P.field("handle").field("kind")))
        return false;
      Op.HasHandle = true;
    }
    M.OperationIndex.add(Op.Match, M.Operations.size());
    M.Operations.push_back(std::move(Op));
    return true;
  }

  bool setter(const json::Object &O, json::Path P) {
    TimeoutSetter S;
    S.Family = Family;
    if (!known(O, {"match", "handle", "selector", "value", "scope"}, P))
      return false;
    if (!O.get("match")) {
      P.field("match").report("missing call pattern");
      return false;
    }
    if (!pattern(*O.get("match"), S.Match, P.field("match")) || !handleRef(O, "handle", S.Handle, P) ||
        !kindExists(S.Handle.Kind, P.field("handle").field("kind")))
      return false;
    if (const json::Object *Sel = O.getObject("selector")) {
      json::Path SP = P.field("selector");
      if (!known(*Sel, {"arg", "values"}, SP) || !integer(*Sel, "arg", S.SelectorArg, SP) ||
          !strings(*Sel, "values", S.Selectors, SP))
        return false;
      if (S.SelectorArg < 0 || S.Selectors.empty()) {
        SP.report("a selector needs arg and values");
        return false;
      }
    }
    if (const json::Object *Val = O.getObject("value")) {
      json::Path VP = P.field("value");
      if (!known(*Val, {"arg", "none"}, VP) || !integer(*Val, "arg", S.ValueArg, VP))
        return false;
      if (const json::Array *None = Val->getArray("none"))
        for (size_t I = 0; I < None->size(); ++I) {
          if (auto N = (*None)[I].getAsInteger())
            S.None.Integers.push_back(*N);
          else if (auto Name = (*None)[I].getAsString())
            S.None.Callees.push_back(Name->str());
          else {
            VP.field("none").index(I).report("expected an integer or a function name");
            return false;
          }
        }
    }
    if (!str(O, "scope", S.Scope, P, false))
      return false;
    if (S.Scope != "total" && S.Scope != "connect") {
      P.field("scope").report("expected \"total\" or \"connect\"");
      return false;
    }
    M.SetterIndex.add(S.Match, M.Setters.size());
    M.Setters.push_back(std::move(S));
    return true;
  }

  bool factory(const json::Object &O, json::Path P) {
    HandleFactory F;
    if (!known(O, {"match", "kind", "configured", "copiesArg"}, P) ||
        !str(O, "kind", F.Kind, P, true) || !kindExists(F.Kind, P.field("kind")) ||
        !integer(O, "copiesArg", F.CopiesArg, P))
      return false;
    if (!O.get("match")) {
      P.field("match").report("missing call pattern");
      return false;
    }
    if (!pattern(*O.get("match"), F.Match, P.field("match")))
      return false;
    F.Configured = O.getBoolean("configured").value_or(false);
    M.FactoryIndex.add(F.Match, M.Factories.size());
    M.Factories.push_back(std::move(F));
    return true;
  }

  bool top(const json::Value &V, json::Path P) {
    const json::Object *O = V.getAsObject();
    if (!O) {
      P.report("expected an object");
      return false;
    }
    if (!known(*O, {"family", "title", "description", "handles", "operations", "timeoutSetters",
                    "factories"},
               P) ||
        !str(*O, "family", Family, P, true))
      return false;
    M.Families.push_back(Family);
    using namespace std::placeholders;
    return each<HandleKind>(*O, "handles", P,
                            [&](const json::Object &E, json::Path EP) { return handleKind(E, EP); }) &&
           each<Operation>(*O, "operations", P,
                           [&](const json::Object &E, json::Path EP) { return operation(E, EP); }) &&
           each<TimeoutSetter>(*O, "timeoutSetters", P,
                               [&](const json::Object &E, json::Path EP) { return setter(E, EP); }) &&
           each<HandleFactory>(*O, "factories", P,
                               [&](const json::Object &E, json::Path EP) { return factory(E, EP); });
  }
};

Error ApiModel::addFile(StringRef Text, StringRef FileName) {
  return ApiModelParser(*this, FileName).parse(Text);
}

// ---------------------------------------------------------------------------
// Queries.

const HandleKind *ApiModel::handleKind(StringRef Id) const {
  for (const HandleKind &K : Kinds)
    if (K.Id == Id)
      return &K;
  return nullptr;
}

const Operation *ApiModel::operation(const CallExpr &Call) const {
  const FunctionDecl *FD = Call.getDirectCallee();
  return FD ? operation(*FD) : nullptr;
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
  const Expr *E = Arg.IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return llvm::is_contained(Names, EC->getName().str());
  // Socket options and the like are macros: compare the macro's name.
  SourceLocation Loc = Arg.getBeginLoc();
  const SourceManager &SM = Ctx.getSourceManager();
  while (Loc.isMacroID()) {
    StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (llvm::is_contained(Names, Macro.str()))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

SetterMatch ApiModel::setter(const CallExpr &Call, StringRef Kind, const ASTContext &Ctx) const {
  SetterMatch Result;
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD)
    return Result;
  SmallVector<unsigned, 4> Ids;
  SetterIndex.candidates(*FD, Ids);
  for (unsigned Id : Ids) {
    const TimeoutSetter &S = Setters[Id];
    if ((!Kind.empty() && S.Handle.Kind != Kind) || !S.Match.matches(*FD))
      continue;
    if (S.SelectorArg >= 0 &&
        (static_cast<unsigned>(S.SelectorArg) >= Call.getNumArgs() ||
         !selectorMatches(*Call.getArg(S.SelectorArg), S.Selectors, Ctx)))
      continue;
    Result.Setter = &S;
    Result.Handle = S.Handle.of(Call);
    if (S.ValueArg >= 0 && static_cast<unsigned>(S.ValueArg) < Call.getNumArgs())
      Result.SetsNone = S.None.matches(*Call.getArg(S.ValueArg), Ctx);
    return Result;
  }
  return Result;
}

const HandleFactory *ApiModel::factory(const CallExpr &Call, StringRef Kind) const {
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD)
    return nullptr;
  SmallVector<unsigned, 4> Ids;
  FactoryIndex.candidates(*FD, Ids);
  for (unsigned Id : Ids)
    if ((Kind.empty() || Factories[Id].Kind == Kind) && Factories[Id].Match.matches(*FD))
      return &Factories[Id];
  return nullptr;
}

// ---------------------------------------------------------------------------
// Loading, shared by every check in the process (clangd runs checks on
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
