#include "pattern_compiler.h"

#include <re2/re2.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>

#include "normalizer.h"

namespace tonelint {
namespace {

// Word and separator classes, in RE2 syntax, over the matching form (see kWordClassBody). The
// obfuscation form also keeps '*' inside words. While a phrase is parsed they are written as
// one-byte markers (phrase words hold only letters and digits, never control bytes) and
// expanded once at the end: the classes are long, and building each alternative with them
// cost most of tonelint's start-up.
constexpr char kNonWordMarker = '\x01';
constexpr char kWordMarker = '\x02';
constexpr char kObfuscatedWordMarker = '\x03';
constexpr std::string_view kNonWordChar = "\x01";
constexpr std::string_view kWordChar = "\x02";
constexpr std::string_view kObfuscatedWordChar = "\x03";
const std::string kSeparator = std::string(kNonWordChar) + "+";

bool IsMarker(char c) { return c >= kNonWordMarker && c <= kObfuscatedWordMarker; }

// The class that the marker `c` stands for.
std::string_view ClassOfMarker(char c) {
  // Surrogates are neither: the text matched is valid UTF-8 (SourceText replaces ill-formed
  // sequences), where they cannot occur, and left out they spare RE2 a byte sequence in each of
  // the many copies of the separator class.
  static const std::string non_word =
      "[^" + std::string(kWordClassBody) + "\\x{D800}-\\x{DFFF}]";
  static const std::string word = "[" + std::string(kWordClassBody) + "]";
  static const std::string obfuscated_word = "[*" + std::string(kWordClassBody) + "]";
  switch (c) {
    case kNonWordMarker: return non_word;
    case kWordMarker: return word;
    default: return obfuscated_word;
  }
}

std::string ExpandClasses(std::string_view compact) {
  std::string out;
  out.reserve(compact.size() * 4);
  std::size_t i = 0;
  while (i < compact.size()) {
    const std::size_t marker =
        std::find_if(compact.begin() + i, compact.end(), IsMarker) - compact.begin();
    out.append(compact.substr(i, marker - i));
    if (marker < compact.size()) out += ClassOfMarker(compact[marker]);
    i = marker + 1;
  }
  return out;
}

// The size of ExpandClasses(compact).
std::size_t ExpandedSize(std::string_view compact) {
  std::size_t size = 0;
  for (char c : compact) size += IsMarker(c) ? ClassOfMarker(c).size() : 1;
  return size;
}

// Where `alternative` (a phrase in the compact form above) has a separator between two of its
// required items outside any group, so that what follows the separator is a whole piece of it.
std::vector<std::size_t> TopLevelSeparators(std::string_view alternative) {
  std::vector<std::size_t> separators;
  int depth = 0;
  for (std::size_t i = 0; i < alternative.size(); ++i) {
    const char c = alternative[i];
    if (c == '\\') {
      ++i;  // the escaped character (\*)
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0 && alternative.substr(i).starts_with(kSeparator)) {
      separators.push_back(i);
    }
  }
  return separators;
}

int CountCapturingGroups(std::string_view regex) {
  int groups = 0;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    if (regex[i] == '\\') {
      ++i;
    } else if (regex[i] == '(' && (i + 1 == regex.size() || regex[i + 1] != '?')) {
      ++groups;
    }
  }
  return groups;
}

// Whether `alternative` ends with `ending` (which starts with a separator) just after more words.
bool EndsAfterSeparator(std::string_view alternative, std::string_view ending) {
  if (alternative.size() <= ending.size() || !alternative.ends_with(ending)) return false;
  const std::vector<std::size_t> separators = TopLevelSeparators(alternative);
  return std::find(separators.begin(), separators.end(), alternative.size() - ending.size()) !=
         separators.end();
}

// The shortest ending that `first` and `second` share from one of their top-level separators on,
// without a capturing group (writing it once would renumber the groups after it); empty if none.
std::string_view SharedEnding(std::string_view first, std::string_view second) {
  const std::vector<std::size_t> separators = TopLevelSeparators(first);
  for (auto it = separators.rbegin(); it != separators.rend(); ++it) {
    const std::string_view ending = first.substr(*it);
    if (CountCapturingGroups(ending) > 0) break;  // so would every longer ending
    if (EndsAfterSeparator(second, ending)) return ending;
  }
  return {};
}

// `alternatives` joined with '|', but each run of adjacent ones with a shared ending written as
// its beginnings' alternation and the ending once: "a SEP llorar|vaya SEP a SEP llorar" becomes
// "(?:a|vaya SEP a)SEP llorar". RE2 compiles every copy of the separator class into its own
// UTF-8 automaton, and its compile time follows the size of the program. The matches are the same,
// and so is the one RE2 prefers: it tries the paths of "(?:A|B)S" in the order of "AS|BS" (A's,
// each followed by S's, then B's), which is not so for a shared beginning ("P(?:A|B)" tries
// every A after P's first path before B, where "PA|PB" tries B after all of P's paths with A).
std::string JoinAlternatives(const std::vector<std::string>& alternatives) {
  std::string joined;
  std::size_t i = 0;
  while (i < alternatives.size()) {
    if (i > 0) joined.push_back('|');
    const std::string_view ending =
        i + 1 < alternatives.size() ? SharedEnding(alternatives[i], alternatives[i + 1])
                                    : std::string_view();
    if (ending.empty()) {
      joined += alternatives[i++];
      continue;
    }
    std::vector<std::string> beginnings;
    while (i < alternatives.size() && EndsAfterSeparator(alternatives[i], ending)) {
      beginnings.push_back(alternatives[i].substr(0, alternatives[i].size() - ending.size()));
      ++i;
    }
    joined += "(?:" + JoinAlternatives(beginnings) + ")";
    joined += ending;
  }
  return joined;
}

class PhraseParser {
 public:
  static constexpr int kMaxNesting = 100;

