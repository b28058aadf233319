#include "language.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <vector>

namespace tonelint {
namespace {

// A frequent word that only one language uses is the best evidence there is; spelling cues
// (an accent, a suffix) are weaker because loanwords and names carry them across languages.
constexpr int kStrongWord = 2;
// For words the other language has too, if rarely: "ya" ("see ya"), "favor" (US "a favor"),
// "son", "sin", "ha", "o"; "come" (Spanish "eats").
constexpr int kWeakWord = 1;
constexpr int kSpellingCue = 1;
// ñ, ¿, ¡ and English contractions almost never appear in the other language.
constexpr int kExclusiveMark = 3;

// A verdict needs this much evidence, and this lead over the other language: one function word
// ("Gracias", "Thanks") is enough on its own, a lone accent ("Perú") or a tie is not.
constexpr int kMinEvidence = 2;
constexpr int kMinLead = 2;

struct WordEntry {
  std::string_view word;  // lowercase UTF-8
  int es = 0;
  int en = 0;
};

constexpr WordEntry Es(std::string_view word, int weight = kStrongWord) {
  return {word, weight, 0};
}
constexpr WordEntry En(std::string_view word, int weight = kStrongWord) {
  return {word, 0, weight};
}
// Words both languages use ("no", "me", "a"), or loanwords whose accent or suffix would
// otherwise count ("café", "marketing"): listed so that they score nothing.
constexpr WordEntry Neither(std::string_view word) { return {word, 0, 0}; }

// Accent-less spellings of Spanish words are listed too, because people type "esta" and
// "informacion". A plain array: deducing std::array from this many elements exceeds clang's
// template nesting limit.
constexpr WordEntry kWords[] = {
    // Spanish.
    Es("ahora"), Es("al"), Es("algo"), Es("alguna"), Es("algún"), Es("aqui"), Es("aquí"), Es("asi"),
    Es("así"), Es("atencion"), Es("atención"), Es("ayuda"), Es("ayudar"), Es("ayudarle"),
    Es("ayudarte"), Es("bien"), Es("buen"), Es("buena"), Es("buenas"), Es("buenos"), Es("cada"),
    Es("caso"), Es("cliente"), Es("como"), Es("con"), Es("contigo"), Es("correo"), Es("cual"),
    Es("cuando"), Es("cuenta"), Es("cuál"), Es("cómo"), Es("de"), Es("del"), Es("desde"),
    Es("despues"), Es("después"), Es("dia"), Es("dias"), Es("disculpa"), Es("disculpas"),
    Es("disculpe"), Es("donde"), Es("dónde"), Es("día"), Es("días"), Es("el"), Es("ella"), Es("en"),
    Es("entre"), Es("equipo"), Es("es"), Es("esa"), Es("ese"), Es("eso"), Es("esta"), Es("estamos"),
    Es("estan"), Es("estar"), Es("este"), Es("esto"), Es("estos"), Es("está"), Es("están"),
    Es("favor", kWeakWord), Es("fue"), Es("gracias"), Es("ha", kWeakWord), Es("hace"), Es("hacer"),
    Es("han"), Es("hasta"), Es("hay"), Es("hemos"), Es("hola"), Es("hoy"), Es("informacion"),
    Es("información"), Es("la"), Es("lamentamos"), Es("las"), Es("le"), Es("les"), Es("lo"),
    Es("los"), Es("mas"), Es("mensaje"), Es("mi"), Es("mucha"), Es("muchas"), Es("mucho"),
    Es("muy"), Es("más"), Es("nada"), Es("ni"), Es("nos"), Es("nuestra"), Es("nuestro"),
    Es("nuestros"), Es("o", kWeakWord), Es("para"), Es("pedido"), Es("pero"), Es("podemos"),
    Es("podria"), Es("podría"), Es("por"), Es("porque"), Es("problema"), Es("pronto"), Es("puede"),
    Es("pueden"), Es("puedes"), Es("quedamos"), Es("que"), Es("qué"), Es("saludos"), Es("se"),
    Es("sentimos"), Es("ser"), Es("si"), Es("siempre"), Es("sin", kWeakWord), Es("sobre"),
    Es("somos"), Es("son", kWeakWord), Es("su"), Es("sus"), Es("sí"), Es("tambien"), Es("también"),
    Es("te"), Es("tenemos"), Es("tiene"), Es("tienes"), Es("todo"), Es("todos"), Es("tu"),
    Es("tus"), Es("tú"), Es("un"), Es("una"), Es("uno"), Es("usted"), Es("ustedes"), Es("vamos"),
    Es("ver"), Es("vez"), Es("y"), Es("ya", kWeakWord),
    // English.
    En("about"), En("again"), En("all"), En("also"), En("an"), En("and"), En("any"),
    En("apologies"), En("apologize"), En("are"), En("as"), En("at"), En("back"), En("be"),
    En("because"), En("been"), En("but"), En("by"), En("can"), En("cannot"), En("come", kWeakWord),
    En("could"), En("dear"), En("did"), En("do"), En("does"), En("for"), En("from"), En("get"),
    En("glad"), En("going"), En("good"), En("great"), En("had"), En("happy"), En("have"),
    En("hear"), En("hello"), En("help"), En("here"), En("hey"), En("hi"), En("how"), En("i"),
    En("if"), En("in"), En("into"), En("is"), En("it"), En("its"), En("just"), En("know"),
    En("let"), En("like"), En("look"), En("more"), En("my"), En("need"), En("not"), En("now"),
    En("of"), En("on"), En("or"), En("order"), En("our"), En("out"), En("please"), En("regards"),
    En("should"), En("so"), En("soon"), En("sorry"), En("sure"), En("team"), En("thank"),
    En("thanks"), En("that"), En("the"), En("their"), En("them"), En("there"), En("they"),
    En("this"), En("to"), En("today"), En("up"), En("us"), En("very"), En("was"), En("we"),
    En("were"), En("what"), En("when"), En("where"), En("which"), En("who"), En("will"), En("with"),
    En("would"), En("you"), En("your"), En("yours"),
    // Both, or loanwords.
    Neither("a"), Neither("café"), Neither("cliché"), Neither("has"), Neither("he"),
    Neither("marketing"), Neither("me"), Neither("no"), Neither("parking"), Neither("résumé"),
    Neither("u"),
};

constexpr bool HasDuplicateWords() {
  for (std::size_t i = 0; i < std::size(kWords); ++i) {
    for (std::size_t j = i + 1; j < std::size(kWords); ++j) {
      if (kWords[i].word == kWords[j].word) return true;
    }
  }
  return false;
}
static_assert(!HasDuplicateWords(), "a word is listed twice in kWords");

constexpr std::size_t LongestWord() {
  std::size_t longest = 0;
  for (const WordEntry& entry : kWords) longest = std::max(longest, entry.word.size());
  return longest;
}
// WordBuffer keeps this many bytes of a word; past it only the letter flags still count.
constexpr std::size_t kMaxWordBytes = 40;
static_assert(LongestWord() < kMaxWordBytes, "a word in kWords would never be found");

// FNV-1a: words are a few bytes long, and WordBuffer hashes them byte by byte as it builds
// them, so that a lookup does not read the word twice.
constexpr std::uint32_t kHashSeed = 2166136261u;
constexpr std::uint32_t HashStep(std::uint32_t hash, char byte) {
  return (hash ^ static_cast<std::uint8_t>(byte)) * 16777619u;
}
constexpr std::uint32_t HashWord(std::string_view word) {
  std::uint32_t hash = kHashSeed;
  for (char c : word) hash = HashStep(hash, c);
  return hash;
}

// Open addressing with linear probing, built at compile time. Most words of a sentence are not
// in kWords; at most half full, their lookup usually ends at the first empty slot, and the
// stored hash spares a string comparison on collisions.
struct Slot {
  std::uint32_t hash = 0;
  std::int16_t index = -1;  // into kWords; -1 when empty
};
constexpr std::size_t kSlotCount = 1024;
static_assert(std::size(kWords) * 2 <= kSlotCount, "grow kSlotCount with kWords");

constexpr std::array<Slot, kSlotCount> BuildSlots() {
  std::array<Slot, kSlotCount> slots{};
  for (std::size_t i = 0; i < std::size(kWords); ++i) {
    const std::uint32_t hash = HashWord(kWords[i].word);
    std::size_t slot = hash % kSlotCount;
    while (slots[slot].index >= 0) slot = (slot + 1) % kSlotCount;
    slots[slot] = {hash, static_cast<std::int16_t>(i)};
  }
  return slots;
}
constexpr std::array<Slot, kSlotCount> kSlots = BuildSlots();

// `hash` is HashWord(word).
const WordEntry* FindWord(std::string_view word, std::uint32_t hash) {
  for (std::size_t slot = hash % kSlotCount; kSlots[slot].index >= 0;
       slot = (slot + 1) % kSlotCount) {
    const WordEntry& entry = kWords[kSlots[slot].index];
    if (kSlots[slot].hash == hash && entry.word == word) return &entry;
  }
  return nullptr;
}

struct SuffixCue {
  std::string_view suffix;
  bool spanish;
};

// Endings of content words that the other language (nearly) never has: Spanish -ción, -mente,
// first-person plural verbs, participles, gerunds and attached pronouns ("ayudarlo",
// "contactarte"); English -tion, -ness, -ing, -ly and -ed. First match wins.
constexpr std::array kSuffixCues = {
    SuffixCue{"ción", true}, SuffixCue{"cion", true}, SuffixCue{"mente", true},
    SuffixCue{"amos", true}, SuffixCue{"emos", true}, SuffixCue{"imos", true},
    SuffixCue{"ado", true},  SuffixCue{"ada", true},  SuffixCue{"ados", true},
    SuffixCue{"adas", true}, SuffixCue{"ido", true},  SuffixCue{"ida", true},
    SuffixCue{"idos", true}, SuffixCue{"ando", true}, SuffixCue{"iendo", true},
    SuffixCue{"rle", true},  SuffixCue{"rlo", true},  SuffixCue{"rla", true},
    SuffixCue{"rte", true},  SuffixCue{"rnos", true}, SuffixCue{"tion", false},
    SuffixCue{"ness", false}, SuffixCue{"ing", false}, SuffixCue{"ly", false},
    SuffixCue{"ed", false},
};
// Short words ("lado", "red", "sing") end the same way by chance.
constexpr std::size_t kMinLettersBeforeSuffix = 2;

// Bit i of kCuesByLastByte[b] is set when kSuffixCues[i] ends in byte b, so that a word is
// compared only with the few cues that end in its last byte.
constexpr std::array<std::uint32_t, 256> BuildCuesByLastByte() {
  static_assert(kSuffixCues.size() <= 32, "one bit per cue");
  std::array<std::uint32_t, 256> cues{};
  for (std::size_t i = 0; i < kSuffixCues.size(); ++i) {
    cues[static_cast<std::uint8_t>(kSuffixCues[i].suffix.back())] |= std::uint32_t{1} << i;
  }
  return cues;
}
constexpr std::array<std::uint32_t, 256> kCuesByLastByte = BuildCuesByLastByte();

// Lowercased, with apostrophes kept inside ("don't"); digits make the token a code or a
// number ("mp3", "24h") that says nothing about language.
class WordBuffer {
 public:
  bool empty() const { return size_ == 0; }
  std::string_view text() const { return {bytes_.data(), size_}; }
  std::uint32_t hash() const { return hash_; }  // HashWord(text())
  bool truncated() const { return truncated_; }
  bool has_digit() const { return has_digit_; }
  bool has_apostrophe() const { return has_apostrophe_; }
  bool has_accent() const { return has_accent_; }
  bool has_enye() const { return has_enye_; }

