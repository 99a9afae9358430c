// driver/CompileDb.cpp: compile_commands.json lookup, interpolation and per-unit command checks.
#include "CompileDb.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
#include <memory>
#include <optional>
#include <set>

using namespace llvm;
using clang::tooling::CompilationDatabase;
using clang::tooling::CompileCommand;

namespace fallacy::driver {
namespace {

struct Database {
  std::string Path; ///< The file it was read from; empty for "--" arguments.
  std::unique_ptr<CompilationDatabase> Db;
};

std::string normalise(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

// Loads compile_commands.json or compile_flags.txt, wrapped the way clang's
// own plugin wraps it (response files, interpolation, target inference), but
// with the parse error kept instead of a silent fallback.
Expected<Database> loadFile(StringRef Path) {
  std::string Error;
  Database D{normalise(Path), nullptr};
  if (sys::path::filename(Path) == "compile_flags.txt") {
    D.Db = clang::tooling::FixedCompilationDatabase::loadFromFile(Path, Error);
  } else if (auto Json = clang::tooling::JSONCompilationDatabase::loadFromFile(
                 Path, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect)) {
    D.Db = clang::tooling::inferTargetAndDriverMode(clang::tooling::inferMissingCompileCommands(
        clang::tooling::expandResponseFiles(std::move(Json), vfs::getRealFileSystem())));
  }
  if (!D.Db)
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: cannot read the compilation database: %s",
                             D.Path.c_str(), Error.c_str());
  return std::move(D);
}

// The database file in Dir, or "" when it has none.
std::string databaseIn(StringRef Dir) {
  for (StringRef Name : {"compile_commands.json", "compile_flags.txt"}) {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    if (sys::fs::is_regular_file(P))
      return std::string(P);
  }
  return "";
}

// Databases found upwards from directories, each loaded once.
class DatabaseFinder {
public:
  /// The database for files in Dir: the nearest one in Dir or its parents.
  /// nullptr when there is none; an Error when the nearest does not load.
  Expected<const Database *> findFrom(StringRef Dir) {
    for (StringRef D = Dir; !D.empty(); D = sys::path::parent_path(D)) {
      std::string File = databaseIn(D);
      if (File.empty())
        continue;
      auto It = Loaded.find(File);
      if (It == Loaded.end()) {
        Expected<Database> Db = loadFile(File);
        if (!Db)
          return Db.takeError();
        It = Loaded.emplace(File, std::make_unique<Database>(std::move(*Db))).first;
      }
      return It->second.get();
    }
    return nullptr;
  }

private:
  std::map<std::string, std::unique_ptr<Database>> Loaded;
};

void addResourceDir(CompileCommand &C, StringRef ResourceDir) {
  if (ResourceDir.empty() || C.CommandLine.empty())
    return;
  for (StringRef Arg : C.CommandLine)
    if (Arg.starts_with("-resource-dir") || Arg.starts_with("--resource-dir"))
      return;
  C.CommandLine.insert(C.CommandLine.begin() + 1, ("-resource-dir=" + ResourceDir).str());
}

// The unit for File under Db, or the reason it cannot run.
void planOne(const std::string &File, const Database &Db, StringRef ResourceDir, UnitPlan &Plan) {
  std::string From = Db.Path.empty() ? std::string("the arguments after --") : Db.Path;
  std::vector<CompileCommand> Commands = Db.Db->getCompileCommands(File);
  if (Commands.empty()) {
    Plan.Failures.push_back({File, "no compile command", "no entry for it in " + From});
    return;
  }
  for (CompileCommand &C : Commands) {
    // clang-tidy aborts the whole run here ("Cannot chdir"); we lose one unit.
    if (!sys::fs::is_directory(C.Directory)) {
      Plan.Failures.push_back({File, "its build directory does not exist",
                               "directory '" + C.Directory + "' in " + From + " does not exist"});
      return;
    }
    addResourceDir(C, ResourceDir);
  }
  Plan.Units.push_back({File, std::move(Commands)});
}

std::vector<std::string> inputFiles(ArrayRef<std::string> Files, UnitPlan &Plan) {
  std::vector<std::string> Out;
  std::set<std::string> Seen;
  for (const std::string &F : Files) {
    std::string Abs = normalise(F);
    if (!sys::fs::exists(Abs)) {
      Plan.Errors.push_back(F + ": error: no such file");
      continue;
    }
    if (Seen.insert(Abs).second)
      Out.push_back(Abs);
  }
  return Out;
}

void planWithBuildPath(const CompileDbRequest &R, std::vector<std::string> Files, UnitPlan &Plan) {
  std::optional<Database> Explicit;
  DatabaseFinder Finder;
  const Database *Db = nullptr;
  if (!sys::fs::exists(R.BuildPath)) {
    Plan.Errors.push_back(R.BuildPath + ": error: no such build directory (-p)");
    return;
  }
  if (sys::fs::is_regular_file(R.BuildPath)) {
    Expected<Database> Loaded = loadFile(R.BuildPath);
    if (!Loaded) {
      Plan.Errors.push_back(toString(Loaded.takeError()));
      return;
    }
    Explicit = std::move(*Loaded);
    Db = &*Explicit;
  } else {
    Expected<const Database *> Found = Finder.findFrom(normalise(R.BuildPath));
    if (!Found) {
      Plan.Errors.push_back(toString(Found.takeError()));
      return;
    }
    if (!*Found) {
      Plan.Errors.push_back(R.BuildPath + ": error: no compile_commands.json in this directory "
                                          "or its parents");
      return;
    }
    Db = *Found;
  }
  if (Files.empty()) {
    for (const std::string &F : Db->Db->getAllFiles())
      Files.push_back(normalise(F));
    if (Files.empty())
      Plan.Errors.push_back(Db->Path + ": error: the compilation database lists no files; "
                                       "name the files to analyse");
  }
  for (const std::string &F : Files)
    planOne(F, *Db, R.ResourceDir, Plan);
}

// The same broken or missing database is reported once, not once per file.
void dedupeErrors(std::vector<std::string> &Errors) {
  std::set<std::string> Seen;
  std::vector<std::string> Unique;
  for (std::string &E : Errors)
    if (Seen.insert(E).second)
      Unique.push_back(std::move(E));
  Errors = std::move(Unique);
}

} // namespace

UnitPlan planUnits(const CompileDbRequest &Request, ArrayRef<std::string> Files) {
  UnitPlan Plan;
  std::vector<std::string> Inputs = inputFiles(Files, Plan);
  if (Request.FixedArgs) {
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    Database Fixed{"", std::make_unique<clang::tooling::FixedCompilationDatabase>(
                           Cwd, *Request.FixedArgs)};
    for (const std::string &F : Inputs)
      planOne(F, Fixed, Request.ResourceDir, Plan);
    return Plan;
  }
  if (!Request.BuildPath.empty()) {
    planWithBuildPath(Request, std::move(Inputs), Plan);
    return Plan;
  }
  DatabaseFinder Finder;
  for (const std::string &F : Inputs) {
    Expected<const Database *> Db = Finder.findFrom(sys::path::parent_path(F));
    if (!Db)
      Plan.Errors.push_back(toString(Db.takeError()));
    else if (!*Db)
      Plan.Errors.push_back(F + ": error: no compilation database: no compile_commands.json in "
                                "its directory or any parent; pass -p <build-dir>, or compiler "
                                "arguments after --");
    else
      planOne(F, **Db, Request.ResourceDir, Plan);
  }
  dedupeErrors(Plan.Errors);
  return Plan;
}

} // namespace fallacy::driver
