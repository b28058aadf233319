#include "keyword_index.h"

#include <algorithm>

#include "normalizer.h"

namespace tonelint {

std::string_view KeywordIndex::Key(std::string_view word, std::string* buffer) const {
  if (!collapse_repeats_) return word;
  buffer->clear();
  std::size_t i = 0;
  std::string_view previous;
  while (i < word.size()) {
    const std::size_t begin = i;
    NextCodePoint(word, &i);
    const std::string_view code_point = word.substr(begin, i - begin);
    if (code_point != previous) buffer->append(code_point);
    previous = code_point;
  }
  return *buffer;
}

void KeywordIndex::ToStoredForm(Keyword* keyword) const {
  if (collapse_repeats_) {
    std::string buffer;
    keyword->text = std::string(Key(keyword->text, &buffer));
  }
  if (keyword->prefix && keyword->text.size() >= prefix_lengths_.size()) {
    keyword->text.resize(prefix_lengths_.size() - 1);
  }
}

void KeywordIndex::Add(int pattern, const std::vector<Keyword>& keywords,
                       std::vector<std::vector<Keyword>> also_required) {
  ++size_;
  all_.push_back(pattern);
  if (keywords.empty()) {
    always_.push_back(pattern);
    return;
  }
  for (Keyword keyword : keywords) {
    ToStoredForm(&keyword);
    if (!keyword.prefix) {
      exact_[keyword.text].push_back(pattern);
      continue;
    }
    prefix_lengths_.set(keyword.text.size());
    longest_prefix_ = std::max(longest_prefix_, keyword.text.size());
    prefix_[keyword.text].push_back(pattern);
  }
  if (also_required.empty()) return;
  for (std::vector<Keyword>& any_of : also_required) {
    for (Keyword& keyword : any_of) ToStoredForm(&keyword);
  }
  if (also_required_.size() <= static_cast<std::size_t>(pattern)) {
    also_required_.resize(static_cast<std::size_t>(pattern) + 1);
  }
  also_required_[static_cast<std::size_t>(pattern)] = std::move(also_required);
}

bool KeywordIndex::HasAlsoRequired(int pattern, Cache* cache) const {
  if (static_cast<std::size_t>(pattern) >= also_required_.size()) return true;
  const auto& sets = also_required_[static_cast<std::size_t>(pattern)];
  if (sets.empty()) return true;
  auto has_all = [&](const auto& keys) {
    return std::all_of(sets.begin(), sets.end(), [&](const std::vector<Keyword>& any_of) {
      return std::any_of(any_of.begin(), any_of.end(), [&](const Keyword& keyword) {
        return std::any_of(keys.begin(), keys.end(), [&](std::string_view key) {
          return keyword.prefix ? key.starts_with(keyword.text) : key == keyword.text;
        });
      });
    });
  };
  // Without collapsing, a word is its own lookup form.
  if (!collapse_repeats_) return has_all(cache->text_words_);
  if (cache->text_keys_.size() != cache->text_words_.size()) {
    // First pattern with requirements for this text: its words' lookup forms, once.
    std::string buffer;
    cache->text_keys_.clear();
    for (std::string_view word : cache->text_words_) cache->text_keys_.emplace_back(Key(word, &buffer));
  }
  return has_all(cache->text_keys_);
}

void KeywordIndex::AddWordCandidates(std::string_view word, std::string* buffer, Cache* cache,
                                     std::vector<int>* candidates) const {
  if (auto cached = cache->words_.find(word); cached != cache->words_.end()) {
    candidates->insert(candidates->end(), cached->second.begin(), cached->second.end());
    return;
  }
  std::vector<int> found_here;
  const std::string_view key = Key(word, buffer);
  if (auto found = exact_.find(key); found != exact_.end()) {
    found_here.insert(found_here.end(), found->second.begin(), found->second.end());
  }
  const std::size_t longest = std::min(longest_prefix_, key.size());
  for (std::size_t length = 1; length <= longest; ++length) {
    if (!prefix_lengths_.test(length)) continue;
    if (auto found = prefix_.find(key.substr(0, length)); found != prefix_.end()) {
      found_here.insert(found_here.end(), found->second.begin(), found->second.end());
    }
  }
  candidates->insert(candidates->end(), found_here.begin(), found_here.end());
  if (cache->words_.size() >= Cache::kMaxWords) cache->words_.clear();
  cache->words_.emplace(word, std::move(found_here));
}

void KeywordIndex::FindCandidates(std::string_view text, Cache* cache,
                                  std::vector<int>* candidates) const {
  candidates->assign(always_.begin(), always_.end());
  cache->text_words_.clear();
  cache->text_keys_.clear();
  std::string buffer;
  std::size_t i = 0;
  std::size_t word_begin = std::string_view::npos;
  bool starred = false;
  bool has_letter = false;
  bool everything = false;
  auto end_word = [&](std::size_t end) {
    if (word_begin == std::string_view::npos) return;
    if (starred && has_letter) {
      candidates->assign(all_.begin(), all_.end());
      everything = true;
      i = text.size();  // every pattern is already a candidate
    } else {
      const std::string_view word = text.substr(word_begin, end - word_begin);
      AddWordCandidates(word, &buffer, cache, candidates);
      cache->text_words_.push_back(word);
    }
    word_begin = std::string_view::npos;
    starred = has_letter = false;
  };
  while (i < text.size()) {
    const std::size_t begin = i;
    const int32_t c = NextCodePoint(text, &i);
    const bool star = c == '*' && collapse_repeats_;
    if (IsWordCodePoint(c) || star) {
      if (word_begin == std::string_view::npos) word_begin = begin;
      starred = starred || star;
      has_letter = has_letter || !star;
    } else {
      end_word(begin);
    }
  }
  end_word(text.size());
  std::sort(candidates->begin(), candidates->end());
  candidates->erase(std::unique(candidates->begin(), candidates->end()), candidates->end());
  // A starred word may stand for any word, so then no requirement can rule a pattern out.
  if (!everything && !also_required_.empty()) {
    std::erase_if(*candidates, [&](int pattern) { return !HasAlsoRequired(pattern, cache); });
  }
}

}  // namespace tonelint
