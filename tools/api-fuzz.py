#!/usr/bin/env python3
"""Fuzzes every service's HTTP API against the service's own OpenAPI document, and fails on any finding.

    tools/api-fuzz.py [--max-examples N] [--seed S]

Runs Schemathesis 4.32.5 (`st run --checks all`: server errors, undocumented statuses, content types,
headers and bodies that break the documented schema, invalid requests accepted, valid ones rejected,
methods answered without 405 and `Allow`, /admin answering without the token, answers slower than 10 s)
against checkout-service, billing-service and invoice-worker at CHECKOUT_URL, BILLING_URL and WORKER_URL
(default http://127.0.0.1:8080, :8081, :8082), each with its own /q/openapi. The budget is fixed, so a run
is repeatable: at most --max-examples generated cases per operation and phase, from --seed.

The admin API switches the running services' faults (gateway error rates and latency, pool sizes, pricing
outages, a paused consumer), so it is fuzzed last, after every service's business API, and the run ends
with POST /admin/reset on every service, whatever happened. Reset is checked as well: every setting a GET
under /admin shows must read the same after the run as after the reset that began it. The payment
authorizations that fuzzing billing directly made are voided at the end, so that no account's credit
stays reserved by them (checkout's orders are invoiced by invoice-worker, as always).

The admin token is PLATFORM_ADMIN_TOKEN, else the content of .demo/admin-token (as ./demo writes it).
Schemathesis is installed once into ${XDG_CACHE_HOME:-~/.cache}/otel-reference/schemathesis/4.32.5; its
configuration, with the reason for each expected status it is told about, is tools/api-fuzz/schemathesis.toml.
Reports (JUnit XML, NDJSON events, console output) go to .demo/api-fuzz/. Prints one line per run:
operations, cases, findings, seconds. Exits 1 on any finding, 2 when it cannot run.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("OTELREF_STATE_ROOT", REPO / ".demo"))
REPORTS = STATE / "api-fuzz"
CONFIG = REPO / "tools" / "api-fuzz" / "schemathesis.toml"
SCHEMATHESIS_VERSION = "4.32.5"
VENV = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "otel-reference" / "schemathesis" / SCHEMATHESIS_VERSION
ADMIN = "/admin"
ADMIN_PATHS = "^/admin(/|$)"


@dataclass(frozen=True)
class Service:
    name: str
    url: str

    def openapi(self) -> dict:
        return json.loads(http(f"{self.url}/q/openapi?format=json").decode("utf-8"))


@dataclass
class Run:
    service: str
    part: str
    operations: int = 0
    cases: int = 0
    findings: int = 0
    errors: int = 0
    seconds: float = 0.0
    exit_code: int = 0


def main() -> int:
    options = parse_arguments()
    services = [Service("checkout-service", os.environ.get("CHECKOUT_URL", "http://127.0.0.1:8080").rstrip("/")),
                Service("billing-service", os.environ.get("BILLING_URL", "http://127.0.0.1:8081").rstrip("/")),
                Service("invoice-worker", os.environ.get("WORKER_URL", "http://127.0.0.1:8082").rstrip("/"))]
    token = admin_token()
    st = ensure_schemathesis()
    shutil.rmtree(REPORTS, ignore_errors=True)
    REPORTS.mkdir(parents=True)
    documents = {}
    for service in services:
        try:
            documents[service.name] = service.openapi()
        except OSError as unreachable:
            print(f"api-fuzz: {service.name} at {service.url} does not serve /q/openapi ({unreachable}); is the stack up (./demo up)?",
                  file=sys.stderr)
            return 2
    print(f"api-fuzz: Schemathesis {SCHEMATHESIS_VERSION}, --checks all, at most {options.max_examples} cases per operation"
          f" and phase, seed {options.seed}; reports in {REPORTS.relative_to(REPO) if REPORTS.is_relative_to(REPO) else REPORTS}")
    runs: list[Run] = []
    problems: list[str] = []
    before = {}
    try:
        for service in services:
            reset(service, token)
            before[service.name] = admin_settings(service, documents[service.name], token)
        # Business APIs first, while every fault is as configured; then the admin APIs, which change them.
        for service in services:
            if operations(documents[service.name], admin=False):
                runs.append(fuzz(st, service, "api", ["--exclude-path-regex", ADMIN_PATHS], options, token))
                if service.name == "billing-service":
                    problems += release_authorizations(service, REPORTS / f"{service.name}-api.ndjson")
        for service in services:
            if operations(documents[service.name], admin=True):
                runs.append(fuzz(st, service, "admin", ["--include-path-regex", ADMIN_PATHS], options, token))
    finally:
        for service in services:
            try:
                reset(service, token)
            except OSError as failed:
                problems.append(f"{service.name}: POST {ADMIN}/reset failed: {failed}")
    for service in services:
        after = admin_settings(service, documents[service.name], token)
        for path, setting in before[service.name].items():
            if after.get(path) != setting:
                problems.append(f"{service.name}: POST {ADMIN}/reset does not restore GET {path}: "
                                f"{json.dumps(setting)} before the run, {json.dumps(after.get(path))} after it")
    print_summary(runs)
    for problem in problems:
        print(f"api-fuzz: {problem}", file=sys.stderr)
    failed = [run for run in runs if run.exit_code != 0 or run.findings or run.errors]
    if failed or problems:
        for run in failed:
            print(f"api-fuzz: {run.service} {run.part}: {run.findings} findings, {run.errors} errors (exit {run.exit_code});"
                  f" see {REPORTS / f'{run.service}-{run.part}.log'}", file=sys.stderr)
        return 1
    print("api-fuzz: no findings; every service's admin settings are back as configured")
    return 0


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Fuzz every service's API against its own OpenAPI document.")
    parser.add_argument("--max-examples", type=int, default=100, help="cases per operation and phase (default 100)")
    parser.add_argument("--seed", type=int, default=20240611, help="the generator's seed (default 20240611)")
    return parser.parse_args()


def admin_token() -> str:
    token = os.environ.get("PLATFORM_ADMIN_TOKEN", "").strip()
    if token:
        return token
    file = STATE / "admin-token"
    if file.is_file() and file.read_text(encoding="utf-8").strip():
        return file.read_text(encoding="utf-8").strip()
    print(f"api-fuzz: no admin token: set PLATFORM_ADMIN_TOKEN, or start the stack with ./demo up (it writes {file})",
          file=sys.stderr)
    sys.exit(2)


def ensure_schemathesis() -> Path:
    st = VENV / "bin" / "st"
    if not st.exists():
        print(f"api-fuzz: installing schemathesis {SCHEMATHESIS_VERSION} from PyPI into {VENV} (first run only)")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", f"schemathesis=={SCHEMATHESIS_VERSION}"], check=True)
    return st


def operations(document: dict, *, admin: bool) -> list[tuple[str, str]]:
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return [(method.upper(), path) for path, item in (document.get("paths") or {}).items() for method in item
            if method in methods and is_admin(path) == admin]


def is_admin(path: str) -> bool:
    return path == ADMIN or path.startswith(ADMIN + "/")


def fuzz(st: Path, service: Service, part: str, selection: list[str], options: argparse.Namespace, token: str) -> Run:
    stem = REPORTS / f"{service.name}-{part}"
    command = [str(st), "--config-file", str(CONFIG), "run", f"{service.url}/q/openapi?format=json", "--url", service.url,
               "--checks", "all", "--max-examples", str(options.max_examples), "--seed", str(options.seed), *selection,
               "--report", "junit,ndjson", "--report-junit-path", f"{stem}.junit.xml", "--report-ndjson-path", f"{stem}.ndjson",
               "--no-color"]
    started = time.monotonic()
    with open(f"{stem}.log", "w", encoding="utf-8") as log:
        exit_code = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPORTS,
                                   env={**os.environ, "API_FUZZ_ADMIN_TOKEN": token}).returncode
    run = Run(service.name, part, seconds=time.monotonic() - started, exit_code=exit_code)
    count_events(run, Path(f"{stem}.ndjson"))
    if exit_code != 0:
        print_findings(Path(f"{stem}.log"))
    return run


def count_events(run: Run, ndjson: Path) -> None:
    """Operations, cases, unique findings and errors, from Schemathesis's own event stream."""
    if not ndjson.exists():
        return
    findings = set()
    for line in ndjson.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if "LoadingFinished" in event:
            run.operations = event["LoadingFinished"]["statistic"]["operations"]["selected"]
        scenario = event.get("ScenarioFinished")
        if not scenario:
            continue
        recorder = scenario["recorder"]
        run.cases += len(recorder.get("cases", {}))
        if scenario.get("status") == "error":
            run.errors += 1
        for checks in recorder.get("checks", {}).values():
            for check in checks:
                if check.get("status") == "failure":
                    failure = (check.get("failure_info") or {}).get("failure") or {}
                    findings.add((recorder["label"], check["name"], failure.get("title", ""), failure.get("message", "")))
    run.findings = len(findings)


