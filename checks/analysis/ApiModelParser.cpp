// checks/analysis/ApiModelParser.cpp: reading rules/apis/*.json; every error names file, JSON path, problem.
#include "analysis/ApiModel.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Regex.h"

using namespace llvm;

namespace fallacy {

class ApiModelParser {
public:
  ApiModelParser(ApiModel &M, StringRef FileName) : M(M), FileName(FileName), Root("model") {}

  Error parse(StringRef Text) {
    Expected<json::Value> Doc = json::parse(Text);
    if (!Doc)
      return createStringError(inconvertibleErrorCode(), "%s: invalid JSON: %s",
                               FileName.str().c_str(), toString(Doc.takeError()).c_str());
    if (!top(*Doc, json::Path(Root)))
      return createStringError(inconvertibleErrorCode(), "%s: %s", FileName.str().c_str(),
                               toString(Root.getError()).c_str());
    return Error::success();
  }

private:
  using Obj = json::Object;
  ApiModel &M;
  StringRef FileName;
  json::Path::Root Root;
  std::string Family;

  static bool known(const Obj &O, std::initializer_list<StringRef> Keys, json::Path P) {
    for (const auto &KV : O)
      if (llvm::find(Keys, StringRef(KV.first)) == Keys.end()) {
        P.field(KV.first).report("unknown key (a typo?)");
        return false;
      }
    return true;
  }

  // An optional true/false; anything else is an error, so a typo (`"yes"`)
  // never silently turns a rule off.
  static bool flag(const Obj &O, StringRef Key, bool &Out, json::Path P, bool Default) {
    Out = Default;
    const json::Value *V = O.get(Key);
    if (!V)
      return true;
    if (std::optional<bool> B = V->getAsBoolean()) {
      Out = *B;
      return true;
    }
    P.field(Key).report("expected true or false");
    return false;
  }

  static bool str(const Obj &O, StringRef Key, std::string &Out, json::Path P, bool Required) {
    const json::Value *V = O.get(Key);
    if (!V) {
      if (Required)
        P.field(Key).report("missing required string");
      return !Required;
    }
    auto S = V->getAsString();
    if (!S || (Required && S->empty())) {
      P.field(Key).report("expected a non-empty string");
      return false;
    }
    Out = S->str();
    return true;
  }

