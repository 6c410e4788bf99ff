#!/usr/bin/env python3
"""callactions beside the tools it replaces, on the benchmark kit's corpus.

Each row is timed with hyperfine (medians of paired runs, A and B alternated by hyperfine's
order), its peak memory read from `/usr/bin/time -v`, and its output checked with the kit's
correctness scripts before any time counts. The deadline rows come from benches/deadline.sh.

    cp -r ../shared/bench /tmp/bench && (cd /tmp/bench && ./install_peers.sh && \\
        .venv/bin/python gen_corpus.py && \\
        .venv/bin/python gen_corpus.py --files 10000 --out corpus-10k)
    cargo build --release
    benches/compare.py --kit /tmp/bench [--deadlines "1 15 30 60"] [--write-readme]

With --write-readme the table replaces the README's performance section (between its
`benchmark:start` and `benchmark:end` markers), with the date and the machine.
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CA = ROOT / "target" / "release" / "callactions"
SINK_PORTS = ["--ok", "47080", "--hang", "47081", "--drip", "47082", "--error", "47083"]


def run(cmd, **kwargs):
    return subprocess.run(cmd, shell=True, check=True, **kwargs)


def median_seconds(commands, kit, runs, pin=None):
    """Median wall time of each command, from one hyperfine run that alternates them."""
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        prefix = f"taskset -c {pin} " if pin is not None else ""
        quoted = " ".join(f"'{prefix}{c}'" for c in commands)
        run(
            f"hyperfine -N -i -w 2 -r {runs} --export-json {export.name} {quoted}",
            cwd=kit,
            stdout=subprocess.DEVNULL,
        )
        results = json.load(open(export.name))["results"]
    return [r["median"] for r in results]


def peak_mib(command, kit):
    """Peak resident memory of one run, from GNU time."""
    out = subprocess.run(
        f"/usr/bin/time -v {command}",
        shell=True,
        cwd=kit,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ).stderr
    kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out).group(1))
    return kib / 1024


def check_render(kit, corpus):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run(
            f"{CA} render {corpus}/actions --payload {corpus}/payloads --format json "
            f"--show-secrets --strict > {out.name} 2>/dev/null",
            cwd=kit,
        )
        if corpus == "corpus":
            run(
                f".venv/bin/python check_callactions.py render "
                f"corpus/expected/rendered.jsonl {out.name}",
                cwd=kit,
            )


class Sink:
    """The kit's sink on its own core, optionally logging what it receives."""

    def __init__(self, kit, log=None):
        self.kit, self.log = kit, log

    def __enter__(self):
        cmd = ["taskset", "-c", "1", str(self.kit / "sink/target/release/sink"), "--quiet"]
        cmd += SINK_PORTS + (["--log", self.log] if self.log else [])
        self.process = subprocess.Popen(cmd)
        time.sleep(0.5)
        if self.process.poll() is not None:
            sys.exit("the sink did not start: is another one holding ports 47080-47083?")
        return self

    def __exit__(self, *_):
        self.process.terminate()
        self.process.wait()


def check_fire(kit):
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "sink.jsonl")
        with Sink(kit, log):
            run(
                f"{CA} fire corpus/fire/actions-local --all --payload corpus/payloads",
                cwd=kit,
                stdout=subprocess.DEVNULL,
            )
        run(
            f".venv/bin/python verify_sink_log.py corpus/fire/requests.jsonl {log} "
            "--json-bodies",
            cwd=kit,
        )


def machine():
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Linux {platform.release()}"


