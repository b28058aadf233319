#!/usr/bin/env python3
"""Prints the plain words of the bundled insult and profanity rules, one per line: the word
list a team would feed to `grep -iwF -f` (the "blacklist in a hook" baseline)."""
import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
words = set()
for path in glob.glob(os.path.join(root, "rules", "*", "*.rules")):
    if not re.search(r"(insult|profanity)\.rules$", path):
        continue
    for line in open(path, encoding="utf-8"):
        if not line.startswith("match"):
            continue
        pattern = line.split(None, 1)[1].strip()
        # Only one-word patterns ("idiota", "(idiota|imbécil*)"): a word list has no phrases.
        if " " in pattern:
            continue
        if pattern.startswith("(") and pattern.endswith(")"):
            pattern = pattern[1:-1]
        for word in pattern.split("|"):
            word = word.strip().rstrip("*")
            if len(word) >= 3 and re.fullmatch(r"[\w'’-]+", word):
                words.add(word.lower())
print("\n".join(sorted(words)))
