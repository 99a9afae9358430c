// driver/output/AtomicFile.cpp: writes a report or a fixed source through a temporary file and a rename.
#include "output/Output.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"

using namespace llvm;

namespace fallacy::driver {
namespace {

Error fileError(StringRef Path, const Twine &What, std::error_code EC) {
  // "path: what went wrong: why", the form of every per-file error we print.
  return createStringError(EC, "%s: %s: %s", Path.str().c_str(), What.str().c_str(),
                           EC.message().c_str());
}

Error writeStdout(function_ref<void(raw_ostream &)> Write) {
  raw_fd_ostream &Out = outs();
  Write(Out);
  Out.flush();
  if (!Out.has_error())
    return Error::success();
  std::error_code EC = Out.error();
  // Cleared so the stream does not abort the process at exit.
  Out.clear_error();
  return createStringError(EC, "<stdout>: cannot write: %s", EC.message().c_str());
}

} // namespace

Error writeFileAtomically(StringRef Path, function_ref<void(raw_ostream &)> Write) {
  if (Path == "-")
    return writeStdout(Write);

  // Renaming over a symlink would replace the link with a regular file; write
  // where it points instead, so --fix keeps symlinked sources intact.
  SmallString<256> Target(Path);
  SmallString<256> Resolved;
  if (sys::fs::is_symlink_file(Path) && !sys::fs::real_path(Path, Resolved))
    Target = Resolved;

  StringRef Dir = sys::path::parent_path(Target);
  if (Dir.empty())
    Dir = ".";
  SmallString<256> Model(Dir);
  sys::path::append(Model, "." + sys::path::filename(Target) + ".tmp-%%%%%%%%");

  // A file being replaced keeps its permissions; a new one gets 0666 & ~umask.
  sys::fs::file_status Existing;
  bool Replaces = !sys::fs::status(Target, Existing) && sys::fs::is_regular_file(Existing);

  int FD = -1;
  SmallString<256> TempPath;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, TempPath))
    return fileError(Path, "cannot create a temporary file in '" + Dir + "'", EC);
  sys::RemoveFileOnSignal(TempPath);
  auto Discard = [&](Error E) {
    sys::fs::remove(TempPath);
    sys::DontRemoveFileOnSignal(TempPath);
    return E;
  };

  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    Write(OS);
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      return Discard(fileError(Path, "cannot write the file", EC));
    }
  }
  if (Replaces)
    if (std::error_code EC = sys::fs::setPermissions(TempPath, Existing.permissions()))
      return Discard(fileError(Path, "cannot keep the file's permissions", EC));
  if (std::error_code EC = sys::fs::rename(TempPath, Target))
    return Discard(fileError(Path, "cannot replace the file", EC));
  sys::DontRemoveFileOnSignal(TempPath);
  return Error::success();
}

} // namespace fallacy::driver