  std::size_t AppendAsciiLetters(std::string_view text);
  void AppendLetter(UChar32 lower);
  void AppendDigit(char digit) {
    has_digit_ = true;
    AppendByte(digit);
  }
  void AppendApostrophe() {
    has_apostrophe_ = true;
    AppendByte('\'');
  }
  void NoteMark(UChar32 mark);
  void Clear();

 private:
  void AppendByte(char byte);

  std::array<char, kMaxWordBytes> bytes_;
  std::size_t size_ = 0;
  std::uint32_t hash_ = kHashSeed;
  bool truncated_ = false;
  bool has_digit_ = false;
  bool has_apostrophe_ = false;
  bool has_accent_ = false;
  bool has_enye_ = false;
};

bool IsAsciiLetter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

void WordBuffer::AppendByte(char byte) {
  if (size_ < bytes_.size()) {
    bytes_[size_++] = byte;
    hash_ = HashStep(hash_, byte);
  } else {
    truncated_ = true;
  }
}

// Appends the run of ASCII letters that begins `text`, lowercased (bit 5), and returns its
// length. Scanning, copying and hashing in one loop: this is where most bytes of a reply go.
std::size_t WordBuffer::AppendAsciiLetters(std::string_view text) {
  // Locals: stores through char* could alias the members, which would be reloaded per byte.
  std::size_t size = size_;
  std::uint32_t hash = hash_;
  std::size_t n = 0;
  for (; n < text.size() && IsAsciiLetter(text[n]); ++n) {
    const char lower = static_cast<char>(text[n] | 0x20);
    if (size < bytes_.size()) {
      bytes_[size++] = lower;
      hash = HashStep(hash, lower);
    } else {
      truncated_ = true;
    }
  }
  size_ = size;
  hash_ = hash;
  return n;
}

void WordBuffer::AppendLetter(UChar32 lower) {
  if (lower == U'ñ') {
    has_enye_ = true;
  } else if (lower == U'á' || lower == U'é' || lower == U'í' || lower == U'ó' || lower == U'ú' ||
             lower == U'ü') {
    has_accent_ = true;
  }
  if (size_ + U8_MAX_LENGTH > bytes_.size()) {
    truncated_ = true;
    return;
  }
  const std::size_t begin = size_;
  U8_APPEND_UNSAFE(bytes_.data(), size_, lower);
  for (std::size_t i = begin; i < size_; ++i) hash_ = HashStep(hash_, bytes_[i]);
}

// Decomposed text (macOS pasteboards) spells "está" as "esta" + U+0301. The mark is dropped
// so that the word still looks up; its evidence is kept.
void WordBuffer::NoteMark(UChar32 mark) {
  if (mark == 0x0301 || mark == 0x0308) has_accent_ = true;
  if (mark == 0x0303) has_enye_ = true;
}

// Leaves bytes_ as it is: only [0, size_) is ever read.
void WordBuffer::Clear() {
  size_ = 0;
  hash_ = kHashSeed;
  truncated_ = has_digit_ = has_apostrophe_ = has_accent_ = has_enye_ = false;
}

bool IsEnglishContraction(std::string_view word) {
  const std::size_t apostrophe = word.rfind('\'');
  const std::string_view clitic = word.substr(apostrophe + 1);
  if (clitic == "t") return apostrophe > 0 && word[apostrophe - 1] == 'n';
  return clitic == "re" || clitic == "ll" || clitic == "ve" || clitic == "m" || clitic == "s" ||
         clitic == "d";
}

bool IsAsciiVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Words are short: comparing from the end, inline, beats a call to memcmp.
bool EndsWith(std::string_view word, std::string_view suffix) {
  if (word.size() < suffix.size()) return false;
  for (std::size_t i = 1; i <= suffix.size(); ++i) {
    if (word[word.size() - i] != suffix[suffix.size() - i]) return false;
  }
  return true;
}

bool ContainsTh(std::string_view word) {
  for (std::size_t i = 1; i < word.size(); ++i) {
    if (word[i] == 'h' && word[i - 1] == 't') return true;
  }
  return false;
}

// Native Spanish words have no "th", and end in -y only after a vowel ("hoy", "muy"); English
// "month", "delivery", "reply" are frequent content words.
bool HasEnglishSpelling(std::string_view word) {
  return ContainsTh(word) ||
         (word.size() >= 3 && word.back() == 'y' && !IsAsciiVowel(word[word.size() - 2]));
}

// At most one cue per language and word, so that a single unknown word ("Lesly", a name)
// never reaches kMinEvidence on its spelling alone.
void ScoreSpelling(std::string_view word, LanguageScore& score) {
  bool spanish = false;
  bool english = HasEnglishSpelling(word);
  for (std::uint32_t cues = kCuesByLastByte[static_cast<std::uint8_t>(word.back())]; cues != 0;
       cues &= cues - 1) {
    const SuffixCue& cue = kSuffixCues[std::countr_zero(cues)];
    if (word.size() >= cue.suffix.size() + kMinLettersBeforeSuffix && EndsWith(word, cue.suffix)) {
      (cue.spanish ? spanish : english) = true;
      break;
    }
  }
  if (spanish) score.es += kSpellingCue;
  if (english) score.en += kSpellingCue;
}

void ScoreWord(const WordBuffer& word, LanguageScore& score) {
  if (word.empty() || word.has_digit()) return;
  if (word.has_apostrophe()) {
    if (IsEnglishContraction(word.text())) score.en += kExclusiveMark;
    return;
  }
  if (!word.truncated()) {
    if (const WordEntry* entry = FindWord(word.text(), word.hash())) {
      score.es += entry->es;
      score.en += entry->en;
      return;
    }
  }
  if (word.has_enye()) score.es += kExclusiveMark;
  if (word.has_accent()) score.es += kSpellingCue;
  if (!word.truncated()) ScoreSpelling(word.text(), score);
}

// Scores one chunk, a character at a time.
class ChunkScorer {
 public:
  // Takes the run of ASCII letters that begins `text`; returns its length.
  std::size_t AddAsciiLetters(std::string_view text) {
    TakePendingApostrophe();
    return word_.AppendAsciiLetters(text);
  }
  void AddLetter(UChar32 lower) {
    TakePendingApostrophe();
    word_.AppendLetter(lower);
  }
  void AddDigit(char digit) {
    apostrophe_pending_ = false;
    word_.AppendDigit(digit);
  }
  void AddApostrophe();
  void AddMark(UChar32 mark);
  // Punctuation, symbols, emoji: they end the current word.
  void AddOther(UChar32 c);
  void MarkAsLink() { link_ = true; }
  // Returns what the chunk did and starts the next one.
  ChunkLanguage End();

