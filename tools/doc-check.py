#!/usr/bin/env python3
"""Keeps the documentation honest: links resolve and the commands it shows are ones that exist.

Checks README.md and docs/**/*.md:

1. Every relative Markdown link points at an existing file or directory, and every #anchor (same file
   or another Markdown file) matches a heading there, slugged the way GitHub does it.
2. Every command shown, in shell-like fenced blocks and in inline code:
   - `./demo ...`: the subcommand is one `./demo help` lists, each flag is one its usage line lists,
     `--phase` is 0..6, and a scenario name is one `./demo scenario list` prints (`--fix` only where the
     scenario has a fix). `./demo scenario list` builds the scenario runner on first use.
   - `java -jar load-generator/target/load-generator.jar ...`: every flag is one the jar's own `--help` lists
     (so the load generator must be built first; `./demo test` builds everything before this check).

With --run (the test command runs it after the end-to-end suite, against the running stack), every command
shown is also run, as a whole fenced block where its lines share variables (token=..., trace=...):

   - as written: `./demo status|help|scenario list|logs <c>|trace ...`, `curl ...` (through a wrapper
     that adds --fail-with-body, so an HTTP error fails the run), `java -version`, shell assignments;
   - with a real trace id for `<traceId>` / `<id>`: a checkout of the last 15 minutes whose order was invoiced,
     found in VictoriaLogs and checked to be in Jaeger, so that both its trace and its log records exist;
   - shortened: `./demo scenario <name> ...` runs with `--duration 3s --no-warm-up` (its full-length
     signature is what the end-to-end suite measures), load-generator runs with --duration 3s and a
     ramp-up of at most 1s, in a scratch directory so that their report files do not land in the checkout;
   - last, in phase order: `./demo up [--phase N]`, then `./demo up` to leave the stack at phase 6.

Commands that cannot or need not run here are named with the reason (Docker and kubectl: no engine or
cluster on this machine; mvn, promtool, `./demo test`, `bash .ci/run`: the test command itself runs
them). A command of any other kind fails the check, so a new kind of command cannot slip by unrun.
After the run, every service's admin settings are reset.

Prints what it checked; exits 1 listing every failure as file:line, 0 when there is none. Its rules are tested
by tools/test_doc_check.py (pytest), which the test command runs first.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "demo"
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
    """The flags the load generator's own --help lists (LoadOptionsParserTest holds that text to its parser)."""
    jar = REPO / LOAD_GENERATOR_JAR
    if not jar.is_file():
        raise SystemExit(f"doc-check: {LOAD_GENERATOR_JAR} is not built; build it first (mvn -pl load-generator -am package)")
    java = Path(os.environ["JAVA_HOME"]) / "bin" / "java" if os.environ.get("JAVA_HOME") else Path("java")
    return set(re.findall(r"^  (?:-h, )?(--[a-z][a-z0-9-]*)", run([str(java), "-jar", str(jar), "--help"]), re.MULTILINE))


def check_load_generator(sample: CodeSample, at: str, accepted: set[str], report: Report) -> None:
    report.count("load-generator commands")
    for word in words(sample.text):
        flag = word.split("=", 1)[0]
        if flag.startswith("--") and flag not in accepted:
            report.fail(at, f"the load generator has no flag {flag} (its --help lists {len(accepted)}): {sample.text}")


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


# ---------------------------------------------------------------------------------------- running them (--run)

COMMAND_WORDS = {"./demo", "curl", "java", "mvn", "docker", "kubectl", "promtool", "bash", "cd"}
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
# Commands shown in the docs that this check does not run, by prefix, and why.
NOT_RUN_HERE = {
    "docker": "no Docker engine on this machine; deploy/validate.sh checks the compose file with `docker compose config`",
    "kubectl": "no Kubernetes cluster here; deployment-tests parse deploy/kubernetes into the typed model",
    "mvn": "the test command builds and tests every module with Maven itself",
    "promtool": "deploy/validate.sh, part of the test command, runs promtool on the configuration and rules",
    "bash .ci/run": "CI itself, which runs the test command that runs this",
    "./demo test": "the test command that runs this",
    "./demo down": "it would stop the stack the other commands need; `./demo test` stops what it started",
    "cd infra/jaeger && go get": "moving to another Jaeger version edits infra/jaeger/go.mod; infra/observability.sh builds the pinned one",
}
SHORT_PHASE = "3s"
LONGEST_RAMP_UP = "1s"
TRACE_ID_PLACEHOLDERS = ("<traceId>", "<id>")
SERVICE_PORTS = {"checkout-service": 8080, "billing-service": 8081, "invoice-worker": 8082}
JAEGER = "http://127.0.0.1:16686"
VICTORIALOGS = "http://127.0.0.1:9428"
# Every script starts with this: an HTTP error from a documented curl fails the run, though the docs
# leave out --fail to keep the examples short.
PRELUDE = "set -euo pipefail\ncurl() { command curl --fail-with-body \"$@\"; }\n"