def print_findings(log: Path) -> None:
    lines = log.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip("= ") in ("FAILURES", "ERRORS")), 0)
    print("\n".join("    " + line for line in lines[start:]))


def print_summary(runs: list[Run]) -> None:
    print(f"{'SERVICE':18} {'PART':6} {'OPERATIONS':>10} {'CASES':>6} {'FINDINGS':>8} {'ERRORS':>6} {'SECONDS':>8}")
    for run in runs:
        print(f"{run.service:18} {run.part:6} {run.operations:>10} {run.cases:>6} {run.findings:>8} {run.errors:>6}"
              f" {run.seconds:>8.1f}")
    print(f"{'total':25} {sum(r.operations for r in runs):>10} {sum(r.cases for r in runs):>6}"
          f" {sum(r.findings for r in runs):>8} {sum(r.errors for r in runs):>6} {sum(r.seconds for r in runs):>8.1f}")


def http(url: str, method: str = "GET", token: str | None = None, body: dict | None = None) -> bytes:
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read()


def reset(service: Service, token: str) -> None:
    http(f"{service.url}{ADMIN}/reset", method="POST", token=token)


def admin_settings(service: Service, document: dict, token: str) -> dict[str, object]:
    """What every GET under /admin shows; each setting a PUT changes must have one, or reset cannot be checked."""
    admin = operations(document, admin=True)
    readable = {path for method, path in admin if method == "GET"}
    unreadable = sorted(path for method, path in admin if method == "PUT" and path not in readable)
    if unreadable:
        print(f"api-fuzz: {service.name}: no GET for {', '.join(unreadable)}: whether reset restores it cannot be checked",
              file=sys.stderr)
        sys.exit(2)
    return {path: json.loads(http(f"{service.url}{path}", token=token)) for path in sorted(readable)}


