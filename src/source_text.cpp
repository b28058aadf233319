#include "source_text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

#include "ascii.h"

namespace tonelint {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// The length of the longest prefix of `raw` that is well-formed UTF-8. ICU's U8_NEXT indexes
// with int32_t, so inputs are walked in windows of at most 1 GiB that end before a lead byte
// (never inside a well-formed sequence).
std::size_t WellFormedPrefix(std::string_view raw) {
  constexpr std::size_t kWindow = std::size_t{1} << 30;
  std::size_t window_start = 0;
  while (window_start < raw.size()) {
    std::size_t window_end = std::min(raw.size(), window_start + kWindow);
    for (int back = 0; back < 3 && window_end < raw.size() &&
                       (static_cast<uint8_t>(raw[window_end]) & 0xC0) == 0x80;
         ++back) {
      --window_end;
    }
    const auto* bytes = reinterpret_cast<const uint8_t*>(raw.data() + window_start);
    const auto length = static_cast<int32_t>(window_end - window_start);
    int32_t i = 0;
    while (i < length) {
      if (bytes[i] < 0x80) {  // fast path: ASCII runs
        i = static_cast<int32_t>(
            AsciiRunEnd(raw, window_start + static_cast<std::size_t>(i), window_end) -
            window_start);
        continue;
      }
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) return window_start + static_cast<std::size_t>(start);
    }
    window_start = window_end;
  }
  return raw.size();
}

// Appends `raw` to `out`, each ill-formed sequence replaced by U+FFFD; returns how many were
// replaced. The well-formed runs between them are appended whole.
std::size_t DecodeUtf8(std::string_view raw, std::string* out) {
  std::size_t replaced = 0;
  for (;;) {
    const std::size_t well_formed = WellFormedPrefix(raw);
    out->append(raw.substr(0, well_formed));
    if (well_formed == raw.size()) return replaced;
    // The maximal ill-formed subpart: no more than the four bytes of the longest sequence decide
    // it.
    const std::string_view bad = raw.substr(well_formed, 4);
    int32_t end = 0;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(bad.data()), end, static_cast<int32_t>(bad.size()),
            c);
    out->append(kReplacementCharacter);
    ++replaced;
    raw.remove_prefix(well_formed + static_cast<std::size_t>(end));
  }
}

}  // namespace

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char ch : text) {
    if (!IsContinuationByte(ch)) ++count;
  }
  return count;
}

SourceText::SourceText(std::string raw, ByteOrderMark bom) {
  const std::size_t dropped =
      bom == ByteOrderMark::kDrop && raw.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  const std::string_view view = std::string_view(raw).substr(dropped);
  // Nearly every input is well-formed: it becomes the text as it is, without a copy.
  const std::size_t well_formed = WellFormedPrefix(view);
  if (well_formed == view.size()) {
    raw.erase(0, dropped);
    text_ = std::move(raw);
  } else {
    text_.reserve(view.size());
    text_.append(view.substr(0, well_formed));
    replaced_sequences_ = DecodeUtf8(view.substr(well_formed), &text_);
  }
  line_starts_.push_back(0);
  // The next '\n' and '\r' found with memchr (npos when none is left), rather than a test of
  // every byte: an input has about one terminator per hundred bytes.
  std::size_t lf = text_.find('\n');
  std::size_t cr = text_.find('\r');
  while (lf != std::string::npos || cr != std::string::npos) {
    if (lf < cr) {
      line_starts_.push_back(lf + 1);
      lf = text_.find('\n', lf + 1);
    } else {
      if (cr + 1 != lf) line_starts_.push_back(cr + 1);  // a CR LF ends its line at the LF
      cr = text_.find('\r', cr + 1);
    }
  }
  // A final terminator does not open another line.
  if (line_starts_.size() > 1 && line_starts_.back() == text_.size()) line_starts_.pop_back();
}

SourceText SourceText::Excerpt() {
  SourceText excerpt;
  excerpt.excerpt_ = true;
  return excerpt;
}

