#include "linter.h"

#include <algorithm>
#include <unordered_map>

#include "caps_runs.h"
#include "grapheme.h"
#include "language.h"
#include "mask.h"
#include "normalizer.h"
#include "sentence_splitter.h"
#include "sentence_sieve.h"
#include "suggestion.h"

namespace tonelint {
namespace {

bool Overlaps(ByteRange a, ByteRange b) { return a.begin < b.end && b.begin < a.end; }

bool OverlapsAny(ByteRange range, const std::vector<ByteRange>& ranges) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](ByteRange other) { return Overlaps(range, other); });
}

std::string_view Slice(std::string_view text, ByteRange range) {
  return text.substr(range.begin, range.end - range.begin);
}

// The language most of a text's bytes are in, from its sentences' languages.
class ReplyLanguageTally {
 public:
  void Add(Lang lang, ByteRange sentence) {
    if (lang == Lang::kEs) es_bytes_ += sentence.end - sentence.begin;
    if (lang == Lang::kEn) en_bytes_ += sentence.end - sentence.begin;
  }
  // kUnknown when no sentence was either.
  Lang Majority() const {
    if (es_bytes_ == 0 && en_bytes_ == 0) return Lang::kUnknown;
    return es_bytes_ >= en_bytes_ ? Lang::kEs : Lang::kEn;
  }

 private:
  std::size_t es_bytes_ = 0;
  std::size_t en_bytes_ = 0;
};

// Hash of the three words of `text` starting at words[i] (see HashWordTrigram).
uint64_t TrigramAt(std::string_view text, const std::vector<KeywordIndex::Word>& words,
                   std::size_t i) {
  auto word = [&](std::size_t k) { return Slice(text, {words[k].begin, words[k].end}); };
  return HashWordTrigram(word(i), word(i + 1), word(i + 2));
}

// Whether a matched phrase spans punctuation that ends a clause (, ; : parentheses, a dash
// between spaces), which a phrase pattern's word separators otherwise accept.
bool CrossesClause(std::string_view matched) {
  return matched.find_first_of(",;:()[]") != std::string_view::npos ||
         matched.find(" - ") != std::string_view::npos ||
         matched.find("\xE2\x80\x94") != std::string_view::npos ||  // em dash
         matched.find("\xE2\x80\x93") != std::string_view::npos;    // en dash
}

// A finding of `rule` at `span` (bytes of the input), its suggestions expanded with `groups`
// for the matched text `matched`.
Finding MakeFinding(const Rule& rule, ByteRange span, const std::vector<std::string_view>& groups,
                    std::string_view matched) {
  Finding finding;
  finding.rule = &rule;
  finding.severity = rule.severity;
  finding.lang = rule.lang;
  finding.span = span;
  for (const std::string& suggestion : rule.suggestions) {
    finding.suggestions.push_back(ExpandSuggestion(suggestion, groups, matched));
  }
  return finding;
}

}  // namespace

struct Linter::State {
  explicit State(const RuleSet& rule_set) : rules(rule_set) {}

