#include "prebuilt_rules.h"

namespace tonelint {
namespace {

class Loader {
 public:
  Loader(const PrebuiltRuleFiles& prebuilt, const PrebuiltRuleFile& file)
      : prebuilt_(prebuilt), path_(Text(file.path)) {}

  std::string Text(TextRange range) const {
    return std::string(prebuilt_.text.substr(range.offset, range.size));
  }
  SourceLocation At(std::uint32_t line, std::uint32_t column) const { return {path_, line, column}; }

  std::vector<PatternLine> Patterns(ItemRange range) const {
    std::vector<PatternLine> out;
    out.reserve(range.count);
    for (const PrebuiltLine& line : prebuilt_.lines.subspan(range.first, range.count)) {
      out.push_back({Text(line.text), line.is_regex, At(line.line, line.column),
                     line.precompiled_entry});
    }
    return out;
  }
  std::vector<Example> Examples(ItemRange range) const {
    std::vector<Example> out;
    out.reserve(range.count);
    for (const PrebuiltLine& line : prebuilt_.lines.subspan(range.first, range.count)) {
      out.push_back({Text(line.text), At(line.line, line.column)});
    }
    return out;
  }
  std::vector<std::string> Texts(ItemRange range) const {
    std::vector<std::string> out;
    out.reserve(range.count);
    for (const PrebuiltLine& line : prebuilt_.lines.subspan(range.first, range.count)) {
      out.push_back(Text(line.text));
    }
    return out;
  }
  std::vector<Trigger> Triggers(ItemRange range) const {
    std::vector<Trigger> out;
    out.reserve(range.count);
    for (const PrebuiltTrigger& trigger : prebuilt_.triggers.subspan(range.first, range.count)) {
      out.push_back({trigger.kind, Text(trigger.signal.text),
                     At(trigger.signal.line, trigger.signal.column)});
    }
    return out;
  }

  Rule MakeRule(const PrebuiltRule& from, bool with_examples) const {
    Rule rule;
    rule.id = Text(from.id);
    rule.name = Text(from.name);
    rule.lang = from.lang;
    rule.category = Text(from.category);
    rule.severity = from.severity;
    rule.message = Text(from.message);
    rule.matches = Patterns(from.matches);
    rule.unless = Patterns(from.unless);
    rule.obfuscated = from.obfuscated;
    rule.suggestions = Texts(from.suggestions);
    rule.fix_safe = from.fix_safe;
    rule.language_specific = from.language_specific;
    rule.caps_words = from.caps_words;
    rule.required = Patterns(from.required);
    rule.triggers = Triggers(from.triggers);
    if (with_examples) {
      rule.bad = Examples(from.bad);
      rule.good = Examples(from.good);
    }
    rule.location = At(from.line, from.column);
    return rule;
  }

  Signal MakeSignal(const PrebuiltSignal& from) const {
    return {Text(from.name), from.lang, Patterns(from.matches), At(from.line, from.column)};
  }

 private:
  const PrebuiltRuleFiles& prebuilt_;
  std::string path_;
};

}  // namespace

std::vector<RuleFile> PrebuiltRuleFiles::Load(bool with_examples) const {
  std::vector<RuleFile> out(files.size());
  for (std::size_t f = 0; f < files.size(); ++f) {
    const PrebuiltRuleFile& file = files[f];
    const Loader loader(*this, file);
    RuleFile& loaded = out[f];
    loaded.rules.reserve(file.rules.count);
    for (const PrebuiltRule& rule : rules.subspan(file.rules.first, file.rules.count)) {
      loaded.rules.push_back(loader.MakeRule(rule, with_examples));
    }
    loaded.signals.reserve(file.signals.count);
    for (const PrebuiltSignal& signal : signals.subspan(file.signals.first, file.signals.count)) {
      loaded.signals.push_back(loader.MakeSignal(signal));
    }
  }
  return out;
}

}  // namespace tonelint