@dataclass
class Script:
    """What runs for one fenced block or one inline command: its commands, rewritten where they need to be."""

    where: str
    commands: list[str]

    def text(self) -> str:
        return PRELUDE + "\n".join(self.commands) + "\n"


@dataclass
class DocRuns:
    scripts: dict[str, Script] = field(default_factory=dict)   # by text, so a command shown twice runs once
    phases: dict[str, str] = field(default_factory=dict)        # `./demo up [--phase N]` -> where it is shown
    not_run: dict[str, str] = field(default_factory=dict)       # command -> why
    demo_commands: set[str] = field(default_factory=set)
    mentions: int = 0


def logical_commands(lines: list[str]) -> list[str]:
    """Joins a block's lines into commands: across a trailing backslash, and across a quoted newline."""
    commands: list[str] = []
    pending = ""
    for line in lines:
        pending = f"{pending}\n{line}" if pending else line
        if pending.rstrip().endswith("\\") or not quotes_balanced(pending):
            continue
        commands.append(pending)
        pending = ""
    if pending:
        commands.append(pending)
    return [command for command in commands if command.strip() and not command.strip().startswith("#")]


def quotes_balanced(text: str) -> bool:
    try:
        shlex.split(text, comments=True)
        return True
    except ValueError:
        return False


def one_line(command: str) -> str:
    return drop_comment(re.sub(r"\\\n\s*", " ", command).strip())


def with_flag(command: str, flag: str, value: str, only_if_longer: bool = False) -> str:
    """Sets `flag value` in a one-line command, replacing the value shown; appends it when absent."""
    pattern = re.compile(rf"(^|\s){re.escape(flag)}\s+(\S+)")
    shown = pattern.search(command)
    if shown is None:
        return f"{command} {flag} {value}"
    if only_if_longer and seconds(shown.group(2)) <= seconds(value):
        return command
    return pattern.sub(rf"\g<1>{flag} {value}", command, count=1)


def shortened(command: str) -> str:
    """A load run that proves the command works without its full length: 3 s, after at most 1 s of ramp-up."""
    return with_flag(with_flag(command, "--duration", SHORT_PHASE), "--ramp-up", LONGEST_RAMP_UP, only_if_longer=True)


def seconds(duration: str) -> float:
    amount = re.match(r"^(\d+(?:\.\d+)?)(ms|s|m|h)$", duration)
    if not amount:
        return float("inf")
    return float(amount.group(1)) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[amount.group(2)]


def plan_command(raw: str, at: str, trace_id: str, plan: DocRuns, report: Report) -> str | None:
    """What to run for one documented command, or None when it is not run (the plan says why)."""
    command = one_line(raw)
    first = command.split()[0] if command else ""
    for prefix, reason in NOT_RUN_HERE.items():
        if command == prefix or command.startswith(prefix + " "):
            plan.not_run.setdefault(command, reason)
            return None
    if ASSIGNMENT.match(command):
        return raw
    if command in COMMAND_WORDS:
        plan.mentions += 1   # a tool named in passing (`curl`, `java`), not a command to run
        return None
    if first == "./demo":
        return plan_demo(command, at, trace_id, plan)
    if first == "curl":
        return raw
    if command == "java -version":
        return command
    if LOAD_GENERATOR_JAR in command and " -jar " in f" {command}":
        load_run = shortened(command).replace(LOAD_GENERATOR_JAR, str(REPO / LOAD_GENERATOR_JAR))
        # Thresholds (--max-p99, --max-error-rate) decide the exit code: 1 is the tool working as documented.
        tolerated = " || [ $? -eq 1 ]" if "--max-" in command else ""
        return f'(cd "$DOC_SCRATCH" && {load_run}){tolerated}'
    if first in ("java", "cd"):
        return substitute(shortened(command) if "--duration" in command else command, trace_id)
    report.fail(at, f"doc-check --run has no rule for this command; run it or say why not: {command[:80]}")
    return None


