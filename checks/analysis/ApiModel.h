// checks/analysis/ApiModel.h: the network-API models of rules/apis/*.json, queried by the checks.
#ifndef FALLACY_ANALYSIS_APIMODEL_H
#define FALLACY_ANALYSIS_APIMODEL_H

#include "analysis/CallPattern.h"
#include "analysis/HandleRoot.h"
#include "analysis/Values.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace fallacy {

/// Where a call's handle (context, easy handle, socket) is: an argument, or
/// the object a method is called on.
struct HandleRef {
  bool Object = false;
  unsigned Arg = 0;
  bool HasArg = false; ///< Arg was given (with AnnotatedParam: the fallback).
  std::string Kind;    ///< A HandleKind id.
  /// The parameter carrying [[clang::annotate(AnnotatedParam)]] (user
  /// annotations); falls back to Arg when no parameter has it.
  std::string AnnotatedParam;
  /// The handle expression of \p Call (a call or construction), or nullptr.
  const clang::Expr *of(const clang::Expr &Call) const;
};

/// The library's timeout when nothing sets one.
struct DefaultTimeout {
  bool Infinite = true;
  int64_t Ms = 0;     ///< When finite (and the macro is not defined).
  std::string Macro;  ///< A macro the library reads its default from, in Unit.
  std::string Unit = "s";
};

/// A kind of object a timeout is configured on: gRPC's ClientContext,
/// libcurl's easy handle, a socket descriptor.
struct HandleKind {
  std::string Id;
  std::string Family;
  std::string Noun;    ///< "ClientContext", "easy handle".
  std::vector<std::string> Types;
  std::string Missing; ///< "no deadline", "no total timeout".
  DefaultTimeout Default;
  std::string DefaultNote; ///< The library's behaviour when nothing is set.
  std::string FixIt;       ///< Template: ${handle}, ${handle.}, ${timeoutMs}, ${timeoutS}.
  std::string Suggest;     ///< Suggested code for a note when no fix-it applies.
};

/// A condition on one argument: it mentions one of Flags (macros or
/// enumerators), or it is a string literal containing Contains.
struct ArgCondition {
  static constexpr int AnyArg = -2;
  int Arg = -1; ///< AnyArg: the flags may be in any argument.
  std::vector<std::string> Flags;
  std::string Contains;
  std::string NoneRegex; ///< With Contains: the text sets the value to "none".
  bool present() const { return Arg >= 0 || Arg == AnyArg; }
  /// True/false when decidable; None when the argument is not a literal.
  std::optional<bool> holds(const clang::Expr &Call, const clang::ASTContext &Ctx) const;
  /// True when the argument is a literal that NoneRegex matches.
  bool setsNone(const clang::Expr &Call) const;
};

/// A timeout passed to the call itself (zmq_poll's, AsyncNext's deadline).
struct TimeoutArg {
  static constexpr int Annotated = -2; ///< The parameter marked AnnotatedParam.
  int Arg = -1;
  std::string AnnotatedParam;
  /// The timeout argument of \p Call, or nullptr when it has none (or it
  /// was left to its default, which the model's "none" then describes).
  const clang::Expr *of(const clang::Expr &Call) const;
  /// True when \p Call leaves its timeout argument to the parameter's default.
  bool defaulted(const clang::Expr &Call) const;
  bool present() const { return Arg != -1; }
  NoneValues None;
  std::string Unit = "ms";
};