  const RuleSet& rules;
  Normalizer normalizer;
  SentenceSplitter splitter;
  // Made once the linter has seen kSentencesBeforeSieve sentences: its memo (about 1 MB) and
  // each chunk's first lookup in every index cost more than they spare on a reply or two.
  std::unique_ptr<SentenceSieve> sieve;
  static constexpr std::size_t kSentencesBeforeSieve = 64;
  std::size_t sentences_seen = 0;
  // Buffers reused across sentences.
  NormalizedText plain;
  NormalizedText obfuscated;
  // The other readings of spaced-letter runs' edges (AlternativeReadings), each with its words;
  // the first obfuscated_alternative_count are in use.
  struct Reading {
    NormalizedText form;
    std::vector<KeywordIndex::Word> words;
  };
  std::vector<Reading> obfuscated_alternatives;
  std::size_t obfuscated_alternative_count = 0;
  bool obfuscated_ready = false;
  bool obfuscated_is_plain = false;  // the sentence has nothing to undo: match `plain`
  std::vector<ByteRange> masks;
  std::vector<ByteRange> sentences;
  std::vector<SiftedSentence> sifted;  // of each sentence (SentenceLanguages)
  std::string unmasked;  // a sentence with white space for its masked ranges
  std::vector<ByteRange> sentence_masks;
  std::vector<ByteRange> quoted_from_customer;  // source offsets, relative to the sentence
  // The words of plain and obfuscated (KeywordIndex::SplitWords).
  std::vector<KeywordIndex::Word> plain_words;
  std::vector<KeywordIndex::Word> obfuscated_words;
  std::vector<int> hits;
  // One per keyword index in use: a handful, searched in a line faster than hashed.
  std::vector<std::pair<const KeywordIndex*, KeywordIndex::Cache>> keyword_caches;
  MatchGroups groups;
  MatchGroups unless_groups;
  // The alternative runs of the pattern being matched that the text has the keywords of.
  std::vector<const CompiledRegex*> runs;
  std::vector<ByteRange> unless_spans;
  std::vector<ByteRange> caps_runs;
  DocumentEvidence evidence;
  // The reply being streamed (BeginStream .. FinishStream).
  struct Stream {
    LintOptions options;
    ReplyLanguageTally tally;
    bool has_text = false;
    // Indexes into the findings of those from sentences of unknown language, matched in both
    // languages until the reply's language is known.
    std::vector<std::size_t> undecided;
    // DocumentRulesThatMayFire in either language: which language is the reply's is known
    // only at its end.
    std::vector<std::size_t> document_rules;
  } stream;
  // DecisiveDocumentPatterns and DocumentRulesThatMayFire for the options of the current Lint
  // call, per reply language (kEs, kEn); empty until a reply in that language needs them.
  std::vector<bool> decisive_document_patterns[2];
  std::vector<std::size_t> document_rules_that_may_fire[2];
  // The context triggers they were made for if without a customer's message, when they depend
  // on nothing else: then the next Lint call without one keeps them (a run on 200 files made
  // them for each, 2.7M instructions).
  std::optional<ContextTriggers> document_choices_without_context;
  // Whether `evidence` settles the document rules it is recorded for (RecordDocumentEvidence).
  // Evidence only grows until it is reset, and these with it: once it settles them it still
  // does, and Settles (a signal lookup by name per trigger, 1.7% of a long reply's
  // instructions) need not run again for each further sentence.
  bool evidence_settles_document_rules = false;

  KeywordIndex::Cache& CacheFor(const KeywordIndex& index);
  void LintReply(std::string_view reply, std::size_t base, const LintOptions& options,
                 std::vector<Finding>* out);
  void FindMasksAndSentences(std::string_view reply, const LintOptions& options);
  void SentenceLanguages(std::string_view reply, const LintOptions& options,
                         std::vector<Lang>* langs, ReplyLanguageTally* tally);
  // Matches every sentence; a sentence of unknown language is matched in `reply_lang`, or in
  // both languages when that is unknown or not known yet (nullopt: their indexes in `out` are
  // appended to `undecided`). Records the document patterns in `decisive` (all when null:
  // a streamed reply's language, and so what decides, is known only at its end) until the
  // evidence settles `document_rules`.
  void LintSentences(std::string_view reply, std::size_t base, const LintOptions& options,
                     const std::vector<Lang>& langs, std::optional<Lang> reply_lang,
                     const std::vector<bool>* decisive,
                     const std::vector<std::size_t>& document_rules, std::vector<Finding>* out,
                     std::vector<std::size_t>* undecided);
  void AddDocumentFindings(Lang reply_lang, std::size_t base, const LintOptions& options,
                           std::vector<Finding>* out);
  // Whether a check of sentence `s` in `lang` (kUnknown: both languages, and `reply_lang` as in
  // LintSentences) may find something in it: false when the sieve shows that none can.
  bool MayFindSomething(std::size_t s, Lang lang, std::optional<Lang> reply_lang,
                        const std::vector<bool>* decisive,
                        const std::vector<std::size_t>& document_rules);
  void NormalizeSentence(std::string_view reply, ByteRange sentence);
  void FindCustomerQuotes(const CustomerMessage* context);
  void MatchPhrases(Lang lang, std::string_view sentence, std::size_t base,
                    std::vector<Finding>* out);
  void MatchForm(const PatternIndex& index, const NormalizedText& form,
                 const std::vector<KeywordIndex::Word>& form_words, std::string_view sentence,
                 std::size_t base, std::vector<Finding>* out);
  // Reports the runs of words in capitals that `lang`'s caps-words rules find in the sentence,
  // outside masked text and text quoted from the customer.
  void MatchCapsRuns(Lang lang, std::string_view sentence, std::size_t base,
                     std::vector<Finding>* out);
  // Fills unless_spans with the source spans (relative to the sentence) of `rule`'s `unless`
  // patterns in the current sentence.
  void FindUnlessSpans(std::size_t rule);
  // Records the document patterns found in `form`; only those in `decisive` (if not null), and
  // none once the evidence settles `document_rules` (if not null).
  // Whether the evidence recorded so far settles `document_rules` (then RecordDocumentEvidence
  // has nothing left to do for the reply).
  bool EvidenceSettles(const std::vector<std::size_t>& document_rules);
  void RecordDocumentEvidence(const NormalizedText& form,
                              const std::vector<KeywordIndex::Word>& form_words,
                              const std::vector<bool>* decisive,
                              const std::vector<std::size_t>* document_rules,
                              DocumentEvidence* evidence);
};

