// SARIF 2.1.0 (OASIS). One run; tool.driver.rules has one reportingDescriptor per rule id (the
// same concept has the same id in both languages, DESIGN.md §3), and each result points at its
// descriptor with ruleIndex. Regions count code points, as every tonelint output does, so the
// run says columnKind "unicodeCodePoints".
#include <fmt/format.h>

#include <map>

#include "json_string.h"
#include "reporter.h"

#ifndef TONELINT_HOMEPAGE
#define TONELINT_HOMEPAGE "https://github.com/tonelint/tonelint"
#endif

namespace tonelint {
namespace {

std::string_view SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: break;
  }
  return "note";
}

// A path as a URI reference: relative paths stay relative (GitHub resolves them against the
// repository root), absolute ones become file:// URIs. Every byte outside the unreserved set
// and '/' is percent-encoded, so spaces, ':', '%', '<stdin>' and non-ASCII names stay valid.
std::string PathToUri(std::string_view path) {
  while (path.size() > 2 && path.substr(0, 2) == "./") path.remove_prefix(2);
  std::string uri = !path.empty() && path.front() == '/' ? "file://" : "";
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      uri.push_back(ch);
    } else {
      uri += fmt::format("%{:02X}", c);
    }
  }
  return uri;
}

// The help text of a rule id: each language's message, examples and suggestions.
std::string HelpText(const std::vector<const Rule*>& variants) {
  std::string help;
  for (const Rule* rule : variants) {
    if (!help.empty()) help += "\n\n";
    help += fmt::format("[{}] {}", LangCode(rule->lang), rule->message);
    for (const Example& example : rule->bad) help += "\nBad: " + example.text;
    for (const Example& example : rule->good) help += "\nGood: " + example.text;
    for (const std::string& suggestion : rule->suggestions) help += "\nSuggestion: " + suggestion;
  }
  return help;
}

class SarifReporter : public Reporter {
 public:
  SarifReporter(std::ostream& out, const std::vector<Rule>& rules) : out_(out) {
    std::map<std::string, std::vector<const Rule*>> by_id;
    for (const Rule& rule : rules) by_id[rule.id].push_back(&rule);
    for (auto& [id, variants] : by_id) {
      index_[id] = descriptors_.size();
      descriptors_.push_back(Descriptor(variants));
    }
  }

  // Results are written as they come, not kept: 100,000 of them would be 50 MB.
  void ReportFile(const FileFindings& file) override {
    const std::string uri = JsonString(PathToUri(file.path));
    for (const Finding& finding : file.findings) {
      out_ << (first_result_ ? "" : ",") << "\n    " << Result(file, uri, finding);
      first_result_ = false;
    }
  }

  void Finish(const Summary&) override { out_ << "]\n }]\n}\n"; }

  // Everything before the first result: the tool and its rules.
  void Begin() {
    out_ << "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
            " \"version\": \"2.1.0\",\n"
            " \"runs\": [{\n"
            "  \"tool\": {\"driver\": {\"name\": \"tonelint\", \"version\": \"" TONELINT_VERSION
            "\", \"semanticVersion\": \"" TONELINT_VERSION "\",\n"
            "   \"informationUri\": \"" TONELINT_HOMEPAGE "\",\n"
            "   \"rules\": [";
    for (std::size_t i = 0; i < descriptors_.size(); ++i) {
      out_ << (i == 0 ? "" : ",") << "\n    " << descriptors_[i];
    }
    out_ << "]}},\n  \"columnKind\": \"unicodeCodePoints\",\n  \"results\": [";
  }

 private:
  static std::string Descriptor(const std::vector<const Rule*>& variants) {
    // English first when the id has it, so that the short description reads the same in every
    // log; the help text carries every language.
    const Rule* main = variants.front();
    for (const Rule* rule : variants) {
      if (rule->lang == Lang::kEn) main = rule;
    }
    std::string langs;
    for (const Rule* rule : variants) {
      langs += (langs.empty() ? "" : ", ") + JsonString(LangCode(rule->lang));
    }
    return fmt::format(
        "{{\"id\": {}, \"name\": {}, \"shortDescription\": {{\"text\": {}}}, "
        "\"help\": {{\"text\": {}}}, \"defaultConfiguration\": {{\"level\": \"{}\"}}, "
        "\"properties\": {{\"category\": {}, \"languages\": [{}], \"tags\": [{}]}}}}",
        JsonString(main->id), JsonString(main->name), JsonString(main->message),
        JsonString(HelpText(variants)), SarifLevel(main->severity), JsonString(main->category),
        langs, JsonString(main->category));
  }

  std::string Result(const FileFindings& file, const std::string& uri, const Finding& finding) {
    const Rule& rule = *finding.rule;
    std::string message = rule.message;
    for (const std::string& suggestion : finding.suggestions) {
      message += fmt::format(" Suggestion: \"{}\".", suggestion);
    }
    std::string region;
    if (finding.document_level) {
      // The reply as a whole: its first line, no span.
      region = fmt::format("{{\"startLine\": {}, \"startColumn\": {}}}", finding.begin.line,
                           finding.begin.column);
    } else {
      const std::string_view text = file.source->Slice(finding.span);
      region = fmt::format(
          "{{\"startLine\": {}, \"startColumn\": {}, \"endLine\": {}, \"endColumn\": {}, "
          "\"snippet\": {{\"text\": {}}}}}",
          finding.begin.line, finding.begin.column, finding.end.line, finding.end.column,
          JsonString(text));
    }
    const auto found = index_.find(rule.id);
    const std::size_t rule_index = found == index_.end() ? 0 : found->second;
    return fmt::format(
        "{{\"ruleId\": {}, \"ruleIndex\": {}, \"level\": \"{}\", \"message\": {{\"text\": {}}}, "
        "\"locations\": [{{\"physicalLocation\": {{\"artifactLocation\": {{\"uri\": {}}}, "
        "\"region\": {}}}}}], \"properties\": {{\"category\": {}, \"lang\": {}}}}}",
        JsonString(rule.id), rule_index, SarifLevel(finding.severity), JsonString(message), uri,
        region, JsonString(rule.category), JsonString(LangCode(finding.lang)));
  }

  std::ostream& out_;
  std::vector<std::string> descriptors_;
  std::map<std::string, std::size_t> index_;
  bool first_result_ = true;
};

}  // namespace

std::unique_ptr<Reporter> MakeSarifReporter(std::ostream& out, const std::vector<Rule>& rules) {
  auto reporter = std::make_unique<SarifReporter>(out, rules);
  reporter->Begin();
  return reporter;
}

}  // namespace tonelint
