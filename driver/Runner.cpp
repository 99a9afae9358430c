// driver/Runner.cpp: the worker pool: fork per unit, deadlines, signals, results through temp files.
#include "Runner.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace llvm;

namespace fallacy::driver {
namespace {

using Clock = std::chrono::steady_clock;

struct Worker {
  pid_t Pid = 0;
  size_t Index = 0;
  std::optional<Clock::time_point> Deadline;
  bool TimedOut = false;
};

// Blocks the signals the pool waits for, so they are taken synchronously by
// sigtimedwait and never interrupt a half-updated pool.
class SignalScope {
public:
  SignalScope() {
    struct sigaction Action = {};
    // SIGCHLD's default action is "ignore"; a handler keeps it pending.
    Action.sa_handler = [](int) {};
    sigemptyset(&Action.sa_mask);
    Action.sa_flags = SA_NOCLDSTOP;
    sigaction(SIGCHLD, &Action, &OldChild);
    sigemptyset(&Waited);
    for (int S : {SIGCHLD, SIGINT, SIGTERM, SIGHUP})
      sigaddset(&Waited, S);
    sigprocmask(SIG_BLOCK, &Waited, &OldMask);
  }
  ~SignalScope() {
    sigprocmask(SIG_SETMASK, &OldMask, nullptr);
    sigaction(SIGCHLD, &OldChild, nullptr);
  }
  const sigset_t &waited() const { return Waited; }
  const sigset_t &oldMask() const { return OldMask; }

private:
  sigset_t Waited, OldMask;
  struct sigaction OldChild;
};

bool writeAll(int Fd, StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(Fd, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(N);
  }
  return true;
}

// The worker side. Never returns: _exit skips the parent's atexit handlers
// and static destructors, which belong to the parent.
[[noreturn]] void runChild(const Unit &U, function_ref<UnitResult(const Unit &)> Work,
                           const std::string &ResultPath, const std::string &StderrPath,
                           const sigset_t &OldMask) {
  setpgid(0, 0);
  for (int S : {SIGINT, SIGTERM, SIGHUP, SIGCHLD})
    std::signal(S, SIG_DFL);
  sigprocmask(SIG_SETMASK, &OldMask, nullptr);
  int Null = ::open("/dev/null", O_RDONLY);
  int Err = ::open(StderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (Null < 0 || Err < 0)
    _exit(125);
  dup2(Null, 0);
  dup2(Err, 1);
  dup2(Err, 2);
  // A crash's stack trace goes to the captured stderr; symbolising it would
  // spawn llvm-symbolizer and only slow the report down.
  setenv("LLVM_DISABLE_SYMBOLIZATION", "1", 1);
  int Status = 1;
  try {
    std::string Text = unitResultToJson(Work(U)).dump();
    std::string Temp = ResultPath + ".part";
    int Fd = ::open(Temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (Fd >= 0 && writeAll(Fd, Text) && ::close(Fd) == 0 &&
        ::rename(Temp.c_str(), ResultPath.c_str()) == 0)
      Status = 0;
  } catch (const std::exception &E) {
    errs() << "fallacy-lint worker: " << E.what() << "\n";
  }
  _exit(Status);
}

std::string readFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> B = MemoryBuffer::getFile(Path);
  return B ? (*B)->getBuffer().str() : std::string();
}

class Pool {
public:
  Pool(ArrayRef<Unit> Units, const RunnerOptions &Options,
       function_ref<UnitResult(const Unit &)> Work, StringRef TempDir)
      : Units(Units), Options(Options), Work(Work), TempDir(TempDir) {
    Out.Results.resize(Units.size());
  }

  RunnerOutcome run() {
    SignalScope Signals;
    size_t Next = 0;
    while (Next < Units.size() || !Running.empty()) {
      while (Running.size() < std::max(1u, Options.Jobs) && Next < Units.size())
        start(Next++, Signals);
      if (Running.empty())
        continue; // Every start failed; the loop ends or starts the next.
      siginfo_t Info;
      struct timespec Wait = waitTime();
      int Sig = sigtimedwait(&Signals.waited(), &Info, &Wait);
      if (Sig == SIGINT || Sig == SIGTERM || Sig == SIGHUP) {
        Out.InterruptSignal = Sig;
        killAll();
        break;
      }
      reap(/*Block=*/false);
      killOverdue();
    }
    if (Options.Progress)
      errs() << "\r\033[K";
    return std::move(Out);
  }

private:
  std::string path(size_t Index, StringRef Ext) const {
    SmallString<256> P(TempDir);
    sys::path::append(P, std::to_string(Index) + Ext);
    return std::string(P);
  }

  void start(size_t Index, const SignalScope &Signals) {
    // Anything buffered would be written twice, once by each process.
    outs().flush();
    errs().flush();
    std::fflush(nullptr);
    pid_t Pid = fork();
    if (Pid == 0)
      runChild(Units[Index], Work, path(Index, ".json"), path(Index, ".stderr"), Signals.oldMask());
    if (Pid < 0) {
      fail(Index, std::string("could not start a worker: ") + std::strerror(errno), "");
      return;
    }
    setpgid(Pid, Pid); // Also done by the child; whichever runs first wins.
    Worker W;
    W.Pid = Pid;
    W.Index = Index;
    if (Options.TimeoutSeconds)
      W.Deadline = Clock::now() + std::chrono::seconds(Options.TimeoutSeconds);
    Running.push_back(W);
  }

  struct timespec waitTime() const {
    auto Wait = std::chrono::milliseconds(1000);
    for (const Worker &W : Running)
      if (W.Deadline)
        Wait = std::min(Wait, std::chrono::duration_cast<std::chrono::milliseconds>(
                                  *W.Deadline - Clock::now()) + std::chrono::milliseconds(1));
    Wait = std::max(Wait, std::chrono::milliseconds(1));
    return {static_cast<time_t>(Wait.count() / 1000), static_cast<long>(Wait.count() % 1000) * 1000000};
  }

  void killOverdue() {
    for (Worker &W : Running)
      if (W.Deadline && !W.TimedOut && Clock::now() >= *W.Deadline) {
        W.TimedOut = true;
        ::kill(-W.Pid, SIGKILL);
        ::kill(W.Pid, SIGKILL);
      }
  }

  void killAll() {
    for (Worker &W : Running) {
      ::kill(-W.Pid, SIGKILL);
      ::kill(W.Pid, SIGKILL);
    }
    reap(/*Block=*/true);
  }

  void reap(bool Block) {
    for (size_t I = 0; I < Running.size();) {
      int Status = 0;
      pid_t R = waitpid(Running[I].Pid, &Status, Block ? 0 : WNOHANG);
      if (R == 0 || (R < 0 && errno == EINTR)) {
        ++I;
        continue;
      }
      finish(Running[I], R < 0 ? -1 : Status);
      Running.erase(Running.begin() + I);
    }
  }

  void finish(const Worker &W, int Status) {
    std::string Stderr = stderrTail(readFile(path(W.Index, ".stderr")));
    if (W.TimedOut) {
      fail(W.Index, "timed out after " + std::to_string(Options.TimeoutSeconds) + " s", Stderr);
    } else if (Status != -1 && WIFSIGNALED(Status)) {
      int Sig = WTERMSIG(Status);
      fail(W.Index, "crashed (signal " + std::to_string(Sig) + ", " + strsignal(Sig) + ")", Stderr);
    } else if (Status == -1 || !WIFEXITED(Status) || WEXITSTATUS(Status) != 0) {
      fail(W.Index, "the worker failed (exit status " +
                        std::to_string(Status == -1 ? -1 : WEXITSTATUS(Status)) + ")", Stderr);
    } else if (Expected<UnitResult> R = unitResultFromJson(readFile(path(W.Index, ".json")))) {
      Out.Results[W.Index] = std::move(*R);
    } else {
      fail(W.Index, "the worker returned no readable result: " + toString(R.takeError()), Stderr);
    }
    ++Done;
    if (Options.Progress)
      errs() << "\r\033[K[" << Done << "/" << Units.size() << "] " << Units[W.Index].File;
  }

  void fail(size_t Index, std::string Reason, std::string Details) {
    UnitResult &R = Out.Results[Index];
    R.File = Units[Index].File;
    R.Failure = UnitFailure{R.File, std::move(Reason), std::move(Details)};
  }

  ArrayRef<Unit> Units;
  const RunnerOptions &Options;
  function_ref<UnitResult(const Unit &)> Work;
  std::string TempDir;
  std::vector<Worker> Running;
  RunnerOutcome Out;
  size_t Done = 0;
};

} // namespace

std::string stderrTail(StringRef Text) {
  constexpr size_t MaxLines = 20;
  // Stack frames ("#3 0x55d4...", " 7 libclang-cpp.so 0x7fa0... f() + 52")
  // say nothing to a user, nor do LLVM's request for a bug report and the
  // worker's own command line; the pretty stack trace that remains names the
  // file, line and construct being parsed.
  static const Regex Frame("^ *#?[0-9]+ +([^ ]+ +)?0x[0-9a-fA-F]+");
  SmallVector<StringRef, 64> Lines;
  Text.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  std::vector<StringRef> Kept;
  for (StringRef L : Lines) {
    if (Frame.match(L) || L.starts_with("PLEASE submit a bug report") ||
        L.starts_with("Stack dump") || L.contains("Program arguments:"))
      continue;
    Kept.push_back(L.rtrim());
  }
  size_t From = Kept.size() > MaxLines ? Kept.size() - MaxLines : 0;
  std::string Out;
  for (size_t I = From; I < Kept.size(); ++I)
    Out += Kept[I].str() + "\n";
  return Out;
}

RunnerOutcome runUnits(ArrayRef<Unit> Units, const RunnerOptions &Options,
                       function_ref<UnitResult(const Unit &)> Work) {
  SmallString<256> TempDir;
  if (std::error_code EC = sys::fs::createUniqueDirectory("fallacy-lint", TempDir)) {
    RunnerOutcome Out;
    for (const Unit &U : Units) {
      UnitResult R;
      R.File = U.File;
      R.Failure = UnitFailure{U.File, "cannot create a temporary directory: " + EC.message(), ""};
      Out.Results.push_back(std::move(R));
    }
    return Out;
  }
  RunnerOutcome Out = Pool(Units, Options, Work, TempDir).run();
  sys::fs::remove_directories(TempDir);
  return Out;
}

} // namespace fallacy::driver