  PhraseParser(std::string_view pattern, PatternMode mode, Normalizer& normalizer)
      : pattern_(pattern), mode_(mode), normalizer_(normalizer) {}

  // An alternative of the phrase's outermost group, as ParseAlternativesBody read it.
  struct Alternative {
    std::string regex;  // compact (class markers)
    std::optional<std::vector<Keyword>> keys;
  };

  bool Parse(std::string* regex, std::vector<Keyword>* keywords,
             std::vector<std::vector<Keyword>>* also_required, PatternError* error) {
    bool has_required = false;
    std::optional<std::vector<Keyword>> keys;
    if (!ParseSequence(regex, &has_required, &keys, also_required)) {
      *error = error_;
      return false;
    }
    if (pos_ < pattern_.size()) {
      *error = {pos_, pattern_[pos_] == ')' || pattern_[pos_] == ']'
                          ? std::string("unbalanced '") + pattern_[pos_] + "'"
                          : std::string("unexpected '") + pattern_[pos_] + "'"};
      return false;
    }
    if (!has_required) {
      *error = {0, "a pattern needs at least one word that is not optional"};
      return false;
    }
    if (keys) *keywords = std::move(*keys);
    return true;
  }

  // CompiledPattern::alternative_runs of the phrase read by Parse, before the boundaries are
  // wrapped around them.
  std::vector<CompiledPattern::AlternativeRun>& alternative_runs() { return runs_; }

 private:
  enum class ItemKind { kRequired, kOptional, kGap };
  // A set of keywords one of which every match contains; nullopt when there is none.
  using Keys = std::optional<std::vector<Keyword>>;
  struct Item {
    ItemKind kind;
    std::string regex;
    std::size_t offset;
    Keys keys;  // for required items
    std::vector<Alternative> alternatives;  // of a group of the phrase's top level
  };