  static bool strings(const Obj &O, StringRef Key, std::vector<std::string> &Out, json::Path P) {
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

  static bool index(const Obj &O, StringRef Key, int &Out, json::Path P) {
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

  static bool unit(const Obj &O, std::string &Out, json::Path P) {
    if (!str(O, "unit", Out, P, false))
      return false;
    if (!Out.empty() && Out != "s" && Out != "ms" && Out != "us") {
      P.field("unit").report("expected \"s\", \"ms\" or \"us\"");
      return false;
    }
    return true;
  }

  static bool noneValues(const Obj &O, NoneValues &Out, json::Path P) {
    const json::Value *V = O.get("none");
    if (!V)
      return true;
    const json::Array *A = V->getAsArray();
    if (!A) {
      P.field("none").report("expected an array of integers, function names or null");
      return false;
    }
    for (size_t I = 0; I < A->size(); ++I) {
      if (auto N = (*A)[I].getAsInteger())
        Out.Integers.push_back(*N);
      else if (auto Name = (*A)[I].getAsString())
        Out.Callees.push_back(Name->str());
      else if ((*A)[I].getAsNull())
        Out.Null = true;
      else {
        P.field("none").index(I).report("expected an integer, a function name or null");
        return false;
      }
    }
    return true;
  }

  bool pattern(const Obj &Parent, CallPattern &Out, json::Path Up) {
    const json::Value *V = Parent.get("match");
    json::Path P = Up.field("match");
    const Obj *O = V ? V->getAsObject() : nullptr;
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
      const Obj *MO = O->getObject(Key);
      json::Path MP = P.field(Key);
      if (!MO) {
        MP.report("expected an object");
        return false;
      }
      if (!known(*MO, {"classes", "classNames", "names", "notPrefix", "prefix"}, MP) ||
          !strings(*MO, "prefix", Out.Prefix, MP) ||
          !strings(*MO, "classes", Out.Classes, MP) ||
          !strings(*MO, "classNames", Out.ClassNames, MP) ||
          !strings(*MO, "names", Out.Names, MP) || !strings(*MO, "notPrefix", Out.NotPrefix, MP))
        return false;
      if (Out.Classes.empty() && Out.ClassNames.empty() && !O->get("params")) {
        MP.report("a method or constructor needs classes, classNames or params");
        return false;
      }
    }
    return each(*O, "params", P, [&](const Obj &PO, json::Path PP) {
      ParamRequirement R;
      int I = -1;
      if (!known(PO, {"index", "type"}, PP) || !index(PO, "index", I, PP) ||
          !str(PO, "type", R.Type, PP, true))
        return false;
      if (I < 0) {
        PP.field("index").report("missing parameter index");
        return false;
      }
      R.Index = I;
      Out.Params.push_back(std::move(R));
      return true;
    });
  }

  bool handleRef(const Obj &O, StringRef Key, HandleRef &Out, json::Path P) {
    const Obj *H = O.getObject(Key);
    json::Path HP = P.field(Key);
    if (!H) {
      HP.report("expected an object with arg or object, and kind");
      return false;
    }
    int Arg = -1;
    if (!known(*H, {"arg", "object", "kind", "annotatedParam"}, HP) || !index(*H, "arg", Arg, HP) ||
        !str(*H, "kind", Out.Kind, HP, true) || !kindExists(Out.Kind, HP.field("kind")) ||
        !str(*H, "annotatedParam", Out.AnnotatedParam, HP, false))
      return false;
    if (!flag(*H, "object", Out.Object, HP, false))
      return false;
    if (Out.Object == (Arg >= 0) && Out.AnnotatedParam.empty()) {
      HP.report("expected exactly one of arg, object and annotatedParam");
      return false;
    }
    Out.Arg = Arg < 0 ? 0 : Arg;
    Out.HasArg = Arg >= 0;
    return true;
  }

  bool condition(const Obj &O, StringRef Key, ArgCondition &Out, json::Path P) {
    const json::Value *V = O.get(Key);
    if (!V)
      return true;
    const Obj *C = V->getAsObject();
    json::Path CP = P.field(Key);
    if (!C) {
      CP.report("expected an object with arg, and flags or contains");
      return false;
    }
    bool AnyArg = false;
    if (!flag(*C, "anyArg", AnyArg, CP, false))
      return false;
    if (AnyArg)
      Out.Arg = ArgCondition::AnyArg;
    if (!known(*C, {"arg", "anyArg", "flags", "contains", "noneRegex"}, CP) ||
        !index(*C, "arg", Out.Arg, CP) ||
        !strings(*C, "flags", Out.Flags, CP) || !str(*C, "contains", Out.Contains, CP, false) ||
        !str(*C, "noneRegex", Out.NoneRegex, CP, false))
      return false;
    if (!Out.present() || Out.Flags.empty() == Out.Contains.empty() ||
        (Out.Arg == ArgCondition::AnyArg && Out.Flags.empty())) {
      CP.report("expected arg (or anyArg with flags) and exactly one of flags and contains");
      return false;
    }
    std::string Error;
    if (!Out.NoneRegex.empty() && !Regex(Out.NoneRegex).isValid(Error)) {
      CP.field("noneRegex").report("invalid regular expression");
      return false;
    }
    return true;
  }

  bool timeoutArg(const Obj &O, StringRef Key, TimeoutArg &Out, json::Path P) {
    const json::Value *V = O.get(Key);
    if (!V)
      return true;
    const Obj *T = V->getAsObject();
    json::Path TP = P.field(Key);
    if (!T) {
      TP.report("expected an object with arg, none and unit");
      return false;
    }
    if (!known(*T, {"arg", "none", "unit", "annotatedParam"}, TP) || !index(*T, "arg", Out.Arg, TP) ||
        !noneValues(*T, Out.None, TP) || !unit(*T, Out.Unit, TP) ||
        !str(*T, "annotatedParam", Out.AnnotatedParam, TP, false))
      return false;
    if (!Out.AnnotatedParam.empty() && Out.Arg >= 0) {
      TP.report("expected one of arg and annotatedParam, not both");
      return false;
    }
    if (!Out.AnnotatedParam.empty())
      Out.Arg = TimeoutArg::Annotated;
    if (Out.Arg == -1) {
      TP.field("arg").report("missing argument index");
      return false;
    }
    return true;
  }

  template <typename Fn> static bool each(const Obj &O, StringRef Key, json::Path P, Fn &&One) {
    const json::Value *V = O.get(Key);
    if (!V)
      return true;
    const json::Array *A = V->getAsArray();
    if (!A) {
      P.field(Key).report("expected an array");
      return false;
    }
    for (size_t I = 0; I < A->size(); ++I) {
      const Obj *E = (*A)[I].getAsObject();
      if (!E) {
        P.field(Key).index(I).report("expected an object");
        return false;
      }
      if (!One(*E, P.field(Key).index(I)))
        return false;
    }
    return true;
  }

  bool kindExists(StringRef Kind, json::Path P) {
    if (M.handleKind(Kind))
      return true;
    P.report("unknown handle kind (declare it under \"handles\")");
    return false;
  }

  bool defaultTimeout(const Obj &O, DefaultTimeout &Out, json::Path P) {
    const json::Value *V = O.get("default");
    if (!V) {
      P.field("default").report("missing: \"infinite\", seconds, or {macro, unit, value}");
      return false;
    }
    if (auto S = V->getAsString(); S && *S == "infinite")
      return true;
    Out.Infinite = false;
    if (auto N = V->getAsInteger()) {
      Out.Ms = *N * 1000;
      return true;
    }
    const Obj *D = V->getAsObject();
    json::Path DP = P.field("default");
    std::optional<int64_t> Value = D ? D->getInteger("value") : std::nullopt;
    if (!D || !known(*D, {"macro", "unit", "value"}, DP) || !str(*D, "macro", Out.Macro, DP, true) ||
        !unit(*D, Out.Unit, DP) || !Value) {
      DP.report("expected \"infinite\", seconds, or {macro, unit, value}");
      return false;
    }
    Out.Ms = Out.Unit == "s" ? *Value * 1000 : Out.Unit == "us" ? *Value / 1000 : *Value;
    return true;
  }

  bool handleKind(const Obj &O, json::Path P) {
    HandleKind K;
    K.Family = Family;
    if (!known(O, {"id", "noun", "types", "missing", "default", "defaultNote", "fixit", "suggest"}, P) ||
        !str(O, "suggest", K.Suggest, P, false) ||
        !str(O, "id", K.Id, P, true) || !str(O, "noun", K.Noun, P, true) ||
        !strings(O, "types", K.Types, P) || !str(O, "missing", K.Missing, P, true) ||
        !defaultTimeout(O, K.Default, P) || !str(O, "defaultNote", K.DefaultNote, P, false) ||
        !str(O, "fixit", K.FixIt, P, false))
      return false;
    if (M.handleKind(K.Id)) {
      P.field("id").report("a handle kind with this id already exists");
      return false;
    }
    M.Kinds.push_back(std::move(K));
    return true;
  }

  bool operation(const Obj &O, json::Path P) {
    Operation Op;
    Op.Family = Family;
    if (!known(O, {"id", "description", "match", "blocking", "handle", "scopes", "unbounded",
                   "timeoutArg", "nonBlockingWhen", "boundedWhen", "fixit", "missing",
                   "requiresFactory", "oncePerHandle", "suggest", "exemptInLoopCondition",
                   "idempotency", "batch", "stream", "reply", "accepts", "connects", "writes"},
               P) ||
        !str(O, "id", Op.Id, P, true) || !str(O, "description", Op.Description, P, false) ||
        !pattern(O, Op.Match, P) || !str(O, "unbounded", Op.UnboundedWhy, P, false) ||
        !timeoutArg(O, "timeoutArg", Op.Timeout, P) ||
        !condition(O, "nonBlockingWhen", Op.NonBlocking, P) ||
        !condition(O, "boundedWhen", Op.BoundedWhen, P) || !str(O, "fixit", Op.FixIt, P, false) ||
        !str(O, "missing", Op.Missing, P, false) || !str(O, "suggest", Op.Suggest, P, false))
      return false;
    if (!flag(O, "requiresFactory", Op.RequiresFactory, P, false))
      return false;
    if (!flag(O, "oncePerHandle", Op.OncePerHandle, P, false))
      return false;
    if (!flag(O, "exemptInLoopCondition", Op.ExemptInLoopCondition, P, false))
      return false;
    if (!flag(O, "stream", Op.Stream, P, false))
      return false;
    if (!str(O, "batch", Op.Batch, P, false) || !idempotency(O, Op, P))
      return false;
    // `reply`: true, or the callee names among the match that receive.
    if (const json::Value *R = O.get("reply")) {
      if (std::optional<bool> B = R->getAsBoolean())
        Op.ReplyAll = *B;
      else if (!strings(O, "reply", Op.ReplyNames, P))
        return false;
      if ((Op.ReplyAll || !Op.ReplyNames.empty()) && !Op.Stream) {
        P.field("reply").report("reply is for stream operations (\"stream\": true)");
        return false;
      }
    }
    // Callee names among the match that wait for a client (a listener's
    // accept), and that only connect (the kernel bounds a plain TCP connect).
    if (!strings(O, "accepts", Op.AcceptNames, P) || !strings(O, "connects", Op.ConnectNames, P) ||
        !strings(O, "writes", Op.WriteNames, P))
      return false;
    auto B = O.getBoolean("blocking");
    if (!B) {
      P.field("blocking").report("expected true (blocks the calling thread) or false");
      return false;
    }
    Op.Blocking = *B;
    Op.Unbounded = !Op.UnboundedWhy.empty();
    if (O.get("scopes")) {
      Op.Scopes.clear();
      if (!strings(O, "scopes", Op.Scopes, P))
        return false;
    }
    if (O.get("handle")) {
      if (!handleRef(O, "handle", Op.Handle, P))
        return false;
      Op.HasHandle = true;
    }
    M.OperationIndex.add(Op.Match, M.Operations.size());
    M.Operations.push_back(std::move(Op));
    return true;
  }

  bool idempotency(const Obj &Parent, Operation &Op, json::Path Up) {
    const json::Value *V = Parent.get("idempotency");
    if (!V)
      return true;
    const Obj *O = V->getAsObject();
    json::Path P = Up.field("idempotency");
    Operation::IdempotencyRule &R = Op.Idempotency;
    if (!O) {
      P.report("expected an object with kind (fixed, http, grpc, redis or sql)");
      return false;
    }
    if (!known(*O, {"kind", "idempotent", "why", "verb", "verbFromName", "textArg",
                          "nonIdempotent", "verbSetters", "keyFix"},
                     P) ||
        !str(*O, "kind", R.Kind, P, true) || !str(*O, "why", R.Why, P, false) ||
        !str(*O, "verb", R.Verb, P, false) || !index(*O, "textArg", R.TextArg, P) ||
        !strings(*O, "nonIdempotent", R.NonIdempotent, P))
      return false;
    static const char *Kinds[] = {"fixed", "http", "grpc", "redis", "sql"};
    if (llvm::find(Kinds, R.Kind) == std::end(Kinds)) {
      P.field("kind").report("expected fixed, http, grpc, redis or sql");
      return false;
    }
    if (!flag(*O, "idempotent", R.Idempotent, P, true))
      return false;
    if (!flag(*O, "verbFromName", R.VerbFromName, P, false))
      return false;
    if (const json::Value *KF = O->get("keyFix")) {
      const Obj *K = KF->getAsObject();
      json::Path KP = P.field("keyFix");
      if (!K) {
        KP.report("expected {\"headersType\": \"...\", \"insert\": \"...\"}");
        return false;
      }
      if (!known(*K, {"headersType", "insert"}, KP) ||
          !str(*K, "headersType", R.KeyFixHeadersType, KP, true) ||
          !str(*K, "insert", R.KeyFixInsert, KP, true))
        return false;
      if (R.Kind != "http") {
        KP.report("keyFix is for http rules");
        return false;
      }
    }
    if ((R.Kind == "redis" || R.Kind == "sql") && R.TextArg < 0) {
      if (R.Kind == "redis")
        P.field("textArg").report("a redis rule needs textArg, the argument with the command");
      else
        P.field("textArg").report("a sql rule needs textArg, the argument with the statement");
      return false;
    }
    // The message says what a repeat does ("can <why> if the reply is lost").
    if (R.Kind == "fixed" && !R.Idempotent && R.Why.empty()) {
      P.field("why").report("a fixed non-idempotent operation needs why (\"charge twice\")");
      return false;
    }
    // Verbs are compared in upper case, as HTTP and Redis spell them.
    auto Upper = [](std::string &W) { W = StringRef(W).upper(); };
    Upper(R.Verb);
    llvm::for_each(R.NonIdempotent, Upper);
    return each(*O, "verbSetters", P, [&](const Obj &S, json::Path SP) {
      Operation::IdempotencyRule::VerbSetter VS;
      if (!known(S, {"match", "handle", "selector", "verb", "verbArg"}, SP) ||
          !pattern(S, VS.Match, SP) || !handleRef(S, "handle", VS.Handle, SP) ||
          !str(S, "verb", VS.Verb, SP, false) || !index(S, "verbArg", VS.VerbArg, SP))
        return false;
      Upper(VS.Verb);
      if (const json::Value *SelV = S.get("selector")) {
        const Obj *Sel = SelV->getAsObject();
        json::Path SelP = SP.field("selector");
        if (!Sel || !known(*Sel, {"arg", "value"}, SelP)) {
          if (!Sel)
            SelP.report("expected {\"arg\": N, \"value\": \"NAME\"}");
          return false;
        }
        if (!index(*Sel, "arg", VS.SelectorArg, SelP) || !str(*Sel, "value", VS.Selector, SelP, true))
          return false;
        if (VS.SelectorArg < 0) {
          SelP.field("arg").report("expected the index of the argument that names the option");
          return false;
        }
      }
      if (VS.Verb.empty() == (VS.VerbArg < 0)) {
        SP.report("expected exactly one of verb and verbArg");
        return false;
      }
      R.VerbSetters.push_back(std::move(VS));
      return true;
    });
  }

  bool setter(const Obj &O, json::Path P) {
    TimeoutSetter S;
    S.Family = Family;
    if (!known(O, {"match", "handle", "selector", "value", "scope", "when", "nonBlocking"}, P) ||
        !pattern(O, S.Match, P) || !handleRef(O, "handle", S.Handle, P) ||
        !str(O, "scope", S.Scope, P, false) || !condition(O, "when", S.When, P))
      return false;
    if (S.Scope.empty())
      S.Scope = "total";
    if (!flag(O, "nonBlocking", S.NonBlocking, P, false))
      return false;
    if (const Obj *Sel = O.getObject("selector")) {
      json::Path SP = P.field("selector");
      if (!known(*Sel, {"arg", "values"}, SP) || !index(*Sel, "arg", S.SelectorArg, SP) ||
          !strings(*Sel, "values", S.Selectors, SP))
        return false;
      if (S.SelectorArg < 0 || S.Selectors.empty()) {
        SP.report("a selector needs arg and values");
        return false;
      }
    }
    if (const Obj *Val = O.getObject("value")) {
      json::Path VP = P.field("value");
      if (!known(*Val, {"arg", "none", "unit"}, VP) || !index(*Val, "arg", S.ValueArg, VP) ||
          !noneValues(*Val, S.None, VP) || !unit(*Val, S.Unit, VP))
        return false;
    }
    M.SetterIndex.add(S.Match, M.Setters.size());
    M.Setters.push_back(std::move(S));
    return true;
  }

  bool factory(const Obj &O, json::Path P) {
    HandleFactory F;
    if (!known(O, {"match", "kind", "configured", "copiesArg", "configuredWhen", "reported"}, P) ||
        !str(O, "kind", F.Kind, P, true) || !kindExists(F.Kind, P.field("kind")) ||
        !index(O, "copiesArg", F.CopiesArg, P) || !pattern(O, F.Match, P) ||
        !condition(O, "configuredWhen", F.ConfiguredWhen, P))
      return false;
    if (!flag(O, "configured", F.Configured, P, false))
      return false;
    if (!flag(O, "reported", F.Reported, P, false))
      return false;
    M.FactoryIndex.add(F.Match, M.Factories.size());
    M.Factories.push_back(std::move(F));
    return true;
  }

  bool guard(const Obj &O, json::Path P) {
    Guard G;
    if (!known(O, {"match", "kind", "timeout", "classWide"}, P) || !str(O, "kind", G.Kind, P, true) ||
        !kindExists(G.Kind, P.field("kind")) || !pattern(O, G.Match, P) ||
        !timeoutArg(O, "timeout", G.Timeout, P))
      return false;
    if (!flag(O, "classWide", G.ClassWide, P, false))
      return false;
    M.GuardIndex.add(G.Match, M.Guards.size());
    M.Guards.push_back(std::move(G));
    return true;
  }

  bool layer(const Obj &O, json::Path P) {
    LayerAccess L;
    const Obj *Of = O.getObject("of");
    int Arg = -1;
    if (!known(O, {"match", "of"}, P) || !pattern(O, L.Match, P))
      return false;
    if (!Of || !known(*Of, {"arg", "object"}, P.field("of")) || !index(*Of, "arg", Arg, P.field("of"))) {
      P.field("of").report("expected {\"arg\": N} or {\"object\": true}");
      return false;
    }
    if (!flag(*Of, "object", L.Of.Object, P.field("of"), false))
      return false;
    L.Of.Arg = Arg < 0 ? 0 : Arg;
    M.LayerIndex.add(L.Match, M.Layers.size());
    M.Layers.push_back(std::move(L));
    return true;
  }

  bool wait(const Obj &O, json::Path P) {
    WaitFunction W;
    if (!known(O, {"match", "durationArg"}, P) || !pattern(O, W.Match, P) ||
        !index(O, "durationArg", W.DurationArg, P))
      return false;
    M.WaitIndex.add(W.Match, M.Waits.size());
    M.Waits.push_back(std::move(W));
    return true;
  }

  bool randomSource(const Obj &O, json::Path P) {
    ApiModel::RandomSource R;
    if (!known(O, {"match"}, P) || !pattern(O, R.Match, P))
      return false;
    M.RandomIndex.add(R.Match, M.RandomSources.size());
    M.RandomSources.push_back(std::move(R));
    return true;
  }

  bool clockRead(const Obj &O, json::Path P) {
    ClockRead R;
    const Obj *From = O.getObject("from");
    int Arg = -1;
    if (!known(O, {"match", "from", "keyArg", "keyFromName", "keys", "timestampType", "untyped",
                   "writerPrefixes"},
               P) ||
        !pattern(O, R.Match, P) || !index(O, "keyArg", R.KeyArg, P) || !strings(O, "keys", R.Keys, P) ||
        !strings(O, "writerPrefixes", R.WriterPrefixes, P) ||
        !str(O, "timestampType", R.TimestampType, P, false))
      return false;
    if (!From || !known(*From, {"arg", "object"}, P.field("from")) ||
        !index(*From, "arg", Arg, P.field("from"))) {
      P.field("from").report("expected {\"arg\": N} or {\"object\": true}");
      return false;
    }
    if (!flag(*From, "object", R.From.Object, P.field("from"), false))
      return false;
    R.From.Arg = Arg < 0 ? 0 : Arg;
    if (!flag(O, "keyFromName", R.KeyFromName, P, false))
      return false;
    if (!flag(O, "untyped", R.Untyped, P, false))
      return false;
    M.ClockReadIndex.add(R.Match, M.ClockReads.size());
    M.ClockReads.push_back(std::move(R));
    return true;
  }

  bool localClock(const Obj &O, json::Path P) {
    LocalClock C;
    std::string Kind;
    if (!known(O, {"match", "kind", "outArg", "wallWhen"}, P) || !pattern(O, C.Match, P) ||
        !str(O, "kind", Kind, P, true) || !index(O, "outArg", C.OutArg, P) ||
        !condition(O, "wallWhen", C.WallWhen, P))
      return false;
    if (Kind != "wall" && Kind != "monotonic") {
      P.field("kind").report("expected \"wall\" or \"monotonic\"");
      return false;
    }
    C.Monotonic = Kind == "monotonic";
    if (C.WallWhen.present() && !C.Monotonic) {
      P.field("wallWhen").report("only a monotonic clock can read the wall clock on a condition");
      return false;
    }
    M.ClockIndex.add(C.Match, M.Clocks.size());
    M.Clocks.push_back(std::move(C));
    return true;
  }

  // "timeConversions": {"names": [...], "patterns": [regex...]}
  bool timeConversions(const Obj &Top, json::Path Up) {
    const json::Value *V = Top.get("timeConversions");
    if (!V)
      return true;
    const Obj *O = V->getAsObject();
    json::Path P = Up.field("timeConversions");
    if (!O) {
      P.report("expected an object with names and patterns");
      return false;
    }
    std::vector<std::string> Patterns;
    if (!known(*O, {"names", "patterns"}, P) || !strings(*O, "names", M.TimeConversions, P) ||
        !strings(*O, "patterns", Patterns, P))
      return false;
    for (std::string &R : Patterns) {
      std::string Error;
      if (!Regex(R).isValid(Error)) {
        P.field("patterns").report("invalid regular expression");
        return false;
      }
      M.TimeConversionPatterns.push_back(std::move(R));
    }
    return true;
  }

  // "newValues": {"words": [...], "names": [...]}: names of functions that
  // make a new value on every call.
  bool newValues(const Obj &Top, json::Path Up) {
    const json::Value *V = Top.get("newValues");
    if (!V)
      return true;
    const Obj *O = V->getAsObject();
    json::Path P = Up.field("newValues");
    std::vector<std::string> Words, Names;
    if (!O || !known(*O, {"words", "names"}, P) || !strings(*O, "words", Words, P) ||
        !strings(*O, "names", Names, P)) {
      if (!O)
        P.report("expected an object with words and names");
      return false;
    }
    for (std::string &W : Words)
      M.NewValueWords.push_back(StringRef(W).lower());
    for (std::string &N : Names)
      M.NewValueNames.push_back(StringRef(N).lower());
    return true;
  }

  // "marks": {"idempotent": "fallacy::idempotent", ...}
  bool marks(const Obj &Top, json::Path Up) {
    const json::Value *V = Top.get("marks");
    if (!V)
      return true;
    const Obj *O = V->getAsObject();
    json::Path P = Up.field("marks");
    if (!O) {
      P.report("expected an object from role to annotation");
      return false;
    }
    if (!known(*O, {"idempotent", "notIdempotent", "remoteClock", "synchronisedClock"}, P))
      return false;
    for (const auto &[Role, Value] : *O) {
      std::string Annotation;
      if (!str(*O, Role, Annotation, P, true))
        return false;
      M.Marks[Role.str()] = Annotation;
    }
    return true;
  }

  bool resultConvention(const Obj &O, json::Path P) {
    ResultConvention R;
    std::string True, Why;
    if (!known(O, {"type", "true", "why"}, P) || !str(O, "type", R.Type, P, true) ||
        !str(O, "true", True, P, true) || !str(O, "why", Why, P, true))
      return false;
    if (True != "failure" && True != "success") {
      P.field("true").report("expected \"failure\" or \"success\"");
      return false;
    }
    R.TrueMeansFailure = True == "failure";
    M.ResultConventions.push_back(std::move(R));
    return true;
  }

  bool top(const json::Value &V, json::Path P) {
    const Obj *O = V.getAsObject();
    if (!O) {
      P.report("expected an object");
      return false;
    }
    if (!known(*O, {"family", "title", "description", "handles", "operations", "timeoutSetters",
                    "factories", "guards", "layers", "waits", "randomSources", "clockReads",
                    "resultConventions", "stopWords", "localErrors", "clocks", "timeConversions", "newValues",
                    "marks"},
               P) ||
        !str(*O, "family", Family, P, true))
      return false;
    std::vector<std::string> Stop;
    if (!strings(*O, "stopWords", Stop, P) || !strings(*O, "localErrors", M.LocalErrors, P))
      return false;
    for (std::string &W : Stop)
      M.StopWords.push_back(StringRef(W).lower());
    if (!timeConversions(*O, P) || !newValues(*O, P) || !marks(*O, P))
      return false;
    M.Families.push_back(Family);
    auto Bind = [this](bool (ApiModelParser::*Fn)(const Obj &, json::Path)) {
      return [this, Fn](const Obj &E, json::Path EP) { return (this->*Fn)(E, EP); };
    };
    return each(*O, "handles", P, Bind(&ApiModelParser::handleKind)) &&
           each(*O, "operations", P, Bind(&ApiModelParser::operation)) &&
           each(*O, "timeoutSetters", P, Bind(&ApiModelParser::setter)) &&
           each(*O, "factories", P, Bind(&ApiModelParser::factory)) &&
           each(*O, "guards", P, Bind(&ApiModelParser::guard)) &&
           each(*O, "layers", P, Bind(&ApiModelParser::layer)) &&
           each(*O, "waits", P, Bind(&ApiModelParser::wait)) &&
           each(*O, "randomSources", P, Bind(&ApiModelParser::randomSource)) &&
           each(*O, "clockReads", P, Bind(&ApiModelParser::clockRead)) &&
           each(*O, "resultConventions", P, Bind(&ApiModelParser::resultConvention)) &&
           each(*O, "clocks", P, Bind(&ApiModelParser::localClock));
  }
};

Error ApiModel::addFile(StringRef Text, StringRef FileName) {
  return ApiModelParser(*this, FileName).parse(Text);
}

} // namespace fallacy