/// A remote operation: a call that talks to another host.
struct Operation {
  std::string Id;
  std::string Family;
  std::string Description;
  CallPattern Match;
  bool Blocking = true;
  HandleRef Handle;
  bool HasHandle = false;
  std::vector<std::string> Scopes{"total"}; ///< Setter scopes that bound it.
  bool Unbounded = false; ///< No timeout can reach it (Asio's synchronous calls).
  std::string UnboundedWhy;
  TimeoutArg Timeout;
  ArgCondition NonBlocking; ///< The call does not block when this holds.
  ArgCondition BoundedWhen; ///< Its own arguments carry a timeout (libpq's connect_timeout).
  std::string FixIt;        ///< Replacement for the whole call: ${args}, ${arg0}, ${timeoutS}.
  std::string Missing;      ///< Overrides the handle kind's "no ..." phrase.
  std::string Suggest;      ///< Overrides the handle kind's suggestion.
  /// Report one call per handle and function: the defect is the handle's
  /// (a connection without statement_timeout), not each query's.
  bool OncePerHandle = false;
  /// Not reported as the condition of a loop (`while (cq.Next(...))` drains
  /// a queue whose operations carry their own deadlines).
  bool ExemptInLoopCondition = false;
  /// Only handles made by one of the kind's factories count (read() on a
  /// descriptor is remote only when it came from socket() or accept()).
  bool RequiresFactory = false;
  /// Whether running it twice does the work twice (see Idempotency.h).
  struct IdempotencyRule {
    std::string Kind; ///< "", "fixed", "http", "grpc", "redis", "sql".
    bool Idempotent = true;           ///< For "fixed".
    std::string Why;                  ///< For "fixed": what it does.
    std::string Verb;                 ///< For "http": a fixed verb (cpp-httplib's Post).
    bool VerbFromName = false;        ///< For "http": the method name is the verb.
    int TextArg = -1;                 ///< Redis command, SQL text, Beast request.
    std::vector<std::string> NonIdempotent; ///< Redis commands that change by repeating.
    /// Calls on the same handle that choose the HTTP verb (curl_easy_setopt).
    struct VerbSetter {
      CallPattern Match;
      HandleRef Handle;
      int SelectorArg = -1;
      std::string Selector;
      std::string Verb; ///< Fixed verb, or empty: the string argument VerbArg.
      int VerbArg = -1;
    };
    std::vector<VerbSetter> VerbSetters;
    /// `"http"`: a header list passed to the call, of this type, can take a
    /// key: Insert (with ${headers}, ${header}, ${key}) goes after its declaration.
    std::string KeyFixHeadersType;
    std::string KeyFixInsert;
  } Idempotency;
  /// The batch call that replaces one call per item (chatty loops).
  std::string Batch;
  /// Moves one part of a stream (a send, a read of the next chunk): a loop of
  /// them is how a stream is written, not a chatty loop.
  bool Stream = false;
  /// For a stream operation: it waits for the peer's data (a receive). After
  /// a send in the same iteration it completes a round trip. Empty with
  /// ReplyAll false: never; else the callee names that receive.
  bool ReplyAll = false;
  std::vector<std::string> ReplyNames;
  /// Names (unqualified) that wait for a client to connect: a listener's
  /// accept, which waits by design and is never a missing timeout.
  std::vector<std::string> AcceptNames;
  /// Names that only open a TCP connection, which the kernel gives up on
  /// after its SYN retries (about two minutes on Linux).
  std::vector<std::string> ConnectNames;
  /// Names that send to the peer: a write waits only when the peer stops
  /// reading, and one followed by the read of its reply is not a wait of its own.
  std::vector<std::string> WriteNames;
  bool writes(llvm::StringRef CalleeName) const { return llvm::is_contained(WriteNames, CalleeName); }
  bool accepts(llvm::StringRef CalleeName) const { return llvm::is_contained(AcceptNames, CalleeName); }
  bool onlyConnects(llvm::StringRef CalleeName) const {
    return llvm::is_contained(ConnectNames, CalleeName);
  }
  /// True when \p CalleeName, the called function's unqualified name, receives.
  bool isReply(llvm::StringRef CalleeName) const {
    return ReplyAll || llvm::is_contained(ReplyNames, CalleeName);
  }
};

