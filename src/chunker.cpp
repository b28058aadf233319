#include "chunker.h"

#include <algorithm>

#include "types.h"

namespace tonelint {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Below this a read costs more in calls than it saves in memory.
constexpr std::size_t kMinReadBytes = std::size_t{64} << 10;

// Where cuts may not go: inside `spans` (a cut p is blocked when begin < p < end), or after
// `limit`.
struct Obstacles {
  std::vector<ByteRange> spans;
  std::size_t limit = kNpos;
};

// Every `open` reaches the first `close` after it; one without a close sets the limit.
void AddDelimited(std::string_view text, std::string_view open, std::string_view close,
                  Obstacles* obstacles) {
  if (open.empty() || close.empty()) return;
  std::size_t closer = 0;  // the first close at or after the last search start; kNpos: none
  for (std::size_t at = text.find(open); at != kNpos && at < obstacles->limit;
       at = text.find(open, at + 1)) {
    const std::size_t from = at + open.size();
    if (closer != kNpos && closer < from) closer = text.find(close, from);
    if (closer == kNpos) {
      obstacles->limit = at;
      return;
    }
    obstacles->spans.push_back({at, closer + close.size()});
  }
}

// The length of the fence run (``` or ~~~, three or more) that `line` starts with after
// blanks, or 0.
std::size_t FenceRun(std::string_view line, char* fence) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == kNpos || (line[start] != '`' && line[start] != '~')) return 0;
  std::size_t end = start;
  while (end < line.size() && line[end] == line[start]) ++end;
  if (end - start < 3) return 0;
  *fence = line[start];
  return end - start;
}

// A fenced block runs from an opening fence line to the next line of at least as many of the
// same fence characters and nothing else but blanks (as mask.h closes it). `delimited` are the
// spans AddDelimited found, sorted by begin: a fence line inside one may or may not be seen by
// mask.h (the construct may hide it), so no cut is made after that construct's opener.
void AddFences(std::string_view text, const std::vector<ByteRange>& delimited,
               Obstacles* obstacles) {
  if (text.find("```") == kNpos && text.find("~~~") == kNpos) return;
  std::size_t open_line = kNpos;
  char open_fence = 0;
  std::size_t open_run = 0;
  std::size_t next_delimited = 0;
  ByteRange furthest;  // of the delimited spans begun before this line, the one reaching furthest
  for (std::size_t line = 0; line < text.size() && line < obstacles->limit;) {
    std::size_t end = text.find('\n', line);
    end = end == kNpos ? text.size() : end;
    const std::string_view content = text.substr(line, end - line);
    char fence = 0;
    const std::size_t run = FenceRun(content, &fence);
    if (run > 0) {
      for (; next_delimited < delimited.size() && delimited[next_delimited].begin < line;
           ++next_delimited) {
        if (delimited[next_delimited].end > furthest.end) furthest = delimited[next_delimited];
      }
      if (furthest.end > line) {
        obstacles->limit = std::min({obstacles->limit, furthest.begin, open_line});
        return;
      }
    }
    if (open_line == kNpos) {
      // As in mask.h, "```x```" is a code span, not a fence.
      const bool code_span =
          fence == '`' && content.find('`', content.find_first_not_of(" \t") + run) != kNpos;
      if (run > 0 && !code_span) {
        open_line = line;
        open_fence = fence;
        open_run = run;
      }
    } else if (run >= open_run && fence == open_fence &&
               content.find_first_not_of(" \t\r", content.find_first_not_of(" \t") + run) ==
                   kNpos) {
      obstacles->spans.push_back({open_line, end});
      open_line = kNpos;
    }
    line = end + 1;
  }
  if (open_line != kNpos) obstacles->limit = std::min(obstacles->limit, open_line);
}

}  // namespace

std::size_t FindSafeCut(std::string_view window, std::size_t target,
                        const Delimiters& placeholders) {
  static constexpr std::pair<std::string_view, std::string_view> kMultiLine[] = {
      {"{{", "}}"}, {"{{!--", "--}}"}, {"{%", "%}"}, {"{#", "#}"}, {"<!--", "-->"}};
  Obstacles obstacles;
  for (const auto& [open, close] : kMultiLine) AddDelimited(window, open, close, &obstacles);
  for (const auto& [open, close] : placeholders) AddDelimited(window, open, close, &obstacles);
  auto by_begin = [](ByteRange a, ByteRange b) { return a.begin < b.begin; };
  std::sort(obstacles.spans.begin(), obstacles.spans.end(), by_begin);
  const std::vector<ByteRange> delimited = obstacles.spans;
  AddFences(window, delimited, &obstacles);
  std::sort(obstacles.spans.begin(), obstacles.spans.end(), by_begin);

  std::size_t best = 0;
  std::size_t next_span = 0;
  std::size_t blocked_until = 0;  // cuts before this are inside a span
  for (std::size_t newline = window.find('\n'); newline != kNpos;
       newline = window.find('\n', newline + 1)) {
    const std::size_t cut = newline + 1;
    if (cut > obstacles.limit) break;
    while (next_span < obstacles.spans.size() && obstacles.spans[next_span].begin < cut) {
      blocked_until = std::max(blocked_until, obstacles.spans[next_span].end);
      ++next_span;
    }
    if (cut < blocked_until) continue;
    if (cut > target && best != 0) break;
    best = cut;
    if (cut >= target) break;
  }
  return best;
}

PieceReader::PieceReader(std::istream& in, std::size_t piece_bytes, const Delimiters& placeholders)
    : in_(in), piece_bytes_(std::max<std::size_t>(1, piece_bytes)), placeholders_(placeholders) {}

void PieceReader::ReadMore(std::size_t bytes) {
  const std::size_t used = buffer_.size();
  buffer_.resize(used + bytes);
  in_.read(buffer_.data() + used, static_cast<std::streamsize>(bytes));
  buffer_.resize(used + static_cast<std::size_t>(in_.gcount()));
  if (in_.bad()) failed_ = true;
  if (!in_) eof_ = true;
}

bool PieceReader::Next(std::string* piece) {
  piece->clear();
  if (failed_ || (eof_ && buffer_.empty() && started_)) return false;
  const bool first = !started_;
  started_ = true;
  // Read past a piece's size (or to the end), then cut; read on while no cut appears (a long
  // line, or a construct not closed yet). Reads double, so a long wait stays linear.
  std::size_t cut = 0;
  for (;;) {
    if (!eof_ && buffer_.size() <= piece_bytes_) {
      ReadMore(std::max(kMinReadBytes, buffer_.size()));
      if (failed_) return false;
      continue;
    }
    if (eof_ && buffer_.size() <= piece_bytes_) break;
    // The input's byte-order mark is not text (source_text.h): a fence right after it is one.
    const std::size_t bom =
        first && buffer_.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    cut = FindSafeCut(std::string_view(buffer_).substr(bom), piece_bytes_, placeholders_);
    if (cut != 0) cut += bom;
    if (cut != 0 || eof_) break;
    ReadMore(std::max(kMinReadBytes, buffer_.size()));
    if (failed_) return false;
  }
  if (cut == 0) {
    piece->swap(buffer_);
    buffer_.clear();
  } else {
    piece->assign(buffer_, 0, cut);
    buffer_.erase(0, cut);
  }
  return true;
}

}  // namespace tonelint