def plan_demo(command: str, at: str, trace_id: str, plan: DocRuns) -> str | None:
    # A trace id placeholder is filled in first, so that `./demo trace <traceId>` runs rather than reading
    # as a synopsis; any other placeholder (`<name>`, `<service>`) still marks one.
    command = substitute(command, trace_id)
    args = words(command)[1:]
    subcommand = args[0] if args else "help"
    if subcommand == "scenario" and "--target" in args:
        plan.not_run.setdefault(command, "no Docker engine on this machine for the compose stack")
        return None
    if subcommand == "chaos" and args[1:] != ["list"]:
        plan.not_run.setdefault(command, "the fault suite, the test command's last step, injects every fault")
        return None
    if subcommand == "dlq" and args[1:2] == ["replay"]:
        plan.not_run.setdefault(command, "it would republish the stack's own dead letters; DeadLetterTopicsTest and"
                                " DeadLetterReplayEndToEndTest run replays")
        return None
    synopsis = re.search(r"<[^>]+>|…", command) or any(PLACEHOLDER.match(arg) for arg in args[1:])
    if synopsis or (subcommand in ("scenario", "trace", "logs", "dlq") and len(args) == 1):
        plan.mentions += 1   # a synopsis (`./demo scenario <name> [--fix]`) or a subcommand named in passing
        return None
    if subcommand == "up":
        plan.phases.setdefault(command, at)
        return None
    if subcommand == "scenario" and args[1] != "list":
        # The full-length run is what the end-to-end suite measures; here it proves the command works.
        command = re.sub(r"\s--no-warm-up\b", "", with_flag(command, "--duration", SHORT_PHASE)) + " --no-warm-up"
    if command in plan.demo_commands:
        return None   # shown on several pages, run once
    plan.demo_commands.add(command)
    return command


def substitute(command: str, trace_id: str) -> str:
    for placeholder in TRACE_ID_PLACEHOLDERS:
        command = command.replace(placeholder, trace_id)
    return command


def plan_runs(docs: list[Path], trace_id: str, report: Report) -> DocRuns:
    plan = DocRuns()
    for document in docs:
        for kind, *rest in prose_lines(document.read_text(encoding="utf-8")):
            if kind == "line":
                number, line = rest
                for _, code in INLINE_CODE.findall(line):
                    code = code.strip()
                    if code and code.split()[0] in COMMAND_WORDS:
                        add_script(plan, where(document, number), [code], trace_id, report)
                continue
            language, block = rest
            if language not in SHELL_FENCES or not block:
                continue
            commands = logical_commands([re.sub(r"^\s*\$\s+", "", line) for _, line in block])
            if not commands:
                continue
            opening = one_line(commands[0]).split()
            if not opening or (opening[0] not in COMMAND_WORDS and not ASSIGNMENT.match(opening[0])):
                continue   # output shown, not commands
            add_script(plan, where(document, block[0][0]), commands, trace_id, report)
    return plan


def add_script(plan: DocRuns, at: str, commands: list[str], trace_id: str, report: Report) -> None:
    planned = [planned for planned in (plan_command(command, at, trace_id, plan, report) for command in commands)
               if planned is not None]
    if planned:
        script = Script(at, planned)
        plan.scripts.setdefault(script.text(), script)


def recent_trace_id() -> str:
    """A recent checkout that went all the way (its order invoiced), so that both its trace and its log records
    exist: what `./demo trace <traceId> --logs` and `./demo logs --trace <traceId>` are shown with. A declined
    checkout logs nothing, so Jaeger's latest checkout trace alone would not do."""
    query = urllib.parse.urlencode({"query": '_time:15m _msg:~"^Order .* invoiced$" | limit 20'})
    try:
        with urllib.request.urlopen(f"{VICTORIALOGS}/select/logsql/query?{query}", timeout=10) as answer:
            candidates = [json.loads(line)["trace_id"] for line in answer.read().decode().splitlines() if line.strip()]
    except OSError as unanswered:
        raise SystemExit(f"doc-check --run: VictoriaLogs at {VICTORIALOGS} did not answer ({unanswered}); "
                         "is the stack running (./demo up)?")
    for trace_id in candidates:
        try:
            with urllib.request.urlopen(f"{JAEGER}/api/traces/{trace_id}", timeout=10) as answer:
                if json.load(answer).get("data"):
                    return trace_id
        except OSError:
            continue   # not in Jaeger (yet): the next one
    raise SystemExit("doc-check --run: no checkout of the last 15 minutes has both its trace in Jaeger and its log"
                     " records in VictoriaLogs; is the stack running (./demo up)?")


