"""Shared by the benchmarks: the realistic corpus, stores built from it, timing and the machine's load.

The corpus is `tests/support/plan_generator.py`'s: one plan a file, ~20 KB, places, years, families
and scrape noise varied (not excerpts of one seed renamed). Folders and stores are kept in
`DRAFTER_BENCH_DIR` (default: /tmp/drafter-bench) so several benchmarks, and a second run, reuse
them; delete the folder to start again.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))

SEED = 7
BENCH_DIR = Path(os.environ.get("DRAFTER_BENCH_DIR", "/tmp/drafter-bench"))
os.environ.setdefault("DRAFTER_HOME", str(BENCH_DIR / "home"))  # never the user's own data

# Queries as drafters type them: policy terms, a few phrases, and the common words (医疗, 医院,
# 服务) whose millions of matches set the p95 of an engine that scores every match.
QUERIES = (
    "医疗 医院 服务 卫生 健康 改革 管理 建设 机制 医保 基层 药品 "
    "取消药品加成 家庭医生签约 医联体 分级诊疗 药品集中采购 医保支付方式改革 按病种付费 公立医院薪酬制度 "
    "现代医院管理制度 远程医疗 基层医疗卫生机构 全科医生 医疗服务价格 两票制 疾病预防控制 中医药 "
    "信息化建设 绩效考核 财政补助 医师多点执业 社会办医 县域医共体 综合监管 检查检验结果互认 预约诊疗 "
    "日间手术 高值医用耗材 带量采购 城乡居民医保 大病保险 公共卫生服务 慢性病管理 乡村医生 三明经验"
).split() + ["建立 现代医院管理制度", "推进 分级诊疗", "加强组织领导,确保工作落实"]


def generator():  # noqa: ANN201 - plan_generator.PlanGenerator
    from plan_generator import PlanGenerator

    return PlanGenerator(seed=SEED)


def corpus_folder(plans: int) -> Path:
    """A folder of `plans` generated plans (written once, then reused)."""
    folder = BENCH_DIR / f"corpus-{plans}"
    done = folder / ".complete"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    generator().write(folder, plans)
    done.write_text("ok")
    return folder


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def drafts(count: int) -> list[Path]:
    """Drafts not in any corpus: plans from beyond the largest corpus, edited as a drafter would
    (a family's text reworded), written as plain text files."""
    folder = BENCH_DIR / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    gen = generator()
    out = []
    for k in range(count):
        path = folder / f"draft_{k}.txt"
        if not path.exists():
            text = gen.compose(10_000_000 + k)[0]
            path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


# -- timing -----------------------------------------------------------------------------------------


def times_ms(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def med_p95(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} / {p95(values):.1f}"


def run_ms(args: list[str], env: dict | None = None) -> float:
    """Wall milliseconds of one whole process (output thrown away); raises if it fails."""
    start = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(map(str, args))}: exit {done.returncode}: {done.stderr.decode()[-400:]}")
    return elapsed


def interleaved(commands: dict[str, list[str]], repeat: int, env: dict | None = None) -> dict[str, list[float]]:
    """Each command `repeat` times, taking turns (a load spike hits all of them alike)."""
    out: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, args in commands.items():
            out[name].append(run_ms(args, env))
    return out


def drafter_cmd(*args: object) -> list[str]:
    """`drafter ARGS` as a user runs it: the installed console script beside this Python."""
    script = Path(sys.executable).with_name("drafter")
    return [str(script) if script.exists() else "drafter", *map(str, args)]


def load() -> str:
    """The machine's load as the tables quote it: 1-minute load average on N cores."""
    one, five, _ = os.getloadavg()
    return f"load {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"
