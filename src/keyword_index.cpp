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

void KeywordIndex::Add(int pattern, const std::vector<Keyword>& keywords) {
  ++size_;
  all_.push_back(pattern);
  if (keywords.empty()) {
    always_.push_back(pattern);
    return;
  }
  std::string buffer;
  for (const Keyword& keyword : keywords) {
    std::string key(Key(keyword.text, &buffer));
    if (!keyword.prefix) {
      exact_[key].push_back(pattern);
      continue;
    }
    if (key.size() >= prefix_lengths_.size()) key.resize(prefix_lengths_.size() - 1);
    prefix_lengths_.set(key.size());
    longest_prefix_ = std::max(longest_prefix_, key.size());
    prefix_[key].push_back(pattern);
  }
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
  std::string buffer;
  std::size_t i = 0;
  std::size_t word_begin = std::string_view::npos;
  bool starred = false;
  bool has_letter = false;
  auto end_word = [&](std::size_t end) {
    if (word_begin == std::string_view::npos) return;
    if (starred && has_letter) {
      candidates->assign(all_.begin(), all_.end());
      i = text.size();  // every pattern is already a candidate
    } else {
      AddWordCandidates(text.substr(word_begin, end - word_begin), &buffer, cache, candidates);
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
}

}  // namespace tonelint