  // What a keyword set costs the prefilter: how many sentences it lets through. Each keyword
  // adds more the shorter it is, and much more if it is one of the most frequent words of
  // either language, or of customer-service replies ("number", "code", "datos": chosen for
  // "card number" or "numero de seguro social", they made a rule a candidate in one sentence
  // of ten without matching); the cheapest required item becomes the pattern's keyword set.
  static std::size_t Cost(const std::vector<Keyword>& keys) {
    static constexpr std::string_view kFrequentWords[] = {
        "a", "al", "and", "are", "as", "at", "be", "but", "by", "can", "como", "con", "de",
        "del", "do", "el", "en", "era", "es", "esa", "ese", "eso", "esta", "este", "for",
        "from", "has", "have", "i", "if", "in", "is", "it", "la", "las", "le", "les", "lo",
        "los", "mas", "me", "mi", "my", "no", "nos", "not", "nuestra", "nuestro", "of", "on", "or", "our", "para", "pero",
        "por", "que", "se", "si", "so", "su", "te", "that", "the", "this", "to", "tu", "un",
        "una", "us", "was", "we", "will", "with", "y", "ya", "yo", "you", "your",
        // Customer service.
        "code", "datos", "details", "number", "numbers", "numero", "time"};
    std::size_t cost = 0;
    for (const Keyword& key : keys) {
      const bool frequent = std::find(std::begin(kFrequentWords), std::end(kFrequentWords),
                                      key.text) != std::end(kFrequentWords);
      cost += frequent ? 100 : 10 - std::min<std::size_t>(key.text.size(), 9);
    }
    return cost;
  }

  bool Fail(std::size_t offset, std::string message) {
    error_ = {offset, std::move(message)};
    return false;
  }

  void SkipSpaces() {
    while (pos_ < pattern_.size() && (pattern_[pos_] == ' ' || pattern_[pos_] == '\t')) ++pos_;
  }

  bool AtSequenceEnd() const {
    return pos_ >= pattern_.size() || pattern_[pos_] == '|' || pattern_[pos_] == ')' ||
           pattern_[pos_] == ']';
  }

  // sequence := item (spaces item)*
  // `also_required`, if given, receives the keyword sets of the required items other than the
  // one chosen for `keys`.
  bool ParseSequence(std::string* regex, bool* has_required, Keys* keys,
                     std::vector<std::vector<Keyword>>* also_required = nullptr) {
    std::vector<Item> items;
    SkipSpaces();
    while (!AtSequenceEnd()) {
      Item item;
      if (!ParseItem(&item)) return false;
      // A word may be split by punctuation inside it ("e-mail"): ParseItem returns one item
      // per word; consecutive words without a space are still separate items.
      items.push_back(std::move(item));
      SkipSpaces();
    }
    if (items.empty()) return Fail(pos_, "empty phrase (nothing between separators)");
    keys->reset();
    std::size_t best_cost = 0;
    const Item* best = nullptr;
    for (const Item& item : items) {
      if (item.kind != ItemKind::kRequired || !item.keys) continue;
      const std::size_t cost = Cost(*item.keys);
      if (!best || cost < best_cost) {
        best = &item;
        best_cost = cost;
      }
    }
    if (best) *keys = best->keys;
    if (also_required) {
      for (const Item& item : items) {
        if (&item == best || item.kind != ItemKind::kRequired || !item.keys) continue;
        also_required->push_back(*item.keys);
      }
    }
    if (!JoinItems(items, regex, has_required)) return false;
    if (depth_ == 0) CutIntoRuns(items, best);
    return true;
  }

