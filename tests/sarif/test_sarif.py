#!/usr/bin/env python3
"""SARIF and GitHub output tests: runs the built binary and checks its --format sarif output
against the SARIF 2.1.0 schema (tests/sarif/sarif-2.1.0-subset.schema.json, and the full
normative schema when TONELINT_SARIF_SCHEMA names a copy of it) and against --format json for
the same input: same findings, same code-point regions. Also checks --format github.

Usage: test_sarif.py BINARY CLI_FIXTURES_DIR EXAMPLES_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

BIN, FIX, EXAMPLES = (os.path.abspath(p) for p in sys.argv[1:4])
HERE = os.path.dirname(os.path.abspath(__file__))
TEST_RULES = ["--no-default-rules", "--rules", os.path.join(FIX, "test.rules")]
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

passed = failed = 0


def run(args, stdin=""):
    proc = subprocess.run([BIN] + args, input=stdin.encode(), capture_output=True, cwd=FIX)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def validators():
    found = []
    paths = [os.path.join(HERE, "sarif-2.1.0-subset.schema.json")]
    if os.environ.get("TONELINT_SARIF_SCHEMA"):
        paths.append(os.environ["TONELINT_SARIF_SCHEMA"])
    for path in paths:
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        found.append((os.path.basename(path),
                      jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())))
    return found


VALIDATORS = validators()


def schema_errors(doc):
    return [f"{name}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for name, validator in VALIDATORS for e in validator.iter_errors(doc)]


def check(name, problems):
    global passed, failed
    if problems:
        failed += 1
        print(f"FAIL - {name}")
        for problem in problems[:20]:
            print(f"  - {problem}")
    else:
        passed += 1
        print(f"ok - {name}")


def sarif_vs_json(name, args, stdin="", expect_uris=None):
    """Runs `args` with --format sarif and --format json; the SARIF must be valid and say the
    same as the JSON."""
    problems = []
    code_s, out_s, err_s = run(["--format", "sarif"] + args, stdin)
    code_j, out_j, _ = run(["--format", "json"] + args, stdin)
    if code_s != code_j:
        problems.append(f"exit status {code_s} with sarif, {code_j} with json")
    try:
        doc = json.loads(out_s)
    except ValueError as error:
        check(name, [f"not JSON: {error}", out_s[:500], err_s[:500]])
        return None
    problems += schema_errors(doc)
    expected = json.loads(out_j)
    run0 = doc["runs"][0]
    driver = run0["tool"]["driver"]
    if run0.get("columnKind") != "unicodeCodePoints":
        problems.append("columnKind is not unicodeCodePoints")
    if driver.get("name") != "tonelint" or not driver.get("version") or not driver.get("informationUri"):
        problems.append("tool.driver lacks name, version or informationUri")
    rules = driver.get("rules", [])
    ids = [r["id"] for r in rules]
    if ids != sorted(set(ids)):
        problems.append("rules are not one per id, sorted")
    for rule in rules:
        for key in ("name", "shortDescription", "help", "defaultConfiguration"):
            if key not in rule:
                problems.append(f"rule {rule['id']} lacks {key}")
    findings = [(f["path"], x) for f in expected["files"] for x in f["findings"]]
    results = run0.get("results", [])
    if len(results) != len(findings):
        problems.append(f"{len(results)} results, {len(findings)} JSON findings")
    for result, (path, finding) in zip(results, findings):
        where = f"{finding['rule']} at {finding['line']}:{finding['column']}"
        if result["ruleId"] != finding["rule"]:
            problems.append(f"{where}: ruleId {result['ruleId']}")
        if rules[result["ruleIndex"]]["id"] != result["ruleId"]:
            problems.append(f"{where}: ruleIndex {result['ruleIndex']} is not {result['ruleId']}")
        if result["level"] != LEVELS[finding["severity"]]:
            problems.append(f"{where}: level {result['level']}")
        if not result["message"]["text"].startswith(finding["message"]):
            problems.append(f"{where}: message {result['message']['text']!r}")
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        if finding["text"] == "":
            want = {"startLine": finding["line"], "startColumn": finding["column"]}
            got = region
        else:
            want = {"startLine": finding["line"], "startColumn": finding["column"],
                    "endLine": finding["end_line"], "endColumn": finding["end_column"],
                    "snippet": {"text": finding["text"]}}
            got = region
        if got != want:
            problems.append(f"{where}: region {got}, expected {want}")
        if expect_uris is not None:
            uri = location["artifactLocation"]["uri"]
            if expect_uris.get(path, uri) != uri:
                problems.append(f"{where}: uri {uri!r} for {path!r}, expected {expect_uris[path]!r}")
    check(name, problems)
    return doc


# ---------------------------------------------------------------- SARIF
sarif_vs_json("sarif: findings with spans, same as json", TEST_RULES + ["rude.txt"],
              expect_uris={"rude.txt": "rude.txt"})
doc = sarif_vs_json("sarif: document-level finding has startLine/startColumn only",
                    TEST_RULES + ["--context", "complaint.txt", "reply-no-apology.txt"])
check("sarif: the document-level finding is there",
      [] if doc and any(r["ruleId"] == "TL9004" for r in doc["runs"][0]["results"])
      else ["no TL9004 result"])
sarif_vs_json("sarif: a missing file (exit 2) still gives a valid log of the others",
              TEST_RULES + ["no-such-file.txt", "rude.txt"])
doc = sarif_vs_json("sarif: clean input", TEST_RULES + ["clean.txt"])
# 5 test rules and the 2 built-in suppression rules (TL0001, TL0002).
check("sarif: clean input has an empty results array and all rules",
      [] if doc and doc["runs"][0]["results"] == [] and len(doc["runs"][0]["tool"]["driver"]["rules"]) == 7
      else ["results not [] or rules missing"])
sarif_vs_json("sarif: standard input", TEST_RULES, stdin="Usted es un idiota.\n",
              expect_uris={"<stdin>": "%3Cstdin%3E"})
sarif_vs_json("sarif: suppression findings point at their own rule descriptors", TEST_RULES,
              stdin="<!-- tonelint-disable-next-line TL9001 -->\nHola.\n")
sarif_vs_json("sarif: mixed languages, --each-line", TEST_RULES + ["--each-line", "templates.txt", "mixed.txt"])

with tempfile.TemporaryDirectory() as tmp:
    odd = os.path.join(tmp, "año 1: qué%.txt")
    with open(odd, "w", encoding="utf-8") as f:
        f.write("¡Ñandú 😀! Usted es un idiota.\n")
    doc = sarif_vs_json("sarif: absolute path with spaces, ':', '%' and non-ASCII",
                        TEST_RULES + [odd],
                        expect_uris={odd: "file://" + tmp + "/a%C3%B1o%201%3A%20qu%C3%A9%25.txt"})
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in doc["runs"][0]["results"]] if doc else []
    check("sarif: columns count code points (ñ, ú, an emoji before the span)",
          [] if regions and regions[0]["startColumn"] == 23 and regions[0]["endColumn"] == 29
          else [f"regions {regions}"])

examples = sorted(os.path.join(EXAMPLES, name) for name in os.listdir(EXAMPLES) if name.endswith(".txt"))
sarif_vs_json("sarif: bundled rules on the example replies", examples)

bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "tonelint"}},
                                     "results": [{"ruleId": "TL1", "level": "fatal"}]}]}
check("schema: rejects a result without message and with an unknown level",
      [] if len(schema_errors(bad)) >= 2 else ["the schema accepted a broken document"])

# ---------------------------------------------------------------- GitHub
code, out, err = run(["--format", "github"] + TEST_RULES + ["rude.txt"])
lines = out.splitlines()
check("github: one workflow command per finding, exit status as text", [
    problem for problem in [
        None if code == 1 else f"exit status {code}",
        None if lines == [
            '::error file=rude.txt,line=2,col=19,endLine=2,endColumn=24,title=TL9001 insult-direct::'
            'Insultar al cliente. Suggestion: "entendemos su molestia".',
            '::warning file=rude.txt,line=3,col=5,endLine=3,endColumn=26,'
            'title=TL9002 dismissive-not-our-problem::Decir que no es problema de la marca despide al cliente.',
            '::notice file=rude.txt,line=3,col=27,endLine=3,endColumn=29,'
            'title=TL9003 shouting-exclamations::Demasiados signos de exclamación.',
        ] else f"stdout: {lines}",
        None if err == "1 error, 1 warning, 1 info in 1 file\n" else f"stderr: {err!r}",
    ] if problem])
code, out, _ = run(["--format", "github"] + TEST_RULES + ["--context", "complaint.txt", "reply-no-apology.txt"])
check("github: document-level finding has line and col only",
      [] if out.startswith("::warning file=reply-no-apology.txt,line=1,col=1,title=TL9004 missing-apology::")
      else [out])
with tempfile.TemporaryDirectory() as tmp:
    odd = os.path.join(tmp, "a,b:c%.txt")
    with open(odd, "w", encoding="utf-8") as f:
        f.write("Usted es un idiota.\n")
    code, out, _ = run(["--format", "github"] + TEST_RULES + [odd])
    check("github: ',', ':' and '%' escaped in the file property",
          [] if out.startswith(f"::error file={tmp.replace(':', '%3A')}/a%2Cb%3Ac%25.txt,line=1,col=13,")
          else [out])

print(f"# {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