 private:
  void TakePendingApostrophe();
  void EndWord();

  WordBuffer word_;
  LanguageScore score_;
  // An apostrophe joins a word only when a letter follows ("don't"), not when it closes a
  // quotation ('gracias').
  bool apostrophe_pending_ = false;
  bool link_ = false;
  // Words of one letter and of more in this chunk: "i.d.i.o.t.a." is a spelled-out word, not
  // the English "I" and the Spanish "a".
  int single_letter_words_ = 0;
  int longer_words_ = 0;
};

void ChunkScorer::TakePendingApostrophe() {
  if (!apostrophe_pending_) return;
  word_.AppendApostrophe();
  apostrophe_pending_ = false;
}

void ChunkScorer::AddApostrophe() {
  if (word_.empty() || apostrophe_pending_) {
    EndWord();
  } else {
    apostrophe_pending_ = true;
  }
}

void ChunkScorer::AddMark(UChar32 mark) {
  if (word_.empty()) {
    EndWord();
  } else {
    apostrophe_pending_ = false;
    word_.NoteMark(mark);
  }
}

void ChunkScorer::AddOther(UChar32 c) {
  if (c == U'¿' || c == U'¡') score_.es += kExclusiveMark;
  EndWord();
}

void ChunkScorer::EndWord() {
  if (!word_.empty()) ++(word_.text().size() == 1 ? single_letter_words_ : longer_words_);
  ScoreWord(word_, score_);
  word_.Clear();
  apostrophe_pending_ = false;
}

ChunkLanguage ChunkScorer::End() {
  EndWord();
  const bool spelled_out = single_letter_words_ >= 3 && longer_words_ == 0;
  const bool one_letter = single_letter_words_ == 1 && longer_words_ == 0;
  ChunkLanguage effect;
  if (one_letter && !link_) {
    effect = {score_, ChunkLanguage::Kind::kJoinsLetterRun};
  } else {
    if (single_letter_words_ + longer_words_ > 0) effect.kind = ChunkLanguage::Kind::kEndsLetterRun;
    if (!link_ && !spelled_out) effect.score = score_;
  }
  score_ = {};
  link_ = false;
  single_letter_words_ = longer_words_ = 0;
  return effect;
}

enum class AsciiKind : std::uint8_t { kOther, kSpace, kLetter, kDigit, kApostrophe };

constexpr std::array<AsciiKind, 128> BuildAsciiKinds() {
  std::array<AsciiKind, 128> kinds{};
  for (char c : {' ', '\t', '\n', '\v', '\f', '\r'}) kinds[c] = AsciiKind::kSpace;
  for (char c = 'A'; c <= 'Z'; ++c) kinds[c] = AsciiKind::kLetter;
  for (char c = 'a'; c <= 'z'; ++c) kinds[c] = AsciiKind::kLetter;
  for (char c = '0'; c <= '9'; ++c) kinds[c] = AsciiKind::kDigit;
  kinds['\''] = AsciiKind::kApostrophe;
  return kinds;
}
// Most bytes of a reply are ASCII; one table lookup sorts them.
constexpr std::array<AsciiKind, 128> kAsciiKinds = BuildAsciiKinds();

AsciiKind KindOf(char c) {
  const auto byte = static_cast<std::uint8_t>(c);
  return byte < 0x80 ? kAsciiKinds[byte] : AsciiKind::kOther;
}

// Whether the punctuation at `at` makes its chunk a URL ("://", "www."), an e-mail address or
// @handle ("@"), a #hashtag, or a path or agent signature ("/LO"). Reads no further than the
// chunk: the same chunk marks the same wherever it stands.
bool MarksLink(std::string_view text, std::size_t at) {
  const bool chunk_start = at == 0 || KindOf(text[at - 1]) == AsciiKind::kSpace;
  switch (text[at]) {
    case '@': return true;
    case '#': case '/': return chunk_start;
    case ':': return text.substr(at + 1, 2) == "//";
    case '.': return at >= 3 && text.substr(at - 3, 3) == "www";
    default: return false;
  }
}

// Latin-1 capitals (Á É Í Ó Ú Ü Ñ) are the common case; ICU handles the rest.
UChar32 ToLower(UChar32 c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  return u_tolower(c);
}

// Feeds `text` to `chunk` and hands each chunk that white space ends to `chunk_end`; the chunk
// `text` ends in stays open. ASCII characters come a whole run of letters at a time, so that the
// common case branches once per word rather than per byte.
template <typename ChunkEnd>
void ScoreText(std::string_view text, ChunkScorer& chunk, ChunkEnd&& chunk_end) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    if (bytes[i] >= 0x80) {
      UChar32 c;
      U8_NEXT(bytes, i, text.size(), c);
      if (c < 0) {
        chunk.AddOther(c);  // ill-formed UTF-8
      } else if (u_isalpha(c)) {
        chunk.AddLetter(ToLower(c));
      } else if (c == 0x2019) {  // ’ as an apostrophe
        chunk.AddApostrophe();
      } else if ((U_GET_GC_MASK(c) & U_GC_MN_MASK) != 0) {
        chunk.AddMark(c);
      } else if (u_isUWhiteSpace(c)) {  // no-break and narrow spaces
        chunk_end(chunk.End());
      } else {
        chunk.AddOther(c);
      }
      continue;
    }
    const char c = text[i];
    switch (KindOf(c)) {
      case AsciiKind::kLetter: i += chunk.AddAsciiLetters(text.substr(i)); continue;
      case AsciiKind::kDigit: chunk.AddDigit(c); break;
      case AsciiKind::kApostrophe: chunk.AddApostrophe(); break;
      case AsciiKind::kSpace: chunk_end(chunk.End()); break;
      case AsciiKind::kOther:
        if (MarksLink(text, i)) chunk.MarkAsLink();
        chunk.AddOther(c);
        break;
    }
    ++i;
  }
}

}  // namespace

