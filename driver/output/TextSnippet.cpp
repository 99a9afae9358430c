// driver/output/TextSnippet.cpp: the source lines, caret line and fix-it line under a diagnostic, as clang 19 prints them.
#include "output/OutputDetail.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Locale.h"
#include <algorithm>

using namespace llvm;

namespace fallacy::driver::detail {
namespace {

// clang's defaults: -ftabstop=8, -fcaret-diagnostics-max-lines=16, and no
// snippet for lines longer than 4096 bytes.
constexpr unsigned TabStop = 8;
constexpr unsigned MaxLines = 16;
constexpr unsigned MaxLineLength = 4096;

constexpr const char *Reset = "\033[0m";
constexpr const char *Reverse = "\033[7m";
constexpr const char *CaretColor = "\033[0;1;32m";
constexpr const char *FixItColor = "\033[0;32m";

/// How one character of a source line is displayed.
struct Glyph {
  unsigned Byte = 0; ///< Its first byte in the line.
  unsigned Size = 1; ///< Bytes it takes in the line.
  std::string Text;  ///< What is printed: the character, spaces for a tab, or an escape.
  bool Printable = true;
};

// A tab advances by the bytes (not columns) since the previous tab, as clang
// computes it; anything unprintable is shown as <U+XXXX>, a stray byte as <XX>.
Glyph nextGlyph(StringRef Line, unsigned I) {
  Glyph G;
  G.Byte = I;
  auto Byte = static_cast<unsigned char>(Line[I]);
  if (Byte == '\t') {
    size_t PrevTab = Line.substr(0, I).find_last_of('\t');
    unsigned Since = PrevTab == StringRef::npos ? I : I - PrevTab - 1;
    G.Text.assign(TabStop - Since % TabStop, ' ');
    return G;
  }
  if (Byte < 0x80 && sys::locale::isPrint(Byte)) {
    G.Text.assign(1, static_cast<char>(Byte));
    return G;
  }
  const auto *Begin = reinterpret_cast<const UTF8 *>(Line.data() + I);
  unsigned Size = getNumBytesForUTF8(*Begin);
  if (I + Size <= Line.size() && isLegalUTF8Sequence(Begin, Begin + Size)) {
    UTF32 C = 0;
    UTF32 *Out = &C;
    const UTF8 *In = Begin;
    ConvertUTF8toUTF32(&In, Begin + Size, &Out, Out + 1, strictConversion);
    G.Size = Size;
    if (sys::locale::isPrint(static_cast<int>(C))) {
      G.Text = Line.substr(I, Size).str();
      return G;
    }
    std::string Hex = utohexstr(C);
    G.Text = "<U+" + std::string(Hex.size() < 4 ? 4 - Hex.size() : 0, '0') + Hex + ">";
    G.Printable = false;
    return G;
  }
  G.Text = "<" + utohexstr(Byte, /*LowerCase=*/false, /*Width=*/2) + ">";
  G.Printable = false;
  return G;
}

/// Maps the bytes of one source line to the display columns clang uses.
class ColumnMap {
public:
  explicit ColumnMap(StringRef Line) : Line(Line), ByteColumn(Line.size() + 1, -1) {
    unsigned Column = 0;
    for (unsigned I = 0; I < Line.size();) {
      Glyph G = nextGlyph(Line, I);
      ByteColumn[I] = static_cast<int>(Column);
      Column += static_cast<unsigned>(sys::locale::columnWidth(G.Text));
      I += G.Size;
      Glyphs.push_back(std::move(G));
    }
    ByteColumn[Line.size()] = static_cast<int>(Column);
  }
  StringRef line() const { return Line; }
  const std::vector<Glyph> &glyphs() const { return Glyphs; }
  /// The column of the character that contains byte B (B <= line size).
  unsigned containingColumn(unsigned B) const {
    B = std::min<unsigned>(B, Line.size());
    while (ByteColumn[B] == -1)
      --B;
    return static_cast<unsigned>(ByteColumn[B]);
  }
  unsigned nextStart(unsigned B) const {
    do
      ++B;
    while (B < Line.size() && ByteColumn[B] == -1);
    return B;
  }
  unsigned previousStart(unsigned B) const {
    do
      --B;
    while (B > 0 && ByteColumn[B] == -1);
    return B;
  }

private:
  StringRef Line;
  std::vector<int> ByteColumn; ///< -1 for bytes inside a character.
  std::vector<Glyph> Glyphs;
};

// '~' under bytes [Start, End) of the line, leading and trailing blanks
// excluded, so a range over several lines underlines only code.
void underline(const ColumnMap &Map, unsigned Start, unsigned End, std::string &Caret) {
  StringRef L = Map.line();
  auto Blank = [](char C) { return C == ' ' || C == '\t'; };
  while (Start < L.size() && Blank(L[Start]))
    Start = Map.nextStart(Start);
  End = std::min<unsigned>(End, L.size());
  while (End > 0 && Blank(L[End - 1]))
    End = Map.previousStart(End);
  if (Start > End)
    return;
  unsigned From = Map.containingColumn(Start), To = Map.containingColumn(End);
  if (Caret.size() < To)
    Caret.resize(To, ' ');
  std::fill(Caret.begin() + From, Caret.begin() + To, '~');
}

// Grows the inclusive line window A towards B without exceeding MaxLines,
// keeping the caret's line inside (clang's window rule).
std::pair<unsigned, unsigned> widen(std::pair<unsigned, unsigned> A,
                                    std::pair<unsigned, unsigned> B) {
  unsigned Size = A.second - A.first + 1;
  if (Size >= MaxLines)
    return A;
  unsigned Lo = std::min(A.first, B.first), Hi = std::max(A.second, B.second);
  if (Hi - Lo + 1 <= MaxLines)
    return {Lo, Hi};
  bool Unreachable = (B.first > A.first && B.first - A.first + 1 > MaxLines) ||
                     (B.second < A.second && A.second - B.second + 1 > MaxLines);
  if (Unreachable)
    return A;
  unsigned Slack = MaxLines - Size;
  A.second = std::min(A.second + (Slack + 1) / 2, Hi);
  Slack = MaxLines - (A.second - A.first + 1);
  A.first = std::max(Lo + Slack, A.first) - Slack;
  A.second = std::min(A.first + MaxLines - 1, Hi);
  return A;
}

unsigned digits(unsigned N) { return static_cast<unsigned>(std::to_string(N).size()); }

struct Span {
  unsigned Begin, End;         ///< Byte offsets in the file.
  unsigned FirstLine, LastLine;
};

// Inserted text shown under the caret line at its column; edits that remove
// only, span lines or insert line breaks do not show (clang's rule).
std::string fixItLine(const ColumnMap &Map, unsigned Line, unsigned LineStart,
                      const std::vector<const FixEdit *> &Edits, SourceCache &Sources) {
  std::string Out;
  unsigned PrevEnd = 0;
  for (const FixEdit *E : Edits) {
    if (E->Text.empty() || StringRef(E->Text).find_first_of("\n\r") != StringRef::npos ||
        Sources.position(E->File, E->Offset).Line != Line)
      continue;
    unsigned Column = Map.containingColumn(E->Offset - LineStart);
    if (Column < PrevEnd)
      Column = PrevEnd + 1;
    size_t NewSize = Out.size() + (Column - PrevEnd) + E->Text.size();
    if (NewSize > Out.size())
      Out.resize(NewSize, ' ');
    std::copy(E->Text.begin(), E->Text.end(), Out.end() - E->Text.size());
    PrevEnd = Column + static_cast<unsigned>(sys::locale::columnWidth(E->Text));
  }
  // Tabs in inserted text, expanded as in source lines.
  std::string Expanded;
  for (unsigned I = 0; I < Out.size(); ++I)
    Expanded += Out[I] == '\t' ? nextGlyph(Out, I).Text : std::string(1, Out[I]);
  return Expanded;
}

void writeSourceLine(raw_ostream &OS, const ColumnMap &Map, bool Color) {
  bool Reversed = false;
  for (const Glyph &G : Map.glyphs()) {
    // Unprintable characters stand out in reverse video.
    if (Color && G.Printable == Reversed) {
      Reversed = !Reversed;
      OS << (Reversed ? Reverse : Reset);
    }
    OS << G.Text;
  }
  if (Color)
    OS << Reset;
  OS << '\n';
}

/// The snippet of one diagnostic: which lines, what is underlined, what is
/// inserted.
class Snippet {
public:
  Snippet(SourceCache &Sources, const std::string &Text, StringRef File,
          SourceCache::Position Caret)
      : Sources(Sources), Text(Text), File(File), Caret(Caret) {}