def rows(kit, runs, deadlines):
    table = []

    def pair(job, a, b, peer, pin=None):
        ta, tb = median_seconds([a, b], kit, runs, pin)
        table.append(
            (job, f"{ta:.3f} s, {peak_mib(a, kit):.0f} MiB",
             f"{peer} {tb:.3f} s, {peak_mib(b, kit):.0f} MiB", f"{ta / tb:.2f}")
        )

    check_render(kit, "corpus")
    pair(
        "validate, 1,000 files",
        f"{CA} validate corpus/actions --format json",
        "node_modules/.bin/ajv validate -s corpus/schema/callactions.schema.json "
        "-d \"corpus/actions/*.yaml\"",
        "ajv-cli",
    )
    pair(
        "render `--format json`, 10,000 actions",
        f"{CA} render corpus/actions --payload corpus/payloads --format json "
        "--show-secrets --strict",
        "minijinja-cli --strict corpus/jinja/all.j2 corpus/payloads/all.json",
        "minijinja-cli",
    )
    if (kit / "corpus-10k").is_dir():
        check_render(kit, "corpus-10k")
        pair(
            "render, 10,000 files (100,000 actions)",
            f"{CA} render corpus-10k/actions --payload corpus-10k/payloads --format json "
            "--show-secrets --strict",
            "minijinja-cli --strict corpus-10k/jinja/all.j2 corpus-10k/payloads/all.json",
            "minijinja-cli",
        )
    check_fire(kit)
    with Sink(kit):
        fire = f"{CA} fire corpus/fire/actions-local --all --payload corpus/payloads"
        curl = "curl -sS -K corpus/fire/curl/all.cfg"
        hurl = "hurl --test --jobs 1 corpus/fire/hurl/all.hurl"
        tf, tc, th = median_seconds([fire, curl, hurl], kit, max(3, runs // 3), pin=0)
        rate = lambda t: f"{10_000 / t:,.0f} req/s"
        table.append(
            ("fire, 10,000 requests, sequential", rate(tf), f"curl -K {rate(tc)}",
             f"{tc / tf:.2f} (throughput)")
        )
        table.append(("", "", f"hurl {rate(th)}", f"{th / tf:.2f} (throughput)"))
        # Concurrent: `load` at full speed (an open model far above what the sink can take)
        # with 16 in flight, beside curl --parallel and oha at the same concurrency.
        with tempfile.TemporaryDirectory() as tmp:
            actions = os.path.join(tmp, "sink.yaml")
            with open(actions, "w") as f:
                f.write(
                    "actions:\n  - name: crm-end\n    event: call_end\n"
                    "    url: http://127.0.0.1:47080/end/${callInfo.callSid}\n"
                    "    headers:\n      Content-Type: application/json\n"
                    "    body: '{\"outcome\": \"${outcome}\"}'\n"
                )
            rates = []
            for _ in range(3):
                out = subprocess.run(
                    f"{CA} load {actions} --calls 50000 --rate 10000000/s --concurrency 16 "
                    "--mix connected=1 --format json",
                    shell=True, cwd=kit, capture_output=True, text=True, check=True,
                ).stdout
                rates.append(json.loads(out)["request_rate"])
            load_rate = sorted(rates)[1]
            load_peak = peak_mib(
                f"{CA} load {actions} --calls 1000000 --rate 10000000/s --concurrency 16 "
                "--mix connected=1 --format json", kit)
            # The timer: 1,000 calls/s for 10 s, the rate achieved.
            paced = json.loads(subprocess.run(
                f"{CA} load {actions} --calls 10000 --rate 1000/s --mix connected=1 --format json",
                shell=True, cwd=kit, capture_output=True, text=True, check=True,
            ).stdout)["call_rate"]
        parallel = "curl -sS --no-progress-meter --parallel --parallel-max 16 -K corpus/fire/curl/all.cfg"
        (tp,) = median_seconds([parallel], kit, 3)
        oha_rates = []
        for _ in range(3):
            out = subprocess.run(
                "oha -c 16 -n 50000 --no-tui http://127.0.0.1:47080/",
                shell=True, cwd=kit, capture_output=True, text=True, check=True,
            ).stdout
            oha_rates.append(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)))
        oha_rate = sorted(oha_rates)[1]
        table.append(
            ("load, 16 in flight (1,000,000 calls: peak memory)",
             f"{load_rate:,.0f} req/s, {load_peak:.0f} MiB",
             f"curl --parallel {10_000 / tp:,.0f} req/s", f"{load_rate / (10_000 / tp):.2f} (throughput)")
        )
        table.append(("", "", f"oha -c 16 {oha_rate:,.0f} req/s", f"{load_rate / oha_rate:.2f} (throughput)"))
        table.append(("load --rate 1000/s for 10 s", f"{paced:.1f} calls/s achieved", "", f"{paced / 1000 - 1:+.2%}"))
        out = subprocess.run(
            [str(ROOT / "benches/deadline.sh"), *deadlines.split()],
            cwd=ROOT,
            env={**os.environ, "CA": str(CA)},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    for line in out.splitlines()[2:]:
        n, server, ca, ca_over, curl, curl_over = [c.strip() for c in line.strip("|").split("|")]
        table.append(
            (f"deadline {n}, {server}", f"{ca} ({ca_over})",
             f"curl --max-time {curl} ({curl_over})", "")
        )
    return table


def markdown(table):
    lines = [
        f"Measured {date.today().isoformat()} on {machine()}, with `benches/compare.py` "
        "(hyperfine medians; peak memory from `/usr/bin/time -v`; deadlines as wall time "
        "of the process, overshoot in brackets).",
        "",
        "| job | callactions | peer | ratio |",
        "|---|---|---|---|",
    ]
    lines += [f"| {job} | {a} | {b} | {ratio} |" for job, a, b, ratio in table]
    return "\n".join(lines)


def write_readme(section):
    readme = ROOT / "README.md"
    text = readme.read_text()
    start, end = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
    if start not in text or end not in text:
        sys.exit(f"README.md has no {start} … {end} section")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    updated = f"{head}{start}\n{section}\n{end}{tail}"
    temporary = readme.with_suffix(".md.tmp")
    temporary.write_text(updated)
    temporary.replace(readme)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kit", required=True, type=Path, help="a set-up copy of the kit")
    parser.add_argument("--runs", type=int, default=15, help="hyperfine runs per row")
    parser.add_argument("--deadlines", default="1 15 30 60", help="deadline lengths, s")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    for tool in ["hyperfine", "taskset", "curl", "hurl", "minijinja-cli", "bc"]:
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed: see the kit's README")
    if not CA.exists():
        sys.exit("build first: cargo build --release")
    section = markdown(rows(args.kit.resolve(), args.runs, args.deadlines))
    print(section)
    if args.write_readme:
        write_readme(section)


if __name__ == "__main__":
    main()
