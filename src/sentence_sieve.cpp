#include "sentence_sieve.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <vector>

#include "ascii.h"
#include "caps_runs.h"
#include "keyword_index.h"
#include "normalizer.h"
#include "rule_set.h"
#include "text_chunks.h"

namespace tonelint {

namespace {

// What a sentence may make findable, by check (SieveQuestion).
enum CheckBit : std::uint8_t {
  kPhrasesEs = 1 << 0,
  kPhrasesEn = 1 << 1,
  kKeyedDocument = 1 << 2,
  kUnkeyedDocument = 1 << 3,
  kCapitals = 1 << 4,
};

std::uint8_t BitsOf(const SieveQuestion& question) {
  return static_cast<std::uint8_t>((question.phrases_es ? kPhrasesEs : 0) |
                                   (question.phrases_en ? kPhrasesEn : 0) |
                                   (question.keyed_document ? kKeyedDocument : 0) |
                                   (question.unkeyed_document ? kUnkeyedDocument : 0) |
                                   (question.capitals ? kCapitals : 0));
}

bool IsWhiteSpaceOrControl(char c) { return static_cast<unsigned char>(c) < 0x21; }

std::uint64_t SignatureBit(int number) { return std::uint64_t{1} << (number & 63); }

}  // namespace

class SentenceSieve::Impl {
 public:
  explicit Impl(const RuleSet& rules);
  // The checks that may find something in `sentence`, as bits; its language score in
  // `*language`.
  std::uint8_t Sift(std::string_view sentence, Normalizer* normalizer, LanguageScore* language);
  LanguageScore ScoreLanguage(std::string_view sentence);

 private:
  // The indexes a sentence is looked up in (Linter::State::MatchPhrases and
  // RecordDocumentEvidence), and the check bits their candidates set.
  struct Index {
    const PatternIndex* patterns = nullptr;
    std::uint8_t keyed_bit = 0;    // a pattern with keywords may be a candidate
    std::uint8_t unkeyed_bit = 0;  // one without
    // The atoms of its atom-guarded patterns without white space, which lie within a chunk.
    std::vector<std::string_view> chunk_atoms;
    std::bitset<256> chunk_atom_first_bytes;
    // Its words' keyword hits: a word is in many chunks ("pedido", "pedido.", "Pedido,").
    KeywordIndex::Cache word_cache;
    // Whether a word of digits alone may be one of its keywords. Numbers are most of the
    // words a large input has only once (order numbers, amounts, times), which no cache keeps.
    bool has_digit_keys = true;
  };
  static constexpr std::size_t kIndexes = 5;

  // An atom with white space ("que te den"), found across chunks: it may occur in a sentence
  // only if each of its pieces between white space occurs in one of its chunks.
  struct SpacedAtom {
    std::uint8_t unkeyed_bit = 0;
    std::uint64_t pieces = 0;  // bits of spaced_atom_pieces_
  };

  // A keyword of a chunk's words in index `index` (KeywordIndex::AppendWordCandidates): a
  // candidate whose also-required keywords are not all in the chunk, or an also-required
  // keyword.
  struct KeyHit {
    std::uint8_t index = 0;
    bool also_required = false;
    int number = 0;
  };

  // What a chunk contributes to a sentence's language score and verdict.
  struct ChunkFacts {
    ChunkLanguage language;
    bool language_is_one_chunk = true;  // ScoreChunk's answer
    // Check bits that the chunk sets wherever it is: a candidate without also-required
    // keywords (or with all of them in the chunk), an atom, two capitals.
    std::uint8_t bits = 0;
    bool may_be_obfuscated = false;
    SpacedTokenEdges spaced_tokens;
    std::uint64_t spaced_atom_pieces = 0;
    std::uint32_t keys_begin = 0;  // its KeyHits, in keys_ (or long_chunk_keys_)
    std::uint32_t keys_end = 0;
  };

