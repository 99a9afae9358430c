// driver/output/SourceCache.cpp: reads each source file once and maps byte offsets to lines and columns.
#include "output/Output.h"
#include "output/OutputDetail.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

using namespace llvm;

namespace fallacy::driver {

SourceCache::Entry &SourceCache::load(StringRef File) {
  std::unique_ptr<Entry> &Slot = Files[File];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Entry>();
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(File, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return *Slot;
  Slot->Readable = true;
  Slot->Text = (*Buffer)->getBuffer().str();
  // Line breaks as clang counts them: "\n", "\r", "\r\n" and "\n\r" each end
  // one line, so our line numbers agree with the compiler's.
  const std::string &T = Slot->Text;
  Slot->LineStarts.push_back(0);
  for (size_t I = 0, E = T.size(); I < E; ++I) {
    if (T[I] != '\n' && T[I] != '\r')
      continue;
    if (I + 1 < E && (T[I + 1] == '\n' || T[I + 1] == '\r') && T[I + 1] != T[I])
      ++I;
    Slot->LineStarts.push_back(static_cast<unsigned>(I + 1));
  }
  return *Slot;
}

const std::string *SourceCache::content(StringRef File) {
  Entry &E = load(File);
  return E.Readable ? &E.Text : nullptr;
}

SourceCache::Position SourceCache::position(StringRef File, unsigned Offset) {
  Entry &E = load(File);
  if (!E.Readable || Offset > E.Text.size())
    return {};
  // The last line start not after Offset.
  auto It = std::upper_bound(E.LineStarts.begin(), E.LineStarts.end(), Offset);
  unsigned Line = static_cast<unsigned>(It - E.LineStarts.begin());
  return {Line, Offset - E.LineStarts[Line - 1] + 1};
}

StringRef SourceCache::lineText(StringRef File, unsigned Line) {
  Entry &E = load(File);
  if (!E.Readable || Line == 0 || Line > E.LineStarts.size())
    return {};
  StringRef Rest = StringRef(E.Text).drop_front(E.LineStarts[Line - 1]);
  return Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
}

unsigned SourceCache::utf16Column(StringRef File, unsigned Line, unsigned ByteColumn) {
  if (ByteColumn == 0)
    return 0;
  StringRef Text = lineText(File, Line);
  size_t Bytes = std::min<size_t>(ByteColumn - 1, Text.size());
  unsigned Units = 0;
  const auto *P = reinterpret_cast<const UTF8 *>(Text.data());
  const UTF8 *End = P + Bytes;
  while (P < End) {
    unsigned Len = getNumBytesForUTF8(*P);
    UTF32 C;
    const UTF8 *Next = P;
    UTF32 *Out = &C;
    // A byte that does not start a valid sequence (or a sequence cut by the
    // column) counts as one unit, as a decoder replacing it with U+FFFD would.
    if (P + Len <= End && isLegalUTF8Sequence(P, P + Len) &&
        ConvertUTF8toUTF32(&Next, P + Len, &Out, Out + 1, strictConversion) == conversionOK) {
      Units += C >= 0x10000 ? 2 : 1;
      P += Len;
    } else {
      Units += 1;
      P += 1;
    }
  }
  // Columns past the end of the line (a range ending at the line break) keep
  // their distance from it.
  return Units + 1 + static_cast<unsigned>(ByteColumn - 1 - Bytes);
}

namespace detail {

bool isUnder(StringRef File, StringRef Base) {
  Base = Base.rtrim('/');
  // "/" itself contains every absolute path.
  if (Base.empty())
    return File.starts_with("/") && File.size() > 1;
  return File.size() > Base.size() + 1 && File.starts_with(Base) && File[Base.size()] == '/';
}

std::string relativeTo(StringRef File, StringRef Base) {
  if (!isUnder(File, Base))
    return File.str();
  return File.drop_front(Base.rtrim('/').size() + 1).str();
}

std::pair<unsigned, unsigned> primaryRange(const Finding &F, SourceCache &Sources) {
  // The region starts at the diagnostic's location, where the caret points.
  if (!F.Ranges.empty() && F.Ranges.front().File == F.File && F.Ranges.front().End > F.Offset)
    return {F.Offset, F.Ranges.front().End};
  return {F.Offset, tokenEnd(Sources, F.File, F.Offset)};
}

} // namespace detail
} // namespace fallacy::driver
