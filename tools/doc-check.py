#!/usr/bin/env python3
"""Keeps the documentation honest: links resolve and the commands it shows are ones that exist.

Checks README.md and docs/**/*.md:

1. Every relative Markdown link points at an existing file or directory, and every #anchor (same file
   or another Markdown file) matches a heading there, slugged the way GitHub does it.
2. Every command shown, in shell-like fenced blocks and in inline code:
   - `./demo ...`: the subcommand is one `./demo help` lists, each flag is one its usage line lists,
     `--phase` is 0..6, and a scenario name is one `./demo scenario list` prints (`--fix` only where the
     scenario has a fix). `./demo scenario list` builds the scenario runner on first use.
   - `java -jar load-generator/target/load-generator.jar ...`: every flag is one LoadOptionsParser accepts.
   - `curl ...`: listed and skipped, since they need the running services.

Prints what it checked; exits 1 listing every failure as file:line, 0 when there is none.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "demo"
LOAD_OPTIONS_PARSER = REPO / "load-generator/src/main/java/io/otelref/loadgen/config/LoadOptionsParser.java"
LOAD_GENERATOR_JAR = "load-generator/target/load-generator.jar"
PHASES = range(0, 7)

SHELL_FENCES = {"", "sh", "bash", "shell", "console", "text"}
FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*([\w+-]*)")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"")
PLACEHOLDER = re.compile(r"^(<[^>]*>|[A-Z]+|\.\.\.|…)$")


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def count(self, what: str) -> None:
        self.checked[what] = self.checked.get(what, 0) + 1

    def fail(self, where: str, message: str) -> None:
        self.failures.append(f"{where}: {message}")


@dataclass
class CodeSample:
    """A command found in a document: its text and the line it starts on."""

    text: str
    line: int


# ---------------------------------------------------------------------------------------- documents

def documents() -> list[Path]:
    return [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(REPO)}:{line}"


def prose_lines(text: str):
    """Yields (line number, line) outside fenced code blocks, and the fenced blocks themselves."""
    fence = None
    block: list[tuple[int, str]] = []
    language = ""
    for number, line in enumerate(text.splitlines(), start=1):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence, language, block = opening.group(1), opening.group(2).lower(), []
            continue
        if fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and line.strip().strip(fence[0]) == "":
                yield "block", language, block
                fence = None
            else:
                block.append((number, line))
            continue
        yield "line", number, line


# ---------------------------------------------------------------------------------------- anchors

def github_slug(heading: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link counts by its text
    text = re.sub(r"<[^>]+>", "", text)                       # HTML tags are not part of the text
    text = text.replace("`", "").strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)                      # punctuation goes, '-' and '_' stay
    return text.replace(" ", "-")


_anchors: dict[Path, set[str]] = {}


def anchors_of(path: Path) -> set[str]:
    if path not in _anchors:
        seen: dict[str, int] = {}
        found: set[str] = set()
        for kind, *rest in prose_lines(path.read_text(encoding="utf-8")):
            if kind != "line":
                continue
            _, line = rest
            found.update(HTML_ANCHOR.findall(line))
            heading = HEADING.match(line)
            if not heading:
                continue
            slug = github_slug(heading.group(2))
            # GitHub numbers repeated headings: intro, intro-1, intro-2 ...
            repeat = seen.get(slug, 0)
            seen[slug] = repeat + 1
            found.add(slug if repeat == 0 else f"{slug}-{repeat}")
        _anchors[path] = found
    return _anchors[path]


def check_link(document: Path, line: int, target: str, report: Report) -> None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("//"):
        return  # http:, https:, mailto: ... are not ours to check offline
    report.count("links")
    file_part, _, anchor = target.partition("#")
    resolved = document if not file_part else (document.parent / file_part).resolve()
    if not resolved.exists():
        report.fail(where(document, line), f"link target does not exist: {target}")
        return
    if anchor:
        report.count("anchors")
        if resolved.is_dir() or resolved.suffix.lower() != ".md":
            report.fail(where(document, line), f"anchor on a file that is not Markdown: {target}")
        elif anchor not in anchors_of(resolved):
            report.fail(where(document, line),
                        f"no heading for #{anchor} in {resolved.relative_to(REPO)}")


def without_inline_code(line: str) -> str:
    return INLINE_CODE.sub("", line)


def check_links(document: Path, report: Report) -> None:
    for kind, *rest in prose_lines(document.read_text(encoding="utf-8")):
        if kind != "line":
            continue
        number, line = rest
        text = without_inline_code(line)
        for target in INLINE_LINK.findall(text):
            check_link(document, number, target, report)
        reference = REFERENCE_LINK.match(text)
        if reference:
            check_link(document, number, reference.group(1), report)


# ---------------------------------------------------------------------------------------- commands

def commands_in(document: Path) -> list[CodeSample]:
    """Shell-like lines of fenced blocks (continuations joined, comments dropped) and inline code."""
    samples: list[CodeSample] = []
    for kind, *rest in prose_lines(document.read_text(encoding="utf-8")):
        if kind == "line":
            number, line = rest
            for _, code in INLINE_CODE.findall(line):
                samples.append(CodeSample(code.strip(), number))
            continue
        language, block = rest
        if language not in SHELL_FENCES:
            continue
        pending: CodeSample | None = None
        for number, line in block:
            stripped = re.sub(r"^\s*\$\s+", "", line).rstrip()
            if pending is not None:
                pending.text += " " + stripped.strip()
            else:
                pending = CodeSample(stripped.strip(), number)
            if pending.text.endswith("\\"):
                pending.text = pending.text[:-1].rstrip()
                continue
            samples.append(pending)
            pending = None
        if pending is not None:
            samples.append(pending)
    return samples


def drop_comment(command: str) -> str:
    return re.split(r"\s+#\s", command, maxsplit=1)[0].strip()


def words(command: str) -> list[str]:
    """Splits a documented command, reading usage brackets ([--fix]) as the flag they hold."""
    return [word.strip("[]") for word in drop_comment(command).split() if word.strip("[]")]


@dataclass
class DemoUsage:
    """What `./demo help` and `./demo scenario list` say exists."""

    subcommands: dict[str, str]     # subcommand -> its usage text
    scenarios: dict[str, bool]      # scenario -> has a fix

    def flags(self, subcommand: str) -> dict[str, bool]:
        """Each flag of a subcommand's usage, and whether it takes a value."""
        tokens = self.subcommands.get(subcommand, "").split()
        flags = {}
        for index, token in enumerate(tokens):
            flag = re.match(r"^\[?(--[a-z][a-z0-9-]*)(\]?)", token)
            if not flag:
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            closed = flag.group(2) == "]"
            flags[flag.group(1)] = not closed and bool(following) and not following.startswith(("[", "--"))
        return flags