  void addSpan(unsigned Begin, unsigned End) {
    if (Begin > End || End > Text.size())
      return;
    Spans.push_back({Begin, End, Sources.position(File, Begin).Line,
                     Sources.position(File, End).Line});
  }
  void addEdit(const FixEdit &E) {
    // What a fix-it replaces is underlined too, as clang does.
    addSpan(E.Offset, E.Offset + E.Length);
    Edits.push_back(&E);
  }

  void write(raw_ostream &OS, bool Color) {
    // By offset, edits at one offset in their given order (they point into
    // one array, so the address is that order).
    std::sort(Edits.begin(), Edits.end(), [](const FixEdit *A, const FixEdit *B) {
      return std::make_pair(A->Offset, A) < std::make_pair(B->Offset, B);
    });
    std::pair<unsigned, unsigned> Window{Caret.Line, Caret.Line};
    unsigned FirstNumber = Caret.Line;
    for (const Span &S : Spans) {
      Window = widen(Window, {S.FirstLine, S.LastLine});
      FirstNumber = std::min(FirstNumber, S.FirstLine);
    }
    Width = std::max(4u, digits(FirstNumber + MaxLines));
    for (unsigned Line = Window.first; Line <= Window.second; ++Line) {
      StringRef LineText = Sources.lineText(File, Line);
      if (!LineText.data() || LineText.data() == Text.data() + Text.size())
        break;
      if (LineText.size() > MaxLineLength)
        return;
      writeLine(OS, Color, Line, LineText, Window);
    }
  }

private:
  void writeLine(raw_ostream &OS, bool Color, unsigned Line, StringRef LineText,
                 std::pair<unsigned, unsigned> Window) {
    unsigned LineStart = static_cast<unsigned>(LineText.data() - Text.data());
    ColumnMap Map(LineText);
    std::string CaretLine;
    for (const Span &S : Spans) {
      if (S.FirstLine > Window.second || S.LastLine < Window.first || Line < S.FirstLine ||
          Line > S.LastLine)
        continue;
      unsigned Start = Line == S.FirstLine ? S.Begin - LineStart : 0;
      unsigned End = Line == S.LastLine ? S.End - LineStart : ~0u;
      underline(Map, Start, End, CaretLine);
    }
    if (Line == Caret.Line) {
      unsigned Column = Map.containingColumn(Caret.Column - 1);
      CaretLine.resize(std::max<size_t>(Column + 1, CaretLine.size()), ' ');
      CaretLine[Column] = '^';
    }
    std::string FixIt = fixItLine(Map, Line, LineStart, Edits, Sources);

    OS.indent(Width - digits(Line) + 1) << Line << " | ";
    writeSourceLine(OS, Map, Color);
    // A line shown only for an insertion that has no fix-it line of its own
    // (one that adds a line) underlines nothing: no blank caret line.
    if (CaretLine.find_first_not_of(' ') == std::string::npos)
      CaretLine.clear();
    if (!CaretLine.empty()) {
      OS.indent(Width + 2) << "| ";
      OS << (Color ? CaretColor : "") << CaretLine << '\n' << (Color ? Reset : "");
    }
    if (!FixIt.empty()) {
      OS.indent(Width + 2) << "| ";
      OS << (Color ? FixItColor : "") << FixIt << '\n' << (Color ? Reset : "");
    }
  }

  SourceCache &Sources;
  const std::string &Text;
  StringRef File;
  SourceCache::Position Caret;
  std::vector<Span> Spans;
  std::vector<const FixEdit *> Edits;
  unsigned Width = 4; ///< Of the line numbers in the gutter.
};

} // namespace

void writeSnippet(raw_ostream &OS, SourceCache &Sources, bool Color, StringRef File,
                  unsigned Offset, ArrayRef<ByteRange> Ranges, ArrayRef<FixEdit> Fixes) {
  const std::string *Text = Sources.content(File);
  SourceCache::Position Caret = Sources.position(File, Offset);
  if (!Text || Caret.Line == 0 || Caret.Column > MaxLineLength)
    return;
  Snippet S(Sources, *Text, File, Caret);
  for (const ByteRange &R : Ranges)
    if (R.File == File)
      S.addSpan(R.Begin, R.End);
  for (const FixEdit &E : Fixes)
    if (E.File == File)
      S.addEdit(E);
  S.write(OS, Color);
}

} // namespace fallacy::driver::detail