Linter::Linter(const RuleSet& rules) : state_(std::make_unique<State>(rules)) {}
Linter::~Linter() = default;

KeywordIndex::Cache& Linter::State::CacheFor(const KeywordIndex& index) {
  for (auto& [owner, cache] : keyword_caches) {
    if (owner == &index) return cache;
  }
  return keyword_caches.emplace_back(&index, KeywordIndex::Cache()).second;
}

void Linter::State::SentenceLanguages(std::string_view reply, const LintOptions& options,
                                      std::vector<Lang>* langs, ReplyLanguageTally* tally) {
  langs->clear();
  sifted.clear();
  auto next_mask = masks.begin();
  for (ByteRange sentence : sentences) {
    const std::string_view text = Slice(reply, sentence);
    while (next_mask != masks.end() && next_mask->end <= sentence.begin) ++next_mask;
    if (!sieve && ++sentences_seen > kSentencesBeforeSieve) {
      sieve = std::make_unique<SentenceSieve>(rules);
    }
    if (!sieve) {
      sifted.push_back(SiftedSentence::Unsifted(ScoreLanguage(text)));
    } else if (next_mask == masks.end() || next_mask->begin >= sentence.end) {
      sifted.push_back(sieve->Sift(text, &normalizer));
    } else {
      // A masked range is one space in the matching form; the language is the source's.
      unmasked.assign(text);
      for (auto mask = next_mask; mask != masks.end() && mask->begin < sentence.end; ++mask) {
        const std::size_t begin = std::max(mask->begin, sentence.begin) - sentence.begin;
        const std::size_t end = std::min(mask->end, sentence.end) - sentence.begin;
        std::fill(unmasked.begin() + static_cast<std::ptrdiff_t>(begin),
                  unmasked.begin() + static_cast<std::ptrdiff_t>(end), ' ');
      }
      sifted.push_back(sieve->Sift(unmasked, &normalizer));
      sifted.back().language = sieve->ScoreLanguage(text);
    }
    const Lang lang = options.lang ? *options.lang : LanguageOf(sifted.back().language);
    langs->push_back(lang);
    tally->Add(lang, sentence);
  }
}

namespace {

Lang ReplyLanguage(const ReplyLanguageTally& tally, const LintOptions& options) {
  if (options.lang) return *options.lang;
  const Lang majority = tally.Majority();
  if (majority == Lang::kUnknown && options.context != nullptr) return options.context->lang;
  return majority;
}

}  // namespace

bool Linter::State::MayFindSomething(std::size_t s, Lang lang, std::optional<Lang> reply_lang,
                                     const std::vector<bool>* decisive,
                                     const std::vector<std::size_t>& document_rules) {
  SieveQuestion question;
  const bool both_languages = lang == Lang::kUnknown;
  question.phrases_es = both_languages || lang == Lang::kEs;
  question.phrases_en = both_languages || lang == Lang::kEn;
  // The caps rules LintSentences checks a sentence with.
  const bool caps_es = lang == Lang::kEs || (both_languages && !reply_lang);
  const bool caps_en = lang == Lang::kEn || both_languages;
  question.capitals = (caps_es && !rules.caps_rules(Lang::kEs).empty()) ||
                      (caps_en && !rules.caps_rules(Lang::kEn).empty());
  // As RecordDocumentEvidence looks up the document patterns, until the evidence settles
  // the document rules.
  const PatternIndex& document_patterns = rules.document_patterns();
  if (!document_patterns.empty() && !EvidenceSettles(document_rules)) {
    question.keyed_document = true;
    question.unkeyed_document = std::any_of(
        document_patterns.unkeyed_patterns.begin(), document_patterns.unkeyed_patterns.end(),
        [&](int hit) { return decisive == nullptr || (*decisive)[static_cast<std::size_t>(hit)]; });
  }
  return sifted[s].MayFindSomething(question);
}

