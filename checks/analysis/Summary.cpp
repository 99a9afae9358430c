// checks/analysis/Summary.cpp: the process-wide summary sink and summary locations.
#include "analysis/Summary.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"

using namespace llvm;

namespace fallacy {

namespace {
thread_local UnitSummary *Active = nullptr;
} // namespace

UnitSummary *activeSummary() { return Active; }
void setActiveSummary(UnitSummary *S) { Active = S; }

std::string usrOf(const clang::Decl &D) {
  SmallString<128> Buf;
  if (clang::index::generateUSRForDecl(&D, Buf))
    return "";
  return Buf.str().str();
}

SummaryLocation summaryLocation(clang::SourceLocation Loc, const clang::SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  SummaryLocation L;
  if (auto Ref = SM.getFileEntryRefForID(SM.getFileID(Loc)))
    L.File = SM.getFileManager().getCanonicalName(*Ref).str();
  L.Offset = SM.getFileOffset(Loc);
  L.Line = SM.getSpellingLineNumber(Loc);
  L.Column = SM.getSpellingColumnNumber(Loc);
  return L;
}

} // namespace fallacy
