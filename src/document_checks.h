// Document-level rules (`require` + `when`): what a reply lacks, given what the customer said.
// The linter collects evidence sentence by sentence; these functions decide what fires.
#pragma once

#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

#include "rule_set.h"

namespace tonelint {

// Which signals and `require` patterns occurred in a text.
class DocumentEvidence {
 public:
  // Forgets everything; sized for `rules`.
  void Reset(const RuleSet& rules);
  // Records that document_patterns() entry `pattern_hit` matched somewhere in the text.
  void Record(const RuleSet& rules, int pattern_hit);

  bool HasSignal(std::size_t signal) const { return signals_[signal]; }
  // Whether what document_patterns() entry `pattern_hit` stands for was already recorded.
  bool Has(const RuleSet& rules, int pattern_hit) const;
  bool HasRequired(std::size_t rule) const { return required_[rule]; }
  // Whether whatever more is recorded, each of these document rules (indexes) fires as it
  // would now: one whose `require` was seen never fires; one without `require` whose reply
  // triggers were all seen always does (if its context triggers hold).
  bool Settles(const RuleSet& rules, const std::vector<std::size_t>& document_rules) const;

  // Whether entry `pattern_hit` stands for a signal (else a rule's `require`), and its index.
  static std::pair<bool, std::size_t> Slot(const RuleSet& rules, int pattern_hit);

 private:

  std::vector<bool> signals_;
  std::vector<bool> required_;
};

// The customer's message given with --context.
struct CustomerMessage {
  DocumentEvidence evidence;
  Lang lang = Lang::kUnknown;
  // Hashes of every run of three consecutive words of its matching form: a reply that repeats
  // such a run is quoting the customer, and is not reported there.
  std::unordered_set<uint64_t> word_trigrams;
};

// How context triggers are decided.
enum class ContextTriggers {
  kFromMessage,  // from the customer's message; without one, context triggers do not hold
  kAssumeHold,   // all hold (for checking a document rule's examples, which have no context)
};

// Indexes of the document rules of `reply_lang` that fire for a reply with `evidence`.
std::vector<std::size_t> FiringDocumentRules(const RuleSet& rules, Lang reply_lang,
                                             const DocumentEvidence& evidence,
                                             const CustomerMessage* context,
                                             ContextTriggers context_triggers);

// Indexes of the document rules of `reply_lang` whose context triggers hold: those that fire
// or not by what the reply says.
std::vector<std::size_t> DocumentRulesThatMayFire(const RuleSet& rules, Lang reply_lang,
                                                  const CustomerMessage* context,
                                                  ContextTriggers context_triggers);

// Which document_patterns() entries can decide whether a rule of `reply_lang` fires: the
// `require` patterns and the signals of `when reply:` triggers of the document rules of that
// language whose context triggers hold. The others may be left unrecorded in a reply's
// evidence without changing FiringDocumentRules. Indexed like document_patterns().entries.
std::vector<bool> DecisiveDocumentPatterns(const RuleSet& rules, Lang reply_lang,
                                           const CustomerMessage* context,
                                           ContextTriggers context_triggers);

// Hash of three consecutive words (matching form), for CustomerMessage::word_trigrams.
uint64_t HashWordTrigram(std::string_view a, std::string_view b, std::string_view c);

}  // namespace tonelint
