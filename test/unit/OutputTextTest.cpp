// test/unit/OutputTextTest.cpp: the clang-style text report, compared with what clang 19 prints for the same code.
#include "OutputTestSupport.h"

using namespace fallacy::driver;
using namespace fallacy::driver::test;

namespace {

std::string render(const RunResult &R, const TextOptions &Opts = {}) {
  SourceCache Sources;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeText(R, Sources, Opts, OS);
  return Out;
}

// Everything before the summary line.
std::string body(const std::string &Text) {
  size_t Last = Text.rfind('\n', Text.size() - 2);
  return Last == std::string::npos ? "" : Text.substr(0, Last + 1);
}

const char *Assign = "int f(int x) {\n  if (x = 1)\n    return 1;\n  int y = x\n  return 0;\n}\n";

class TextTest : public ::testing::Test {
protected:
  TempDir Dir;
  std::string File = Dir.write("a.cpp", Assign);
  TextOptions Opts = [this] {
    TextOptions O;
    O.DisplayBase = Dir.Path;
    return O;
  }();
};

// A warning with a range: location line, gutter, '~' under the range, '^' at the location.
TEST_F(TextTest, RangeAndCaretMatchClang) {
  RunResult R;
  Finding F = makeFinding(File, offsetOf(Assign, "= 1"), "assignment as a condition");
  F.Ranges.push_back({File, offsetOf(Assign, "x = 1"), offsetOf(Assign, "x = 1") + 5});
  R.Findings.push_back(F);
  EXPECT_EQ(body(render(R, Opts)),
            "a.cpp:2:9: warning: assignment as a condition [fallacy-missing-timeout]\n"
            "    2 |   if (x = 1)\n"
            "      |       ~~^~~\n");
}

// Insertions show under the caret line; the caret line reaches the last insertion point.
TEST_F(TextTest, InsertionFixItLineMatchesClang) {
  RunResult R;
  Finding F = makeFinding(File, offsetOf(Assign, "= 1"), "place parentheses");
  F.Fixes.push_back(makeEdit(File, offsetOf(Assign, "x = 1"), 0, "("));
  F.Fixes.push_back(makeEdit(File, offsetOf(Assign, ")\n    return"), 0, ")"));
  R.Findings.push_back(F);
  EXPECT_EQ(body(render(R, Opts)),
            "a.cpp:2:9: warning: place parentheses [fallacy-missing-timeout]\n"
            "    2 |   if (x = 1)\n"
            "      |         ^  \n"
            "      |       (    )\n");
}

// A replacement shows its new text at the replaced column.
TEST_F(TextTest, ReplacementFixItLineMatchesClang) {
  RunResult R;
  Finding F = makeFinding(File, offsetOf(Assign, "= 1"), "use '=='");
  F.Fixes.push_back(makeEdit(File, offsetOf(Assign, "= 1"), 1, "=="));
  R.Findings.push_back(F);
  EXPECT_EQ(body(render(R, Opts)), "a.cpp:2:9: warning: use '==' [fallacy-missing-timeout]\n"
                                   "    2 |   if (x = 1)\n"
                                   "      |         ^\n"
                                   "      |         ==\n");
}

// An insertion at the end of a line, as for clang's "expected ';'".
TEST_F(TextTest, InsertionAtEndOfLineMatchesClang) {
  RunResult R;
  unsigned End = offsetOf(Assign, "\n  return 0");
  Finding F = makeFinding(File, End, "expected ';'", "fallacy-missing-timeout", "error");
  F.Fixes.push_back(makeEdit(File, End, 0, ";"));
  R.Findings.push_back(F);
  EXPECT_EQ(body(render(R, Opts)), "a.cpp:4:12: error: expected ';' [fallacy-missing-timeout]\n"
                                   "    4 |   int y = x\n"
                                   "      |            ^\n"
                                   "      |            ;\n");
}

// clang shows no fix-it line for an insertion that contains a line break
// (a statement inserted before the call); the snippet stays.
TEST_F(TextTest, MultiLineInsertionHasNoFixItLine) {
  RunResult R;
  unsigned At = offsetOf(Assign, "if (x");
  Finding F = makeFinding(File, At, "can wait forever");
  F.Fixes.push_back(makeEdit(File, At, 0, "setup();\n  "));
  R.Findings.push_back(F);
  EXPECT_EQ(body(render(R, Opts)), "a.cpp:2:3: warning: can wait forever [fallacy-missing-timeout]\n"
                                   "    2 |   if (x = 1)\n"
                                   "      |   ^\n");
}

// A line-adding insertion on an earlier line shows that line, with no blank
// caret line under it (nothing there is underlined, and it has no fix-it line).
TEST_F(TextTest, InsertionOnAnEarlierLineLeavesNoBlankCaretLine) {
  RunResult R;
  Finding F = makeFinding(File, offsetOf(Assign, "if (x"), "can wait forever");
  F.Fixes.push_back(makeEdit(File, offsetOf(Assign, "if (x") - 3, 0, "\n  setup();"));
  R.Findings.push_back(F);
  std::string Out = body(render(R, Opts));
  EXPECT_NE(Out.find("    1 | int f(int x) {\n"), std::string::npos) << Out;
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  llvm::StringRef(Out).split(Lines, '\n');
  for (llvm::StringRef L : Lines)
    if (L.contains('|'))
      EXPECT_FALSE(L.split('|').second.trim().empty()) << "blank snippet line in:\n" << Out;
  EXPECT_NE(Out.find("      |   ^\n"), std::string::npos) << Out;
}

// Ranges over several lines print every line, underlining code only.
TEST_F(TextTest, MultiLineRangesMatchClang) {
  const char *Src = "int g(int x) {\n  return x + \"abc\"\n      + 2;\n}\n";
  std::string M = Dir.write("m2.cpp", Src);
  RunResult R;
  Finding F = makeFinding(M, offsetOf(Src, "x +"), "cannot initialize", "fallacy-missing-timeout",
                          "error");
  F.Ranges.push_back({M, offsetOf(Src, "x +"), offsetOf(Src, ";\n}")});
  R.Findings.push_back(F);
  EXPECT_EQ(body(render(R, Opts)),
            "m2.cpp:2:10: error: cannot initialize [fallacy-missing-timeout]\n"
            "    2 |   return x + \"abc\"\n"
            "      |          ^~~~~~~~~\n"
            "    3 |       + 2;\n"
            "      |       ~~~\n");
}

// Tabs expand to 8 columns and multi-byte characters take one column; the
// location's column stays in bytes.
TEST_F(TextTest, TabsAndUtf8MatchClang) {
  const char *Src = "int f(int x) {\n\tconst char *s = \"\xC3\xA9\xE2\x82\xAC\"; if (x = 1) return 1;\n}\n";
  std::string U = Dir.write("u.cpp", Src);
  RunResult R;
  Finding F = makeFinding(U, offsetOf(Src, "= 1"), "assignment");
  F.Ranges.push_back({U, offsetOf(Src, "x = 1"), offsetOf(Src, "x = 1") + 5});
  R.Findings.push_back(F);
  EXPECT_EQ(body(render(R, Opts)),
            "u.cpp:2:33: warning: assignment [fallacy-missing-timeout]\n"
            "    2 |         const char *s = \"\xC3\xA9\xE2\x82\xAC\"; if (x = 1) return 1;\n"
            "      |                                   ~~^~~\n");
}

// The gutter widens when the first line shown plus 16 reaches 5 digits.
TEST_F(TextTest, GutterWidthFollowsClang) {
  std::string Src(9983, '\n');
  Src += "x = 1;\n";
  std::string Big = Dir.write("big.cpp", Src);
  RunResult R;
  R.Findings.push_back(makeFinding(Big, offsetOf(Src, "x"), "m"));
  EXPECT_EQ(body(render(R, Opts)), "big.cpp:9984:1: warning: m [fallacy-missing-timeout]\n"
                                   "  9984 | x = 1;\n"
                                   "       | ^\n");
}

// Notes print like clang's; one at the finding's own location, with no
// range, does not repeat the snippet.
TEST_F(TextTest, NotesFollowTheirFinding) {
  RunResult R;
  unsigned Eq = offsetOf(Assign, "= 1");
  Finding F = makeFinding(File, Eq, "can wait forever");
  F.Notes.push_back({"same place", File, Eq, {}});
  FindingNote Elsewhere{"declared here", File, offsetOf(Assign, "int x"), {}};
  Elsewhere.Ranges.push_back({File, offsetOf(Assign, "int x"), offsetOf(Assign, "int x") + 5});
  F.Notes.push_back(Elsewhere);
  F.Notes.push_back({"without a location", "", 0, {}});
  R.Findings.push_back(F);
  EXPECT_EQ(body(render(R, Opts)),
            "a.cpp:2:9: warning: can wait forever [fallacy-missing-timeout]\n"
            "    2 |   if (x = 1)\n"
            "      |         ^\n"
            "a.cpp:2:9: note: same place\n"
            "a.cpp:1:7: note: declared here\n"
            "    1 | int f(int x) {\n"
            "      |       ^~~~~\n"
            "note: without a location\n");
}

// A failed unit names its file and reason, with the details indented.
TEST_F(TextTest, FailuresComeAfterFindings) {
  RunResult R;
  R.Findings.push_back(makeFinding(File, offsetOf(Assign, "if"), "m"));
  R.Failures.push_back({Dir.path("broken.cpp"), "does not compile",
                        "broken.cpp:1:1: error: unknown type name 'x'\n\nmore\n"});
  std::string Out = render(R, Opts);
  EXPECT_NE(Out.find("      |   ^\n"
                     "broken.cpp: error: could not analyse this translation unit: does not compile\n"
                     "  broken.cpp:1:1: error: unknown type name 'x'\n"
                     "\n"
                     "  more\n"),
            std::string::npos)
      << Out;
}

// Files outside the display base keep their absolute path.
TEST_F(TextTest, PathsOutsideTheBaseStayAbsolute) {
  RunResult R;
  R.Findings.push_back(makeFinding(File, offsetOf(Assign, "if"), "m"));
  TextOptions Elsewhere;
  Elsewhere.DisplayBase = Dir.path("sub");
  EXPECT_EQ(render(R, Elsewhere).rfind(File + ":2:3: warning: m", 0), 0u);
}

// A file that cannot be read still gets its message, without a snippet.
TEST_F(TextTest, UnreadableFileHasNoSnippet) {
  RunResult R;
  R.Findings.push_back(makeFinding(Dir.path("gone.cpp"), 10, "m"));
  EXPECT_EQ(body(render(R, Opts)), "gone.cpp: warning: m [fallacy-missing-timeout]\n");
}

// Colours are clang's escape sequences, and only when asked for.
TEST_F(TextTest, ColorsMatchClang) {
  RunResult R;
  Finding F = makeFinding(File, offsetOf(Assign, "= 1"), "m");
  F.Fixes.push_back(makeEdit(File, offsetOf(Assign, "= 1"), 1, "=="));
  F.Notes.push_back({"n", File, offsetOf(Assign, "int x"), {}});
  R.Findings.push_back(F);
  R.Failures.push_back({Dir.path("b.cpp"), "crashed (signal 11)", ""});
  Opts.Color = true;
  EXPECT_EQ(body(render(R, Opts)),
            "\033[1ma.cpp:2:9: \033[0m\033[0;1;35mwarning: \033[0m\033[1mm [fallacy-missing-timeout]\033[0m\n"
            "    2 |   if (x = 1)\033[0m\n"
            "      | \033[0;1;32m        ^\n\033[0m"
            "      | \033[0;32m        ==\n\033[0m"
            "\033[1ma.cpp:1:7: \033[0m\033[0;1;36mnote: \033[0mn\033[0m\n"
            "    1 | int f(int x) {\033[0m\n"
            "      | \033[0;1;32m      ^\n\033[0m"
            "\033[1mb.cpp: \033[0m\033[0;1;31merror: \033[0m\033[1mcould not analyse this translation unit: crashed (signal 11)\033[0m\n");
  Opts.Color = false;
  EXPECT_EQ(render(R, Opts).find('\033'), std::string::npos);
}

// The summary line is always last, in grammatical singular and plural.
TEST(SummaryLineTest, CountsEverything) {
  RunResult R;
  R.Stats.FilesAnalysed = 1;
  EXPECT_EQ(summaryLine(R), "no findings in 1 file analysed");
  R.Findings.push_back(makeFinding("/a.cpp", 0, "m"));
  R.Stats.FilesAnalysed = 3;
  EXPECT_EQ(summaryLine(R), "1 finding (1 warning) in 3 files analysed");
  R.Findings.push_back(makeFinding("/a.cpp", 1, "m"));
  R.Findings.push_back(makeFinding("/a.cpp", 2, "m", "fallacy-missing-timeout", "error"));
  R.Stats.Suppressed = 1;
  R.Failures.push_back({"/b.cpp", "does not compile", ""});
  EXPECT_EQ(summaryLine(R), "3 findings (2 warnings, 1 error) in 3 files analysed; 1 suppressed "
                            "by NOLINT; 1 file could not be analysed");
  R.Failures.push_back({"/c.cpp", "timed out after 300 s", ""});
  R.Stats.Suppressed = 2;
  EXPECT_EQ(summaryLine(R), "3 findings (2 warnings, 1 error) in 3 files analysed; 2 suppressed "
                            "by NOLINT; 2 files could not be analysed");
  RunResult Empty;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  SourceCache Sources;
  writeText(Empty, Sources, {}, OS);
  EXPECT_EQ(Out, "no findings in 0 files analysed\n");
}

} // namespace
