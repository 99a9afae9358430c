// test/unit/OutputFilesTest.cpp: SourceCache positions and columns, and atomic writes that never leave partial files.
#include "OutputTestSupport.h"
#include <csignal>
#include <sys/resource.h>

using namespace fallacy::driver;
using namespace fallacy::driver::test;

namespace {

// Lines are 1-based, columns 1-based bytes; every clang line break counts.
TEST(SourceCacheTest, PositionsFollowClangLineBreaks) {
  TempDir Dir;
  std::string F = Dir.write("a.cpp", "ab\ncd\r\nef\rgh\n\rij");
  SourceCache S;
  EXPECT_EQ(S.position(F, 0).Line, 1u);
  EXPECT_EQ(S.position(F, 1).Column, 2u);
  EXPECT_EQ(S.position(F, 3).Line, 2u);
  EXPECT_EQ(S.position(F, 7).Line, 3u); // After "\r\n".
  EXPECT_EQ(S.position(F, 10).Line, 4u); // After a lone "\r".
  EXPECT_EQ(S.position(F, 14).Line, 5u); // "\n\r" is one break.
  EXPECT_EQ(S.position(F, 14).Column, 1u);
  EXPECT_EQ(S.lineText(F, 2), "cd");
  EXPECT_EQ(S.lineText(F, 5), "ij");
  EXPECT_EQ(S.lineText(F, 6), "");
  // The end of the file is a position; past it is not.
  EXPECT_EQ(S.position(F, 16).Column, 3u);
  EXPECT_EQ(S.position(F, 17).Line, 0u);
}

// An unreadable file has no content and no positions.
TEST(SourceCacheTest, MissingFile) {
  TempDir Dir;
  SourceCache S;
  EXPECT_EQ(S.content(Dir.path("none.cpp")), nullptr);
  EXPECT_EQ(S.position(Dir.path("none.cpp"), 0).Line, 0u);
  EXPECT_EQ(S.lineText(Dir.path("none.cpp"), 1), "");
}

// UTF-16 columns count two-byte and three-byte characters as one unit and
// four-byte ones as two; a stray byte counts as one.
TEST(SourceCacheTest, Utf16Columns) {
  TempDir Dir;
  // "é" (2 bytes), "€" (3 bytes), "😀" (4 bytes), then x.
  std::string F = Dir.write("u.cpp", "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x\n\xFFy\n");
  SourceCache S;
  EXPECT_EQ(S.utf16Column(F, 1, 1), 1u);
  EXPECT_EQ(S.utf16Column(F, 1, 3), 2u);  // After é.
  EXPECT_EQ(S.utf16Column(F, 1, 6), 3u);  // After €.
  EXPECT_EQ(S.utf16Column(F, 1, 10), 5u); // After 😀: a surrogate pair.
  EXPECT_EQ(S.utf16Column(F, 1, 11), 6u); // After x, the end of the line.
  EXPECT_EQ(S.utf16Column(F, 1, 12), 7u); // Past the end keeps its distance.
  EXPECT_EQ(S.utf16Column(F, 2, 2), 2u);
}

class AtomicFileTest : public ::testing::Test {
protected:
  TempDir Dir;
};

// The file gets the whole content, and no temporary file stays behind.
TEST_F(AtomicFileTest, WritesAndLeavesNoTemporary) {
  std::string Target = Dir.path("report.sarif");
  ASSERT_FALSE(writeFileAtomically(Target, [](llvm::raw_ostream &OS) { OS << "{}\n"; }));
  EXPECT_EQ(readFile(Target), "{}\n");
  EXPECT_EQ(Dir.list(), std::vector<std::string>{"report.sarif"});
}

// Replacing a file keeps its permissions (a fixed source stays executable or read-only to others).
TEST_F(AtomicFileTest, KeepsPermissionsOfReplacedFile) {
  std::string Target = Dir.write("tool.sh", "old");
  ASSERT_FALSE(llvm::sys::fs::setPermissions(Target, static_cast<llvm::sys::fs::perms>(0750)));
  ASSERT_FALSE(writeFileAtomically(Target, [](llvm::raw_ostream &OS) { OS << "new"; }));
  llvm::sys::fs::file_status Status;
  ASSERT_FALSE(llvm::sys::fs::status(Target, Status));
  EXPECT_EQ(static_cast<unsigned>(Status.permissions()), 0750u);
  EXPECT_EQ(readFile(Target), "new");
}

// Writing through a symlink updates the file it points to and keeps the link.
TEST_F(AtomicFileTest, WritesThroughSymlinks) {
  std::string Real = Dir.write("real.cpp", "old");
  std::string Link = Dir.path("link.cpp");
  ASSERT_FALSE(llvm::sys::fs::create_link(Real, Link));
  ASSERT_FALSE(writeFileAtomically(Link, [](llvm::raw_ostream &OS) { OS << "new"; }));
  EXPECT_TRUE(llvm::sys::fs::is_symlink_file(Link));
  EXPECT_EQ(readFile(Real), "new");
}

// A directory that does not exist: an error naming the path, nothing created.
TEST_F(AtomicFileTest, MissingDirectoryIsAnErrorNamingThePath) {
  std::string Target = Dir.path("no/such/dir/report.sarif");
  llvm::Error E = writeFileAtomically(Target, [](llvm::raw_ostream &OS) { OS << "x"; });
  ASSERT_TRUE(bool(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_EQ(Message.rfind(Target + ": ", 0), 0u) << Message;
  EXPECT_TRUE(Dir.list().empty());
}

// A parent that is a regular file cannot hold the temporary file either.
TEST_F(AtomicFileTest, ParentIsAFile) {
  Dir.write("plain", "x");
  llvm::Error E = writeFileAtomically(Dir.path("plain/out.json"),
                                      [](llvm::raw_ostream &OS) { OS << "x"; });
  EXPECT_TRUE(bool(E));
  llvm::consumeError(std::move(E));
  EXPECT_EQ(readFile(Dir.path("plain")), "x");
}

// A full disk (simulated with a file size limit): the old target is intact
// and the temporary file is gone.
TEST_F(AtomicFileTest, FullDiskKeepsTheOldFile) {
  std::string Target = Dir.write("report.json", "previous report");
  rlimit Old;
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &Old), 0);
  rlimit Small = Old;
  Small.rlim_cur = 4096;
  // Past the limit write() fails with EFBIG instead of raising SIGXFSZ.
  auto OldHandler = std::signal(SIGXFSZ, SIG_IGN);
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &Small), 0);
  llvm::Error E = writeFileAtomically(Target, [](llvm::raw_ostream &OS) {
    for (int I = 0; I < 10000; ++I)
      OS << "0123456789";
  });
  setrlimit(RLIMIT_FSIZE, &Old);
  std::signal(SIGXFSZ, OldHandler);
  ASSERT_TRUE(bool(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find(Target), std::string::npos) << Message;
  EXPECT_EQ(readFile(Target), "previous report");
  EXPECT_EQ(Dir.list(), std::vector<std::string>{"report.json"});
}

} // namespace