void Linter::State::NormalizeSentence(std::string_view reply, ByteRange sentence) {
  sentence_masks.clear();
  // Masks are sorted and apart, so their ends are sorted too: a search, not a walk from the
  // reply's first mask for every sentence, which made a reply with a link per line quadratic.
  const auto first = std::partition_point(masks.begin(), masks.end(), [&](ByteRange mask) {
    return mask.end <= sentence.begin;
  });
  for (auto it = first; it != masks.end(); ++it) {
    const ByteRange mask = *it;
    if (mask.begin >= sentence.end) break;
    sentence_masks.push_back({std::max(mask.begin, sentence.begin) - sentence.begin,
                              std::min(mask.end, sentence.end) - sentence.begin});
  }
  normalizer.Normalize(Slice(reply, sentence), sentence_masks, &plain);
  KeywordIndex::SplitWords(plain.text, &plain_words);
  obfuscated_ready = false;
}

void Linter::State::FindCustomerQuotes(const CustomerMessage* context) {
  quoted_from_customer.clear();
  if (context == nullptr || context->word_trigrams.empty()) return;
  for (std::size_t i = 0; i + 2 < plain_words.size(); ++i) {
    if (context->word_trigrams.count(TrigramAt(plain.text, plain_words, i)) != 0) {
      quoted_from_customer.push_back(plain.SourceRange(plain_words[i].begin, plain_words[i + 2].end));
    }
  }
}

void Linter::State::FindUnlessSpans(std::size_t rule) {
  unless_spans.clear();
  for (const auto& unless : rules.compiled(rule).unless) {
    // An exception's keywords are seldom in the sentence, and without one its RE2 need not
    // run, nor be compiled: compiling them was 17% of a run on 200 replies.
    if (!KeywordIndex::MayMatch(unless->keywords(), plain.text, plain_words)) continue;
    ForEachMatch(*unless, {}, plain.text, &unless_groups, [&](const auto&, ByteRange span) {
      // An exception speaks about its own clause: "what a retard, the code..." is not the
      // technical "retard the ignition".
      if (CrossesClause(Slice(plain.text, span))) return;
      unless_spans.push_back(plain.SourceRange(span.begin, span.end));
    });
  }
}

void Linter::State::MatchPhrases(Lang lang, std::string_view sentence, std::size_t base,
                                 std::vector<Finding>* out) {
  MatchForm(rules.phrases(lang, PatternMode::kPlain), plain, plain_words, sentence, base, out);
  const PatternIndex& obfuscated_index = rules.phrases(lang, PatternMode::kObfuscated);
  if (obfuscated_index.empty()) return;
  if (!obfuscated_ready) {
    obfuscated_is_plain = !MayBeObfuscated(plain.text, plain_words);
    obfuscated_alternative_count = 0;
    if (!obfuscated_is_plain) {
      const SpacedRunReading choices = MakeObfuscationForm(plain, {}, &obfuscated);
      KeywordIndex::SplitWords(obfuscated.text, &obfuscated_words);
      for (const SpacedRunReading& reading : AlternativeReadings(choices)) {
        if (obfuscated_alternatives.size() <= obfuscated_alternative_count) {
          obfuscated_alternatives.emplace_back();
        }
        Reading& alternative = obfuscated_alternatives[obfuscated_alternative_count++];
        MakeObfuscationForm(plain, reading, &alternative.form);
        KeywordIndex::SplitWords(alternative.form.text, &alternative.words);
      }
    }
    obfuscated_ready = true;
  }
  if (obfuscated_is_plain) {
    MatchForm(obfuscated_index, plain, plain_words, sentence, base, out);
  } else {
    MatchForm(obfuscated_index, obfuscated, obfuscated_words, sentence, base, out);
  }
  for (std::size_t k = 0; k < obfuscated_alternative_count; ++k) {
    const Reading& alternative = obfuscated_alternatives[k];
    MatchForm(obfuscated_index, alternative.form, alternative.words, sentence, base, out);
  }
}

