// test/unit/SummaryTest.cpp: the summary file format, and merging units' facts to resolve cross-file findings.
#include "OutputTestSupport.h"
#include "Summaries.h"
#include "analysis/CheckMetadata.h"
#include "analysis/Summary.h"
#include "gtest/gtest.h"

using namespace fallacy;
using namespace fallacy::driver;
using fallacy::driver::test::TempDir;

namespace {

SummaryLocation loc(const std::string &File, unsigned Offset, unsigned Line, unsigned Column) {
  return {File, Offset, Line, Column};
}

FunctionFact fact(const std::string &Usr, std::vector<std::string> Calls) {
  FunctionFact F;
  F.Usr = Usr;
  F.Name = Usr.substr(2);
  F.Calls = std::move(Calls);
  return F;
}

FunctionFact remoteFact(const std::string &Usr, const std::string &File) {
  FunctionFact F = fact(Usr, {});
  F.Remote = true;
  F.Operation = "PQexecParams";
  F.Batch = "one query for all ids: WHERE id = ANY($1)";
  F.Site = loc(File, 40, 3, 5);
  return F;
}

PendingFinding pending(const std::string &Requires, const std::string &File, unsigned Offset,
                       unsigned Line) {
  PendingFinding P;
  P.Check = "fallacy-chatty-loop";
  P.RequiresRemote = Requires;
  P.Callee = "load";
  P.Message = "'load' costs one round trip per iteration: a loop over N items waits for the network N times";
  P.At = loc(File, Offset, Line, 5);
  P.EndOffset = Offset + 8;
  P.Loop = loc(File, 0, 1, 1);
  return P;
}

// What --summary-out writes, summaryFromJSON reads back unchanged.
TEST(SummaryTest, RoundTrip) {
  UnitSummary S;
  S.Functions.push_back(remoteFact("c:@F@load", "/src/repo.cpp"));
  S.Functions.push_back(fact("c:@F@loadAll", {"c:@F@load"}));
  S.Pending.push_back(pending("c:@F@load", "/src/service.cpp", 120, 7));
  llvm::Expected<UnitSummary> Back = summaryFromJSON(toJSON(S), "s.json");
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->Functions.size(), 2u);
  EXPECT_TRUE(Back->Functions[0].Remote);
  EXPECT_EQ(Back->Functions[0].Operation, "PQexecParams");
  EXPECT_EQ(Back->Functions[0].Batch, S.Functions[0].Batch);
  EXPECT_EQ(Back->Functions[0].Site.File, "/src/repo.cpp");
  EXPECT_EQ(Back->Functions[0].Site.Line, 3u);
  EXPECT_FALSE(Back->Functions[1].Remote);
  EXPECT_EQ(Back->Functions[1].Calls, std::vector<std::string>{"c:@F@load"});
  ASSERT_EQ(Back->Pending.size(), 1u);
  EXPECT_EQ(Back->Pending[0].RequiresRemote, "c:@F@load");
  EXPECT_EQ(Back->Pending[0].Message, S.Pending[0].Message);
  EXPECT_EQ(Back->Pending[0].At.Offset, 120u);
  EXPECT_EQ(Back->Pending[0].EndOffset, 128u);
  EXPECT_EQ(Back->Pending[0].Loop.Line, 1u);
}

// A malformed summary names its origin and what is wrong.
TEST(SummaryTest, MalformedInputIsAnError) {
  auto ErrorOf = [](llvm::json::Value V) {
    llvm::Expected<UnitSummary> S = summaryFromJSON(V, "shard-2.json");
    return S ? std::string() : llvm::toString(S.takeError());
  };
  EXPECT_NE(ErrorOf(llvm::json::Array{}).find("shard-2.json"), std::string::npos);
  EXPECT_NE(ErrorOf(llvm::json::Object{{"version", 2}}).find("unknown version"), std::string::npos);
  llvm::json::Object NoUsr{{"version", 1},
                           {"functions", llvm::json::Array{llvm::json::Object{{"name", "f"}}}}};
  EXPECT_NE(ErrorOf(std::move(NoUsr)).find("functions[0] needs usr and name"), std::string::npos);
  llvm::json::Object BadPending{{"version", 1},
                                {"pending", llvm::json::Array{llvm::json::Object{{"check", "x"}}}}};
  EXPECT_NE(ErrorOf(std::move(BadPending)).find("pending[0] is incomplete"), std::string::npos);
}

