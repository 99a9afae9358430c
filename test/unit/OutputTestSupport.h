// test/unit/OutputTestSupport.h: temporary source trees and hand-built findings for the output writers' tests.
#ifndef FALLACY_TEST_UNIT_OUTPUTTESTSUPPORT_H
#define FALLACY_TEST_UNIT_OUTPUTTESTSUPPORT_H

#include "output/Output.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <string>

namespace fallacy::driver::test {

/// A directory removed with everything in it when the test ends.
class TempDir {
public:
  TempDir() {
    llvm::SmallString<128> P;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("fallacy-output-test", P));
    // Canonical, so paths compare equal to what the writers compute.
    llvm::SmallString<128> Real;
    EXPECT_FALSE(llvm::sys::fs::real_path(P, Real));
    Path = std::string(Real);
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  /// Absolute path of Relative inside the directory.
  std::string path(llvm::StringRef Relative) const {
    llvm::SmallString<128> P(Path);
    llvm::sys::path::append(P, Relative);
    return std::string(P);
  }
  /// Writes Content to Relative (creating directories) and returns its path.
  std::string write(llvm::StringRef Relative, llvm::StringRef Content) const {
    std::string P = path(Relative);
    EXPECT_FALSE(llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P)));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << P;
    OS << Content;
    return P;
  }
  /// Names of the entries directly in the directory Relative, sorted.
  std::vector<std::string> list(llvm::StringRef Relative = "") const {
    std::vector<std::string> Names;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator I(path(Relative), EC), E; I != E && !EC;
         I.increment(EC))
      Names.push_back(llvm::sys::path::filename(I->path()).str());
    std::sort(Names.begin(), Names.end());
    return Names;
  }

  std::string Path;
};

inline std::string readFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "<unreadable>";
  return (*Buffer)->getBuffer().str();
}

/// The byte offset of the first occurrence of Needle in File's content.
inline unsigned offsetOf(llvm::StringRef Content, llvm::StringRef Needle, size_t From = 0) {
  size_t At = Content.find(Needle, From);
  EXPECT_NE(At, llvm::StringRef::npos) << "'" << Needle.str() << "' not in the source";
  return static_cast<unsigned>(At);
}

inline Finding makeFinding(llvm::StringRef File, unsigned Offset, llvm::StringRef Message,
                           llvm::StringRef Check = "fallacy-missing-timeout",
                           llvm::StringRef Level = "warning") {
  Finding F;
  F.CheckId = Check.str();
  F.Level = Level.str();
  F.Message = Message.str();
  F.File = File.str();
  F.Offset = Offset;
  F.MainFile = File.str();
  F.BuildDirectory = llvm::sys::path::parent_path(File).str();
  return F;
}

inline FixEdit makeEdit(llvm::StringRef File, unsigned Offset, unsigned Length,
                        llvm::StringRef Text) {
  FixEdit E;
  E.File = File.str();
  E.Offset = Offset;
  E.Length = Length;
  E.Text = Text.str();
  return E;
}

} // namespace fallacy::driver::test

#endif
