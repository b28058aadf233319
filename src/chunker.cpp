#include "chunker.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "byte_scan.h"
#include "mask.h"
#include "types.h"

namespace tonelint {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Below this a read costs more in calls than it saves in memory.
constexpr std::size_t kMinReadBytes = std::size_t{64} << 10;

// After this many pieces' bytes with no cut, a seekable input is searched ahead for the closers
// of the openers that hold the cuts back (PieceReader::LookAheadForClosers).
constexpr std::size_t kLookAheadPieces = 4;

// Where cuts may not go: inside `spans` (a cut p is blocked when begin < p < end), or after
// `limit`.
struct Obstacles {
  std::vector<ByteRange> spans;
  std::size_t limit = kNpos;
};

// Every `open` reaches the first `close` after it; one without a close sets the limit, unless
// `close` is in `closers_not_ahead`: then the opener never closes, and is text.
void AddDelimited(std::string_view text, std::string_view open, std::string_view close,
                  const std::vector<std::string>& closers_not_ahead, Obstacles* obstacles) {
  if (open.empty() || close.empty()) return;
  std::size_t closer = 0;  // the first close at or after the last search start; kNpos: none
  for (std::size_t at = text.find(open); at != kNpos && at < obstacles->limit;
       at = text.find(open, at + 1)) {
    const std::size_t from = at + open.size();
    if (closer != kNpos && closer < from) closer = text.find(close, from);
    if (closer == kNpos) {
      if (std::find(closers_not_ahead.begin(), closers_not_ahead.end(), close) ==
          closers_not_ahead.end()) {
        obstacles->limit = at;
      }
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

// The constructs mask.h pairs within a '\n'-ended line (quotations and HTML tags): an opening
// mark, and the marks that close it.
struct LineBoundPair {
  std::string_view open;
  std::string_view close;
  std::string_view other_close;  // "„" closes with either curly mark
};
constexpr LineBoundPair kLineBoundPairs[] = {{"\"", "\"", ""},
                                             {"\u00AB", "\u00BB", ""},
                                             {"\u201C", "\u201D", ""},
                                             {"\u201E", "\u201C", "\u201D"},
                                             {"<", ">", ""}};

// The first bytes of a backtick and of the marks of kLineBoundPairs.
constexpr std::array<bool, 256> kMayStartMark = [] {
  std::array<bool, 256> first_bytes{};
  first_bytes['`'] = true;
  for (const LineBoundPair& pair : kLineBoundPairs) {
    first_bytes[static_cast<unsigned char>(pair.open.front())] = true;
  }
  return first_bytes;
}();

// Decides, for cuts of one window in increasing order, whether mask.h (with the placeholders)
// masks the same on both sides of the cut as across it: for a cut after a lone '\r', or inside
// a line (InLineCuts). ICU ends a sentence at every '\r' and never looks past one, SourceText
// and suppression.h start a line after it, but mask.h pairs quotation marks, code spans and tags
// up to the next '\n', and starts a '>' quote or a fence only at a line start after '\n'. So
// the cut is safe when no masked range of the window spans it, no mark before it on its line
// waits for a closer that may lie past the window, and the piece it starts does not begin with
// what would open a construct at a line start (the byte after the cut is a letter, a digit or
// a non-ASCII character). The window may be any prefix of the input from the previous cut on.
class MaskSafeCuts {
 public:
  MaskSafeCuts(std::string_view window, const Delimiters& placeholders)
      : window_(window), placeholders_(placeholders) {}

  bool IsSafe(std::size_t cut) {
    const auto next = static_cast<unsigned char>(window_[cut]);
    if (next < 0x80 && !std::isalnum(next)) return false;
    if (!masks_found_) {
      masks_ = FindMaskedRanges(window_);
      AddDelimitedRanges(window_, placeholders_, &masks_);
      masks_found_ = true;
    }
    while (next_mask_ < masks_.size() && masks_[next_mask_].end <= cut) ++next_mask_;
    if (next_mask_ < masks_.size() && masks_[next_mask_].begin < cut) return false;
    MoveToLineOf(cut);
    if (line_ends_in_window_) return true;  // the window holds all the line's closers
    NoteMarksBefore(cut);
    // A run of backticks waits for the next run of its length; a mark for its closer.
    if ((runs_seen_ & ~RunsFrom(cut)) != 0) return false;
    for (std::size_t k = 0; k < std::size(kLineBoundPairs); ++k) {
      if (opener_seen_[k] && !HasCloserFrom(k, cut)) return false;
    }
    return true;
  }

 private:
  // Runs of backticks by length; runs of kLongRun or more are told apart no further, so that
  // one of them never finds its closer (a safe answer).
  static constexpr std::size_t kLongRun = 8;
  static unsigned RunBit(std::size_t run) { return 1u << std::min(run, kLongRun); }

  // Makes the line (from '\n' to '\n', or the window's edges) that holds `cut` the current one.
  void MoveToLineOf(std::size_t cut) {
    if (line_known_ && cut <= line_end_) return;
    std::size_t start = line_known_ ? line_end_ + 1 : 0;
    for (;;) {
      const std::size_t newline = window_.find('\n', start);
      line_ends_in_window_ = newline != kNpos;
      line_end_ = line_ends_in_window_ ? newline : window_.size();
      if (cut <= line_end_) break;
      start = line_end_ + 1;
    }
    line_known_ = true;
    scanned_ = start;
    runs_seen_ = 0;
    std::fill(std::begin(opener_seen_), std::end(opener_seen_), false);
    for (auto& closers : next_closer_) closers.fill(0);
    last_run_.fill(kNpos);
    if (line_ends_in_window_) return;
    for (std::size_t at = window_.find('`', start); at != kNpos;) {
      const std::size_t run_end = std::min(window_.find_first_not_of('`', at), window_.size());
      last_run_[std::min(run_end - at, kLongRun)] = at;
      at = window_.find('`', run_end);
    }
  }

  // Notes the opening marks and backtick runs from where the last call stopped to `cut`.
  void NoteMarksBefore(std::size_t cut) {
    while (scanned_ < cut) {
      if (!kMayStartMark[static_cast<unsigned char>(window_[scanned_])]) {
        ++scanned_;
        continue;
      }
      const std::string_view rest = window_.substr(scanned_);
      if (rest.front() == '`') {
        const std::size_t run = std::min(rest.find_first_not_of('`'), rest.size());
        runs_seen_ |= RunBit(run);
        scanned_ += run;
        continue;
      }
      for (std::size_t k = 0; k < std::size(kLineBoundPairs); ++k) {
        if (rest.starts_with(kLineBoundPairs[k].open)) opener_seen_[k] = true;
      }
      ++scanned_;
    }
  }

  // The RunBits of the backtick runs at or after `cut` on the current line.
  unsigned RunsFrom(std::size_t cut) const {
    unsigned bits = 0;
    for (std::size_t run = 1; run < kLongRun; ++run) {
      if (last_run_[run] != kNpos && last_run_[run] >= cut) bits |= RunBit(run);
    }
    return bits;
  }

  // Whether a closer of pair `k` comes at or after `cut` on the current line. A closer found is
  // kept until a cut passes it, so that the searches stay linear.
  bool HasCloserFrom(std::size_t k, std::size_t cut) {
    const std::string_view closes[] = {kLineBoundPairs[k].close, kLineBoundPairs[k].other_close};
    bool found = false;
    for (std::size_t j = 0; j < std::size(closes); ++j) {
      std::size_t& next = next_closer_[k][j];
      if (closes[j].empty()) continue;
      if (next != kNpos && next < cut) next = window_.find(closes[j], cut);
      found = found || next != kNpos;
    }
    return found;
  }

  std::string_view window_;
  const Delimiters& placeholders_;
  bool masks_found_ = false;
  std::vector<ByteRange> masks_;
  std::size_t next_mask_ = 0;
  // The current line, and what is known of it past the window's end.
  bool line_known_ = false;
  bool line_ends_in_window_ = false;
  std::size_t line_end_ = 0;
  std::size_t scanned_ = 0;  // marks are noted in [line start, scanned_)
  unsigned runs_seen_ = 0;   // RunBit of each backtick run's length before scanned_
  bool opener_seen_[std::size(kLineBoundPairs)] = {};
  std::array<std::size_t, kLongRun + 1> last_run_{};  // by length; kNpos: none
  // Of each pair's closers, the first found at or after an earlier cut (0: not looked for
  // yet; kNpos: none).
  std::array<std::size_t, 2> next_closer_[std::size(kLineBoundPairs)] = {};
};

// Calls `visit(open, close)` for each kind of suppression comment (suppression.h), which may
// span line breaks whatever a reply is.
template <typename Visit>
void ForEachComment(Visit visit) {
  static constexpr std::pair<std::string_view, std::string_view> kComments[] = {
      {"{{!--", "--}}"}, {"{{!", "}}"}, {"{#", "#}"}, {"<!--", "-->"}};
  for (const auto& [open, close] : kComments) visit(open, close);
}

// Calls `visit(open, close)` for each masked template and placeholder, which may span line
// breaks inside a reply of many lines.
template <typename Visit>
void ForEachTemplate(const Delimiters& placeholders, Visit visit) {
  static constexpr std::pair<std::string_view, std::string_view> kTemplates[] = {{"{{", "}}"},
                                                                                 {"{%", "%}"}};
  for (const auto& [open, close] : kTemplates) visit(open, close);
  for (const auto& [open, close] : placeholders) visit(open, close);
}

// Calls `visit(open, close)` for each construct that may span a line break in a reply of
// `unit`: suppression comments whatever a reply is; masked templates and placeholders only
// inside a reply of many lines.
template <typename Visit>
void ForEachMultiLinePair(const Delimiters& placeholders, ReplyUnit unit, Visit visit) {
  ForEachComment(visit);
  if (unit == ReplyUnit::kWholeInput) ForEachTemplate(placeholders, visit);
}

// Answers, for cuts in increasing order, whether one of `spans` (sorted by begin) holds them.
class SpanSweep {
 public:
  explicit SpanSweep(const std::vector<ByteRange>& spans) : spans_(spans) {}

  bool Holds(std::size_t cut) {
    for (; next_ < spans_.size() && spans_[next_].begin < cut; ++next_) {
      held_until_ = std::max(held_until_, spans_[next_].end);
    }
    return cut < held_until_;
  }

 private:
  const std::vector<ByteRange>& spans_;
  std::size_t next_ = 0;
  std::size_t held_until_ = 0;  // cuts before this are inside a span
};

// The safe cut after a line end nearest `target`, as FindSafeCut (0: none).
std::size_t FindLineEndCut(std::string_view window, std::size_t target,
                           const Obstacles& obstacles, const Delimiters& placeholders,
                           ReplyUnit unit) {
  MaskSafeCuts carriage_return_cuts(window, placeholders);
  SpanSweep spans(obstacles.spans);
  std::size_t best = 0;
  // Line ends in order, from two searches for single bytes (a search for either byte is slower).
  std::size_t next_newline = window.find('\n');
  std::size_t next_return = window.find('\r');
  for (;;) {
    const std::size_t line_end = std::min(next_newline, next_return);
    if (line_end == kNpos) break;
    if (line_end == next_newline) next_newline = window.find('\n', line_end + 1);
    if (line_end == next_return) next_return = window.find('\r', line_end + 1);
    const std::size_t cut = line_end + 1;
    const bool lone_carriage_return = window[line_end] == '\r';
    // "\r\n" is one line end, cut after its '\n'; a '\r' that ends the window may begin one.
    if (lone_carriage_return && (cut == window.size() || window[cut] == '\n')) continue;
    if (cut > obstacles.limit) break;
    if (spans.Holds(cut)) continue;
    if (lone_carriage_return && unit == ReplyUnit::kWholeInput &&
        !carriage_return_cuts.IsSafe(cut)) {
      continue;
    }
    if (cut > target && best != 0) break;
    best = cut;
    if (cut >= target) break;
  }
  return best;
}

// Whether `line` (from a line start on) is a '#' comment of suppression.h: its first
// non-blank character is '#', followed by a blank. The comment runs to the line's end.
bool IsHashComment(std::string_view line) {
  const std::size_t hash = line.find_first_not_of(" \t");
  return hash != kNpos && line[hash] == '#' && hash + 1 < line.size() &&
         (line[hash + 1] == ' ' || line[hash + 1] == '\t');
}

bool IsAsciiTerminator(unsigned char byte) { return byte == '.' || byte == '!' || byte == '?'; }

// Where a sentence surely begins after the ASCII terminator at line[term]: after one or more
// spaces, at a capital, or after '!' or '?' also at a lowercase letter or a digit (the ASCII
// cases of the plain breaks of sentence_splitter.cpp, where the whole text breaks too and no
// rule of UAX #29 looks across the break, so that the text on each side splits as it does
// within the whole). npos when there is none.
std::size_t SentenceStartAfter(std::string_view line, std::size_t term) {
  std::size_t next = term + 1;
  if (next >= line.size() || line[next] != ' ') return kNpos;
  while (next < line.size() && line[next] == ' ') ++next;
  if (next == line.size()) return kNpos;
  const auto c = static_cast<unsigned char>(line[next]);
  if (c >= 'A' && c <= 'Z') return next;
  return line[term] != '.' && std::isalnum(c) ? next : kNpos;
}

// The safe cut inside a line of `window` nearest `target` (the last at or before it, else the
// first after it), before `before`; 0 when there is none. A cut goes where a sentence surely
// begins (SentenceStartAfter), outside `obstacles` and '#' comments, where mask.h masks the same
// in the pieces as in the whole (MaskSafeCuts): in a whole input on the window's '\n'-ended
// lines, with a reply per line on the line alone, where an opener of a template or placeholder
// not closed in the window may close further on the line and stops the cuts.
std::size_t FindInLineCut(std::string_view window, std::size_t target, std::size_t before,
                          const Obstacles& obstacles, const Delimiters& placeholders,
                          ReplyUnit unit, const std::vector<std::string>& closers_not_ahead) {
  const bool whole_input = unit == ReplyUnit::kWholeInput;
  MaskSafeCuts window_masks(window, placeholders);
  SpanSweep spans(obstacles.spans);
  const std::size_t last = std::min(before, obstacles.limit);  // no cut goes after it
  std::size_t best = 0;
  for (std::size_t line = 0; line < window.size() && line < last;) {
    const std::size_t terminator = FindFirstByte(
        window, line, [](unsigned char byte) { return byte == '\n' || byte == '\r'; });
    const bool ends = terminator < window.size();
    const std::string_view text = window.substr(line, terminator - line);
    std::size_t next_line = terminator + 1;
    if (ends && window[terminator] == '\r' && next_line < window.size() &&
        window[next_line] == '\n') {
      ++next_line;
    }
    if (IsHashComment(text)) {
      line = next_line;
      continue;
    }
    MaskSafeCuts line_masks(text, placeholders);
    std::size_t line_last = last;
    if (!whole_input && !ends) {
      Obstacles unclosed;
      ForEachTemplate(placeholders, [&](std::string_view open, std::string_view close) {
        AddDelimited(text, open, close, closers_not_ahead, &unclosed);
      });
      if (unclosed.limit != kNpos) line_last = std::min(line_last, line + unclosed.limit);
    }
    for (std::size_t term = FindFirstByte(text, 0, IsAsciiTerminator); term < text.size();
         term = FindFirstByte(text, term + 1, IsAsciiTerminator)) {
      const std::size_t start = SentenceStartAfter(text, term);
      if (start == kNpos) continue;
      const std::size_t cut = line + start;
      if (cut > line_last) return best;
      if (spans.Holds(cut)) continue;
      if (whole_input ? !window_masks.IsSafe(cut) : !line_masks.IsSafe(start)) continue;
      if (cut > target) return best != 0 ? best : cut;
      best = cut;
    }
    line = next_line;
  }
  return best;
}

}  // namespace

std::size_t FindSafeCut(std::string_view window, std::size_t target,
                        const Delimiters& placeholders, ReplyUnit unit,
                        const std::vector<std::string>& closers_not_ahead) {
  Obstacles obstacles;
  ForEachMultiLinePair(placeholders, unit, [&](std::string_view open, std::string_view close) {
    AddDelimited(window, open, close, closers_not_ahead, &obstacles);
  });
  auto by_begin = [](ByteRange a, ByteRange b) { return a.begin < b.begin; };
  std::sort(obstacles.spans.begin(), obstacles.spans.end(), by_begin);
  if (unit == ReplyUnit::kWholeInput) {
    const std::vector<ByteRange> delimited = obstacles.spans;
    AddFences(window, delimited, &obstacles);
    std::sort(obstacles.spans.begin(), obstacles.spans.end(), by_begin);
  }
  // A cut inside a line only where no line end before the target is one: the pieces of an input
  // with lines stay those of its lines.
  const std::size_t line_end_cut = FindLineEndCut(window, target, obstacles, placeholders, unit);
  if (line_end_cut != 0 && line_end_cut <= target) return line_end_cut;
  const std::size_t in_line_cut =
      FindInLineCut(window, target, line_end_cut != 0 ? line_end_cut : kNpos, obstacles,
                    placeholders, unit, closers_not_ahead);
  return in_line_cut != 0 ? in_line_cut : line_end_cut;
}

PieceReader::PieceReader(std::istream& in, std::size_t piece_bytes, const Delimiters& placeholders,
                         ReplyUnit unit)
    : in_(in),
      // Bounded so that a piece's size and one read's bytes add up without wrapping around.
      piece_bytes_(std::clamp<std::size_t>(piece_bytes, 1, kNpos / 2)),
      placeholders_(placeholders),
      unit_(unit) {}

void PieceReader::ReadMore(std::size_t bytes) {
  const std::size_t used = buffer_.size();
  buffer_.resize(used + bytes);
  in_.read(buffer_.data() + used, static_cast<std::streamsize>(bytes));
  buffer_.resize(used + static_cast<std::size_t>(in_.gcount()));
  if (in_.bad()) failed_ = true;
  if (!in_) eof_ = true;
}

bool PieceReader::LookAheadForClosers() {
  // Only the closers of openers in the buffer can hold the cuts back.
  std::vector<std::string_view> pending;
  ForEachMultiLinePair(placeholders_, unit_, [&](std::string_view open, std::string_view close) {
    if (!open.empty() && !close.empty() && buffer_.find(open) != std::string::npos &&
        std::find(closers_not_ahead_.begin(), closers_not_ahead_.end(), close) ==
            closers_not_ahead_.end() &&
        std::find(pending.begin(), pending.end(), close) == pending.end()) {
      pending.push_back(close);
    }
  });
  if (pending.empty() || (!eof_ && !RemoveClosersAhead(&pending)) || pending.empty()) {
    return false;
  }
  for (std::string_view close : pending) closers_not_ahead_.emplace_back(close);
  return true;
}

bool PieceReader::RemoveClosersAhead(std::vector<std::string_view>* closers) {
  const std::streampos resume = in_.tellg();
  if (resume == std::streampos(-1)) return false;  // not seekable (a pipe)
  std::size_t overlap = 0;  // so that a closer across two reads is found
  for (std::string_view close : *closers) overlap = std::max(overlap, close.size() - 1);
  // From the last bytes read on, so that a closer across the buffer's end is found too.
  std::string block = buffer_.substr(buffer_.size() - std::min(overlap, buffer_.size()));
  while (!closers->empty()) {
    const std::size_t kept = block.size();
    block.resize(kept + kMinReadBytes);
    in_.read(block.data() + kept, static_cast<std::streamsize>(kMinReadBytes));
    block.resize(kept + static_cast<std::size_t>(in_.gcount()));
    std::erase_if(*closers, [&](std::string_view close) {
      return block.find(close) != std::string::npos;
    });
    if (!in_) break;
    block.erase(0, block.size() - std::min(overlap, block.size()));
  }
  const bool read_to_end = closers->empty() || (in_.eof() && !in_.bad());
  in_.clear();
  in_.seekg(resume);
  if (!in_) failed_ = true;
  return read_to_end && !failed_;
}

bool PieceReader::Next(std::string* piece) {
  piece->clear();
  if (failed_ || (eof_ && buffer_.empty() && started_)) return false;
  const bool first = !started_;
  started_ = true;
  // Read past a piece's size by one read's bytes (or to the end), then cut; read on while no
  // cut appears (a long line, or a construct not closed yet). Reads double then, so a long wait
  // stays linear. Reading no further ahead keeps what the cut searches, and what is left over
  // for the next piece, small.
  std::size_t cut = 0;
  for (;;) {
    if (!eof_ && buffer_.size() <= piece_bytes_) {
      // Past the default size, at most doubling what is held, so that a piece size larger
      // than the input (a whole input as one piece) reads it in steps, not into a buffer of
      // that size.
      ReadMore(std::min(piece_bytes_ + kMinReadBytes - buffer_.size(),
                        std::max(kDefaultPieceBytes + kMinReadBytes, buffer_.size())));
      if (failed_) return false;
      continue;
    }
    if (eof_ && buffer_.size() <= piece_bytes_) break;
    // The input's byte-order mark is not text (source_text.h): a fence right after it is one.
    const std::size_t bom =
        first && buffer_.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    cut = FindSafeCut(std::string_view(buffer_).substr(bom), piece_bytes_, placeholders_, unit_,
                      closers_not_ahead_);
    if (cut != 0) cut += bom;
    if (cut != 0) break;
    const bool waited = eof_ || buffer_.size() >= kLookAheadPieces * piece_bytes_;
    if (waited && LookAheadForClosers()) continue;
    if (eof_) break;
    ReadMore(std::max(kMinReadBytes, buffer_.size()));
    if (failed_) return false;
  }
  // The piece takes the buffer, and only the bytes after the cut are copied back.
  piece->swap(buffer_);
  buffer_.clear();
  if (cut != 0) {
    buffer_.assign(*piece, cut);
    piece->resize(cut);
  }
  return true;
}

}  // namespace tonelint