void LanguageTally::AddChunkText(std::string_view chunk) {
  ChunkScorer scorer;
  ScoreText(chunk, scorer, [&](const ChunkLanguage& effect) { Add(effect); });
  Add(scorer.End());
}

LanguageScore LanguageTally::Finish() {
  EndLetterRun();
  const LanguageScore total = total_;
  total_ = {};
  return total;
}

void LanguageTally::EndLetterRun() {
  if (letter_run_chunks_ < 3) {
    total_.es += letter_run_.es;
    total_.en += letter_run_.en;
  }
  letter_run_ = {};
  letter_run_chunks_ = 0;
}

bool ScoreChunk(std::string_view chunk, ChunkLanguage* effect) {
  ChunkScorer scorer;
  bool one_chunk = true;
  ScoreText(chunk, scorer, [&](const ChunkLanguage&) { one_chunk = false; });
  *effect = scorer.End();
  return one_chunk;
}

LanguageScore ScoreLanguage(std::string_view sentence) {
  LanguageTally tally;
  tally.AddChunkText(sentence);
  return tally.Finish();
}

Lang LanguageOf(LanguageScore score) {
  if (score.es >= kMinEvidence && score.es >= score.en + kMinLead) return Lang::kEs;
  if (score.en >= kMinEvidence && score.en >= score.es + kMinLead) return Lang::kEn;
  return Lang::kUnknown;
}

Lang DetectLanguage(std::string_view sentence) { return LanguageOf(ScoreLanguage(sentence)); }

}  // namespace tonelint