void Linter::State::MatchCapsRuns(Lang lang, std::string_view sentence, std::size_t base,
                                  std::vector<Finding>* out) {
  for (std::size_t r : rules.caps_rules(lang)) {
    const Rule& rule = rules.rules()[r];
    FindCapsRuns(sentence, rule.caps_words, &caps_runs);
    if (caps_runs.empty()) continue;
    FindUnlessSpans(r);
    for (ByteRange run : caps_runs) {
      if (OverlapsAny(run, sentence_masks) || OverlapsAny(run, quoted_from_customer) ||
          OverlapsAny(run, unless_spans)) {
        continue;
      }
      out->push_back(
          MakeFinding(rule, {base + run.begin, base + run.end}, {}, Slice(sentence, run)));
    }
  }
}

namespace {

// In the obfuscation form '*' may stand for any letter after a word's first; a word needs two
// real letters besides, or "s***" would be every four-letter word that starts with s.
bool HasEnoughRealLetters(std::string_view matched) {
  int letters = 0;
  bool starred = false;
  for (std::size_t i = 0; i <= matched.size(); ++i) {
    const char c = i < matched.size() ? matched[i] : ' ';
    if (c == '*') {
      starred = true;
    } else if (IsWordCodePoint(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    } else {
      if (starred && letters < 2) return false;
      letters = 0;
      starred = false;
    }
  }
  return true;
}

}  // namespace

void Linter::State::MatchForm(const PatternIndex& index, const NormalizedText& form,
                              const std::vector<KeywordIndex::Word>& form_words,
                              std::string_view sentence, std::size_t base,
                              std::vector<Finding>* out) {
  if (index.empty()) return;
  index.FindCandidates(form.text, form_words, &CacheFor(index.keywords()), &hits);
  for (std::size_t h = 0; h < hits.size(); ++h) {
    const PatternIndex::Entry entry = index.entries[hits[h]];
    const Rule& rule = rules.rules()[entry.owner];
    const CompiledRegex& compiled = *rules.compiled(entry.owner).matches[entry.pattern];
    runs.clear();
    if (entry.run != PatternIndex::Entry::kWholePattern) {
      // This hit and those that follow it, up to the next pattern's.
      runs.push_back(compiled.alternative_runs()[entry.run].get());
      while (h + 1 < hits.size()) {
        const PatternIndex::Entry next = index.entries[hits[h + 1]];
        if (next.owner != entry.owner || next.pattern != entry.pattern) break;
        runs.push_back(compiled.alternative_runs()[next.run].get());
        ++h;
      }
      if (!WorthSearchingRuns(compiled, runs.size())) runs.clear();
    }
    bool unless_found = false;
    ForEachMatch(compiled, runs, form.text, &groups, [&](const auto& match_groups, ByteRange span) {
      if (compiled.mode() == PatternMode::kObfuscated &&
          !HasEnoughRealLetters(Slice(form.text, span))) {
        return;
      }
      const ByteRange source_span =
          ExtendToGraphemeClusters(sentence, form.SourceRange(span.begin, span.end));
      if (OverlapsAny(source_span, quoted_from_customer)) return;
      if (!unless_found) {
        FindUnlessSpans(entry.owner);
        unless_found = true;
      }
      if (OverlapsAny(source_span, unless_spans)) return;
      const std::string_view matched = Slice(sentence, source_span);
      std::vector<std::string_view> user_groups;
      for (std::size_t g = static_cast<std::size_t>(compiled.first_user_group());
           g < match_groups.size(); ++g) {
        const re2::StringPiece group = match_groups[g];
        if (group.data() == nullptr || group.empty()) {
          user_groups.emplace_back();
          continue;
        }
        const std::size_t begin = static_cast<std::size_t>(group.data() - form.text.data());
        user_groups.push_back(Slice(sentence, form.SourceRange(begin, begin + group.size())));
      }
      out->push_back(MakeFinding(rule, {base + source_span.begin, base + source_span.end},
                                 user_groups, matched));
    });
  }
}

bool Linter::State::EvidenceSettles(const std::vector<std::size_t>& document_rules) {
  evidence_settles_document_rules =
      evidence_settles_document_rules || evidence.Settles(rules, document_rules);
  return evidence_settles_document_rules;
}

void Linter::State::RecordDocumentEvidence(const NormalizedText& form,
                                           const std::vector<KeywordIndex::Word>& form_words,
                                           const std::vector<bool>* decisive,
                                           const std::vector<std::size_t>* document_rules,
                                           DocumentEvidence* document_evidence) {
  const PatternIndex& index = rules.document_patterns();
  if (index.empty()) return;
  // In a long reply what settles the document rules (an apology, say) is soon seen: the
  // lookups below would then change nothing for each of its remaining sentences.
  if (document_rules != nullptr && EvidenceSettles(*document_rules)) return;
  auto is_decisive = [&](int hit) {
    return decisive == nullptr || (*decisive)[static_cast<std::size_t>(hit)];
  };
  if (std::any_of(index.unkeyed_patterns.begin(), index.unkeyed_patterns.end(), is_decisive)) {
    index.FindCandidates(form.text, form_words, &CacheFor(index.keywords()), &hits);
  } else {
    // The patterns without keywords decide nothing here: their RE2::Set need not run.
    index.keywords().FindCandidates(form.text, form_words, &CacheFor(index.keywords()), &hits);
  }
  for (int hit : hits) {
    // Most replies are linted without --context: the rules that need one cannot fire, and
    // what they require need not be looked for.
    if (!is_decisive(hit)) continue;
    // A signal or requirement seen once in the reply, even by another of its patterns or runs
    // in this sentence, need not be looked for again (nor its RE2 compiled).
    if (document_evidence->Has(rules, hit)) continue;
    const RE2& regex = rules.document_pattern(static_cast<std::size_t>(hit)).regex();
    if (regex.ok() && RE2::PartialMatch(form.text, regex)) document_evidence->Record(rules, hit);
  }
}

void Linter::State::FindMasksAndSentences(std::string_view reply, const LintOptions& options) {
  masks = FindMaskedRanges(reply);
  AddDelimitedRanges(reply, options.placeholders, &masks);
  splitter.Split(reply, &sentences);
}

void Linter::State::LintReply(std::string_view reply, std::size_t base,
                              const LintOptions& options, std::vector<Finding>* out) {
  FindMasksAndSentences(reply, options);
  std::vector<Lang> langs;
  ReplyLanguageTally tally;
  SentenceLanguages(reply, options, &langs, &tally);
  const Lang reply_lang = ReplyLanguage(tally, options);
  const Lang document_lang = reply_lang != Lang::kUnknown ? reply_lang : Lang::kEn;
  const int document_slot = document_lang == Lang::kEn ? 1 : 0;
  std::vector<bool>& decisive = decisive_document_patterns[document_slot];
  std::vector<std::size_t>& document_rules = document_rules_that_may_fire[document_slot];
  if (decisive.empty() && !rules.document_patterns().empty()) {
    decisive = DecisiveDocumentPatterns(rules, document_lang, options.context,
                                        options.context_triggers);
    document_rules = DocumentRulesThatMayFire(rules, document_lang, options.context,
                                              options.context_triggers);
  }
  evidence.Reset(rules);
  evidence_settles_document_rules = false;
  LintSentences(reply, base, options, langs, reply_lang, &decisive, document_rules, out, nullptr);
  AddDocumentFindings(reply_lang, base, options, out);
}

void Linter::State::LintSentences(std::string_view reply, std::size_t base,
                                  const LintOptions& options, const std::vector<Lang>& langs,
                                  std::optional<Lang> reply_lang,
                                  const std::vector<bool>* decisive,
                                  const std::vector<std::size_t>& document_rules,
                                  std::vector<Finding>* out, std::vector<std::size_t>* undecided) {
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const ByteRange sentence = sentences[s];
    const Lang lang = langs[s] != Lang::kUnknown ? langs[s] : reply_lang.value_or(Lang::kUnknown);
    if (!MayFindSomething(s, lang, reply_lang, decisive, document_rules)) continue;
    NormalizeSentence(reply, sentence);
    FindCustomerQuotes(options.context);
    const std::string_view sentence_text = Slice(reply, sentence);
    if (lang == Lang::kUnknown) {
      // Too little text to tell ("jajaja", "WTF"): both languages' rules apply.
      const std::size_t first = out->size();
      MatchPhrases(Lang::kEs, sentence_text, base + sentence.begin, out);
      MatchPhrases(Lang::kEn, sentence_text, base + sentence.begin, out);
      // Capitals say nothing about the language, and one message for them is enough: the
      // reply's language's, or English when that stays unknown (see FinishStream).
      if (!reply_lang) MatchCapsRuns(Lang::kEs, sentence_text, base + sentence.begin, out);
      MatchCapsRuns(Lang::kEn, sentence_text, base + sentence.begin, out);
      if (!reply_lang) {
        for (std::size_t i = first; i < out->size(); ++i) undecided->push_back(i);
      }
    } else {
      MatchPhrases(lang, sentence_text, base + sentence.begin, out);
      MatchCapsRuns(lang, sentence_text, base + sentence.begin, out);
    }
    RecordDocumentEvidence(plain, plain_words, decisive, &document_rules, &evidence);
  }
}

