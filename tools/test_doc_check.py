"""Tests of tools/doc-check.py's rules, on small documents written here (python3 -m pytest tools)."""

import importlib.util
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("doc_check", Path(__file__).with_name("doc-check.py"))
doc_check = importlib.util.module_from_spec(_SPEC)
sys.modules["doc_check"] = doc_check   # its dataclasses look their module up by name
_SPEC.loader.exec_module(doc_check)

USAGE = doc_check.DemoUsage(
    subcommands={"up": " up [--phase <0-6>]", "scenario": " scenario [--target local|compose] <name> [--fix]"
                 " [--rate <req/s>] [--duration <d>] [--no-warm-up]", "trace": " trace <traceId> [--logs]"},
    scenarios={"baseline": False, "hot-account": True})


@pytest.fixture
def docs(tmp_path, monkeypatch):
    """A repository of its own: doc-check names places relative to REPO."""
    monkeypatch.setattr(doc_check, "REPO", tmp_path)
    doc_check._anchors.clear()
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_heading_becomes_githubs_anchor():
    assert doc_check.github_slug("From a trace to its logs, and back") == "from-a-trace-to-its-logs-and-back"
    assert doc_check.github_slug("The `app.*` span [attributes](x.md)") == "the-app-span-attributes"


def test_repeated_headings_are_numbered_and_headings_in_code_blocks_do_not_count(docs):
    page = write(docs / "page.md", "# Intro\n\n```\n# not a heading\n```\n\n## Intro\n<a id=\"raw\"></a>\n")
    assert doc_check.anchors_of(page) == {"intro", "intro-1", "raw"}


def test_a_link_to_a_missing_file_or_heading_fails_and_a_good_one_does_not(docs):
    write(docs / "docs" / "other.md", "# Where it is\n")
    page = write(docs / "docs" / "page.md",
                 "[ok](other.md#where-it-is) [gone](missing.md) [no anchor](other.md#elsewhere)"
                 " `[in code](nowhere.md)` [web](https://example.org/x)\n")
    report = doc_check.Report()

    doc_check.check_links(page, report)

    assert report.failures == [
        "docs/page.md:1: link target does not exist: missing.md",
        "docs/page.md:1: no heading for #elsewhere in docs/other.md",
    ]
    assert report.checked == {"links": 3, "anchors": 2}


def test_commands_are_read_from_shell_blocks_with_continuations_joined_and_prompts_dropped(docs):
    page = write(docs / "page.md", "Run `./demo up`.\n\n```bash\n$ ./demo scenario hot-account \\\n    --fix\n```\n\n"
                 "```json\n{\"not\": \"a command\"}\n```\n")
    assert [(sample.text, sample.line) for sample in doc_check.commands_in(page)] == [
        ("./demo up", 1), ("./demo scenario hot-account --fix", 4)]


@pytest.mark.parametrize("command, failure", [
    ("./demo up --phase 4", None),
    ("./demo up --phase <N>", None),
    ("./demo scenario hot-account --fix --duration 10s", None),
    ("./demo scenario <name> [--fix]", None),
    ("./demo up --phase 9", "--phase must be 0..6"),
    ("./demo scenario baseline --fix", "scenario 'baseline' has no --fix"),
    ("./demo scenario hot-acount", "no scenario 'hot-acount'"),
    ("./demo trace <traceId> --json", "`./demo trace` has no flag --json"),
    ("./demo deploy", "`./demo deploy` is not a command"),
])
def test_a_demo_command_must_be_one_that_demo_help_lists(docs, command, failure):
    report = doc_check.Report()
    doc_check.check_demo(doc_check.CodeSample(command, 1), "page.md:1", USAGE, report)
    if failure is None:
        assert report.failures == []
    else:
        assert len(report.failures) == 1 and failure in report.failures[0], report.failures


def test_usage_flags_know_which_take_a_value():
    assert USAGE.flags("scenario") == {"--target": True, "--fix": False, "--rate": True, "--duration": True,
                                       "--no-warm-up": False}


def test_a_load_generator_flag_must_be_one_its_help_lists(docs, monkeypatch):
    help_text = "usage: load-generator [options]\n\n  --rate <req/s>   rate\n  --duration <d>   length\n" \
                "                   continued, with --not-a-flag in passing\n  -h, --help       this text\n"
    (docs / doc_check.LOAD_GENERATOR_JAR).parent.mkdir(parents=True)
    (docs / doc_check.LOAD_GENERATOR_JAR).write_bytes(b"")
    monkeypatch.setattr(doc_check, "run", lambda command: help_text if command[-1] == "--help" else "")
    accepted = doc_check.load_generator_flags()
    report = doc_check.Report()

    doc_check.check_load_generator(doc_check.CodeSample("java -jar x.jar --rate 5 --durration=3s", 1), "p:1",
                                   accepted, report)

    assert accepted == {"--rate", "--duration", "--help"}
    assert len(report.failures) == 1 and "no flag --durration" in report.failures[0]


def test_without_the_built_jar_the_flags_cannot_be_read(docs):
    with pytest.raises(SystemExit, match="is not built"):
        doc_check.load_generator_flags()


def test_commands_join_across_backslashes_and_quoted_newlines_and_skip_comments():
    lines = ["# a comment", "curl -s localhost:8080 \\", "  -H 'a: b'", "echo 'one", "two'", ""]
    assert doc_check.logical_commands(lines) == ["curl -s localhost:8080 \\\n  -H 'a: b'", "echo 'one\ntwo'"]


def test_a_documented_load_run_is_shortened_but_never_lengthened():
    assert doc_check.shortened("java -jar lg.jar --duration 5m --ramp-up 30s") == \
        "java -jar lg.jar --duration 3s --ramp-up 1s"
    assert doc_check.shortened("java -jar lg.jar --ramp-up 500ms") == \
        "java -jar lg.jar --ramp-up 500ms --duration 3s"
    assert doc_check.seconds("2m") == 120 and doc_check.seconds("soon") == float("inf")


def test_the_run_plan_runs_a_scenario_briefly_once_and_leaves_synopses_and_compose_alone():
    plan = doc_check.DocRuns()
    planned = [doc_check.plan_demo(command, "p:1", "abc123", plan) for command in (
        "./demo scenario hot-account --fix", "./demo scenario hot-account --fix", "./demo scenario <name>",
        "./demo scenario --target compose baseline", "./demo trace <traceId> --logs", "./demo up --phase 3")]

    assert planned == ["./demo scenario hot-account --fix --duration 3s --no-warm-up", None, None, None,
                       "./demo trace abc123 --logs", None]
    assert plan.phases == {"./demo up --phase 3": "p:1"}
    assert "./demo scenario --target compose baseline" in plan.not_run
