// Build step: writes what a run would compute at every start for the bundled rules, as flat
// arrays: the parsed rule files (BundledPrebuiltRules(), prebuilt_rules.h), and the keyword
// indexes of the rules as a run without options loads them (BundledKeywordIndexes()), which
// a run then looks its words up in instead of filling hash maps. See bundled_rules.h.
//
//   tonelint_prebuild OUTPUT.cpp
//
// Runs after tonelint_precompile: the indexes refer to that table's entries. Rule files that
// do not parse are not written: a run then parses them and reports their errors.
#include <iostream>
#include <string>
#include <vector>

#include "bundled_rules.h"
#include "generated_source.h"
#include "prebuilt_rules.h"
#include "rule_loader.h"
#include "rule_set.h"

namespace tonelint {
namespace {

template <typename T, typename Format>
std::string ArrayOf(std::string_view type, std::string_view name, const std::vector<T>& items,
                    Format format) {
  std::string out = "constexpr " + std::string(type) + " " + std::string(name) + "[] = {\n";
  for (const T& item : items) out += "    " + format(item) + ",\n";
  // An array may not be empty: a placeholder element keeps the file valid, and the span that
  // refers to it leaves it out.
  if (items.empty()) out += "    {},\n";
  return out + "};\n";
}

std::string Span(const std::string& name, std::size_t size) {
  return "std::span(" + name + ", " + std::to_string(size) + ")";
}

std::string Range(NumberRange range) {
  return "{" + std::to_string(range.begin) + ", " + std::to_string(range.end) + "}";
}

std::string Table(const FlatKeywordTable& table) {
  return "{" + std::to_string(table.first_slot) + ", " + std::to_string(table.slot_count) + ", " +
         std::to_string(table.key_lengths) + "u}";
}

// The arrays of one index, named with `suffix`, and its PrebuiltKeywordIndex initializer.
struct Written {
  std::string arrays;
  std::string initializer;
};

Written Write(const std::vector<PrebuiltAdd>& adds, const OwnedFlatKeywordIndex& flat,
              const std::string& suffix) {
  Written out;
  const std::string adds_name = "kAdds" + suffix;
  const std::string keys_name = "kKeys" + suffix;
  const std::string numbers_name = "kNumbers" + suffix;
  const std::string slots_name = "kSlots" + suffix;
  const std::string also_name = "kAlsoRequired" + suffix;
  out.arrays += ArrayOf("PrebuiltAdd", adds_name, adds, [](const PrebuiltAdd& add) {
    return "{" + std::to_string(add.position) + ", " + std::to_string(add.entry) + ", " +
           std::to_string(add.run) + "}";
  });
  out.arrays += "constexpr char " + keys_name + "[] =\n" + Literals(flat.keys) + "    ;\n";
  out.arrays += ArrayOf("int", numbers_name, flat.numbers,
                        [](int number) { return std::to_string(number); });
  out.arrays += ArrayOf("FlatKeywordTable::Slot", slots_name, flat.slots,
                        [](const FlatKeywordTable::Slot& slot) {
                          return "{" + std::to_string(slot.key_offset) + ", " +
                                 std::to_string(slot.key_size) + ", " +
                                 std::to_string(slot.numbers_begin) + ", " +
                                 std::to_string(slot.numbers_end) + "}";
                        });
  out.arrays += ArrayOf("NumberRange", also_name, flat.also_required, Range) + "\n";
  const FlatKeywordLayout& layout = flat.layout;
  out.initializer =
      "    {" + Span(adds_name, adds.size()) + ",\n     {{" +
      (layout.collapse_repeats ? "true" : "false") + ", " + std::to_string(layout.size) + ", " +
      Table(layout.exact) + ", " + Table(layout.prefix) + ", " + Table(layout.required_exact) +
      ", " + Table(layout.required_prefix) + ", " + Range(layout.always) + ", " +
      Range(layout.required_sets) + ", " +
      std::to_string(layout.required_count) + "},\n      std::string_view(" + keys_name + ", " +
      std::to_string(flat.keys.size()) + "), " + Span(numbers_name, flat.numbers.size()) + ", " +
      Span(slots_name, flat.slots.size()) + ", " + Span(also_name, flat.also_required.size()) +
      "}},\n";
  return out;
}

std::string Items(std::size_t first, std::size_t count) {
  return "{" + std::to_string(first) + ", " + std::to_string(count) + "}";
}

// An initializer of enumeration `type` with `value`'s value, which a generated file needs no
// name for.
template <typename Enum>
std::string EnumValue(std::string_view type, Enum value) {
  return "static_cast<" + std::string(type) + ">(" + std::to_string(static_cast<int>(value)) + ")";
}

std::string Bool(bool value) { return value ? "true" : "false"; }

// The arrays of PrebuiltRuleFiles (prebuilt_rules.h) for `files`, named at `paths`, and the
// definition of BundledPrebuiltRules(). Each pattern line gets its entry in `table`
// (PatternLine::precompiled_entry).
std::string WriteRules(const std::vector<RuleFile>& files, const std::vector<std::string>& paths,
                       const PrecompiledPatterns& table) {
  TextBlob blob;
  std::vector<std::string> file_items, rule_items, signal_items, line_items, trigger_items;
  auto line_of = [&](const std::string& text, const SourceLocation& at, bool is_regex,
                     int entry = -1) {
    return "{" + blob.Range(text) + ", " + std::to_string(at.line) + ", " +
           std::to_string(at.column) + ", " + Bool(is_regex) + ", " + std::to_string(entry) + "}";
  };
  auto add_lines = [&](const auto& items, auto format) {
    const std::size_t first = line_items.size();
    for (const auto& item : items) line_items.push_back(format(item));
    return Items(first, items.size());
  };
  auto patterns = [&](const std::vector<PatternLine>& lines, PatternMode mode) {
    return add_lines(lines, [&](const PatternLine& line) {
      const PrecompiledPattern* found = table.Find(line.text, mode, line.is_regex);
      return line_of(line.text, line.location, line.is_regex,
                     found ? static_cast<int>(found - table.patterns().data()) : -1);
    });
  };
  auto examples = [&](const std::vector<Example>& lines) {
    return add_lines(lines, [&](const Example& example) {
      return line_of(example.text, example.location, false);
    });
  };
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::size_t first_rule = rule_items.size();
    const std::size_t first_signal = signal_items.size();
    for (const Rule& rule : files[f].rules) {
      const std::string matches =
          patterns(rule.matches, rule.obfuscated ? PatternMode::kObfuscated : PatternMode::kPlain);
      const std::string unless = patterns(rule.unless, PatternMode::kPlain);
      const std::string suggestions = add_lines(rule.suggestions, [&](const std::string& text) {
        return line_of(text, {}, false);
      });
      const std::string required = patterns(rule.required, PatternMode::kPlain);
      const std::string bad = examples(rule.bad);
      const std::string good = examples(rule.good);
      const std::string triggers = Items(trigger_items.size(), rule.triggers.size());
      for (const Trigger& trigger : rule.triggers) {
        trigger_items.push_back(fmt::format("{{{}, {}}}", EnumValue("Trigger::Kind", trigger.kind),
                                            line_of(trigger.signal, trigger.location, false)));
      }
      rule_items.push_back(
          "{" + blob.Range(rule.id) + ", " + blob.Range(rule.name) + ", " +
          EnumValue("Lang", rule.lang) + ", " + blob.Range(rule.category) + ", " +
          EnumValue("Severity", rule.severity) + ", " + blob.Range(rule.message) + ", " +
          Bool(rule.obfuscated) + ", " + Bool(rule.fix_safe) + ", " +
          Bool(rule.language_specific) + ", " + std::to_string(rule.caps_words) + ", " +
          matches + ", " + unless + ", " + suggestions + ", " + required + ", " + bad + ", " +
          good + ", " + triggers + ", " + std::to_string(rule.location.line) + ", " +
          std::to_string(rule.location.column) + "}");
    }
    for (const Signal& signal : files[f].signals) {
      const std::string matches = patterns(signal.matches, PatternMode::kPlain);
      signal_items.push_back("{" + blob.Range(signal.name) + ", " +
                             EnumValue("Lang", signal.lang) + ", " + matches + ", " +
                             std::to_string(signal.location.line) + ", " +
                             std::to_string(signal.location.column) + "}");
    }
    file_items.push_back("{" + blob.Range(paths[f]) + ", " +
                         Items(first_rule, rule_items.size() - first_rule) + ", " +
                         Items(first_signal, signal_items.size() - first_signal) + "}");
  }
  auto as_is = [](const std::string& item) { return item; };
  return "constexpr char kRulesText[] =\n" + blob.Literals() + "    ;\n" +
         ArrayOf("PrebuiltRuleFile", "kRuleFiles", file_items, as_is) +
         ArrayOf("PrebuiltRule", "kRules", rule_items, as_is) +
         ArrayOf("PrebuiltSignal", "kSignals", signal_items, as_is) +
         ArrayOf("PrebuiltLine", "kLines", line_items, as_is) +
         ArrayOf("PrebuiltTrigger", "kTriggers", trigger_items, as_is) + "\n" +
         "constexpr PrebuiltRuleFiles kPrebuiltRules = {\n"
         "    std::string_view(kRulesText, sizeof(kRulesText) - 1), " +
         Span("kRuleFiles", file_items.size()) + ",\n    " +
         Span("kRules", rule_items.size()) + ", " + Span("kSignals", signal_items.size()) +
         ",\n    " + Span("kLines", line_items.size()) + ", " +
         Span("kTriggers", trigger_items.size()) + "};\n\n";
}

int Run(const std::string& output) {
  std::vector<Diagnostic> errors;
  std::vector<RuleFile> files = LoadRuleFiles(RuleSources{}, &errors);
  std::vector<std::string> paths;
  for (const EmbeddedFile& embedded : BundledRuleFiles()) paths.emplace_back(embedded.path);
  const PrecompiledPatterns& table = BundledPrecompiledPatterns();
  const std::string rule_arrays = WriteRules(errors.empty() ? files : std::vector<RuleFile>{},
                                             errors.empty() ? paths : std::vector<std::string>{},
                                             table);
  const std::unique_ptr<RuleSet> rules =
      errors.empty() ? RuleSet::Build(std::move(files), &errors, Compilation::kLazy, &table)
                     : nullptr;
  std::string arrays;
  std::string initializers;
  std::size_t count = 0;
  // Rules that do not load leave no index to write: the run reports their errors.
  if (rules) {
    std::vector<const PatternIndex*> indexes = {&rules->document_patterns()};
    for (const Lang lang : {Lang::kEs, Lang::kEn}) {
      for (const PatternMode mode : {PatternMode::kPlain, PatternMode::kObfuscated}) {
        indexes.push_back(&rules->phrases(lang, mode));
      }
    }
    for (const PatternIndex* index : indexes) {
      std::vector<PrebuiltAdd> adds;
      if (!index->KeywordAddsFrom(table, &adds)) continue;
      const Written written = Write(adds, index->keywords().Flatten(), std::to_string(count++));
      arrays += written.arrays;
      initializers += written.initializer;
    }
  }
  if (count == 0) initializers = "    {},\n";
  const std::string text =
      "// Generated by tonelint_prebuild (tools/prebuild_bundled_rules.cpp); do not edit.\n"
      "#include \"bundled_rules.h\"\n#include \"prebuilt_rules.h\"\n\n"
      "namespace tonelint {\nnamespace {\n\n" + rule_arrays + arrays +
      "constexpr PrebuiltKeywordIndex kIndexes[] = {\n" + initializers + "};\n\n"
      "}  // namespace\n\n"
      "const PrebuiltRuleFiles& BundledPrebuiltRules() { return kPrebuiltRules; }\n\n"
      "std::span<const PrebuiltKeywordIndex> BundledKeywordIndexes() {\n"
      "  return " + Span("kIndexes", count) + ";\n}\n\n}  // namespace tonelint\n";
  if (!WriteIfChanged(output, text)) {
    std::cerr << "tonelint_prebuild: cannot write " << output << "\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace tonelint

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: tonelint_prebuild OUTPUT.cpp\n";
    return 2;
  }
  return tonelint::Run(argv[1]);
}