// Remoteness flows backwards along calls made in other units; cycles end.
TEST(SummaryTest, RemoteThroughCallsAcrossUnits) {
  MergedSummary M;
  UnitSummary Service, Repo;
  Service.Functions.push_back(fact("c:@F@handler", {"c:@F@loadAll"}));
  Service.Functions.push_back(fact("c:@F@ping", {"c:@F@pong"}));
  Repo.Functions.push_back(fact("c:@F@loadAll", {"c:@F@load"}));
  Repo.Functions.push_back(remoteFact("c:@F@load", "/src/repo.cpp"));
  Repo.Functions.push_back(fact("c:@F@pong", {"c:@F@ping"}));
  M.add(Service);
  M.add(Repo);
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
  UnitSummary A, B, Repo;
  A.Functions.push_back(fact("c:@F@inlineHelper", {"c:@F@local"}));
  B.Functions.push_back(fact("c:@F@inlineHelper", {"c:@F@load"}));
  Repo.Functions.push_back(remoteFact("c:@F@load", "/src/repo.cpp"));
  M.add(A);
  M.add(B);
  M.add(Repo);
  EXPECT_EQ(M.unresolved().Functions.size(), 2u);
  EXPECT_NE(M.remoteThrough("c:@F@inlineHelper"), nullptr);
}

// The configuration of the finding's file decides whether it is reported, and at which level.
TEST(SummaryTest, ResolveHonoursTheFilesConfiguration) {
  TempDir Dir;
  std::string Service = Dir.write("service.cpp", "void run() {\n  for (int Id : Ids) load(Id);\n}\n");
  MergedSummary M;
  UnitSummary U;
  U.Functions.push_back(remoteFact("c:@F@load", Dir.path("repo.cpp")));
  U.Pending.push_back(pending("c:@F@load", Service, 34, 2));
  M.add(U);
  SourceCache Sources;
  unsigned Suppressed = 0;
  auto Disabled = [](const PendingFinding &) -> std::optional<std::string> { return std::nullopt; };
  EXPECT_TRUE(M.resolve(checkMetadata(), Sources, Suppressed, Disabled).empty());
  auto AsError = [](const PendingFinding &) -> std::optional<std::string> { return "error"; };
  std::vector<Finding> Found = M.resolve(checkMetadata(), Sources, Suppressed, AsError);
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].Level, "error");
}

// A pending finding becomes a finding only when its callee turns out remote;
// a NOLINT comment on its line suppresses it and is counted.
TEST(SummaryTest, ResolvePendingFindings) {
  TempDir Dir;
  std::string Service = Dir.write("service.cpp", "void run() {\n"
                                                 "  for (int Id : Ids) load(Id);\n"
                                                 "  for (int Id : Ids) load(Id); // NOLINT(fallacy-chatty-loop)\n"
                                                 "  for (int Id : Ids) check(Id);\n"
                                                 "}\n");
  MergedSummary M;
  UnitSummary Repo, Unit;
  Repo.Functions.push_back(remoteFact("c:@F@load", Dir.path("repo.cpp")));
  Repo.Functions.push_back(fact("c:@F@check", {}));
  Unit.Pending.push_back(pending("c:@F@load", Service, 34, 2));
  Unit.Pending.push_back(pending("c:@F@load", Service, 64, 3));
  Unit.Pending.push_back(pending("c:@F@check", Service, 125, 4));
  // The same pending finding from two units (a header's loop) is reported once.
  M.add(Unit);
  M.add(Unit);
  M.add(Repo);
  SourceCache Sources;
  unsigned Suppressed = 0;
  std::vector<Finding> Found = M.resolve(checkMetadata(), Sources, Suppressed);
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Suppressed, 1u);
  const Finding &F = Found[0];
  EXPECT_EQ(F.CheckId, "fallacy-chatty-loop");
  EXPECT_EQ(F.File, Service);
  EXPECT_EQ(F.Offset, 34u);
  EXPECT_NE(F.Message.find("'load' costs one round trip per iteration"), std::string::npos);
  ASSERT_EQ(F.Notes.size(), 3u);
  EXPECT_EQ(F.Notes[0].File, Dir.path("repo.cpp"));
  EXPECT_NE(F.Notes[0].Message.find("PQexecParams"), std::string::npos);
  EXPECT_NE(F.Notes[2].Message.find("ANY($1)"), std::string::npos);
}

// --summary-out keeps every fact but only the findings the facts do not
// resolve: the resolved ones were reported by the run that writes it.
TEST(SummaryTest, UnresolvedKeepsFactsAndWaitingFindings) {
  MergedSummary M;
  UnitSummary A;
  A.Functions.push_back(fact("c:@F@f", {"c:@F@g"}));
  A.Functions.push_back(remoteFact("c:@F@h", "/src/h.cpp"));
  A.Pending.push_back(pending("c:@F@g", "/src/a.cpp", 10, 1));
  A.Pending.push_back(pending("c:@F@h", "/src/a.cpp", 20, 2));
  M.add(A);
  UnitSummary Out = M.unresolved();
  EXPECT_EQ(Out.Functions.size(), 2u);
  ASSERT_EQ(Out.Pending.size(), 1u);
  EXPECT_EQ(Out.Pending[0].RequiresRemote, "c:@F@g");
}

} // namespace