def run_script(script: Script, scratch: str, environment: dict[str, str], report: Report) -> None:
    started = time.monotonic()
    result = subprocess.run(["bash", "-c", script.text()], cwd=REPO, capture_output=True, text=True, timeout=600,
                            env={**environment, "DOC_SCRATCH": scratch})
    took = time.monotonic() - started
    if result.returncode == 0:
        print(f"  ran {script.where} in {took:.1f}s: {summary(script)}")
        return
    output = (result.stdout + result.stderr).strip().splitlines()
    report.fail(script.where, f"exit {result.returncode} after {took:.1f}s: {summary(script)}\n      "
                + "\n      ".join(output[-25:]))


def summary(script: Script) -> str:
    return " ; ".join(one_line(command)[:70] for command in script.commands)


def reset_every_service() -> None:
    token = (REPO / ".demo" / "admin-token").read_text(encoding="utf-8").strip()
    for service, port in SERVICE_PORTS.items():
        request = urllib.request.Request(f"http://127.0.0.1:{port}/admin/reset", method="POST",
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=10):
            pass
    print(f"  reset the admin settings of {', '.join(SERVICE_PORTS)}")


def phase_order(command: str) -> int:
    phase = re.search(r"--phase\s+(\d)", command)
    return int(phase.group(1)) if phase else 6


def run_documented_commands(docs: list[Path], report: Report) -> None:
    trace_id = recent_trace_id()
    plan = plan_runs(docs, trace_id, report)
    java_home = os.environ.get("JAVA_HOME")
    environment = dict(os.environ)
    if java_home:
        # The docs ask for Java 21 or newer on PATH; the machine's default java may be older.
        environment["PATH"] = f"{java_home}/bin:{environment['PATH']}"
    print(f"running the documented commands against the stack ({len(plan.scripts)} scripts, then "
          f"{len(plan.phases)} `./demo up` variants; <traceId> = {trace_id})")
    with tempfile.TemporaryDirectory(prefix="doc-check-") as scratch:
        try:
            for script in plan.scripts.values():
                run_script(script, scratch, environment, report)
        finally:
            reset_every_service()
        # Last, because each one restarts the services; ending on plain `./demo up` leaves phase 6 running.
        ups = sorted((up for up in plan.phases if up != "./demo up"), key=phase_order)
        for up in [*ups, "./demo up"]:
            run_script(Script(plan.phases.get(up, "(restore)"), [up]), scratch, environment, report)
    print(f"not run here ({len(plan.not_run)}):")
    for command, reason in plan.not_run.items():
        print(f"  {command[:70]}: {reason}")
    print(f"skipped {plan.mentions} mentions of a command's name or synopsis (`./demo scenario <name>`)")


# ---------------------------------------------------------------------------------------- main

def main() -> int:
    if sys.argv[1:] not in ([], ["--run"]):
        print("usage: tools/doc-check.py [--run]", file=sys.stderr)
        return 2
    report = Report()
    docs = documents()
    print(f"doc-check: {len(docs)} Markdown files (README.md, docs/**/*.md)")
    usage = demo_usage()
    load_flags = load_generator_flags()
    print(f"load generator flags (its --help): {', '.join(sorted(load_flags))}")
    for document in docs:
        check_links(document, report)
        check_commands(document, usage, load_flags, report)
    print("checked: " + ", ".join(f"{count} {what}" for what, count in report.checked.items()))
    if sys.argv[1:] == ["--run"]:
        run_documented_commands(docs, report)
    elif report.skipped:
        print(f"not run without --run: {len(report.skipped)} curl commands (they need the running services)")
    if report.failures:
        print(f"FAILED: {len(report.failures)} problems", file=sys.stderr)
        for failure in report.failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print("doc-check: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
