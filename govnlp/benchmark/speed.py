"""``govnlp bench --speed``: throughput, cold start and memory, govnlp beside its peers.

Every pipeline runs in a fresh Python process, on the same texts (by default the five seed
reports), and reports:

- ``cold_cpu_s`` / ``cold_wall_s``: from the first line of the process (before ``import``) to
  the end of its first parse: imports, model loading and one report;
- ``peak_mib_first``: peak resident memory after that first report, ``peak_mib`` at the end;
- ``chars_per_s_cpu`` / ``chars_per_s_wall``: characters of text per second of CPU (process
  time) and wall time once loaded, over as many rounds of the texts as fit ``--min-seconds``;
- for the hybrid mode, ``model_chars_share`` / ``model_cpu_share``: the share of the text
  the NER model reads and of the CPU time it takes (``model_chars_per_s_cpu``: its own speed);
- with ``--scale N``: the cost of one text repeated N times against N single parses
  (``scale_ratio`` 1.0 is linear);
- with ``--corpus N``: the wall time of N reports with ``parse_reports(n_jobs=1)`` and
  ``n_jobs=2``.

Pipelines: ``govnlp-rules`` (``indicators="rules"``), ``govnlp-hybrid`` (rules plus the NER
model), ``govnlp-default`` (whatever the default mode is; named in ``default_mode``) and, when
installed, the peers of govnlp.benchmark.baselines: ``regex`` (a bare regular
expression pass), ``jionlp`` and ``recognizers`` (Microsoft Recognizers-Text). Ratios are
govnlp's chars/s of CPU divided by each peer's.

    govnlp bench --speed
    govnlp bench --speed --scale 64 --corpus 1000 --json
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[2]
GOVNLP = ("govnlp-rules", "govnlp-hybrid", "govnlp-default")
PEERS = ("regex", "jionlp", "recognizers")
PIPELINES = GOVNLP + PEERS
#: what runs when no --pipelines is given: the default mode is one of the first two (it is named
#: in the result as ``default_mode``)
DEFAULT_RUN = ("govnlp-rules", "govnlp-hybrid") + PEERS

# The measuring process. It must import nothing of ours before its clock starts.
WORKER = r'''
import time
t0, w0 = time.process_time(), time.perf_counter()
import json, resource, sys
spec = json.loads(sys.argv[1])
texts = json.load(open(spec["texts"], encoding="utf-8"))
name = spec["pipeline"]

def mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

if name.startswith("govnlp-"):
    import govnlp
    mode = {"govnlp-rules": "rules", "govnlp-hybrid": "hybrid", "govnlp-default": "default"}[name]
    run = lambda t, **kw: govnlp.parse_report(t, indicators=mode, **kw)
else:
    import contextlib, io
    with contextlib.redirect_stdout(io.StringIO()):
        from govnlp.benchmark.baselines import get_baseline
        base = get_baseline(name)
    run = lambda t, **kw: base(t)
model = {"cpu_s": 0.0, "chars": 0}
if name in ("govnlp-hybrid", "govnlp-default"):  # how much text the NER model reads, what it costs
    from govnlp.ner.model import NerModel
    _predict = NerModel.predict
    def _timed(self, batch, *a, **kw):
        c = time.process_time()
        try:
            return _predict(self, batch, *a, **kw)
        finally:
            model["cpu_s"] += time.process_time() - c
            model["chars"] += sum(len(t) for t in batch)
    NerModel.predict = _timed
run(texts[0])
out = {"pipeline": name, "cold_cpu_s": time.process_time() - t0, "cold_wall_s": time.perf_counter() - w0,
       "peak_mib_first": mib()}
chars = sum(len(t) for t in texts)
for t in texts[1:]:  # "once loaded": every lazy table and cache is filled before the clock runs
    run(t)
model.update(cpu_s=0.0, chars=0)
rounds, c0, w1 = 0, time.process_time(), time.perf_counter()
while True:
    for t in texts:
        run(t)
    rounds += 1
    if time.process_time() - c0 >= spec["min_seconds"] or rounds >= spec["max_rounds"]:
        break
cpu, wall = time.process_time() - c0, time.perf_counter() - w1
out.update(rounds=rounds, chars=chars * rounds, cpu_s=cpu, wall_s=wall,
           chars_per_s_cpu=chars * rounds / cpu, chars_per_s_wall=chars * rounds / wall)
if model["chars"]:
    out.update(model_cpu_share=model["cpu_s"] / cpu, model_chars_share=model["chars"] / (chars * rounds),
               model_chars_per_s_cpu=model["chars"] / model["cpu_s"])
if spec["scale"] > 1:
    one = texts[0]
    c = time.process_time()
    for _ in range(3):
        run(one)
    single = (time.process_time() - c) / 3
    big = "\n".join([one] * spec["scale"])
    c = time.process_time()
    run(big, max_chars=len(big) + 1) if name.startswith("govnlp-") else run(big)
    out.update(scale=spec["scale"], scale_chars=len(big), single_cpu_s=single,
               scaled_cpu_s=time.process_time() - c)
    out["scale_ratio"] = out["scaled_cpu_s"] / (spec["scale"] * single)
out["peak_mib"] = mib()
print("\n" + json.dumps(out))
'''

CORPUS_WORKER = r'''
import json, resource, sys, time
spec = json.loads(sys.argv[1])

def children_cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime
import govnlp
from pathlib import Path
paths = [Path(p) for p in spec["paths"]]
out = {}
for jobs in spec["jobs"]:
    w, c, k = time.perf_counter(), time.process_time(), children_cpu()
    n = sum(1 for _ in govnlp.parse_reports(paths, n_jobs=jobs, indicators=spec["mode"], progress=False))
    out[str(jobs)] = {"reports": n, "wall_s": time.perf_counter() - w, "parent_cpu_s": time.process_time() - c,
                      "workers_cpu_s": children_cpu() - k}
print("\n" + json.dumps(out))
'''


def seed_texts(files: Optional[list[str]] = None) -> list[str]:
    """The texts to time: ``files`` (read as govnlp reads them) or the bundled seed reports."""
    from ..io import read_source

    paths = [Path(f) for f in files] if files else sorted((REPO / "seeds").glob("*.txt"))
    if not paths:
        raise FileNotFoundError("no texts to time: pass --texts FILE ...")
    return [read_source(p).text for p in paths]


def available(name: str) -> Optional[str]:
    """None when pipeline ``name`` can run here, else why not."""
    if name in GOVNLP or name == "regex":
        return None
    module = {"jionlp": "jionlp", "recognizers": "recognizers_suite"}[name]
    import importlib.util

    if importlib.util.find_spec(module) is None:
        return f"{module} is not installed (pip install govnlp[baselines])"
    return None


def _run_worker(code: str, spec: dict, timeout: float) -> dict:
    env = dict(os.environ, PYTHONWARNINGS="ignore", TOKENIZERS_PARALLELISM="false")
    proc = subprocess.run([sys.executable, "-c", code, json.dumps(spec)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=str(REPO))
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(pipelines: list[str], texts: list[str], min_seconds: float = 3.0, max_rounds: int = 50,
            scale: int = 0, timeout: float = 900) -> dict:
    """Run each pipeline in its own process on ``texts``; see the module docstring for fields."""
    result: dict = {"texts": len(texts), "chars": sum(len(t) for t in texts), "pipelines": {}, "notes": []}
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
        for name in pipelines:
            why = available(name)
            if why:
                result["notes"].append(f"{name}: skipped, {why}")
                continue
            spec = {"pipeline": name, "texts": str(texts_file), "min_seconds": min_seconds,
                    "max_rounds": max_rounds, "scale": scale if name in GOVNLP else 0}
            try:
                result["pipelines"][name] = _run_worker(WORKER, spec, timeout)
            except (RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
                result["notes"].append(f"{name}: failed, {exc}")
    figs = result["pipelines"]
    result["ratios"] = {
        f"{ours}/{peer}": figs[ours]["chars_per_s_cpu"] / figs[peer]["chars_per_s_cpu"]
        for ours in GOVNLP if ours in figs for peer in PEERS if peer in figs}
    return result


def measure_corpus(n: int, texts_files: Optional[list[str]] = None, mode: str = "rules",
                   jobs: tuple = (1, 2), timeout: float = 1800) -> dict:
    """Wall time of ``n`` report files (copies of the seed reports) with each ``n_jobs``."""
    sources = [Path(f) for f in texts_files] if texts_files else sorted((REPO / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(n):
            src = sources[i % len(sources)]
            dst = Path(tmp) / f"{i:05d}{src.suffix}"
            dst.write_bytes(src.read_bytes())
            paths.append(str(dst))
        out = _run_worker(CORPUS_WORKER, {"paths": paths, "mode": mode, "jobs": list(jobs)}, timeout)
    return {"reports": n, "mode": mode, "by_jobs": out}


def format_table(result: dict) -> str:
    """The figures as a plain-text table."""
    head = (f"{'pipeline':16s} {'cold CPU s':>10s} {'cold wall s':>11s} {'MiB (1st)':>9s} {'MiB (end)':>9s} "
            f"{'chars/s CPU':>12s} {'chars/s wall':>12s}")
    lines = [f"{result['texts']} texts, {result['chars']:,} chars per round; default mode: "
             f"{result.get('default_mode', '?')}; {result.get('cores', '?')} cores, load {result.get('load_avg') or 0:.1f}",
             head, "-" * len(head)]
    for name, f in result["pipelines"].items():
        lines.append(f"{name:16s} {f['cold_cpu_s']:10.2f} {f['cold_wall_s']:11.2f} {f['peak_mib_first']:9.0f} "
                     f"{f['peak_mib']:9.0f} {f['chars_per_s_cpu']:12,.0f} {f['chars_per_s_wall']:12,.0f}")
    for name, f in result["pipelines"].items():
        if "scale_ratio" in f:
            lines.append(f"{name}: {f['scale']}x one text ({f['scale_chars']:,} chars) costs "
                         f"{f['scaled_cpu_s']:.2f} s CPU = {f['scale_ratio'] * f['scale']:.1f}x one text "
                         f"({f['single_cpu_s']:.3f} s)")
    for name, f in result["pipelines"].items():
        if "model_cpu_share" in f:
            lines.append(f"{name}: the NER model reads {f['model_chars_share']:.0%} of the text at "
                         f"{f['model_chars_per_s_cpu']:,.0f} chars/s, {f['model_cpu_share']:.0%} of the CPU time")
    if result.get("ratios"):
        lines.append("ratios (chars/s of CPU): " + ", ".join(f"{k} {v:.2f}x" for k, v in result["ratios"].items()))
    if result.get("corpus"):
        c = result["corpus"]
        runs = ", ".join(f"n_jobs={j}: {v['wall_s']:.1f} s wall ({v['parent_cpu_s'] + v.get('workers_cpu_s', 0):.1f} s CPU)"
                         for j, v in c["by_jobs"].items())
        lines.append(f"corpus of {c['reports']} reports ({c['mode']}): {runs}")
    lines += [f"note: {n}" for n in result["notes"]]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govnlp bench --speed", description=__doc__.split("\n\n")[0])
    p.add_argument("--pipelines", nargs="+", default=list(DEFAULT_RUN), choices=PIPELINES)
    p.add_argument("--texts", nargs="+", default=None, help="files to time (default: seeds/*.txt)")
    p.add_argument("--min-seconds", type=float, default=3.0, help="CPU seconds of throughput per pipeline")
    p.add_argument("--max-rounds", type=int, default=50)
    p.add_argument("--scale", type=int, default=0, metavar="N", help="also time one text repeated N times")
    p.add_argument("--corpus", type=int, default=0, metavar="N",
                   help="also time N report files with n_jobs=1 and n_jobs=2")
    p.add_argument("--corpus-mode", default="rules", choices=("rules", "hybrid", "default"))
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of ``govnlp bench --speed``."""
    args = _parser().parse_args(argv)
    t = time.perf_counter()
    result = measure(args.pipelines, seed_texts(args.texts), args.min_seconds, args.max_rounds, args.scale)
    if args.corpus:
        result["corpus"] = measure_corpus(args.corpus, args.texts, args.corpus_mode)
    from ..pipeline import _indicator_mode

    result["default_mode"] = _indicator_mode("default", None)
    result["cores"] = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    result["load_avg"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    result["seconds"] = round(time.perf_counter() - t, 1)
    result["command"] = "govnlp bench --speed " + " ".join(argv if argv is not None else sys.argv[1:])
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_table(result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
