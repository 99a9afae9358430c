// test/unit/ModelFileErrorsTest.cpp: a malformed user model names the file, the JSON path and the problem.
#include "OutputTestSupport.h"
#include "analysis/ApiModel.h"
#include "gtest/gtest.h"

using namespace fallacy;
using fallacy::driver::test::TempDir;

namespace {

/// Loads the built-in models plus one file with \p Operation as its only
/// operation; returns the error text, or "" when it loads.
std::string errorFor(const std::string &Operation) {
  TempDir Dir;
  std::string Path = Dir.write("model.json", R"({"family": "acme", "handles": [{"id": "acme-session", "noun": "session", "missing": "no call timeout", "default": "infinite"}],
      "operations": [)" + Operation + "]}");
  llvm::Expected<const ApiModel &> M = loadApiModel({Path});
  if (M)
    return "";
  std::string Text = llvm::toString(M.takeError());
  EXPECT_NE(Text.find(Path), std::string::npos) << Text;
  return Text;
}

const char *Base = R"("id": "acme-charge", "match": {"function": ["acme::charge"]}, "blocking": true)";

TEST(ModelFileErrorsTest, WellFormedOperationLoads) {
  EXPECT_EQ(errorFor(std::string("{") + Base + R"(, "stream": false, "batch": "acme::chargeMany",
      "idempotency": {"kind": "fixed", "idempotent": false, "why": "charge twice"}})"), "");
}

// A flag that is not true/false is an error, not a silently absent flag.
TEST(ModelFileErrorsTest, FlagsMustBeBooleans) {
  std::string E = errorFor(std::string("{") + Base + R"(, "stream": "yes"})");
  EXPECT_NE(E.find("expected true or false at model.operations[0].stream"), std::string::npos) << E;
}

TEST(ModelFileErrorsTest, TimeoutArgumentIsOneOfArgAndAnnotatedParam) {
  std::string E = errorFor(std::string("{") + Base +
                           R"(, "timeoutArg": {"arg": 1, "annotatedParam": "fallacy::timeout_ms"}})");
  EXPECT_NE(E.find("expected one of arg and annotatedParam, not both at model.operations[0].timeoutArg"),
            std::string::npos)
      << E;
}

// `reply` names receives among a stream operation's callees.
TEST(ModelFileErrorsTest, ReplyIsForStreamOperations) {
  EXPECT_EQ(errorFor(std::string("{") + Base + R"(, "stream": true, "reply": ["charge"]})"), "");
  std::string E = errorFor(std::string("{") + Base + R"(, "reply": true})");
  EXPECT_NE(E.find("reply is for stream operations"), std::string::npos) << E;
  E = errorFor(std::string("{") + Base + R"(, "stream": true, "reply": "charge"})");
  EXPECT_NE(E.find("model.operations[0].reply"), std::string::npos) << E;
}

TEST(ModelFileErrorsTest, KeyFixIsForHttpRules) {
  std::string E = errorFor(std::string("{") + Base +
                           R"(, "idempotency": {"kind": "fixed", "idempotent": false, "why": "charge twice",
                              "keyFix": {"headersType": "acme::Headers", "insert": "x"}}})");
  EXPECT_NE(E.find("keyFix is for http rules"), std::string::npos) << E;
  E = errorFor(std::string("{") + Base + R"(, "idempotency": {"kind": "http", "keyFix": {"headersType": "acme::Headers"}}})");
  EXPECT_NE(E.find("model.operations[0].idempotency.keyFix.insert"), std::string::npos) << E;
}

TEST(ModelFileErrorsTest, IdempotencyMustBeAnObject) {
  std::string E = errorFor(std::string("{") + Base + R"(, "idempotency": "http"})");
  EXPECT_NE(E.find("expected an object with kind"), std::string::npos) << E;
  EXPECT_NE(E.find("model.operations[0].idempotency"), std::string::npos) << E;
}

TEST(ModelFileErrorsTest, FixedNonIdempotentNeedsWhy) {
  std::string E = errorFor(std::string("{") + Base +
                           R"(, "idempotency": {"kind": "fixed", "idempotent": false}})");
  EXPECT_NE(E.find("needs why"), std::string::npos) << E;
}

TEST(ModelFileErrorsTest, RedisAndSqlNeedTheirTextArgument) {
  std::string E = errorFor(std::string("{") + Base +
                           R"(, "idempotency": {"kind": "redis", "nonIdempotent": ["INCR"]}})");
  EXPECT_NE(E.find("a redis rule needs textArg"), std::string::npos) << E;
}

TEST(ModelFileErrorsTest, VerbSetterSelectorIsChecked) {
  std::string Setter = R"({"match": {"function": ["acme::setopt"]}, "handle": {"arg": 0, "kind": "acme-session"}, "verb": "POST", "selector": )";
  std::string Op = std::string("{") + Base +
                   R"(, "handle": {"arg": 0, "kind": "acme-session"}, "idempotency": {"kind": "http", "verbSetters": [)";
  std::string E = errorFor(Op + Setter + R"("ACME_POST"}]}})");
  EXPECT_NE(E.find("expected {\"arg\": N, \"value\": \"NAME\"}"), std::string::npos) << E;
  E = errorFor(Op + Setter + R"({"arg": 1, "value": "ACME_POST", "vale": 1}}]}})");
  EXPECT_NE(E.find("vale"), std::string::npos) << E;
  E = errorFor(Op + Setter + R"({"value": "ACME_POST"}}]}})");
  EXPECT_NE(E.find("expected the index of the argument"), std::string::npos) << E;
}

} // namespace
