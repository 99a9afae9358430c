// test/unit/OutputFixesTest.cpp: --fix and --export-fixes make the same edits, once each, all or nothing per finding.
#include "OutputTestSupport.h"
#include "llvm/Support/Program.h"

using namespace fallacy::driver;
using namespace fallacy::driver::test;

namespace {

const char *Main = "#include \"net.h\"\nvoid a(CURL *h) {\n  curl_easy_perform(h);\n}\n";
const char *Header = "inline void b(CURL *h) {\n  curl_easy_perform(h);\n}\n";
const char *Insert = "curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);\n  ";

class FixesTest : public ::testing::Test {
protected:
  TempDir Dir;

  // One finding in main.cpp, and the same header finding reported by two units.
  RunResult run(const TempDir &In) {
    std::string M = In.write("main.cpp", Main), H = In.write("net.h", Header);
    RunResult R;
    Finding FM = makeFinding(M, offsetOf(Main, "curl_easy_perform"), "can wait forever");
    FM.Fixes.push_back(makeEdit(M, FM.Offset, 0, Insert));
    R.Findings.push_back(FM);
    Finding FH = makeFinding(H, offsetOf(Header, "curl_easy_perform"), "can wait forever");
    FH.Fixes.push_back(makeEdit(H, FH.Offset, 0, Insert));
    R.Findings.push_back(FH);
    FH.MainFile = In.path("other.cpp");
    FH.Message = "can wait forever (seen from other.cpp)";
    R.Findings.push_back(FH);
    return R;
  }
};

// Each file is fixed once, identical edits from two units made once.
TEST_F(FixesTest, AppliesEachEditOnce) {
  RunResult R = run(Dir);
  SourceCache Sources;
  FixReport Report = applyFixes(R, Sources);
  EXPECT_EQ(Report.Applied, 3u);
  EXPECT_EQ(Report.Conflicting, 0u);
  EXPECT_TRUE(Report.Errors.empty());
  EXPECT_EQ(Report.ChangedFiles, (std::vector<std::string>{Dir.path("main.cpp"), Dir.path("net.h")}));
  EXPECT_EQ(readFile(Dir.path("net.h")),
            "inline void b(CURL *h) {\n  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);\n"
            "  curl_easy_perform(h);\n}\n");
  EXPECT_EQ(Dir.list(), (std::vector<std::string>{"main.cpp", "net.h"}));
}

// A later finding whose fix overlaps an earlier one is skipped whole, even
// its edits that would not overlap.
TEST_F(FixesTest, OverlapSkipsTheLaterFindingWhole) {
  RunResult R = run(Dir);
  std::string M = Dir.path("main.cpp");
  Finding Late = makeFinding(M, offsetOf(Main, "h);"), "other");
  Late.Fixes.push_back(makeEdit(M, offsetOf(Main, "void"), 4, "int"));
  // Replaces "  cu", around the point where the first finding inserts.
  Late.Fixes.push_back(makeEdit(M, offsetOf(Main, "curl_easy_perform") - 2, 4, "CURL"));
  R.Findings.push_back(Late);
  // Two different insertions at one point: their order would be a guess.
  Finding Same = makeFinding(M, offsetOf(Main, "curl_easy_perform"), "third");
  Same.Fixes.push_back(makeEdit(M, offsetOf(Main, "curl_easy_perform"), 0, "x();"));
  R.Findings.push_back(Same);
  SourceCache Sources;
  FixReport Report = applyFixes(R, Sources);
  EXPECT_EQ(Report.Conflicting, 2u);
  EXPECT_EQ(Report.Applied, 3u);
  std::string Fixed = readFile(M);
  EXPECT_EQ(Fixed.rfind("#include \"net.h\"\nvoid a", 0), 0u) << Fixed;
  EXPECT_EQ(Fixed.find("x();"), std::string::npos);
}

// Edits that only touch (an insertion where a replacement ends) both apply.
TEST_F(FixesTest, TouchingEditsDoNotConflict) {
  std::string F = Dir.write("t.cpp", "abcdef\n");
  RunResult R;
  Finding A = makeFinding(F, 0, "a");
  A.Fixes.push_back(makeEdit(F, 1, 2, "XY"));
  Finding B = makeFinding(F, 3, "b");
  B.Fixes.push_back(makeEdit(F, 3, 0, "-"));
  R.Findings = {A, B};
  SourceCache Sources;
  FixReport Report = applyFixes(R, Sources);
  EXPECT_EQ(Report.Conflicting, 0u);
  EXPECT_EQ(readFile(F), "aXY-def\n");
}

// A file that cannot be written is an error naming it; other files are still fixed.
TEST_F(FixesTest, UnwritableFileIsReportedAndOthersFixed) {
  RunResult R = run(Dir);
  std::string Gone = Dir.write("gone/g.cpp", "int x;\n");
  Finding G = makeFinding(Gone, 0, "g");
  G.Fixes.push_back(makeEdit(Gone, 0, 3, "long"));
  R.Findings.push_back(G);
  SourceCache Sources;
  ASSERT_NE(Sources.content(Gone), nullptr); // Read before its directory disappears.
  ASSERT_FALSE(llvm::sys::fs::remove_directories(Dir.path("gone")));
  FixReport Report = applyFixes(R, Sources);
  ASSERT_EQ(Report.Errors.size(), 1u);
  EXPECT_EQ(Report.Errors[0].rfind(Gone + ": ", 0), 0u) << Report.Errors[0];
  EXPECT_EQ(Report.Applied, 3u);
  EXPECT_EQ(Report.ChangedFiles.size(), 2u);
}

// An edit outside its file (changed since the analysis) is an error, not a crash.
TEST_F(FixesTest, EditOutsideTheFileIsAnError) {
  std::string F = Dir.write("short.cpp", "int x;\n");
  RunResult R;
  Finding A = makeFinding(F, 0, "a");
  A.Fixes.push_back(makeEdit(F, 100, 0, "y"));
  R.Findings.push_back(A);
  SourceCache Sources;
  FixReport Report = applyFixes(R, Sources);
  ASSERT_EQ(Report.Errors.size(), 1u);
  EXPECT_NE(Report.Errors[0].find("outside the file"), std::string::npos);
  EXPECT_EQ(Report.Applied, 0u);
  EXPECT_EQ(readFile(F), "int x;\n");
}

std::string yaml(const RunResult &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeFixesYaml(R, OS);
  return Out;
}

// The YAML has clang-tidy's shape; the duplicated header edit appears once.
TEST_F(FixesTest, YamlListsEachEditOnce) {
  std::string Y = yaml(run(Dir));
  EXPECT_NE(Y.find("MainSourceFile:"), std::string::npos) << Y;
  EXPECT_NE(Y.find("DiagnosticName:  fallacy-missing-timeout"), std::string::npos) << Y;
  EXPECT_NE(Y.find("Level:           Warning"), std::string::npos) << Y;
  size_t Count = 0;
  for (size_t At = Y.find("ReplacementText:"); At != std::string::npos;
       At = Y.find("ReplacementText:", At + 1))
    ++Count;
  EXPECT_EQ(Count, 2u) << Y;
  EXPECT_EQ(Y.find("seen from other.cpp"), std::string::npos) << Y;
}

// clang-apply-replacements on our YAML gives exactly what --fix gives.
TEST_F(FixesTest, ClangApplyReplacementsAgreesWithApplyFixes) {
  llvm::ErrorOr<std::string> Tool =
      llvm::sys::findProgramByName("clang-apply-replacements", {"/usr/lib/llvm-19/bin"});
  ASSERT_TRUE(bool(Tool)) << "clang-apply-replacements (clang-tools-19) is not installed";

  TempDir ViaFix, ViaYaml;
  RunResult A = run(ViaFix), B = run(ViaYaml);
  // A conflicting finding, so both must skip the same one.
  for (auto [Run, In] : {std::pair<RunResult *, TempDir *>{&A, &ViaFix}, {&B, &ViaYaml}}) {
    std::string M = In->path("main.cpp");
    Finding Late = makeFinding(M, 0, "late");
    Late.Fixes.push_back(makeEdit(M, offsetOf(Main, "curl_easy_perform") - 1, 4, "zz"));
    Run->Findings.push_back(Late);
  }
  SourceCache Sources;
  FixReport Report = applyFixes(A, Sources);
  EXPECT_EQ(Report.Conflicting, 1u);

  std::string YamlDir = ViaYaml.path("fixes");
  ASSERT_FALSE(llvm::sys::fs::create_directories(YamlDir));
  ASSERT_FALSE(writeFileAtomically(YamlDir + "/fixes.yaml",
                                   [&](llvm::raw_ostream &OS) { writeFixesYaml(B, OS); }));
  std::string Error;
  int Exit = llvm::sys::ExecuteAndWait(*Tool, {*Tool, YamlDir}, std::nullopt, {}, 0, 0, &Error);
  ASSERT_EQ(Exit, 0) << Error;
  for (const char *Name : {"main.cpp", "net.h"})
    EXPECT_EQ(readFile(ViaYaml.path(Name)), readFile(ViaFix.path(Name))) << Name;
  EXPECT_NE(readFile(ViaFix.path("main.cpp")), Main);
}

} // namespace
