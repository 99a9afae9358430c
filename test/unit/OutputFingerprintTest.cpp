// test/unit/OutputFingerprintTest.cpp: fingerprints survive unrelated edits and tell identical findings apart; the JSON array.
#include "OutputTestSupport.h"
#include "output/OutputDetail.h"

using namespace fallacy::driver;
using namespace fallacy::driver::test;
using nlohmann::json;

namespace {

const char *Before = "#include <curl/curl.h>\n"
                     "void fetch(CURL *h) {\n"
                     "  curl_easy_perform(h);\n"
                     "  curl_easy_perform(h);\n"
                     "}\n";

// Lines added above: an include, a whole function, a comment and a statement
// in the same function, and a changed indentation of the flagged line.
const char *After = "#include <curl/curl.h>\n"
                    "#include <string>\n"
                    "\n"
                    "static int helper() { return 1; }\n"
                    "void fetch(CURL *h) {\n"
                    "  // Fetch twice.\n"
                    "  helper();\n"
                    "  curl_easy_perform(h);\n"
                    "      curl_easy_perform(h);\n"
                    "}\n";

std::vector<std::string> fingerprints(const std::string &File, const char *Content,
                                      llvm::StringRef Root, llvm::StringRef Message = "m") {
  RunResult R;
  R.Findings.push_back(makeFinding(File, offsetOf(Content, "curl_easy_perform"), Message));
  R.Findings.push_back(makeFinding(
      File, offsetOf(Content, "curl_easy_perform", offsetOf(Content, "curl_easy_perform") + 1),
      Message));
  SourceCache Sources;
  detail::Fingerprinter FP(Sources);
  return FP.all(R, Root);
}

// Identical findings on identical lines differ only by occurrence.
TEST(FingerprintTest, IdenticalFindingsDiffer) {
  TempDir Dir;
  std::string F = Dir.write("a.cpp", Before);
  std::vector<std::string> P = fingerprints(F, Before, Dir.Path);
  EXPECT_NE(P[0], P[1]);
  EXPECT_EQ(P[0].substr(P[0].size() - 2), ":0");
  EXPECT_EQ(P[1].substr(P[1].size() - 2), ":1");
  // findingFingerprint agrees with the batch computation.
  SourceCache Sources;
  EXPECT_EQ(findingFingerprint(makeFinding(F, offsetOf(Before, "curl_easy_perform"), "m"), Sources,
                               "a.cpp", 0),
            P[0]);
}

// Inserting lines above a finding does not change its fingerprint.
TEST(FingerprintTest, StableWhenLinesAreInsertedAbove) {
  TempDir Dir;
  std::string F = Dir.write("a.cpp", Before);
  std::vector<std::string> Old = fingerprints(F, Before, Dir.Path);
  Dir.write("a.cpp", After);
  EXPECT_EQ(fingerprints(F, After, Dir.Path), Old);
}

// The same line in another function, file, check or message is another finding.
TEST(FingerprintTest, ContextPathAndMessageCount) {
  TempDir Dir;
  std::string F = Dir.write("a.cpp", Before);
  std::vector<std::string> Base = fingerprints(F, Before, Dir.Path);
  EXPECT_NE(fingerprints(F, Before, Dir.Path, "other message"), Base);
  std::string Renamed = "#include <curl/curl.h>\nvoid fetchAll(CURL *h) {\n"
                        "  curl_easy_perform(h);\n  curl_easy_perform(h);\n}\n";
  Dir.write("a.cpp", Renamed);
  EXPECT_NE(fingerprints(F, Renamed.c_str(), Dir.Path), Base);
  std::string G = Dir.write("b.cpp", Before);
  EXPECT_NE(fingerprints(G, Before, Dir.Path), Base);
}

// Only declarations count as context: namespace, class and function, not an if.
TEST(FingerprintTest, EnclosingDeclarations) {
  TempDir Dir;
  const char *Src = "namespace svc {\nclass Client {\npublic:\n  void run(int n) {\n"
                    "    if (n > 3) {\n      call(\"{\"); // }\n    }\n  }\n};\n}\n";
  std::string F = Dir.write("c.cpp", Src);
  SourceCache Sources;
  detail::Fingerprinter FP(Sources);
  EXPECT_EQ(FP.enclosingDeclarations(F, offsetOf(Src, "call")),
            (std::vector<std::string>{"namespace svc", "class Client", "void run ( int n )"}));
  EXPECT_TRUE(FP.enclosingDeclarations(F, 0).empty());
}

// The JSON array has every field, paths relative to the root, byte columns.
TEST(JsonTest, FindingFields) {
  TempDir Dir;
  const char *Src = "void f() {\n  /*\xC3\xA9*/ call(h);\n}\n";
  std::string F = Dir.write("src/a.cpp", Src);
  RunResult R;
  Finding Fd = makeFinding(F, offsetOf(Src, "call"), "can wait forever");
  Fd.Ranges.push_back({F, offsetOf(Src, "call"), offsetOf(Src, ";")});
  Fd.Notes.push_back({"here", F, 0, {}});
  Fd.Fixes.push_back(makeEdit(F, offsetOf(Src, "call"), 0, "setup(); "));
  R.Findings.push_back(Fd);
  R.Findings.push_back(makeFinding("/usr/include/x.h", 3, "outside"));
  SourceCache Sources;
  json J = makeJson(R, Sources, Dir.path("src"));
  ASSERT_TRUE(J.is_array());
  ASSERT_EQ(J.size(), 2u);
  EXPECT_EQ(J[0]["check"], "fallacy-missing-timeout");
  EXPECT_EQ(J[0]["level"], "warning");
  EXPECT_EQ(J[0]["message"], "can wait forever");
  EXPECT_EQ(J[0]["file"], "a.cpp");
  EXPECT_EQ(J[0]["line"], 2);
  EXPECT_EQ(J[0]["column"], 10); // Bytes: "  /*", two for "é", "*/ ".
  EXPECT_EQ(J[0]["endLine"], 2);
  EXPECT_EQ(J[0]["endColumn"], 17);
  EXPECT_EQ(J[0]["notes"][0], json({{"message", "here"}, {"file", "a.cpp"}, {"line", 1},
                                    {"column", 1}}));
  EXPECT_EQ(J[0]["fixes"][0]["text"], "setup(); ");
  EXPECT_EQ(J[0]["fixes"][0]["line"], 2);
  EXPECT_EQ(J[0]["fixes"][0]["column"], 10);
  EXPECT_EQ(J[0]["fixes"][0]["endColumn"], 10);
  EXPECT_EQ(J[0]["fingerprint"], findingFingerprint(Fd, Sources, "a.cpp", 0));
  EXPECT_EQ(J[1]["file"], "/usr/include/x.h");
  EXPECT_TRUE(J[1]["line"].is_null());
}

} // namespace