def run(command: list[str]) -> str:
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SystemExit(f"doc-check: `{' '.join(command)}` failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def demo_usage() -> DemoUsage:
    # Each "  <subcommand> <synopsis>  <description>" line. The description is prose, where a flag may be
    # mentioned in passing: it follows a gap of two or more spaces, or starts at the column of the
    # deeper-indented continuation lines when the synopsis fills the space before it.
    help_lines = run([str(DEMO), "help"]).splitlines()
    indents = [len(line) - len(line.lstrip()) for line in help_lines if line.startswith("   ")]
    description_column = min(indents, default=0)
    subcommands: dict[str, str] = {"help": ""}  # `./demo help` prints the usage itself
    for line in help_lines:
        entry = re.match(r"^  ([a-z][a-z-]*)(.*)$", line)
        if not entry:
            continue
        synopsis = re.split(r"\s{2,}", entry.group(2).strip(), maxsplit=1)[0]
        tail = line[description_column:]
        if (description_column and line[description_column - 1:description_column] == " "
                and not re.search(r"[\[<]|--", tail) and synopsis.endswith(tail.strip())):
            synopsis = line[len(entry.group(1)) + 2:description_column].strip()
        subcommands[entry.group(1)] = subcommands.get(entry.group(1), "") + " " + synopsis
    print(f"./demo help lists: {', '.join(sorted(subcommands))}")
    scenarios = {}
    for line in run([str(DEMO), "scenario", "list"]).splitlines():
        entry = re.match(r"^\s+([a-z0-9][a-z0-9-]*)\s+(--fix\s+)?\d", line)
        if entry:
            scenarios[entry.group(1)] = entry.group(2) is not None
    print(f"./demo scenario list names: {', '.join(scenarios)}")
    if not subcommands or not scenarios:
        raise SystemExit("doc-check: could not read ./demo help or ./demo scenario list")
    return DemoUsage(subcommands, scenarios)


def check_demo(sample: CodeSample, at: str, usage: DemoUsage, report: Report) -> None:
    report.count("./demo commands")
    args = words(sample.text)[1:]
    if not args:
        return
    subcommand, rest = args[0], args[1:]
    if subcommand not in usage.subcommands:
        report.fail(at, f"`./demo {subcommand}` is not a command ./demo help lists: {sample.text}")
        return
    flags = usage.flags(subcommand)
    positionals = []
    index = 0
    while index < len(rest):
        word = rest[index]
        index += 1
        if not word.startswith("--"):
            positionals.append(word)
            continue
        if word not in flags:
            report.fail(at, f"`./demo {subcommand}` has no flag {word} (its usage lists "
                            f"{', '.join(flags) or 'none'}): {sample.text}")
            continue
        if flags[word]:
            value = rest[index] if index < len(rest) else ""
            index += 1
            if word == "--phase" and not PLACEHOLDER.match(value):
                if not value.isdigit() or int(value) not in PHASES:
                    report.fail(at, f"--phase must be 0..6, not {value!r}: {sample.text}")
    if subcommand == "scenario":
        check_scenario(sample, at, positionals, "--fix" in rest, usage, report)


def check_scenario(sample: CodeSample, at: str, positionals: list[str], fix: bool, usage: DemoUsage,
                   report: Report) -> None:
    if not positionals or positionals[0] == "list" or PLACEHOLDER.match(positionals[0]):
        return
    name = positionals[0]
    report.count("scenario names")
    if name not in usage.scenarios:
        report.fail(at, f"no scenario {name!r} in ./demo scenario list: {sample.text}")
    elif fix and not usage.scenarios[name]:
        report.fail(at, f"scenario {name!r} has no --fix: {sample.text}")


def load_generator_flags() -> set[str]:
    """The flags of the parser's switch: every `case "--flag" ->` label."""
    flags: set[str] = set()
    for label in re.findall(r"^\s*case (.*?) ->", LOAD_OPTIONS_PARSER.read_text(encoding="utf-8"), re.MULTILINE):
        flags.update(re.findall(r"\"(--[a-z][a-z0-9-]*)\"", label))
    return flags


def check_load_generator(sample: CodeSample, at: str, accepted: set[str], report: Report) -> None:
    report.count("load-generator commands")
    for word in words(sample.text):
        flag = word.split("=", 1)[0]
        if flag.startswith("--") and flag not in accepted:
            report.fail(at, f"the load generator has no flag {flag} "
                            f"({LOAD_OPTIONS_PARSER.relative_to(REPO)}): {sample.text}")


def check_commands(document: Path, usage: DemoUsage, load_flags: set[str], report: Report) -> None:
    for sample in commands_in(document):
        at = where(document, sample.line)
        text = drop_comment(sample.text)
        if text == "./demo" or text.startswith("./demo "):
            check_demo(sample, at, usage, report)
        elif re.match(rf"^java(\s+-\S+)*\s+-jar\s+{re.escape(LOAD_GENERATOR_JAR)}\b", text):
            check_load_generator(sample, at, load_flags, report)
        elif text.startswith("curl "):
            report.skipped.append(f"{at}: {text[:100]}")


# ---------------------------------------------------------------------------------------- main

def main() -> int:
    report = Report()
    docs = documents()
    print(f"doc-check: {len(docs)} Markdown files (README.md, docs/**/*.md)")
    usage = demo_usage()
    load_flags = load_generator_flags()
    print(f"load generator flags ({LOAD_OPTIONS_PARSER.relative_to(REPO)}): {', '.join(sorted(load_flags))}")
    for document in docs:
        check_links(document, report)
        check_commands(document, usage, load_flags, report)
    print("checked: " + ", ".join(f"{count} {what}" for what, count in report.checked.items()))
    if report.skipped:
        print(f"skipped {len(report.skipped)} curl commands (they need the running services):")
        for skipped in report.skipped:
            print(f"  {skipped}")
    if report.failures:
        print(f"FAILED: {len(report.failures)} problems", file=sys.stderr)
        for failure in report.failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print("doc-check: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