void Linter::State::AddDocumentFindings(Lang reply_lang, std::size_t base,
                                        const LintOptions& options, std::vector<Finding>* out) {
  const Lang document_lang = reply_lang != Lang::kUnknown ? reply_lang : Lang::kEn;
  for (std::size_t r : FiringDocumentRules(rules, document_lang, evidence, options.context,
                                           options.context_triggers)) {
    const Rule& rule = rules.rules()[r];
    Finding finding;
    finding.rule = &rule;
    finding.severity = rule.severity;
    finding.lang = rule.lang;
    finding.span = {base, base};
    finding.document_level = true;
    for (const std::string& suggestion : rule.suggestions) {
      finding.suggestions.push_back(ExpandSuggestion(suggestion, {}, "A"));
    }
    out->push_back(std::move(finding));
  }
}

namespace {

// Orders findings by position, then rule; drops a finding of the same rule that overlaps an
// earlier one (a phrase matched in both the plain and the obfuscation form, or by two of the
// rule's patterns). Sorted by begin, a finding overlaps an earlier one of its rule exactly when
// it begins before the furthest end seen for that rule.
void SortAndDeduplicate(std::vector<Finding>* findings) {
  std::stable_sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
    return a.span.end > b.span.end;
  });
  std::unordered_map<const Rule*, std::size_t> furthest_end;
  // Kept in place: a streamed 100 MB input has ~100,000 findings, and a copy of them all would
  // be a tenth of the memory budget.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < findings->size(); ++i) {
    Finding& finding = (*findings)[i];
    auto [seen, first] = furthest_end.emplace(finding.rule, finding.span.end);
    if (!first) {
      const bool duplicate = finding.document_level ? seen->second == finding.span.end
                                                    : finding.span.begin < seen->second;
      if (duplicate) continue;
      seen->second = std::max(seen->second, finding.span.end);
    }
    if (kept != i) (*findings)[kept] = std::move(finding);
    ++kept;
  }
  findings->resize(kept);
}