def release_authorizations(billing: Service, ndjson: Path) -> list[str]:
    """Voids every authorization the fuzzing made, so that none keeps holding its account's credit (the
    fuzzer's own calls may have voided or invoiced some already: then there is nothing left to release)."""
    order_ids = set()
    if ndjson.exists():
        for line in ndjson.read_text(encoding="utf-8").splitlines():
            scenario = json.loads(line).get("ScenarioFinished")
            for interaction in (scenario or {}).get("recorder", {}).get("interactions", {}).values():
                request, response = interaction.get("request") or {}, interaction.get("response") or {}
                if (request.get("method") == "POST" and request.get("uri", "").endswith("/api/payments/authorizations")
                        and 200 <= response.get("status_code", 0) < 300):
                    order_id = json.loads(content(response)).get("orderId")
                    if order_id:
                        order_ids.add(order_id)

    def release(order_id: str) -> str | None:
        for attempt in range(3):
            try:
                http(f"{billing.url}/api/payments/authorizations/{order_id}/void", method="POST")
                return None
            except urllib.error.HTTPError as refused:
                problem = json.loads(refused.read() or b"{}").get("type", "")
                if refused.code == 404 or problem.endswith("/authorization-captured"):
                    return None
                if refused.code not in (409, 503) or attempt == 2:
                    return f"billing-service: the authorization of order {order_id}, made by fuzzing, could not be voided: {refused.code}"
                time.sleep(1)
        return None

    with ThreadPoolExecutor(max_workers=4) as pool:
        problems = [problem for problem in pool.map(release, sorted(order_ids)) if problem]
    print(f"api-fuzz: billing-service: voided the {len(order_ids)} payment authorizations fuzzing made, releasing their credit")
    return problems


def content(response: dict) -> str:
    body = response.get("content") or response.get("body") or ""
    if isinstance(body, dict) and "$base64" in body:
        return base64.b64decode(body["$base64"]).decode("utf-8", "replace")
    return body if isinstance(body, str) else json.dumps(body)


if __name__ == "__main__":
    sys.exit(main())
