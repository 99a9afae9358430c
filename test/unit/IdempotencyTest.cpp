// test/unit/IdempotencyTest.cpp: IdempotencyAnalysis on retries found by RetryFinder, with small stand-ins for the APIs.
#include "RetryTestSupport.h"
#include "analysis/Idempotency.h"
#include "analysis/RetryLoops.h"

using namespace fallacy;
using namespace fallacy::test;

namespace {

// Stand-ins with the names the models match; our own declarations, not the
// libraries' headers (the lit tests use those).
const char *StandIns = R"cpp(
namespace httplib {
struct Response { int status; };
struct Result { explicit operator bool() const; const Response *operator->() const; };
struct Header { const char *Name; const char *Value; };
struct Headers { Headers(); Headers(const char *Name, const char *Value); };
class Client {
public:
  Result Post(const char *Path, const char *Body, const char *Type);
  Result Post(const char *Path, const Headers &H, const char *Body, const char *Type);
  Result Patch(const char *Path, const char *Body, const char *Type);
  Result Put(const char *Path, const char *Body, const char *Type);
  Result Get(const char *Path);
};
}
struct redisContext;
extern "C" void *redisCommand(redisContext *C, const char *Format, ...);
struct pg_conn; struct pg_result;
extern "C" pg_result *PQexec(pg_conn *C, const char *Sql);
const char *newUuid();
const char *fixedKey();
)cpp";

IdempotencyOptions defaults() {
  IdempotencyOptions O;
  O.KeyHeaders = {"Idempotency-Key", "X-Idempotency-Key", "Idempotency-Token"};
  O.NonIdempotentVerbs = {"Create", "Add", "Append", "Charge", "Reserve", "Adjust"};
  O.IdempotentVerbs = {"Get", "List", "Set", "Delete"};
  O.KeyFields = {"request_id", "idempotency_key"};
  return O;
}

// The verdicts on each call the first loop of \p Func retries.
std::vector<IdempotencyVerdict> verdicts(const std::string &Code, llvm::StringRef Func) {
  Snippet S(std::string(StandIns) + Code);
  EXPECT_TRUE(S.compiled()) << Code;
  std::vector<IdempotencyVerdict> Out;
  const clang::Stmt *Loop = S.compiled() ? S.loopIn(Func) : nullptr;
  EXPECT_NE(Loop, nullptr);
  if (!Loop)
    return Out;
  std::optional<Retry> R = RetryFinder(builtinModel(), S.ctx(), {}).retryAt(*Loop);
  EXPECT_TRUE(R) << "not a retry: " << Code;
  if (!R)
    return Out;
  IdempotencyAnalysis A(builtinModel(), S.ctx(), defaults());
  for (size_t I = 0; I < R->Retried.size(); ++I)
    Out.push_back(A.of(*R->Sites[I].Call, *R->Sites[I].Op, *R->Retried[I], *R->Where));
  return Out;
}

// Whether the single retried call of \p Func is judged non-idempotent; its effect in \p Effect.
bool notIdempotent(const std::string &Code, std::string *Effect = nullptr) {
  std::vector<IdempotencyVerdict> V = verdicts(Code, "f");
  EXPECT_EQ(V.size(), 1u) << Code;
  if (V.empty())
    return false;
  if (Effect)
    *Effect = V.front().Effect;
  return V.front().NotIdempotent;
}

TEST(Idempotency, Annotations) {
  std::string Effect;
  EXPECT_TRUE(notIdempotent("void f() { while (!chargeCard(1)) {} }", &Effect));
  EXPECT_EQ(Effect, "do its work twice");
  EXPECT_FALSE(notIdempotent("void f() { while (!setPrice(1)) {} }"));
  EXPECT_FALSE(notIdempotent("void f() { while (!sendOrder(1)) {} }"));
}

TEST(Idempotency, AnnotatedWrapperDecidesFirst) {
  EXPECT_FALSE(notIdempotent("IDEMPOTENT bool once(int Id) { return chargeCard(Id); }"
                             "void f() { while (!once(1)) {} }"));
  EXPECT_TRUE(notIdempotent("NOT_IDEMPOTENT bool ship(int Id) { return sendOrder(Id); }"
                            "void f() { while (!ship(1)) {} }"));
}