  // The facts of `chunk` (whose key is `key`), not remembered yet: decided, and remembered if
  // short enough. `*keys` is set to the vector its KeyHits are in.
  const ChunkFacts& DecideNew(std::string_view chunk, const ChunkKey& key,
                              Normalizer* normalizer, const std::vector<KeyHit>** keys);
  // Decides the facts of `chunk`, appending its KeyHits to `keys`.
  ChunkFacts Decide(std::string_view chunk, Normalizer* normalizer, std::vector<KeyHit>* keys);
  // The keyed bits of the indexes where a candidate among sentence_keys_ has every keyword
  // set it also requires.
  std::uint8_t KeptCandidateBits();
  // A quick test of a candidate's also-required keyword sets: for each of its first two, bit
  // (number % 64) set for each keyword number in it (all bits when it has no such set).
  struct RequiredSignatures {
    std::uint64_t first = ~std::uint64_t{0};
    std::uint64_t second = ~std::uint64_t{0};
    bool made = false;
  };
  // Those of candidate `pattern` of index `index`, made on first need.
  const RequiredSignatures& SignaturesOf(std::size_t index, int pattern);
  // Adds to always_bits_ what only the keyword indexes know: on the first call, not on
  // construction, as a run on one reply seldom needs every index.
  void AddAlwaysCandidateBits();