  // Fills runs_ for a phrase of `items` whose keywords are `best`'s: its largest group of
  // alternatives, if it makes two runs of kRunBytes, and its alternatives each have keywords
  // and no group of their own (the index could not tell its runs apart, and they would number
  // the groups after them differently), cut into runs of adjacent alternatives. A run's
  // keywords are those of the phrase with the group's replaced by the run's.
  void CutIntoRuns(const std::vector<Item>& items, const Item* best) {
    const Item* cut = nullptr;
    std::vector<std::size_t> cut_sizes;  // of its alternatives' regexes, classes expanded
    for (const Item& item : items) {
      std::vector<std::size_t> sizes;
      for (const Alternative& alternative : item.alternatives) {
        if (!alternative.keys || alternative.keys->empty() ||
            CountCapturingGroups(alternative.regex) > 0) {
          sizes.clear();
          break;
        }
        sizes.push_back(ExpandedSize(alternative.regex));
      }
      const std::size_t size = std::reduce(sizes.begin(), sizes.end());
      if (size >= 2 * kRunBytes &&
          (cut == nullptr || size > std::reduce(cut_sizes.begin(), cut_sizes.end()))) {
        cut = &item;
        cut_sizes = std::move(sizes);
      }
    }
    if (cut == nullptr || best == nullptr) return;
    // Group 1 is the phrase; the cut group comes after the groups of the items before it.
    int group = 2;
    for (const Item* item = items.data(); item != cut; ++item) {
      group += CountCapturingGroups(item->regex);
    }
    const std::vector<Alternative>& alternatives = cut->alternatives;
    for (std::size_t first = 0, end = 0; first < alternatives.size(); first = end) {
      for (std::size_t bytes = 0; end < alternatives.size() && bytes < kRunBytes; ++end) {
        bytes += cut_sizes[end];
      }
      std::vector<std::string> members;
      std::vector<Keyword> run_keys;
      for (std::size_t i = first; i < end; ++i) {
        members.push_back(alternatives[i].regex);
        run_keys.insert(run_keys.end(), alternatives[i].keys->begin(), alternatives[i].keys->end());
      }
      // The items without their alternatives: a copy of the cut group's for every run made a
      // group of 400,000 words take minutes.
      std::vector<Item> run_items;
      run_items.reserve(items.size());
      for (const Item& item : items) {
        if (&item == cut) {
          std::string group = "(";
          group.append(JoinAlternatives(members)).append(")");
          run_items.push_back({item.kind, std::move(group), item.offset, std::move(run_keys), {}});
        } else {
          run_items.push_back({item.kind, item.regex, item.offset, item.keys, {}});
        }
      }
      CompiledPattern::AlternativeRun& run = runs_.emplace_back();
      run.alternation_group = group;
      bool has_required = false;
      JoinItems(run_items, &run.regex, &has_required);
      const Item& run_best = run_items[static_cast<std::size_t>(best - items.data())];
      run.keywords = *run_best.keys;
      for (const Item& item : run_items) {
        if (&item == &run_best || item.kind != ItemKind::kRequired || !item.keys) continue;
        run.also_required.push_back(*item.keys);
      }
    }
  }

