// Cutting an input into pieces that lint exactly as they do inside the whole input, so that a
// large input is read and linted a piece at a time (issue 6: bounded memory on a 100 MB file).
//
// A cut is made just after a line end ("\n", "\r\n" or a lone "\r", as SourceText ends lines)
// that no multi-line construct spans. ICU ends a sentence at every line end, so no sentence
// spans a cut. The masked ranges (mask.h) and suppression comments (suppression.h) that may span
// lines are opened by "{{", "{{!--", "{%", "{#", "<!--", a Markdown fence (a line starting with
// ``` or ~~~) or a configured placeholder. Every such opener is taken to reach its first
// closer, which covers whatever mask.h and suppression.h decide for it; a fence line inside such
// a span stops the cuts at the span's opener, since mask.h may or may not see it as a fence. An
// opener with no closer in the bytes read so far might close further on, so no cut is made
// after it until its closer is read or is known to come nowhere: at the end of the input, or,
// after a few pieces' bytes with no cut, by reading a seekable input (a file, or standard input
// redirected from one) ahead to its end without keeping what is read. An opener whose closer
// never comes is text, as mask.h and suppression.h read it. From a pipe, an unclosed "{{" early
// in a 100 MB input makes the reader hold the rest of it until the input ends. An unclosed fence
// (masked to the end of the reply) makes the rest one piece. With a reply per line
// (ReplyUnit::kEachLine) each line is masked alone, and only the suppression comments ("{{!",
// "{{!--", "{#", "<!--") hold cuts back.
//
// mask.h pairs quotation marks, code spans and tags, and masks a '>' quote, up to the next
// '\n', so a cut after a lone '\r' in a whole-input reply is made only where none of them spans
// it, checked with mask.h on the bytes read, and where no mark before it on its line could still
// pair with a closer not read yet (MaskSafeCuts in chunker.cpp).
//
// Where no line end at or before the target size is a safe cut (a line longer than a piece), a
// cut may go inside a line, where a sentence surely begins: after an ASCII terminator and
// spaces, before a capital (or, after '!' or '?', any ASCII letter or digit), as
// sentence_splitter.cpp breaks without ICU. It is made only outside the constructs above and
// '#' comment lines, and where mask.h masks the same in the pieces as in the whole, as for a
// lone '\r' (with a reply per line, on the line alone; there an opener of a template or
// placeholder not closed in the bytes read stops the cuts on its line). The next piece then
// starts inside a line: its line number and the columns before it carry over (stream_lint.h).
// Lines stay one piece however long when no such cut comes: a line whose sentences all lie
// inside quotation marks or tags (minified JSON), a line without an ASCII terminator followed by
// a space and a capital (or a lowercase sentence start after '.'), a line after a quotation
// mark, backtick or '<' whose closer is not in the bytes read, a '>' quote, a '#' comment line,
// or the rest of a reply-per-line line after a template opener never closed on it.
//
// Cuts are found in raw bytes (after the input's byte-order mark, which is not text): every
// construct above is ASCII, and no ill-formed UTF-8 sequence contains an ASCII byte, so the
// pieces decode (source_text.h) to pieces of the decoded input.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tonelint {

// Extra placeholder delimiters (open, close), as in LintOptions::placeholders.
using Delimiters = std::vector<std::pair<std::string, std::string>>;

// What one reply is (LintOptions::each_line), which decides what may span a line break: in a
// whole input, masked templates, fences and placeholders; in a reply per line, nothing but the
// suppression comments read from the whole input.
enum class ReplyUnit { kWholeInput, kEachLine };

// The pieces of a streamed input aim at this size (a parameter everywhere; this is the default).
constexpr std::size_t kDefaultPieceBytes = std::size_t{1} << 20;

// The safe cut in `window` (the input's bytes from the end of the previous piece on) nearest
// `target`: the last one at or before it, else the first one after it; inside a line only when
// no line end at or before `target` is one. 0 when `window` has none yet (read more, or at the
// end of the input take it all).
// `closers_not_ahead` are closers known to occur nowhere after `window`: an opener without its
// closer in `window` is then text (as mask.h and suppression.h read it), not a stop.
std::size_t FindSafeCut(std::string_view window, std::size_t target,
                        const Delimiters& placeholders, ReplyUnit unit,
                        const std::vector<std::string>& closers_not_ahead);

// Reads an input a piece at a time, each piece ending at a safe cut or at the end of the input.
// Holds at most a few pieces' bytes (more when no cut comes, see above).
class PieceReader {
 public:
  // `in` and `placeholders` must outlive the reader.
  PieceReader(std::istream& in, std::size_t piece_bytes, const Delimiters& placeholders,
              ReplyUnit unit);

  // The next piece's raw bytes; false when the input is exhausted or could not be read
  // (failed()). The first piece may be empty (an empty input).
  bool Next(std::string* piece);
  // Whether the piece Next() returned last is the end of the input.
  bool at_end() const { return eof_ && buffer_.empty(); }
  // Whether reading failed (the stream went bad).
  bool failed() const { return failed_; }

 private:
  // Appends up to `bytes` more bytes of the input to buffer_.
  void ReadMore(std::size_t bytes);
  // Adds to closers_not_ahead_ the closers of the openers in buffer_ that come nowhere after
  // it: all of them at the end of the input, else those RemoveClosersAhead() does not find.
  // Whether it added any.
  bool LookAheadForClosers();
  // On a seekable input, reads the rest of it (without keeping it), removes from `closers`
  // those found there, and seeks back. False when the input cannot seek (a pipe) or a read or
  // the seek failed (then failed()).
  bool RemoveClosersAhead(std::vector<std::string_view>* closers);

  std::istream& in_;
  std::size_t piece_bytes_;
  const Delimiters& placeholders_;
  ReplyUnit unit_;
  std::string buffer_;  // read, not yet returned
  std::vector<std::string> closers_not_ahead_;  // in nothing after buffer_ (FindSafeCut)
  bool eof_ = false;
  bool failed_ = false;
  bool started_ = false;
};

}  // namespace tonelint