// `position` of a piece that starts on line `first_line` of the input (and so at a column 1).
Position InInput(Position position, std::size_t first_line) {
  return {position.line + first_line - 1, position.column};
}

// Fills in the positions of the findings in [begin, end), whose spans are offsets of an input
// in which `source` starts at byte `offset` and on line `first_line`. Their begins and ends are
// visited in increasing order, which keeps PositionOf() linear on a long line: in the findings'
// order, a finding's end often lies past the next one's begin, and every step back recounted
// the line from its start (68% of a run on a 30 MB one-line file).
void FillPositions(const SourceText& source, std::size_t offset, std::size_t first_line,
                   std::vector<Finding>::iterator begin, std::vector<Finding>::iterator end) {
  std::vector<std::pair<std::size_t, Position*>> points;
  points.reserve(2 * static_cast<std::size_t>(end - begin));
  for (auto finding = begin; finding != end; ++finding) {
    points.emplace_back(finding->span.begin - offset, &finding->begin);
    points.emplace_back(finding->span.end - offset, &finding->end);
  }
  std::sort(points.begin(), points.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [at, position] : points) *position = InInput(source.PositionOf(at), first_line);
}

}  // namespace

std::vector<Finding> Linter::Lint(const SourceText& source, const LintOptions& options) {
  const std::optional<ContextTriggers> without_context =
      options.context == nullptr ? std::optional(options.context_triggers) : std::nullopt;
  if (!without_context || state_->document_choices_without_context != without_context) {
    for (std::vector<bool>& decisive : state_->decisive_document_patterns) decisive.clear();
    for (auto& document_rules : state_->document_rules_that_may_fire) document_rules.clear();
  }
  state_->document_choices_without_context = without_context;
  std::vector<Finding> findings;
  const std::string& text = source.text();
  if (options.each_line) {
    for (std::size_t line = 1; line <= source.line_count(); ++line) {
      const std::string_view reply = source.Line(line);
      if (reply.find_first_not_of(" \t") == std::string_view::npos) continue;
      state_->LintReply(reply, source.LineStart(line), options, &findings);
    }
  } else if (text.find_first_not_of(" \t\r\n") != std::string::npos) {
    state_->LintReply(text, 0, options, &findings);
  }
  SortAndDeduplicate(&findings);
  FillPositions(source, 0, 1, findings.begin(), findings.end());
  return findings;
}