  bool JoinItems(const std::vector<Item>& items, std::string* regex, bool* has_required) {
    if (items.front().kind == ItemKind::kGap) return Fail(items.front().offset, "'~' must come between words");
    if (items.back().kind == ItemKind::kGap) return Fail(items.back().offset, "'~' must come between words");
    // Leading optional items attach to what follows them; the rest attach to what precedes.
    std::size_t first_required = 0;
    while (first_required < items.size() && items[first_required].kind != ItemKind::kRequired) {
      ++first_required;
    }
    if (first_required == items.size()) {
      // Only optional words: valid inside a larger phrase ("[a|b]" nested), not at top level.
      std::string alternatives;
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) alternatives += std::string(kSeparator);
        alternatives += items[i].regex;
      }
      regex->append("(?:" + alternatives + ")");
      return true;
    }
    *has_required = true;
    for (std::size_t i = 0; i < first_required; ++i) {
      regex->append("(?:" + items[i].regex + std::string(kSeparator) + ")?");
    }
    regex->append(items[first_required].regex);
    for (std::size_t i = first_required + 1; i < items.size(); ++i) {
      switch (items[i].kind) {
        case ItemKind::kRequired:
          regex->append(std::string(kSeparator) + items[i].regex);
          break;
        case ItemKind::kOptional:
          regex->append("(?:" + std::string(kSeparator) + items[i].regex + ")?");
          break;
        case ItemKind::kGap:
          regex->append("(?:" + std::string(kSeparator) + std::string(kWordChar) + "+){0,3}");
          break;
      }
    }
    return true;
  }

  bool ParseItem(Item* item) {
    item->offset = pos_;
    const char c = pattern_[pos_];
    if (c == '~') {
      ++pos_;
      item->kind = ItemKind::kGap;
      return true;
    }
    if (c == '(' || c == '[') {
      const char close = c == '(' ? ')' : ']';
      ++pos_;
      std::string alternatives;
      if (!ParseAlternatives(close, &alternatives, &item->keys)) return false;
      item->kind = c == '(' ? ItemKind::kRequired : ItemKind::kOptional;
      item->regex = c == '(' ? "(" + alternatives + ")" : "(?:" + alternatives + ")";
      if (depth_ == 0) {
        if (c == '(') item->alternatives = std::move(outermost_group_);
        outermost_group_.clear();
      }
      return true;
    }
    item->kind = ItemKind::kRequired;
    std::vector<Keyword> keys;
    if (!ParseWord(&item->regex, &keys)) return false;
    item->keys = std::move(keys);
    return true;
  }

  // alternatives := sequence ('|' sequence)* close
  // The group's keywords are the union of its alternatives', if each has some.
  bool ParseAlternatives(char close, std::string* regex, Keys* keys) {
    const std::size_t open = pos_ - 1;
    // The parser recurses once per level: a hostile rule file with 30,000 nested groups
    // overflowed the stack. No real phrase needs more than a few levels.
    if (++depth_ > kMaxNesting) {
      return Fail(open, "groups nested more than " + std::to_string(kMaxNesting) + " deep");
    }
    const bool ok = ParseAlternativesBody(open, close, regex, keys);
    --depth_;
    return ok;
  }

  bool ParseAlternativesBody(std::size_t open, char close, std::string* regex, Keys* keys) {
    *keys = std::vector<Keyword>{};
    std::vector<std::string> alternatives;
    std::vector<Keys> alternatives_keys;  // of the outermost group's, for CutIntoRuns
    for (;;) {
      std::string alternative;
      bool has_required = false;
      Keys alternative_keys;
      if (!ParseSequence(&alternative, &has_required, &alternative_keys)) return false;
      if (*keys && alternative_keys) {
        (*keys)->insert((*keys)->end(), alternative_keys->begin(), alternative_keys->end());
      } else {
        keys->reset();
      }
      if (depth_ == 1) alternatives_keys.push_back(std::move(alternative_keys));
      alternatives.push_back(std::move(alternative));
      if (pos_ >= pattern_.size()) return Fail(open, std::string("unclosed '") + pattern_[open] + "'");
      if (pattern_[pos_] == '|') {
        ++pos_;
        continue;
      }
      if (pattern_[pos_] != close) {
        return Fail(pos_, std::string("expected '") + close + "' to close the '" + pattern_[open] +
                              "' at column offset " + std::to_string(open + 1));
      }
      ++pos_;
      const std::string joined = JoinAlternatives(alternatives);
      // Kept only where CutIntoRuns may cut: most groups are small, and keeping theirs cost
      // 10% of loading 3,000 rules.
      if (depth_ == 1 && ExpandedSize(joined) >= 2 * kRunBytes) {
        for (std::size_t i = 0; i < alternatives.size(); ++i) {
          outermost_group_.push_back({std::move(alternatives[i]), std::move(alternatives_keys[i])});
        }
      }
      regex->append(joined);
      return true;
    }
  }

  static bool IsSyntax(char c) {
    return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '[' || c == ']' || c == '|' ||
           c == '~';
  }

  // A word: literal characters up to a space or syntax character, optionally ending in '*'.
  // Punctuation inside it may be written or left out ("y'all", "y all", "yall"), so the word a
  // match starts with is one of its first runs of word characters joined: its keywords are
  // each such join ("y", "yall"), exact but for the whole word of a stem, which is a prefix.
  // A prefix "y" instead was a candidate in a third of English sentences ("you", "your").
  bool ParseWord(std::string* regex, std::vector<Keyword>* keys) {
    const std::size_t start = pos_;
    while (pos_ < pattern_.size() && !IsSyntax(pattern_[pos_])) ++pos_;
    std::string_view raw = pattern_.substr(start, pos_ - start);
    const bool is_stem = raw.ends_with('*');
    if (is_stem) raw.remove_suffix(1);
    if (raw.find('*') != std::string_view::npos) {
      return Fail(start + raw.find('*'), "'*' may only end a word (stem*)");
    }
    const std::string folded = normalizer_.NormalizeString(raw);
    std::string body;
    std::string joined;           // the word's characters so far, without its punctuation
    bool pending_joiner = false;  // punctuation inside the word: optional separator
    bool first_letter = true;
    std::size_t i = 0;
    while (i < folded.size()) {
      const std::size_t begin = i;
      const int32_t c = NextCodePoint(folded, &i);
      const std::string_view bytes(folded.data() + begin, i - begin);
      if (!IsWordCodePoint(c)) {
        pending_joiner = !body.empty();
        continue;
      }
      if (pending_joiner) {
        keys->push_back({joined, false});
        body += std::string(kNonWordChar) + "*";
        pending_joiner = false;
      }
      joined.append(bytes);
      AppendLetter(bytes, first_letter, &body);
      first_letter = false;
    }
    if (body.empty()) {
      return Fail(start, raw.empty() ? "'*' needs a stem before it" : "a word needs a letter or digit");
    }
    if (is_stem) {
      body += std::string(mode_ == PatternMode::kObfuscated ? kObfuscatedWordChar : kWordChar) + "*";
    }
    keys->push_back({std::move(joined), is_stem});
    regex->append(body);
    return true;
  }

  // A word character of the pattern (a letter, mark or digit: nothing RE2 needs quoted), which
  // in obfuscated mode may repeat and, after the first, be written '*'.
  void AppendLetter(std::string_view letter, bool first, std::string* body) const {
    if (mode_ == PatternMode::kPlain) {
      body->append(letter);
      return;
    }
    // Character classes where they can be: RE2 compiles "[u*]+" smaller than "(?:u|\*)+",
    // and the obfuscated rules are the largest alternations.
    if (letter.size() == 1) {
      body->append(first ? "" : "[*");
      body->append(letter);
      body->append(first ? "+" : "]+");
      return;
    }
    body->append("(?:");
    body->append(letter);
    body->append(first ? ")+" : "|\\*)+");
  }

  std::string_view pattern_;
  PatternMode mode_;
  Normalizer& normalizer_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  PatternError error_;
  // The alternatives of the top-level group being read.
  std::vector<Alternative> outermost_group_;
  std::vector<CompiledPattern::AlternativeRun> runs_;
};

}  // namespace

