// test/unit/SummaryTest.cpp: the summary format, and merging units' facts to resolve cross-file findings.
#include "OutputTestSupport.h"
#include "Summaries.h"
#include "analysis/Summary.h"
#include "gtest/gtest.h"

using namespace fallacy;
using namespace fallacy::driver;
using nlohmann::json;

namespace {

FunctionFact fact(const std::string &Usr, std::vector<std::string> Calls) {
  FunctionFact F;
  F.Usr = Usr;
  F.Name = Usr.substr(Usr.rfind('@') + 1);
  F.Calls = std::move(Calls);
  F.Outcome = "bool";
  return F;
}

FunctionFact remoteFact(const std::string &Usr, const std::string &File) {
  FunctionFact F = fact(Usr, {});
  F.Remote = true;
  F.Operation = "PQexecParams";
  F.Family = "libpq";
  F.Batch = "one query for all ids: WHERE id = ANY($1)";
  F.Site = {File, 40, 3, 5};
  F.Waits = "inside";
  return F;
}

PendingFinding pending(const std::string &Check, Condition::Kind K, const std::string &Usr,
                       const std::string &File, unsigned Offset) {
  PendingFinding P;
  P.F.CheckId = Check;
  P.F.Level = "warning";
  P.F.Message = "'load' costs one round trip per iteration";
  P.F.File = File;
  P.F.Offset = Offset;
  P.F.MainFile = File;
  P.F.Notes.push_back({"the loop runs it once per element", File, 0, {}});
  P.Requires.push_back({K, {Usr}});
  return P;
}

MergedSummary merged(std::vector<FunctionFact> Fs, std::vector<PendingFinding> Ps = {}) {
  MergedSummary M;
  M.add(std::move(Fs), std::move(Ps));
  return M;
}

// What --summary-out writes reads back unchanged, facts and pending findings.
TEST(SummaryTest, RoundTrip) {
  FunctionFact Charge = remoteFact("c:@F@charge", "/src/pay.cpp");
  Charge.NotIdempotent = true;
  Charge.Effect = "charge twice";
  Charge.Why = "send an idempotency key";
  Charge.RetriesInside = true;
  PendingFinding P = pending("fallacy-chatty-loop", Condition::Kind::Remote, "c:@F@charge",
                             "/src/loop.cpp", 120);
  P.BatchNote = true;
  json J = summaryToJson({Charge, fact("c:@F@pay", {"c:@F@charge"})}, {P});
  MergedSummary M;
  ASSERT_FALSE(static_cast<bool>(M.addJson(J, "s.json")));
  // Nothing resolves yet: remoteThrough needs the fact, which is there.
  const FunctionFact *Back = M.remoteThrough("c:@F@pay");
  ASSERT_NE(Back, nullptr);
  EXPECT_EQ(Back->Operation, "PQexecParams");
  EXPECT_EQ(Back->Family, "libpq");
  EXPECT_TRUE(Back->NotIdempotent);
  EXPECT_EQ(Back->Effect, "charge twice");
  EXPECT_EQ(Back->Why, "send an idempotency key");
  EXPECT_EQ(Back->Waits, "inside");
  EXPECT_TRUE(Back->RetriesInside);
  EXPECT_EQ(Back->Site.Line, 3u);
  std::vector<Finding> Found = M.resolve();
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].Offset, 120u);
  EXPECT_EQ(Found[0].Notes.size(), 3u); // Site, the check's own note, the batch.
  // The same text again, through unresolved(): the resolved finding is gone.
  json Out = M.unresolved();
  EXPECT_EQ(Out.at("version"), 2);
  EXPECT_EQ(Out.at("functions").size(), 2u);
  EXPECT_TRUE(Out.at("pending").empty());
}

// A malformed summary names its origin and what is wrong.
TEST(SummaryTest, MalformedInputIsAnError) {
  auto ErrorOf = [](const json &J) {
    MergedSummary M;
    llvm::Error E = M.addJson(J, "shard-2.json");
    return E ? llvm::toString(std::move(E)) : std::string();
  };
  EXPECT_NE(ErrorOf(json::array()).find("shard-2.json"), std::string::npos);
  EXPECT_NE(ErrorOf({{"version", 1}}).find("unknown version (expected 2"), std::string::npos);
  json NoUsr = {{"version", 2}, {"functions", {{{"name", "f"}}}}};
  EXPECT_NE(ErrorOf(NoUsr).find("functions[0] needs usr and name"), std::string::npos);
  json BadPending = {{"version", 2}, {"pending", {{{"requires", json::array()}}}}};
  EXPECT_NE(ErrorOf(BadPending).find("pending[0] is incomplete"), std::string::npos);
  json BadKind = {{"version", 2},
                  {"pending", {{{"requires", {{{"kind", "faster"}, {"anyOf", {"u"}}}}}}}}};
  EXPECT_NE(ErrorOf(BadKind).find("unknown condition kind 'faster'"), std::string::npos);
}

// Remoteness flows backwards along calls made in other units; cycles end.
TEST(SummaryTest, RemoteThroughCallsAcrossUnits) {
  MergedSummary M;
  M.add({fact("c:@F@handler", {"c:@F@loadAll"}), fact("c:@F@ping", {"c:@F@pong"})}, {});
  M.add({fact("c:@F@loadAll", {"c:@F@load"}), remoteFact("c:@F@load", "/src/repo.cpp"),
         fact("c:@F@pong", {"c:@F@ping"})},
        {});
  const FunctionFact *Through = M.remoteThrough("c:@F@handler");
  ASSERT_NE(Through, nullptr);
  EXPECT_EQ(Through->Usr, "c:@F@load");
  EXPECT_NE(M.remoteThrough("c:@F@loadAll"), nullptr);
  EXPECT_EQ(M.remoteThrough("c:@F@ping"), nullptr);
  EXPECT_EQ(M.remoteThrough("c:@F@unknown"), nullptr);
}

