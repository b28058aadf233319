#include "document_checks.h"

#include <algorithm>
#include <functional>

namespace tonelint {

void DocumentEvidence::Reset(const RuleSet& rules) {
  signals_.assign(rules.signal_names().size(), false);
  required_.assign(rules.rules().size(), false);
}

// Signals come first among document_patterns() owners, then rules (rule_set.h).
std::pair<bool, std::size_t> DocumentEvidence::Slot(const RuleSet& rules, int pattern_hit) {
  const std::size_t signal_count = rules.signal_names().size();
  const std::size_t owner = rules.document_patterns().entries[pattern_hit].owner;
  return owner < signal_count ? std::make_pair(true, owner)
                              : std::make_pair(false, owner - signal_count);
}

void DocumentEvidence::Record(const RuleSet& rules, int pattern_hit) {
  const auto [is_signal, index] = Slot(rules, pattern_hit);
  (is_signal ? signals_ : required_)[index] = true;
}

bool DocumentEvidence::Has(const RuleSet& rules, int pattern_hit) const {
  const auto [is_signal, index] = Slot(rules, pattern_hit);
  return (is_signal ? signals_ : required_)[index];
}

namespace {

bool TriggerHolds(const RuleSet& rules, const Trigger& trigger, const DocumentEvidence& reply,
                  const CustomerMessage* context, ContextTriggers context_triggers) {
  switch (trigger.kind) {
    case Trigger::Kind::kAlways:
      return true;
    case Trigger::Kind::kReply:
      return reply.HasSignal(rules.SignalIndex(trigger.signal));
    case Trigger::Kind::kContext:
      if (context_triggers == ContextTriggers::kAssumeHold) return true;
      return context != nullptr && context->evidence.HasSignal(rules.SignalIndex(trigger.signal));
  }
  return false;
}

}  // namespace

std::vector<std::size_t> FiringDocumentRules(const RuleSet& rules, Lang reply_lang,
                                             const DocumentEvidence& evidence,
                                             const CustomerMessage* context,
                                             ContextTriggers context_triggers) {
  std::vector<std::size_t> firing;
  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const Rule& rule = rules.rules()[r];
    if (!rule.IsDocumentRule() || rule.lang != reply_lang) continue;
    bool triggered = true;
    for (const Trigger& trigger : rule.triggers) {
      triggered = triggered && TriggerHolds(rules, trigger, evidence, context, context_triggers);
    }
    if (!triggered) continue;
    if (rule.required.empty() || !evidence.HasRequired(r)) firing.push_back(r);
  }
  return firing;
}

std::vector<std::size_t> DocumentRulesThatMayFire(const RuleSet& rules, Lang reply_lang,
                                                  const CustomerMessage* context,
                                                  ContextTriggers context_triggers) {
  const DocumentEvidence no_reply_evidence;  // context triggers do not look at the reply
  std::vector<std::size_t> may_fire;
  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const Rule& rule = rules.rules()[r];
    if (!rule.IsDocumentRule() || rule.lang != reply_lang) continue;
    const bool context_holds =
        std::all_of(rule.triggers.begin(), rule.triggers.end(), [&](const Trigger& trigger) {
          return trigger.kind != Trigger::Kind::kContext ||
                 TriggerHolds(rules, trigger, no_reply_evidence, context, context_triggers);
        });
    if (context_holds) may_fire.push_back(r);
  }
  return may_fire;
}

bool DocumentEvidence::Settles(const RuleSet& rules,
                               const std::vector<std::size_t>& document_rules) const {
  return std::all_of(document_rules.begin(), document_rules.end(), [&](std::size_t r) {
    const Rule& rule = rules.rules()[r];
    if (!rule.required.empty()) return HasRequired(r);
    return std::all_of(rule.triggers.begin(), rule.triggers.end(), [&](const Trigger& trigger) {
      return trigger.kind != Trigger::Kind::kReply || HasSignal(rules.SignalIndex(trigger.signal));
    });
  });
}

std::vector<bool> DecisiveDocumentPatterns(const RuleSet& rules, Lang reply_lang,
                                           const CustomerMessage* context,
                                           ContextTriggers context_triggers) {
  std::vector<bool> signals(rules.signal_names().size(), false);
  std::vector<bool> required(rules.rules().size(), false);
  for (std::size_t r : DocumentRulesThatMayFire(rules, reply_lang, context, context_triggers)) {
    const Rule& rule = rules.rules()[r];
    required[r] = true;
    for (const Trigger& trigger : rule.triggers) {
      if (trigger.kind == Trigger::Kind::kReply) signals[rules.SignalIndex(trigger.signal)] = true;
    }
  }
  const std::vector<PatternIndex::Entry>& entries = rules.document_patterns().entries;
  std::vector<bool> decisive(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto [is_signal, index] = DocumentEvidence::Slot(rules, static_cast<int>(i));
    decisive[i] = (is_signal ? signals : required)[index];
  }
  return decisive;
}

uint64_t HashWordTrigram(std::string_view a, std::string_view b, std::string_view c) {
  const std::hash<std::string_view> hash;
  uint64_t h = hash(a);
  h = h * 0x9E3779B97F4A7C15ull ^ hash(b);
  h = h * 0x9E3779B97F4A7C15ull ^ hash(c);
  return h;
}

}  // namespace tonelint