/// A call that sets a timeout or deadline on a handle, or makes it non-blocking.
struct TimeoutSetter {
  std::string Family;
  CallPattern Match;
  HandleRef Handle;
  int SelectorArg = -1;               ///< For option setters (curl_easy_setopt).
  std::vector<std::string> Selectors; ///< Enumerator or macro names that select a timeout.
  int ValueArg = -1;
  NoneValues None;
  std::string Unit; ///< "s", "ms", "us" or empty when unknown.
  std::string Scope = "total";
  ArgCondition When; ///< Only when this holds (a SQL text, an O_NONBLOCK flag).
  bool NonBlocking = false; ///< Makes the handle non-blocking: nothing can hang.
};

/// A library call or constructor that returns a handle.
struct HandleFactory {
  CallPattern Match;
  std::string Kind;
  bool Configured = false;     ///< The returned handle already carries a timeout.
  int CopiesArg = -1;          ///< The result copies the options of this argument's handle.
  bool Reported = false;       ///< The factory call itself is reported: uses are not.
  ArgCondition ConfiguredWhen; ///< Configured when this holds (connect_timeout in conninfo).
};

/// A call that bounds the next operations on any handle of a kind: a poll or
/// select with a finite timeout, an Asio timer armed in the same function or
/// class.
struct Guard {
  CallPattern Match;
  std::string Kind;
  TimeoutArg Timeout;
  bool ClassWide = false; ///< Also counts from other methods of the same class.
};

/// A call returning a layer of a handle (Beast's get_lowest_layer(ws)).
struct LayerAccess {
  CallPattern Match;
  HandleRef Of; ///< Where the handle is (Kind unused).
};

/// A call that pauses the calling code (a sleep, a timer), for retry pacing.
struct WaitFunction {
  CallPattern Match;
  int DurationArg = -1; ///< The argument holding the pause, when there is one.
};

/// A call that reads a time another host wrote: a protobuf Timestamp field,
/// a time-named JSON key, an HTTP Date header, an SQL column.
struct ClockRead {
  CallPattern Match;
  HandleRef From;   ///< The message, response or result read from (Kind unused).
  int KeyArg = -1;  ///< The key: a string literal or enumerator argument...
  bool KeyFromName = false;           ///< ...or the accessor's own name.
  std::vector<std::string> Keys;      ///< Keys that are times; empty: the time-name pattern.
  /// With KeyFromName: accessors with these prefixes write or test the
  /// field (protobuf's set_, mutable_, has_...): they read no time.
  std::vector<std::string> WriterPrefixes;
  std::string TimestampType;          ///< A result of this type is a time whatever its name.
  bool Untyped = false; ///< Text or numbers: a time only when stored under a time-like name.
};

/// A call that reads this host's clock: `system_clock::now()`, `time()`, or
/// one that fills an out-argument (`gettimeofday(&tv, ...)`).
struct LocalClock {
  CallPattern Match;
  bool Monotonic = false;
  int OutArg = -1;      ///< The argument it fills; -1: the result is the time.
  ArgCondition WallWhen; ///< A monotonic entry reads the wall clock when this holds.
};

/// A result type whose truth value means failure (an error code that converts
/// to true when something went wrong) or success: how a loop around a call
/// returning it tells the two apart.
struct ResultConvention {
  std::string Type; ///< Qualified name, without template arguments.
  bool TrueMeansFailure = false;
};

/// What a setter call does to its handle.
struct SetterMatch {
  const TimeoutSetter *Setter = nullptr;
  const clang::Expr *Handle = nullptr;
  bool SetsNone = false;          ///< The value means "no timeout" (0, infinity).
  std::optional<int64_t> Ms;      ///< The value, when constant.
};

class ApiModel {
public:
  /// Adds the models in one JSON text; errors name \p FileName, the JSON path
  /// and the problem.
  llvm::Error addFile(llvm::StringRef Text, llvm::StringRef FileName);