TEST(Idempotency, HttpVerbFromMethodName) {
  std::string Effect;
  EXPECT_TRUE(notIdempotent("void f(httplib::Client &C) { for (int A = 0; A < 3; ++A)"
                            " if (C.Post(\"/c\", \"{}\", \"application/json\")) return; }",
                            &Effect));
  EXPECT_EQ(Effect, "send the POST twice");
  EXPECT_TRUE(notIdempotent("void f(httplib::Client &C) { for (int A = 0; A < 3; ++A)"
                            " if (C.Patch(\"/c\", \"{}\", \"application/json\")) return; }",
                            &Effect));
  EXPECT_EQ(Effect, "send the PATCH twice");
  EXPECT_FALSE(notIdempotent("void f(httplib::Client &C) { for (int A = 0; A < 3; ++A)"
                             " if (C.Put(\"/c\", \"{}\", \"application/json\")) return; }"));
  EXPECT_FALSE(notIdempotent("void f(httplib::Client &C) { for (int A = 0; A < 3; ++A)"
                             " if (C.Get(\"/c\")) return; }"));
}

TEST(Idempotency, KeyHeaderCreatedOnceOrPerAttempt) {
  EXPECT_FALSE(notIdempotent("void f(httplib::Client &C) {"
                             " httplib::Headers H(\"Idempotency-Key\", newUuid());"
                             " for (int A = 0; A < 3; ++A)"
                             " if (C.Post(\"/c\", H, \"{}\", \"application/json\")) return; }"));
  EXPECT_TRUE(notIdempotent("void f(httplib::Client &C) { for (int A = 0; A < 3; ++A) {"
                            " httplib::Headers H(\"Idempotency-Key\", newUuid());"
                            " if (C.Post(\"/c\", H, \"{}\", \"application/json\")) return; } }"));
  // Rebuilt in the loop from a value that does not change: the same key.
  EXPECT_FALSE(notIdempotent("void f(httplib::Client &C, const char *Order) {"
                             " for (int A = 0; A < 3; ++A) {"
                             " httplib::Headers H(\"Idempotency-Key\", Order);"
                             " if (C.Post(\"/c\", H, \"{}\", \"application/json\")) return; } }"));
  // A header that is no idempotency key.
  EXPECT_TRUE(notIdempotent("void f(httplib::Client &C) {"
                            " httplib::Headers H(\"X-Trace\", newUuid());"
                            " for (int A = 0; A < 3; ++A)"
                            " if (C.Post(\"/c\", H, \"{}\", \"application/json\")) return; }"));
}

TEST(Idempotency, RedisCommands) {
  std::string Effect;
  EXPECT_TRUE(notIdempotent("void f(redisContext *C) { void *R = nullptr;"
                            " while (!R) R = redisCommand(C, \"incrby n %d\", 2); }",
                            &Effect));
  EXPECT_EQ(Effect, "apply INCRBY twice");
  EXPECT_FALSE(notIdempotent("void f(redisContext *C) { void *R = nullptr;"
                             " while (!R) R = redisCommand(C, \"SET n %d\", 2); }"));
  EXPECT_FALSE(notIdempotent("void f(redisContext *C, const char *Fmt) { void *R = nullptr;"
                             " while (!R) R = redisCommand(C, Fmt); }"));
}

TEST(Idempotency, SqlText) {
  auto Sql = [](const char *Text, std::string *Effect = nullptr) {
    return notIdempotent(std::string("void f(pg_conn *C) { pg_result *R = nullptr;"
                                     " while (!R) R = PQexec(C, \"") +
                             Text + "\"); }",
                         Effect);
  };
  std::string Effect;
  EXPECT_TRUE(Sql("INSERT INTO t (a) VALUES (1)", &Effect));
  EXPECT_EQ(Effect, "insert the row twice");
  EXPECT_FALSE(Sql("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING"));
  EXPECT_TRUE(Sql("UPDATE t SET n = n + 1 WHERE a = 1", &Effect));
  EXPECT_EQ(Effect, "add to the column twice");
  EXPECT_FALSE(Sql("UPDATE t SET n = 5 WHERE a = 1"));
  EXPECT_TRUE(Sql("INSERT INTO t (k, n) VALUES (1, 1) ON CONFLICT (k) DO UPDATE SET n = t.n + 1"));
  EXPECT_FALSE(Sql("INSERT INTO t (k, n) VALUES (1, 1) ON CONFLICT (k) DO UPDATE SET n = EXCLUDED.n"));
  EXPECT_TRUE(Sql("SELECT nextval('ids')"));
  EXPECT_FALSE(Sql("SELECT n FROM t"));
}

TEST(Idempotency, EachRetriedCallJudgedOnItsOwn) {
  std::vector<IdempotencyVerdict> V =
      verdicts("void f(httplib::Client &C) { for (int A = 0; A < 3; ++A) {"
               " if (!C.Get(\"/cart\")) continue;"
               " if (C.Post(\"/charge\", \"{}\", \"application/json\")) return; } }",
               "f");
  ASSERT_EQ(V.size(), 2u);
  EXPECT_FALSE(V[0].NotIdempotent);
  EXPECT_TRUE(V[1].NotIdempotent);
  EXPECT_FALSE(V[1].Remedy.empty());
}

} // namespace