bool CheckRegexNesting(std::string_view regex, PatternError* error) {
  int depth = 0;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;  // the escaped character
    } else if (c == '[') {
      // A class: ']' right after '[' or '[^' is a literal; the class ends at the next ']'.
      std::size_t j = i + 1;
      if (j < regex.size() && regex[j] == '^') ++j;
      if (j < regex.size() && regex[j] == ']') ++j;
      while (j < regex.size() && regex[j] != ']') j += regex[j] == '\\' ? 2 : 1;
      i = j;
    } else if (c == '(') {
      if (++depth > PhraseParser::kMaxNesting) {
        *error = {i, "parentheses nested more than " + std::to_string(PhraseParser::kMaxNesting) +
                         " deep"};
        return false;
      }
    } else if (c == ')') {
      depth = std::max(depth - 1, 0);
    }
  }
  return true;
}

std::string WrapWithWordBoundaries(std::string_view body) {
  return ExpandClasses("(?:^|" + std::string(kNonWordChar) + ")(" + std::string(body) + ")(?:" +
                       std::string(kNonWordChar) + "|$)");
}

bool CompilePhrasePattern(std::string_view pattern, PatternMode mode, Normalizer& normalizer,
                          CompiledPattern* out, PatternError* error) {
  std::string body;
  PhraseParser parser(pattern, mode, normalizer);
  out->keywords.clear();
  out->also_required.clear();
  if (!parser.Parse(&body, &out->keywords, &out->also_required, error)) return false;
  out->regex = WrapWithWordBoundaries(body);
  out->first_user_group = 2;
  out->alternative_runs = std::move(parser.alternative_runs());
  for (CompiledPattern::AlternativeRun& run : out->alternative_runs) {
    run.regex = WrapWithWordBoundaries(run.regex);
  }
  return true;
}

}  // namespace tonelint
