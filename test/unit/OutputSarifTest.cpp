// test/unit/OutputSarifTest.cpp: the SARIF log's structure, locations, rules and failures.
//
// With FALLACY_SARIF_OUT set, the log of SarifTest.WritesLogForTheValidator is
// written there, so test/sarif/validate_sarif.py can check it with the SARIF
// Multitool and GitHub's ingestion rules.
#include "OutputTestSupport.h"
#include <cstdlib>

using namespace fallacy;
using namespace fallacy::driver;
using namespace fallacy::driver::test;
using nlohmann::json;

namespace {

const char *Source = "#include <curl/curl.h>\n"
                     "\n"
                     "namespace svc {\n"
                     "int fetch(const char *Url) {\n"
                     "  CURL *h = curl_easy_init();\n"
                     "  /*\xC3\xA9\xF0\x9F\x98\x80*/ curl_easy_perform(h);\n"
                     "  curl_easy_perform(h);\n"
                     "  curl_easy_perform(h);\n"
                     "  return 0;\n"
                     "}\n"
                     "} // namespace svc\n";

CheckMetadata metadata() {
  CheckMetadata M;
  M.Fallacies.push_back({"network-is-reliable", "The network is reliable", "Silence is not an answer."});
  CheckRecord C;
  C.Id = "fallacy-missing-timeout";
  C.Title = "Remote call without a timeout";
  C.Fallacy = "network-is-reliable";
  C.Summary = "Remote call can block forever because no timeout or deadline reaches it.";
  C.Description = "A blocking remote call waits until the peer answers.";
  C.Severity = "warning";
  C.Docs = "docs/checks/fallacy-missing-timeout.md";
  M.Checks.push_back(C);
  C.Id = "fallacy-unbounded-retry";
  C.Severity = "error";
  C.Docs = "docs/checks/fallacy-unbounded-retry.md";
  M.Checks.push_back(C);
  return M;
}

class SarifTest : public ::testing::Test {
protected:
  TempDir Dir;
  std::string File = Dir.write("src dir/fetch.cpp", Source);
  std::string Header = Dir.write("outside/net.h", "void g();\n");
  CheckMetadata Meta = metadata();

  // Three findings, a note, a fix, a failure and a file outside the root.
  RunResult fullRun() {
    RunResult R;
    unsigned First = offsetOf(Source, "curl_easy_perform");
    Finding F = makeFinding(File, First, "'curl_easy_perform' can wait forever");
    F.Ranges.push_back({File, First, First + 20});
    F.Notes.push_back({"handle 'h' created here", File, offsetOf(Source, "curl_easy_init"), {}});
    F.Notes.push_back({"set 'DefaultTimeoutMs' to change the timeout", "", 0, {}});
    F.Fixes.push_back(makeEdit(File, First, 0, "curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L); "));
    R.Findings.push_back(F);
    for (size_t From : {First + 1, offsetOf(Source, "curl_easy_perform", First + 1) + 1})
      R.Findings.push_back(makeFinding(File, offsetOf(Source, "curl_easy_perform", From),
                                       "'curl_easy_perform' can wait forever"));
    R.Findings.push_back(makeFinding(Header, 0, "declared without a timeout", "fallacy-unbounded-retry",
                                     "error"));
    R.Failures.push_back({Dir.path("src dir/broken.cpp"), "does not compile",
                          "broken.cpp:1:1: error: unknown type name 'x'"});
    R.Stats.FilesAnalysed = 1;
    return R;
  }