  /// The operation \p Call (a call or a construction) performs, or nullptr.
  const Operation *operation(const clang::Expr &Call) const;
  /// The operation calls to \p Callee perform, or nullptr.
  const Operation *operation(const clang::FunctionDecl &Callee) const;
  /// The setter \p Call is, when it sets a timeout of handle kind \p Kind
  /// (any kind when empty).
  SetterMatch setter(const clang::Expr &Call, llvm::StringRef Kind,
                     const clang::ASTContext &Ctx) const;
  const HandleFactory *factory(const clang::Expr &Call, llvm::StringRef Kind) const;
  const Guard *guard(const clang::Expr &Call, llvm::StringRef Kind) const;
  const HandleKind *handleKind(llvm::StringRef Id) const;
  /// When \p Call pauses (sleep_for, usleep, a timer's expires_after):
  /// true, with its duration argument in \p Duration (nullptr if none).
  bool isWait(const clang::Expr &Call, const clang::Expr *&Duration) const;
  /// The clock read \p Call is, or nullptr.
  const ClockRead *clockRead(const clang::Expr &Call) const;
  /// True when \p Call draws a random number.
  bool isRandomSource(const clang::Expr &Call) const;
  /// The handle \p Call hands out a layer of, or nullptr.
  const clang::Expr *layerOf(const clang::CallExpr &Call) const;
  /// The convention for a result of type \p T, or nullptr when the models
  /// name none (then an object that converts to true is taken as success).
  const ResultConvention *resultConvention(clang::QualType T) const;
  /// The clock \p Call reads on this host, or nullptr.
  const LocalClock *localClock(const clang::Expr &Call) const;
  /// True when a call of \p Name converts or unwraps a time without changing
  /// its clock (`duration_cast`, `time_since_epoch`, `TimeUtil::TimestampTo...`).
  bool isTimeConversion(llvm::StringRef Name) const;
  /// True when a function named \p Name makes a new value on every call (a
  /// UUID, a random nonce): a key built with it differs between attempts.
  bool makesNewValue(llvm::StringRef Name) const;
  /// The annotation of fallacy/annotations.h for \p Role ("idempotent",
  /// "notIdempotent", "remoteClock", "synchronisedClock"); "" when unset.
  llvm::StringRef mark(llvm::StringRef Role) const;
  /// Words that, in the name of a loop's flag or of the method it calls,
  /// make it a stop or cancellation condition ("stop", "cancel", "running").
  llvm::ArrayRef<std::string> stopWords() const { return StopWords; }
  /// Errors that a call is simply started again on, with no peer to spare
  /// (EINTR, EAGAIN, would_block): a loop that tests them restarts a call,
  /// it does not retry a failed request.
  llvm::ArrayRef<std::string> localErrors() const { return LocalErrors; }

  llvm::ArrayRef<Operation> operations() const { return Operations; }
  llvm::ArrayRef<std::string> families() const { return Families; }

private:
  friend class ApiModelParser;
  std::vector<std::string> Families;
  std::vector<HandleKind> Kinds;
  std::vector<Operation> Operations;
  std::vector<TimeoutSetter> Setters;
  std::vector<HandleFactory> Factories;
  std::vector<Guard> Guards;
  std::vector<LayerAccess> Layers;
  std::vector<WaitFunction> Waits;
  std::vector<ClockRead> ClockReads;
  std::vector<ResultConvention> ResultConventions;
  std::vector<std::string> StopWords, LocalErrors;
  std::vector<LocalClock> Clocks;
  std::vector<std::string> TimeConversions, TimeConversionPatterns;
  std::vector<std::string> NewValueWords, NewValueNames;
  llvm::StringMap<std::string> Marks;
  struct RandomSource {
    CallPattern Match;
  };
  std::vector<RandomSource> RandomSources;
  PatternIndex OperationIndex, SetterIndex, FactoryIndex, GuardIndex, LayerIndex, WaitIndex,
      RandomIndex, ClockReadIndex, ClockIndex;
};

/// rootOf() with the model's layer accessors.
HandleRoot modelRootOf(const clang::Expr *E, const ApiModel &Model);

/// The built-in models plus the user's \p ExtraFiles (ModelFiles option),
/// loaded once per distinct list and shared by all checks.
llvm::Expected<const ApiModel &> loadApiModel(llvm::ArrayRef<std::string> ExtraFiles);

} // namespace fallacy

#endif