void Linter::BeginStream(const LintOptions& options) {
  State& state = *state_;
  state.stream = {};
  state.stream.options = options;
  for (Lang lang : {Lang::kEs, Lang::kEn}) {
    for (std::size_t r : DocumentRulesThatMayFire(state.rules, lang, options.context,
                                                  options.context_triggers)) {
      state.stream.document_rules.push_back(r);
    }
  }
  state.evidence.Reset(state.rules);
  state.evidence_settles_document_rules = false;
}

void Linter::LintPiece(const SourceText& piece, std::size_t offset, std::size_t first_line,
                       std::vector<Finding>* out) {
  State& state = *state_;
  State::Stream& stream = state.stream;
  const std::size_t first = out->size();
  if (stream.options.each_line) {
    // Every line is a reply of its own: nothing carries over but the offsets.
    for (Finding& finding : Lint(piece, stream.options)) {
      finding.span = {finding.span.begin + offset, finding.span.end + offset};
      finding.begin = InInput(finding.begin, first_line);
      finding.end = InInput(finding.end, first_line);
      out->push_back(std::move(finding));
    }
    return;
  }
  const std::string& text = piece.text();
  stream.has_text = stream.has_text || text.find_first_not_of(" \t\r\n") != std::string::npos;
  state.FindMasksAndSentences(text, stream.options);
  std::vector<Lang> langs;
  state.SentenceLanguages(text, stream.options, &langs, &stream.tally);
  state.LintSentences(text, offset, stream.options, langs, std::nullopt, nullptr,
                      stream.document_rules, out, &stream.undecided);
  FillPositions(piece, offset, first_line, out->begin() + static_cast<std::ptrdiff_t>(first),
                out->end());
}

void Linter::FinishStream(std::vector<Finding>* findings) {
  State& state = *state_;
  State::Stream& stream = state.stream;
  if (stream.options.each_line) return;  // each piece came sorted, in order
  const Lang reply_lang = ReplyLanguage(stream.tally, stream.options);
  if (!stream.undecided.empty()) {
    // As LintReply decides once it knows the reply's language: that language's findings, or
    // both languages' when it stays unknown, but capitals only once, in English.
    auto other_language = [&](const Finding& finding) {
      if (reply_lang != Lang::kUnknown) return finding.lang != reply_lang;
      return finding.rule->caps_words > 0 && finding.lang != Lang::kEn;
    };
    std::vector<bool> dropped(findings->size(), false);
    for (std::size_t i : stream.undecided) dropped[i] = other_language((*findings)[i]);
    const Finding* first = findings->data();
    std::erase_if(*findings, [&](const Finding& f) { return dropped[&f - first]; });
  }
  // Document findings point at the start of the input: line 1, column 1.
  if (stream.has_text) state.AddDocumentFindings(reply_lang, 0, stream.options, findings);
  SortAndDeduplicate(findings);
  stream = {};
}

CustomerMessage Linter::AnalyzeCustomerMessage(std::string_view text) {
  CustomerMessage message;
  State& state = *state_;
  message.evidence.Reset(state.rules);
  state.splitter.Split(text, &state.sentences);
  ReplyLanguageTally tally;
  for (ByteRange sentence : state.sentences) {
    tally.Add(DetectLanguage(Slice(text, sentence)), sentence);
    state.normalizer.Normalize(Slice(text, sentence), {}, &state.plain);
    KeywordIndex::SplitWords(state.plain.text, &state.plain_words);
    // Every signal, for whatever replies the message is context to.
    state.RecordDocumentEvidence(state.plain, state.plain_words, nullptr, nullptr,
                                 &message.evidence);
    for (std::size_t i = 0; i + 2 < state.plain_words.size(); ++i) {
      message.word_trigrams.insert(TrigramAt(state.plain.text, state.plain_words, i));
    }
  }
  message.lang = tally.Majority();
  return message;
}

}  // namespace tonelint
