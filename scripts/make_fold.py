#!/usr/bin/env python3
"""Writes core/src/text/fold_table.rs: the Traditional forms of the
characters in the calculator's vocabulary, each with its Simplified form.

The vocabulary is every CJK character in a string or char literal of
core/src (the word tables of fields, values, date and import, and the
texts around them). Each is converted with OpenCC's s2t, s2tw and s2hk
tables; a form that differs from the character is a Traditional form to
fold. Run it after adding words (OpenCC comes from PyPI:
`pip install opencc-python-reimplemented`); the table is committed, so
building needs nothing of this.
"""
import pathlib
import re

import opencc

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORE = ROOT / "src" / "core"
OUT = CORE / "text" / "fold_table.rs"

LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\'\\]\'')


def cjk(c):
    return 0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF


def vocabulary():
    """The vocabulary's characters, and its literals (converted whole as
    well, since OpenCC converts some characters only within a word: 布 alone
    stays 布, but 发布 becomes 發佈)."""
    chars = set()
    words = set()
    for path in sorted(CORE.rglob("*.rs")):
        if path == OUT:
            continue
        source = path.read_text(encoding="utf-8")
        # Unit tests hold sample names as well as words; they are cut off.
        source = source.split("#[cfg(test)]")[0]
        # Comments, doc examples among them, may quote Traditional text.
        source = "\n".join(
            line for line in source.splitlines() if not line.lstrip().startswith("//")
        )
        for literal in LITERAL.findall(source):
            chars.update(c for c in literal if cjk(c))
            words.add(literal)
    return chars, words


def main():
    chars, words = vocabulary()
    # Only Simplified characters are vocabulary: the source also names
    # Traditional forms on purpose (the place characters of level
    # inference), and those are what is folded.
    simplify = opencc.OpenCC("t2s")
    chars = {c for c in chars if simplify.convert(c) == c}
    converters = [opencc.OpenCC(name) for name in ("s2t", "s2tw", "s2hk")]
    fold = {}
    pairs = []
    for converter in converters:
        for simplified in sorted(chars):
            pairs.extend(zip(simplified, converter.convert(simplified)))
        for word in sorted(words):
            converted = converter.convert(word)
            if len(converted) == len(word):
                pairs.extend(zip(word, converted))
    for simplified, traditional in pairs:
        if traditional == simplified or not cjk(traditional) or not cjk(simplified):
            continue
        # A character the vocabulary uses as Simplified text is never
        # folded into another.
        if traditional in chars:
            continue
        fold.setdefault(traditional, simplified)
    lines = [
        "//! Made by `scripts/make_fold.py`; do not edit by hand.",
        "//!",
        "//! The Traditional forms of the vocabulary's characters, sorted, each",
        "//! with its Simplified form.",
        "",
        "/// The smallest Traditional form in [`FOLD`].",
        f"pub const FIRST: char = '{min(fold)}';",
        "",
        "/// `(Traditional, Simplified)`, sorted by the Traditional form.",
        "pub const FOLD: &[(char, char)] = &[",
    ]
    for traditional in sorted(fold):
        lines.append(f"    ('{traditional}', '{fold[traditional]}'),")
    lines.append("];")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(fold)} Traditional forms of {len(chars)} characters -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