void SourceText::KeepLinePart(std::size_t number, std::size_t line_offset, std::size_t offset,
                              std::string_view part, bool to_line_end) {
  std::string merged(part);
  std::size_t end = offset + part.size();
  while (!kept_numbers_.empty() && kept_numbers_.back() == number) {
    const std::size_t kept_begin = kept_offsets_.back();
    const std::string_view kept = std::string_view(text_).substr(line_starts_.back());
    const std::size_t kept_end = kept_begin + kept.size();
    if (kept_end < offset) break;
    if (kept_begin <= offset) {
      // Extended in place: the kept part may be a long run of dense findings, not to be copied.
      if (end > kept_end) {
        text_.append(merged, kept_end - offset);
        kept_to_line_end_.back() = to_line_end;
      } else if (end == kept_end) {
        kept_to_line_end_.back() = kept_to_line_end_.back() || to_line_end;
      }
      return;
    }
    // It starts before the kept part (a span's window reaching back before its piece's start,
    // where a few hundred bytes at most are kept): the two are merged anew.
    if (kept_end > end) {
      merged.append(kept.substr(kept.size() - (kept_end - end)));
      end = kept_end;
      to_line_end = kept_to_line_end_.back();
    } else if (kept_end == end) {
      to_line_end = to_line_end || kept_to_line_end_.back();
    }
    text_.resize(line_starts_.back());
    line_starts_.pop_back();
    kept_numbers_.pop_back();
    kept_offsets_.pop_back();
    kept_line_offsets_.pop_back();
    kept_to_line_end_.pop_back();
  }
  kept_numbers_.push_back(number);
  kept_offsets_.push_back(offset);
  kept_line_offsets_.push_back(line_offset);
  kept_to_line_end_.push_back(to_line_end);
  line_starts_.push_back(text_.size());
  text_.append(merged);
}

std::size_t SourceText::LineIndex(std::size_t line) const {
  if (!excerpt_) return line - 1;
  return static_cast<std::size_t>(
      std::lower_bound(kept_numbers_.begin(), kept_numbers_.end(), line) - kept_numbers_.begin());
}

std::size_t SourceText::LineStart(std::size_t line) const {
  return excerpt_ ? kept_line_offsets_[LineIndex(line)] : line_starts_[line - 1];
}

std::string_view SourceText::Slice(ByteRange range) const {
  if (!excerpt_) return std::string_view(text_).substr(range.begin, range.end - range.begin);
  if (range.begin == range.end) return {};  // a document finding's span, on no kept line
  // The kept line that holds range.begin: the last one starting at or before it.
  const auto after = std::upper_bound(kept_offsets_.begin(), kept_offsets_.end(), range.begin);
  const std::size_t index = static_cast<std::size_t>(after - kept_offsets_.begin()) - 1;
  const std::size_t begin = line_starts_[index] + (range.begin - kept_offsets_[index]);
  return std::string_view(text_).substr(begin, range.end - range.begin);
}

std::string_view SourceText::WithoutTerminator(std::size_t index) const {
  const std::size_t begin = line_starts_[index];
  std::size_t end = index + 1 < line_starts_.size() ? line_starts_[index + 1] : text_.size();
  std::string_view view(text_.data() + begin, end - begin);
  if (view.ends_with('\n')) view.remove_suffix(1);
  if (view.ends_with('\r')) view.remove_suffix(1);
  return view;
}

std::string_view SourceText::Line(std::size_t line) const {
  return WithoutTerminator(LineIndex(line));
}

SourceText::LinePart SourceText::LinePartAt(std::size_t line, std::size_t offset) const {
  if (!excerpt_) return {Line(line), 0, true};
  // The kept part that holds `offset`: the last one starting at or before it.
  const auto after = std::upper_bound(kept_offsets_.begin(), kept_offsets_.end(), offset);
  const std::size_t index = static_cast<std::size_t>(after - kept_offsets_.begin()) - 1;
  return {WithoutTerminator(index), kept_offsets_[index] - kept_line_offsets_[index],
          kept_to_line_end_[index]};
}

Position SourceText::PositionOf(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(after - line_starts_.begin());
  const std::size_t line_start = line_starts_[line - 1];
  std::size_t counted_from = line_start;
  std::size_t column = 1;
  if (memo_position_.line == line && memo_offset_ >= line_start && memo_offset_ <= offset) {
    counted_from = memo_offset_;
    column = memo_position_.column;
  }
  column += CountCodePoints(std::string_view(text_.data() + counted_from, offset - counted_from));
  memo_offset_ = offset;
  memo_position_ = {line, column};
  return memo_position_;
}

}  // namespace tonelint
