// driver/output/Fingerprint.cpp: line-number-free fingerprints of findings, and token ends, from a raw lex of the source.
#include "output/Output.h"
#include "output/OutputDetail.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/SHA256.h"

using namespace llvm;

namespace fallacy::driver {
namespace detail {
namespace {

// The raw lexer needs only the dialect: C++20 tokenises every C and C++
// source the same way for our purposes (comments, strings, raw strings).
const clang::LangOptions &cxxOptions() {
  static const clang::LangOptions Opts = [] {
    clang::LangOptions O;
    O.CPlusPlus = O.CPlusPlus11 = O.CPlusPlus14 = O.CPlusPlus17 = O.CPlusPlus20 = true;
    O.LineComment = O.Bool = O.Digraphs = true;
    return O;
  }();
  return Opts;
}

std::string normaliseSpace(StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (isSpace(C)) {
      if (!Out.empty() && Out.back() != ' ')
        Out += ' ';
      continue;
    }
    Out += C;
  }
  if (!Out.empty() && Out.back() == ' ')
    Out.pop_back();
  return Out;
}

// A brace after one of these opens a statement block, not a declaration, so
// editing a condition does not change the fingerprints of findings under it.
bool isDeclarationHeader(ArrayRef<StringRef> Tokens) {
  static const StringSet<> Statements = {"if",   "else",   "for",   "while", "do",
                                         "switch", "try",  "catch", "case",  "default",
                                         "return", "throw"};
  if (Tokens.empty() || Statements.contains(Tokens.front()))
    return false;
  // "= {", "f({", "x, {": a braced initialiser or argument.
  StringRef Last = Tokens.back();
  return Last != "=" && Last != "," && Last != "(" && Last != "[" && Last != "return";
}

} // namespace

unsigned tokenEnd(SourceCache &Sources, StringRef File, unsigned Offset) {
  const std::string *Text = Sources.content(File);
  if (!Text || Offset >= Text->size() || isSpace((*Text)[Offset]))
    return Offset;
  const char *Begin = Text->data();
  clang::Lexer L(clang::SourceLocation(), cxxOptions(), Begin, Begin + Offset,
                 Begin + Text->size());
  clang::Token Tok;
  L.LexFromRawLexer(Tok);
  if (Tok.is(clang::tok::eof))
    return Offset;
  return static_cast<unsigned>(L.getBufferLocation() - Begin);
}

const std::vector<Fingerprinter::Block> &Fingerprinter::blocks(StringRef File) {
  auto [It, Inserted] = Blocks.try_emplace(File);
  std::vector<Block> &Out = It->second;
  const std::string *Text = Sources.content(File);
  if (!Inserted || !Text)
    return Out;
  const char *Begin = Text->data();
  clang::Lexer L(clang::SourceLocation(), cxxOptions(), Begin, Begin, Begin + Text->size());
  std::vector<StringRef> Header;
  std::vector<size_t> Open; // Indices into Out of unclosed blocks.
  clang::Token Tok;
  bool InDirective = false;
  for (;;) {
    L.LexFromRawLexer(Tok);
    if (Tok.is(clang::tok::eof))
      break;
    const char *End = L.getBufferLocation();
    StringRef Spelling(End - Tok.getLength(), Tok.getLength());
    unsigned Offset = static_cast<unsigned>(Spelling.data() - Begin);
    // Preprocessor lines are neither code nor context: an #include added
    // above the first function must not change its findings' fingerprints.
    if (Tok.isAtStartOfLine())
      InDirective = Tok.is(clang::tok::hash);
    if (InDirective) {
      Header.clear();
      continue;
    }
    if (Tok.is(clang::tok::l_brace)) {
      Block B;
      B.Open = Offset;
      B.Close = static_cast<unsigned>(Text->size());
      B.IsDeclaration = isDeclarationHeader(Header);
      B.Header = normaliseSpace(join(Header, " "));
      Open.push_back(Out.size());
      Out.push_back(std::move(B));
      Header.clear();
    } else if (Tok.is(clang::tok::r_brace)) {
      if (!Open.empty()) {
        Out[Open.back()].Close = Offset;
        Open.pop_back();
      }
      Header.clear();
    } else if (Tok.is(clang::tok::semi)) {
      Header.clear();
    } else if (Tok.is(clang::tok::colon) && Header.size() == 1 &&
               (Header[0] == "public" || Header[0] == "private" || Header[0] == "protected")) {
      Header.clear(); // An access label is not part of the member's header.
    } else {
      Header.push_back(Spelling);
    }
  }
  return Out;
}

std::vector<std::string> Fingerprinter::enclosingDeclarations(StringRef File, unsigned Offset) {
  std::vector<std::string> Headers;
  // Blocks are in order of their '{', so enclosing ones come outermost first.
  for (const Block &B : blocks(File))
    if (B.Open < Offset && Offset <= B.Close && B.IsDeclaration)
      Headers.push_back(B.Header);
  return Headers;
}

std::string Fingerprinter::key(const Finding &F, StringRef RelativePath) {
  SourceCache::Position P = Sources.position(F.File, F.Offset);
  std::string Key;
  raw_string_ostream OS(Key);
  OS << F.CheckId << '\0' << RelativePath << '\0'
     << normaliseSpace(Sources.lineText(F.File, P.Line)) << '\0'
     << join(enclosingDeclarations(F.File, F.Offset), " > ") << '\0' << F.Message;
  return Key;
}

std::vector<std::string> Fingerprinter::all(const RunResult &R, StringRef SourceRoot) {
  std::vector<std::string> Out;
  StringMap<unsigned> Seen;
  for (const Finding &F : R.Findings) {
    std::string Key = key(F, relativeTo(F.File, SourceRoot));
    Out.push_back(fingerprintOf(Key, Seen[Key]++));
  }
  return Out;
}

std::string fingerprintOf(StringRef Key, unsigned Occurrence) {
  SHA256 Hash;
  Hash.update(Key);
  std::array<uint8_t, 32> Digest = Hash.final();
  // 128 bits are plenty to tell findings apart; the occurrence stays readable,
  // as in GitHub's own line hashes.
  return toHex(ArrayRef<uint8_t>(Digest).take_front(16), /*LowerCase=*/true) + ":" +
         std::to_string(Occurrence);
}

} // namespace detail

std::string findingFingerprint(const Finding &F, SourceCache &Sources, StringRef RelativePath,
                               unsigned Occurrence) {
  detail::Fingerprinter FP(Sources);
  return detail::fingerprintOf(FP.key(F, RelativePath), Occurrence);
}

} // namespace fallacy::driver
