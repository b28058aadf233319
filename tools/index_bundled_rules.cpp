// Build step: indexes the keywords of the bundled rules as a run without options loads them,
// and writes the indexes as flat arrays that BundledKeywordIndexes() returns (bundled_rules.h),
// so that a run looks its words up in static data instead of filling hash maps at every start.
//
//   tonelint_index OUTPUT.cpp
//
// Runs after tonelint_precompile: the indexes refer to that table's entries.
#include <iostream>
#include <string>
#include <vector>

#include "bundled_rules.h"
#include "generated_source.h"
#include "rule_loader.h"
#include "rule_set.h"

namespace tonelint {
namespace {

template <typename T, typename Format>
std::string ArrayOf(std::string_view type, const std::string& name, const std::vector<T>& items,
                    Format format) {
  std::string out = "constexpr " + std::string(type) + " " + name + "[] = {\n";
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
    return "{" + std::to_string(add.position) + ", " + std::to_string(add.entry) + "}";
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
      Range(layout.all) + ", " + Range(layout.required_sets) + ", " +
      std::to_string(layout.required_count) + "},\n      std::string_view(" + keys_name + ", " +
      std::to_string(flat.keys.size()) + "), " + Span(numbers_name, flat.numbers.size()) + ", " +
      Span(slots_name, flat.slots.size()) + ", " + Span(also_name, flat.also_required.size()) +
      "}},\n";
  return out;
}

int Run(const std::string& output) {
  std::vector<Diagnostic> errors;
  std::vector<RuleFile> files = LoadRuleFiles(RuleSources{}, &errors);
  const PrecompiledPatterns& table = BundledPrecompiledPatterns();
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
      "// Generated by tonelint_index (tools/index_bundled_rules.cpp); do not edit.\n"
      "#include \"bundled_rules.h\"\n\nnamespace tonelint {\nnamespace {\n\n" + arrays +
      "constexpr PrebuiltKeywordIndex kIndexes[] = {\n" + initializers + "};\n\n"
      "}  // namespace\n\n"
      "std::span<const PrebuiltKeywordIndex> BundledKeywordIndexes() {\n"
      "  return " + Span("kIndexes", count) + ";\n}\n\n}  // namespace tonelint\n";
  if (!WriteIfChanged(output, text)) {
    std::cerr << "tonelint_index: cannot write " << output << "\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace tonelint

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: tonelint_index OUTPUT.cpp\n";
    return 2;
  }
  return tonelint::Run(argv[1]);
}