  json sarif(const RunResult &R, bool Success = true) {
    SourceCache Sources;
    SarifOptions Opts;
    Opts.SourceRoot = Dir.path("src dir");
    Opts.ToolVersion = "0.1.0";
    Opts.ExecutionSuccessful = Success;
    return makeSarif(R, Sources, Meta, Opts);
  }
};

// The log header, the run's tool and the declared column kind.
TEST_F(SarifTest, LogAndToolDescription) {
  json Log = sarif(fullRun());
  EXPECT_EQ(Log["version"], "2.1.0");
  EXPECT_TRUE(Log["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  ASSERT_EQ(Log["runs"].size(), 1u);
  const json &Run = Log["runs"][0];
  EXPECT_EQ(Run["columnKind"], "utf16CodeUnits");
  const json &Driver = Run["tool"]["driver"];
  EXPECT_EQ(Driver["name"], "fallacy-lint");
  EXPECT_EQ(Driver["version"], "0.1.0");
  EXPECT_EQ(Driver["semanticVersion"], "0.1.0");
  EXPECT_EQ(Driver["informationUri"].get<std::string>().rfind("https://", 0), 0u);
  // The root is a file URI ending in a slash, with the space encoded.
  std::string Root = Run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_EQ(Root, "file://" + Dir.Path + "/src%20dir/");
}

// Every metadata record becomes a rule when no check list is given.
TEST_F(SarifTest, RulesDescribeEachCheck) {
  json Rules = sarif(fullRun())["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(Rules.size(), 2u);
  const json &Rule = Rules[0];
  EXPECT_EQ(Rule["id"], "fallacy-missing-timeout");
  EXPECT_EQ(Rule["name"], "MissingTimeout");
  EXPECT_EQ(Rule["shortDescription"]["text"], Meta.Checks[0].Summary);
  EXPECT_EQ(Rule["fullDescription"]["text"], Meta.Checks[0].Description);
  std::string Url = docsBaseUrl().str() + "docs/checks/fallacy-missing-timeout.md";
  EXPECT_EQ(Rule["helpUri"], Url);
  for (const char *Kind : {"text", "markdown"}) {
    std::string Help = Rule["help"][Kind];
    EXPECT_NE(Help.find(Meta.Checks[0].Summary), std::string::npos) << Kind;
    EXPECT_NE(Help.find("The network is reliable"), std::string::npos) << Kind;
    EXPECT_NE(Help.find("Silence is not an answer."), std::string::npos) << Kind;
    EXPECT_NE(Help.find(Url), std::string::npos) << Kind;
  }
  EXPECT_EQ(Rule["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(Rules[1]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(Rule["properties"]["tags"],
            json::array({"network-is-reliable", "reliability", "network"}));
  EXPECT_EQ(Rule["properties"]["precision"], "high");
  // GitHub rejects a numeric security-severity.
  EXPECT_EQ(Rules.dump().find("security-severity"), std::string::npos);
}

// Only the enabled checks are rules; a foreign check a finding names is added.
TEST_F(SarifTest, RulesFollowEnabledChecks) {
  RunResult R;
  R.EnabledChecks = {"bugprone-use-after-move", "fallacy-unbounded-retry"};
  R.Findings.push_back(makeFinding(File, 0, "m", "clang-diagnostic-unused-variable"));
  json Run = sarif(R)["runs"][0];
  json Rules = Run["tool"]["driver"]["rules"];
  ASSERT_EQ(Rules.size(), 3u);
  EXPECT_EQ(Rules[0]["id"], "bugprone-use-after-move");
  EXPECT_EQ(Rules[0]["helpUri"],
            "https://clang.llvm.org/extra/clang-tidy/checks/bugprone/use-after-move.html");
  EXPECT_EQ(Rules[1]["id"], "fallacy-unbounded-retry");
  EXPECT_EQ(Rules[2]["id"], "clang-diagnostic-unused-variable");
  EXPECT_EQ(Run["results"][0]["ruleIndex"], 2);
}

// The result's rule, level, message and full region, with UTF-16 columns
// after non-ASCII text and the end from the first range.
TEST_F(SarifTest, ResultLocation) {
  json Result = sarif(fullRun())["runs"][0]["results"][0];
  EXPECT_EQ(Result["ruleId"], "fallacy-missing-timeout");
  EXPECT_EQ(Result["ruleIndex"], 0);
  EXPECT_EQ(Result["level"], "warning");
  EXPECT_EQ(Result["message"]["text"].get<std::string>().rfind(
                "'curl_easy_perform' can wait forever\n", 0),
            0u);
  ASSERT_EQ(Result["locations"].size(), 1u);
  const json &Phys = Result["locations"][0]["physicalLocation"];
  EXPECT_EQ(Phys["artifactLocation"]["uri"], "fetch.cpp");
  EXPECT_EQ(Phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  // Byte column 14; the comment before it holds 2 + 2 UTF-16 units in 6 bytes.
  EXPECT_EQ(Phys["region"], json({{"startLine", 6}, {"startColumn", 11},
                                  {"endLine", 6}, {"endColumn", 31}}));
  EXPECT_FALSE(Result["partialFingerprints"].contains("primaryLocationLineHash"));
  EXPECT_TRUE(Result["partialFingerprints"].contains("fallacyLint/v1"));
}

// Without a range the region ends with the token at the location.
TEST_F(SarifTest, RegionEndsWithTheTokenWithoutRanges) {
  json Phys = sarif(fullRun())["runs"][0]["results"][1]["locations"][0]["physicalLocation"];
  EXPECT_EQ(Phys["region"], json({{"startLine", 7}, {"startColumn", 3},
                                  {"endLine", 7}, {"endColumn", 20}}));
}

// Located notes become related locations, linked from the message the way
// GitHub shows them; a note without a place stays in the message only.
TEST_F(SarifTest, NotesAreRelatedLocations) {
  json Result = sarif(fullRun())["runs"][0]["results"][0];
  json Related = Result["relatedLocations"];
  ASSERT_EQ(Related.size(), 1u);
  EXPECT_EQ(Related[0]["id"], 1);
  EXPECT_EQ(Related[0]["message"]["text"], "handle 'h' created here");
  EXPECT_EQ(Related[0]["physicalLocation"]["region"]["startLine"], 5);
  EXPECT_EQ(Related[0]["physicalLocation"]["region"]["startColumn"], 13);
  EXPECT_EQ(Related[0]["physicalLocation"]["region"]["endColumn"], 27);
  EXPECT_EQ(Result["message"]["text"], "'curl_easy_perform' can wait forever\n"
                                       "note: [handle 'h' created here](1)\n"
                                       "note: set 'DefaultTimeoutMs' to change the timeout");
  EXPECT_FALSE(sarif(fullRun())["runs"][0]["results"][1].contains("relatedLocations"));
}

// A fix-it is a fix with an empty deleted region and the inserted text.
TEST_F(SarifTest, FixItsAreFixes) {
  json Fixes = sarif(fullRun())["runs"][0]["results"][0]["fixes"];
  ASSERT_EQ(Fixes.size(), 1u);
  const json &Change = Fixes[0]["artifactChanges"][0];
  EXPECT_EQ(Change["artifactLocation"]["uri"], "fetch.cpp");
  const json &Replacement = Change["replacements"][0];
  EXPECT_EQ(Replacement["deletedRegion"], json({{"startLine", 6}, {"startColumn", 11},
                                                {"endLine", 6}, {"endColumn", 11}}));
  EXPECT_EQ(Replacement["insertedContent"]["text"],
            "curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L); ");
  EXPECT_EQ(Fixes[0]["description"]["text"],
            "Insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);'");
}

// A file outside the source root is a "../" reference from it: GitHub
// rejects absolute file URIs outside the checkout (GH1006).
TEST_F(SarifTest, FilesOutsideTheRootAreRelativeReferences) {
  json Result = sarif(fullRun())["runs"][0]["results"][3];
  const json &Artifact = Result["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(Artifact["uri"], "../outside/net.h");
  EXPECT_EQ(Artifact["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(Result["level"], "error");
  RunResult R;
  R.Findings.push_back(makeFinding("/usr/include/curl/curl.h", 0, "m"));
  std::string Ups;
  for (char C : Dir.path("src dir"))
    Ups += C == '/' ? "../" : "";
  EXPECT_EQ(sarif(R)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                    ["artifactLocation"]["uri"],
            Ups + "usr/include/curl/curl.h");
}

// A failed unit is an error notification with its file; success is as told.
TEST_F(SarifTest, FailuresAreNotifications) {
  json Invocations = sarif(fullRun(), /*Success=*/false)["runs"][0]["invocations"];
  ASSERT_EQ(Invocations.size(), 1u);
  EXPECT_EQ(Invocations[0]["executionSuccessful"], false);
  const json &N = Invocations[0]["toolExecutionNotifications"];
  ASSERT_EQ(N.size(), 1u);
  EXPECT_EQ(N[0]["level"], "error");
  std::string Message = N[0]["message"]["text"];
  EXPECT_EQ(Message.rfind("could not analyse this translation unit: does not compile\n", 0), 0u);
  EXPECT_EQ(N[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "broken.cpp");
  RunResult Clean;
  json Ok = sarif(Clean)["runs"][0]["invocations"][0];
  EXPECT_EQ(Ok["executionSuccessful"], true);
  EXPECT_FALSE(Ok.contains("toolExecutionNotifications"));
  EXPECT_EQ(sarif(Clean)["runs"][0]["results"], json::array());
}

// The log handed to the SARIF Multitool by test/sarif/validate_sarif.py
// reads back as the same JSON.
TEST_F(SarifTest, WritesLogForTheValidator) {
  json Log = sarif(fullRun(), /*Success=*/false);
  const char *Env = std::getenv("FALLACY_SARIF_OUT");
  std::string Out = Env ? Env : Dir.path("run.sarif");
  ASSERT_FALSE(writeFileAtomically(Out, [&](llvm::raw_ostream &OS) { OS << Log.dump(2); }));
  EXPECT_EQ(json::parse(readFile(Out)), Log);
}

} // namespace