  std::array<Index, kIndexes> indexes_;
  std::array<std::vector<RequiredSignatures>, kIndexes> signatures_;  // by pattern number
  std::vector<SpacedAtom> spaced_atoms_;
  std::vector<std::string> spaced_atom_pieces_;
  // Check bits set whatever the sentence: indexes with patterns every text is a candidate
  // for, or that PatternIndex finds with a set of regexes the sieve cannot judge.
  std::uint8_t always_bits_ = 0;
  bool always_candidate_bits_added_ = false;
  BoundedChunkMemo<ChunkFacts, 14> memo_;
  std::vector<KeyHit> keys_;  // of the chunks in memo_
  // Scratch, reused across sentences.
  ChunkFacts decided_;  // of the chunk decided last
  std::vector<KeyHit> long_chunk_keys_;
  std::vector<KeyHit> sentence_keys_;
  NormalizedText form_;
  std::vector<KeywordIndex::Word> words_;
  std::vector<KeywordIndex::Word> non_number_words_;  // those of words_ not of digits alone
  std::vector<int> candidates_;
  std::vector<int> also_required_;
  std::array<std::vector<std::uint32_t>, kIndexes> also_required_stamps_;  // by keyword number
  std::uint32_t sentence_stamp_ = 0;
  static inline const std::vector<ByteRange> kNoMasks;
};

SentenceSieve::Impl::Impl(const RuleSet& rules) {
  auto set_index = [&](std::size_t i, const PatternIndex& patterns, std::uint8_t keyed_bit,
                       std::uint8_t unkeyed_bit) {
    indexes_[i].patterns = &patterns;
    indexes_[i].keyed_bit = keyed_bit;
    indexes_[i].unkeyed_bit = unkeyed_bit;
  };
  set_index(0, rules.phrases(Lang::kEs, PatternMode::kPlain), kPhrasesEs, kPhrasesEs);
  set_index(1, rules.phrases(Lang::kEs, PatternMode::kObfuscated), kPhrasesEs, kPhrasesEs);
  set_index(2, rules.phrases(Lang::kEn, PatternMode::kPlain), kPhrasesEn, kPhrasesEn);
  set_index(3, rules.phrases(Lang::kEn, PatternMode::kObfuscated), kPhrasesEn, kPhrasesEn);
  set_index(4, rules.document_patterns(), kKeyedDocument, kUnkeyedDocument);
  for (std::size_t i = 0; i < kIndexes; ++i) {
    signatures_[i].resize(indexes_[i].patterns->entries.size());
  }
  for (Index& index : indexes_) {
    if (!index.patterns->unkeyed_set_patterns.empty()) always_bits_ |= index.unkeyed_bit;
    for (const PatternIndex::AtomGuarded& guarded : index.patterns->atom_guarded) {
      for (const std::string_view atom : guarded.atoms) {
        if (atom.empty()) {
          always_bits_ |= index.unkeyed_bit;
          continue;
        }
        if (std::none_of(atom.begin(), atom.end(), IsWhiteSpaceOrControl)) {
          index.chunk_atoms.push_back(atom);
          index.chunk_atom_first_bytes.set(static_cast<unsigned char>(atom.front()));
          continue;
        }
        SpacedAtom spaced{index.unkeyed_bit, 0};
        for (std::size_t i = 0; i < atom.size();) {
          if (IsWhiteSpaceOrControl(atom[i])) {
            ++i;
            continue;
          }
          const std::size_t end = static_cast<std::size_t>(
              std::find_if(atom.begin() + i, atom.end(), IsWhiteSpaceOrControl) - atom.begin());
          const std::string_view piece = atom.substr(i, end - i);
          auto known = std::find(spaced_atom_pieces_.begin(), spaced_atom_pieces_.end(), piece);
          if (known == spaced_atom_pieces_.end() && spaced_atom_pieces_.size() < 64) {
            known = spaced_atom_pieces_.emplace(known, piece);
          }
          if (known == spaced_atom_pieces_.end()) {  // more pieces than bits: no telling
            always_bits_ |= index.unkeyed_bit;
          } else {
            spaced.pieces |= std::uint64_t{1} << (known - spaced_atom_pieces_.begin());
          }
          i = end;
        }
        // An atom of white space alone may be anywhere.
        if (spaced.pieces == 0) always_bits_ |= index.unkeyed_bit;
        spaced_atoms_.push_back(spaced);
      }
    }
  }
}

void SentenceSieve::Impl::AddAlwaysCandidateBits() {
  for (Index& index : indexes_) {
    if (index.patterns->empty()) continue;
    const KeywordIndex& keywords = index.patterns->keywords();
    if (!keywords.Always().empty()) always_bits_ |= index.keyed_bit;
    index.has_digit_keys = keywords.HasKeyOfDigitsOnly();
  }
  always_candidate_bits_added_ = true;
}

SentenceSieve::Impl::ChunkFacts SentenceSieve::Impl::Decide(std::string_view chunk,
                                                            Normalizer* normalizer,
                                                            std::vector<KeyHit>* keys) {
  ChunkFacts facts;
  facts.language_is_one_chunk = ScoreChunk(chunk, &facts.language);
  // Normalizer::Normalize maps each code point by itself, and white space to itself: the
  // sentence's matching form is its chunks' forms between the same white space, and its
  // words are theirs.
  normalizer->Normalize(chunk, kNoMasks, &form_);
  const std::string_view form = form_.text;
  // A '*' sends the obfuscated indexes' lookup down another path (FindCandidatesWithStars).
  facts.may_be_obfuscated = form.find('*') != std::string_view::npos || MayBeObfuscated(form);
  facts.spaced_tokens = FindSpacedTokenEdges(form);
  if (HasCapitalPair(chunk)) facts.bits |= kCapitals;
  for (std::size_t piece = 0; piece < spaced_atom_pieces_.size(); ++piece) {
    if (form.find(spaced_atom_pieces_[piece]) != std::string_view::npos) {
      facts.spaced_atom_pieces |= std::uint64_t{1} << piece;
    }
  }
  KeywordIndex::SplitWords(form, &words_);
  non_number_words_.clear();
  for (const KeywordIndex::Word& word : words_) {
    const std::string_view text = form.substr(word.begin, word.end - word.begin);
    if (!std::all_of(text.begin(), text.end(), IsAsciiDigit)) {
      non_number_words_.push_back(word);
    }
  }
  std::bitset<256> form_bytes;
  for (const char c : form) form_bytes.set(static_cast<unsigned char>(c));
  facts.keys_begin = static_cast<std::uint32_t>(keys->size());
  for (std::size_t i = 0; i < kIndexes; ++i) {
    Index& index = indexes_[i];
    if (index.patterns->empty()) continue;
    // Most atoms are punctuation or emoji, whose first byte few chunks have.
    if ((index.chunk_atom_first_bytes & form_bytes).any() &&
        std::any_of(index.chunk_atoms.begin(), index.chunk_atoms.end(),
                    [&](std::string_view atom) {
                      return form.find(atom) != std::string_view::npos;
                    })) {
      facts.bits |= index.unkeyed_bit;
    }
    candidates_.clear();
    also_required_.clear();
    const KeywordIndex& keywords = index.patterns->keywords();
    keywords.AppendWordCandidates(form, index.has_digit_keys ? words_ : non_number_words_,
                                  &index.word_cache, &candidates_, &also_required_);
    std::sort(also_required_.begin(), also_required_.end());
    also_required_.erase(std::unique(also_required_.begin(), also_required_.end()),
                         also_required_.end());
    if (std::any_of(candidates_.begin(), candidates_.end(), [&](int candidate) {
          return keywords.HasAlsoRequired(candidate, also_required_);
        })) {
      facts.bits |= index.keyed_bit;
    }
    // Its candidates matter to a sentence only if the chunk leaves the index's bit unset.
    if ((facts.bits & index.keyed_bit) != 0) continue;
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
    const auto index_number = static_cast<std::uint8_t>(i);
    for (const int number : candidates_) keys->push_back({index_number, false, number});
    for (const int number : also_required_) keys->push_back({index_number, true, number});
  }
  facts.keys_end = static_cast<std::uint32_t>(keys->size());
  return facts;
}

const SentenceSieve::Impl::RequiredSignatures& SentenceSieve::Impl::SignaturesOf(
    std::size_t index, int pattern) {
  RequiredSignatures& signatures = signatures_[index][static_cast<std::size_t>(pattern)];
  if (signatures.made) return signatures;
  int set = 0;
  indexes_[index].patterns->keywords().EveryAlsoRequiredSet(
      pattern, [&](std::span<const int> keywords) {
        std::uint64_t signature = 0;
        for (const int number : keywords) signature |= SignatureBit(number);
        (set == 0 ? signatures.first : signatures.second) = signature;
        return ++set < 2;
      });
  signatures.made = true;
  return signatures;
}

std::uint8_t SentenceSieve::Impl::KeptCandidateBits() {
  // Which also-required keywords the sentence has: those whose entry is this sentence's
  // stamp, as in KeywordIndex::Cache.
  ++sentence_stamp_;
  std::array<std::uint64_t, kIndexes> signatures{};
  for (const KeyHit& hit : sentence_keys_) {
    if (!hit.also_required) continue;
    std::vector<std::uint32_t>& stamps = also_required_stamps_[hit.index];
    const auto number = static_cast<std::size_t>(hit.number);
    if (stamps.size() <= number) stamps.resize(number + 1);
    stamps[number] = sentence_stamp_;
    signatures[hit.index] |= SignatureBit(hit.number);
  }
  std::uint8_t bits = 0;
  for (const KeyHit& hit : sentence_keys_) {
    const std::uint64_t signature = signatures[hit.index];
    // Without an also-required keyword from another chunk, no candidate is kept.
    if (hit.also_required || signature == 0) continue;
    const std::uint8_t keyed_bit = indexes_[hit.index].keyed_bit;
    if ((bits & keyed_bit) != 0) continue;
    const RequiredSignatures& required = SignaturesOf(hit.index, hit.number);
    if ((required.first & signature) == 0 || (required.second & signature) == 0) continue;
    const std::vector<std::uint32_t>& stamps = also_required_stamps_[hit.index];
    auto in_sentence = [&](int number) {
      const auto at = static_cast<std::size_t>(number);
      return at < stamps.size() && stamps[at] == sentence_stamp_;
    };
    if (indexes_[hit.index].patterns->keywords().EveryAlsoRequiredSet(
            hit.number, [&](std::span<const int> keywords) {
              return std::any_of(keywords.begin(), keywords.end(), in_sentence);
            })) {
      bits |= keyed_bit;
    }
  }
  return bits;
}

LanguageScore SentenceSieve::Impl::ScoreLanguage(std::string_view sentence) {
  LanguageTally tally;
  const bool has_control_character =
      ForEachChunk(sentence, [&](std::string_view chunk, const ChunkKey& key) {
        const ChunkFacts* facts =
            chunk.size() <= decltype(memo_)::kMaxChunkBytes ? memo_.Find(key) : nullptr;
        if (facts != nullptr && facts->language_is_one_chunk) {
          tally.Add(facts->language);
        } else {
          tally.AddChunkText(chunk);
        }
      });
  // The language scorer reads a control character as part of a chunk.
  return has_control_character ? tonelint::ScoreLanguage(sentence) : tally.Finish();
}

const SentenceSieve::Impl::ChunkFacts& SentenceSieve::Impl::DecideNew(
    std::string_view chunk, const ChunkKey& key, Normalizer* normalizer,
    const std::vector<KeyHit>** keys) {
  if (chunk.size() > decltype(memo_)::kMaxChunkBytes) {
    long_chunk_keys_.clear();
    decided_ = Decide(chunk, normalizer, &long_chunk_keys_);
    *keys = &long_chunk_keys_;
    return decided_;
  }
  if (memo_.Full()) keys_.clear();  // Add forgets the chunks they belong to
  decided_ = Decide(chunk, normalizer, &keys_);
  memo_.Add(key, decided_);
  return decided_;
}

std::uint8_t SentenceSieve::Impl::Sift(std::string_view sentence, Normalizer* normalizer,
                                       LanguageScore* language) {
  if (!always_candidate_bits_added_) AddAlwaysCandidateBits();
  std::uint8_t bits = always_bits_;
  std::uint64_t spaced_atom_pieces = 0;
  sentence_keys_.clear();
  LanguageTally tally;
  // One-character tokens in a row, across chunks: a spaced run ("i d i o t") is obfuscation
  // that no chunk shows alone.
  int spaced_run = 0;
  const bool has_control_character =
      ForEachChunk(sentence, [&](std::string_view chunk, const ChunkKey& key) {
        const std::vector<KeyHit>* keys = &keys_;
        const ChunkFacts* facts =
            chunk.size() <= decltype(memo_)::kMaxChunkBytes ? memo_.Find(key) : nullptr;
        if (facts == nullptr) facts = &DecideNew(chunk, key, normalizer, &keys);
        if (facts->language_is_one_chunk) {
          tally.Add(facts->language);
        } else {
          tally.AddChunkText(chunk);
        }
        bits |= facts->bits;
        spaced_atom_pieces |= facts->spaced_atom_pieces;
        // The obfuscated indexes are then looked up in forms the sieve does not make.
        constexpr std::uint8_t kObfuscationMatters = kPhrasesEs | kPhrasesEn;
        const SpacedTokenEdges& tokens = facts->spaced_tokens;
        if (facts->may_be_obfuscated || tokens.longest_run >= 3) bits |= kObfuscationMatters;
        if (tokens.has_longer_token) {
          if (spaced_run + tokens.leading >= 3) bits |= kObfuscationMatters;
          spaced_run = tokens.trailing;
        } else {
          spaced_run += tokens.leading;  // all of its tokens, if any
          if (spaced_run >= 3) bits |= kObfuscationMatters;
        }
        for (auto hit = keys->begin() + facts->keys_begin;
             hit != keys->begin() + facts->keys_end; ++hit) {
          // A candidate of an index whose bit is set already would change nothing.
          if ((indexes_[hit->index].keyed_bit & bits) == 0) sentence_keys_.push_back(*hit);
        }
      });
  // The language scorer reads a control character as part of a chunk.
  *language = has_control_character ? tonelint::ScoreLanguage(sentence) : tally.Finish();
  for (const SpacedAtom& atom : spaced_atoms_) {
    if ((spaced_atom_pieces & atom.pieces) == atom.pieces) bits |= atom.unkeyed_bit;
  }
  if (!sentence_keys_.empty()) bits |= KeptCandidateBits();
  return bits;
}

SentenceSieve::SentenceSieve(const RuleSet& rules) : impl_(std::make_unique<Impl>(rules)) {}
SentenceSieve::~SentenceSieve() = default;

LanguageScore SentenceSieve::ScoreLanguage(std::string_view sentence) {
  return impl_->ScoreLanguage(sentence);
}

SiftedSentence SentenceSieve::Sift(std::string_view sentence, Normalizer* normalizer) {
  SiftedSentence sifted;
  sifted.may_match_ = impl_->Sift(sentence, normalizer, &sifted.language);
  return sifted;
}

SiftedSentence SiftedSentence::Unsifted(LanguageScore language) {
  SiftedSentence sifted;
  sifted.language = language;
  sifted.may_match_ = kPhrasesEs | kPhrasesEn | kKeyedDocument | kUnkeyedDocument | kCapitals;
  return sifted;
}

bool SiftedSentence::MayFindSomething(const SieveQuestion& question) const {
  return (may_match_ & BitsOf(question)) != 0;
}

}  // namespace tonelint
