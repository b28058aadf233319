#include "rule_selection.h"

#include <algorithm>

#include "suggest_name.h"
#include "suppression.h"

namespace tonelint {
namespace {

bool Names(const std::string& selector, const Rule& rule) {
  return selector == rule.id || selector == rule.name || selector == rule.category;
}

bool NamedByAny(const std::vector<std::string>& selectors, const Rule& rule) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& selector) { return Names(selector, rule); });
}

}  // namespace

bool ApplyRuleSelection(const RuleSelection& selection, std::vector<RuleFile>* files,
                        std::vector<Diagnostic>* errors) {
  std::vector<std::string> known = KnownCategories();
  // The built-in TL0001/TL0002 rules about suppression comments are applied after linting.
  for (const std::string& name : BuiltinSuppressionNames()) known.push_back(name);
  for (const RuleFile& file : *files) {
    for (const Rule& rule : file.rules) {
      known.push_back(rule.id);
      known.push_back(rule.name);
    }
  }
  bool ok = true;
  for (const auto* list : {&selection.enable, &selection.disable}) {
    for (const std::string& selector : *list) {
      if (std::find(known.begin(), known.end(), selector) == known.end()) {
        // The message first, then moved in: a message built inside the braces, after the empty
        // location, trips GCC 12's -Wmaybe-uninitialized on the path where building it throws.
        std::string message =
            "unknown rule, name or category '" + selector + "'" + DidYouMean(selector, known);
        errors->push_back({{}, std::move(message)});
        ok = false;
      }
    }
  }
  if (!ok) return false;
  for (RuleFile& file : *files) {
    std::erase_if(file.rules, [&](const Rule& rule) {
      return NamedByAny(selection.disable, rule) && !NamedByAny(selection.enable, rule);
    });
  }
  return true;
}

}  // namespace tonelint