// A header's function summarised by two units is one fact with both units' calls.
TEST(SummaryTest, SameFunctionFromTwoUnits) {
  MergedSummary M;
  M.add({fact("c:@F@inlineHelper", {"c:@F@local"})}, {});
  M.add({fact("c:@F@inlineHelper", {"c:@F@load"})}, {});
  M.add({remoteFact("c:@F@load", "/src/repo.cpp")}, {});
  EXPECT_EQ(M.unresolved().at("functions").size(), 2u);
  EXPECT_NE(M.remoteThrough("c:@F@inlineHelper"), nullptr);
}

// A pending finding is reported only when its condition holds, once however
// many units made it, with a note at the remote call in the other file.
TEST(SummaryTest, ResolvePendingFindings) {
  PendingFinding Load = pending("fallacy-chatty-loop", Condition::Kind::Remote, "c:@F@load",
                                "/src/service.cpp", 34);
  Load.BatchNote = true;
  PendingFinding Check = pending("fallacy-chatty-loop", Condition::Kind::Remote, "c:@F@check",
                                 "/src/service.cpp", 125);
  MergedSummary M;
  M.add({}, {Load, Check});
  M.add({}, {Load}); // The same loop in a header, seen by a second unit.
  M.add({remoteFact("c:@F@load", "/src/repo.cpp"), fact("c:@F@check", {})}, {});
  std::vector<Finding> Found = M.resolve();
  ASSERT_EQ(Found.size(), 1u);
  const Finding &F = Found[0];
  EXPECT_EQ(F.Offset, 34u);
  ASSERT_EQ(F.Notes.size(), 3u);
  EXPECT_EQ(F.Notes[0].File, "/src/repo.cpp");
  EXPECT_NE(F.Notes[0].Message.find("the remote call ('PQexecParams') is made here"),
            std::string::npos);
  EXPECT_EQ(F.Notes[1].Message, "the loop runs it once per element");
  EXPECT_NE(F.Notes[2].Message.find("ANY($1)"), std::string::npos);
}

// A non-idempotent condition needs the operation the function reaches to be
// not idempotent; the note says what repeating it does.
TEST(SummaryTest, NotIdempotentCondition) {
  FunctionFact Insert = remoteFact("c:@F@insert", "/src/repo.cpp");
  Insert.NotIdempotent = true;
  Insert.Effect = "insert the row twice";
  auto Retry = [](const std::string &Usr, unsigned Offset) {
    return pending("fallacy-non-idempotent-retry", Condition::Kind::NotIdempotent, Usr,
                   "/src/loop.cpp", Offset);
  };
  MergedSummary M = merged({Insert, remoteFact("c:@F@select", "/src/repo.cpp"),
                            fact("c:@F@save", {"c:@F@insert"})},
                           {Retry("c:@F@save", 10), Retry("c:@F@select", 20)});
  std::vector<Finding> Found = M.resolve();
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].Offset, 10u);
  EXPECT_NE(Found[0].Notes[0].Message.find("repeated, it can insert the row twice"),
            std::string::npos);
}

// --summary-out keeps every fact but only the findings the facts do not
// resolve: the resolved ones were reported by the run that writes it.
TEST(SummaryTest, UnresolvedKeepsFactsAndWaitingFindings) {
  MergedSummary M = merged(
      {fact("c:@F@f", {"c:@F@g"}), remoteFact("c:@F@h", "/src/h.cpp")},
      {pending("fallacy-chatty-loop", Condition::Kind::Remote, "c:@F@g", "/src/a.cpp", 10),
       pending("fallacy-chatty-loop", Condition::Kind::Remote, "c:@F@h", "/src/a.cpp", 20)});
  json Out = M.unresolved();
  EXPECT_EQ(Out.at("functions").size(), 2u);
  ASSERT_EQ(Out.at("pending").size(), 1u);
  EXPECT_EQ(Out.at("pending")[0].at("requires")[0].at("anyOf")[0], "c:@F@g");
}

// The worker moves the findings the checks marked conditional, by their
// marker note, out of the unit's findings, and drops the marker.
TEST(SummaryTest, TakeConditionalMovesMarkedFindings) {
  std::vector<Finding> Findings(3);
  Findings[0].CheckId = "fallacy-unbounded-retry";
  Findings[0].Offset = 4;
  Findings[0].Notes = {{"each attempt repeats this remote call", "", 0, {}},
                       {std::string(PendingMarker) + "1", "", 0, {}}};
  Findings[1] = Findings[0];
  Findings[1].Offset = 5;
  Findings[1].Notes.pop_back();
  // A marker naming another check's record is not this finding's.
  Findings[2] = Findings[0];
  Findings[2].CheckId = "fallacy-retry-without-backoff";
  ConditionalFinding Other{"fallacy-chatty-loop", {}, {}, false};
  ConditionalFinding C{"fallacy-unbounded-retry", {"/src/retry.cpp", 4, 1, 5},
                       {{Condition::Kind::Remote, {"c:@F@put"}}}, false};
  std::vector<PendingFinding> Pending = takeConditional(Findings, {Other, C});
  ASSERT_EQ(Pending.size(), 1u);
  EXPECT_EQ(Pending[0].F.Offset, 4u);
  ASSERT_EQ(Pending[0].F.Notes.size(), 1u);
  EXPECT_EQ(Pending[0].Requires[0].AnyOf, std::vector<std::string>{"c:@F@put"});
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Offset, 5u);
  EXPECT_EQ(Findings[1].CheckId, "fallacy-retry-without-backoff");
}

} // namespace
