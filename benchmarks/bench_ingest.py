"""Ingest throughput and search latency on a synthetic corpus (the seeds, varied).

    python benchmarks/bench_ingest.py                 # 10,000 plans (a few minutes)
    python benchmarks/bench_ingest.py --plans 500     # quick look

The seed files are rewritten with other place names and shifted years until the corpus holds the
requested number of plans, ingested into a fresh store in a temp dir, then ~50 typical queries are
timed. It also measures where the time of reading one file goes (read+clean+outline / jieba / write),
serially, on the seeds themselves.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.corpus.ingest import ingest_paths  # noqa: E402
from drafter.store import Store  # noqa: E402
from drafter.store.write import prepare  # noqa: E402
from drafter.reader import read_plans  # noqa: E402
from drafter.resources import corpus_files  # noqa: E402

PLACES = (
    "泰安 临沂 济宁 德州 滨州 菏泽 枣庄 日照 威海 烟台 潍坊 淄博 东营 莱芜 保定 邯郸 邢台 沧州 衡水 廊坊 "
    "唐山 承德 张家口 秦皇岛 大同 长治 晋城 朔州 忻州 吕梁 临汾 阳泉 包头 赤峰 通辽 鄂尔多斯 锦州 鞍山 抚顺 "
    "本溪 丹东 营口 阜新 辽阳 铁岭 朝阳 吉林 四平 辽源 通化 白山 松原 白城 齐齐哈尔 牡丹江 佳木斯 大庆 伊春 "
    "鹤岗 双鸭山 七台河 黑河 绥化 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 温州 嘉兴 "
    "湖州 绍兴 金华 衢州 舟山 台州 丽水 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州"
).split()

QUERIES = (
    "取消药品加成 家庭医生签约 医联体 分级诊疗 药品集中采购 医保支付方式改革 按病种付费 公立医院薪酬制度 "
    "现代医院管理制度 远程医疗 基层医疗卫生机构 全科医生 药品零差率 医疗服务价格 两票制 疾病预防控制 中医药 "
    "健康扶贫 信息化建设 绩效考核 财政补助 医师多点执业 社会办医 分级诊疗制度 县域医共体 综合监管 医疗纠纷 "
    "编制管理 人事薪酬 临床路径 检查检验结果互认 预约诊疗 日间手术 药品耗材 高值医用耗材 带量采购 城乡居民医保 "
    "大病保险 医疗救助 公共卫生服务 妇幼保健 慢性病管理 健康档案 床位 护士 人才培养 乡村医生 三明经验 "
    "组织领导 督导考核"
).split()

_YEAR = re.compile(r"(20[12]\d)(?=年)")


def seed_texts() -> list[tuple[str, int, list[str]]]:
    """(text, plans in it, the region stems to rename) for each bundled seed file."""
    out = []
    for path in corpus_files():
        documents = read_plans(path)
        stems = {re.sub(r"(市|区|州|省|县)$", "", d.region) for d in documents if d.region}
        raw = path.read_bytes().decode("utf-8", errors="replace")
        out.append((raw, len(documents), sorted((s for s in stems if len(s) >= 2), key=len, reverse=True)))
    return out


def variant(text: str, stems: list[str], n: int) -> str:
    """The n-th variation: every region renamed to another place, years shifted by 0-9."""
    for j, stem in enumerate(stems):
        text = text.replace(stem, PLACES[(n + 7 * j) % len(PLACES)])
    shift = (n // len(PLACES)) % 10
    return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text) if shift else text


def build_corpus(folder: Path, plans: int) -> tuple[int, int]:
    """Write variants of the seeds into `folder` until they hold `plans` plans; (files, bytes)."""
    seeds = seed_texts()
    written = files = size = 0
    n = 0
    while written < plans:
        text, count, stems = seeds[n % len(seeds)]
        data = variant(text, stems, n // len(seeds)).encode("utf-8")
        (folder / f"plan_{n:05d}.txt").write_bytes(data)
        written, files, size, n = written + count, files + 1, size + len(data), n + 1
    return files, size


def profile_stages() -> None:
    """Where one serial ingest of the seeds spends its time."""
    from drafter.text.tokens import warm_up

    warm_up()  # jieba's dictionary load (~1 s) is paid once per process, not per MB
    paths = corpus_files()
    size = sum(p.stat().st_size for p in paths)
    t0 = time.perf_counter()
    documents = [d for p in paths for d in read_plans(p)]
    t1 = time.perf_counter()
    prepared = prepare(documents)
    t2 = time.perf_counter()
    with Store(":memory:") as store, store.transaction() as conn:
        from drafter.store.write import write_documents

        write_documents(conn, None, prepared)
    t3 = time.perf_counter()
    mb = size / 1e6
    print(f"stages on the seeds ({mb:.2f} MB, {len(documents)} plans, serial):")
    for name, secs in (("read+clean+outline", t1 - t0), ("jieba tokens", t2 - t1), ("sqlite write", t3 - t2)):
        print(f"  {name:<20} {secs:6.2f} s  {secs / mb:6.2f} s/MB  {100 * secs / (t3 - t0):4.0f}%")


def time_queries(store: Store) -> list[float]:
    store.search("医院")  # warm jieba and the page cache
    times = []
    for query in QUERIES:
        t = time.perf_counter()
        store.search(query, limit=20)
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=10_000, help="plans in the synthetic corpus")
    parser.add_argument("--workers", type=int, default=None, help="reading processes (default: auto)")
    args = parser.parse_args()
    os.environ.setdefault("DRAFTER_HOME", tempfile.mkdtemp(prefix="drafter-bench-home-"))
    profile_stages()
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        files, size = build_corpus(folder, args.plans)
        print(f"synthetic corpus: {files} files, {size / 1e6:.1f} MB, >= {args.plans} plans")
        with Store(Path(tmp) / "bench.sqlite3") as store:
            report = ingest_paths(store, [folder], workers=args.workers)
            secs = report.seconds
            print(f"ingest: {report.summary()} in {secs:.1f} s")
            print(f"  {size / 1e6 / secs:.2f} MB/s, {report.documents / secs:.0f} plans/s")
            paragraphs = store.conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db_size = (Path(tmp) / "bench.sqlite3").stat().st_size
            print(f"  store: {paragraphs} paragraphs, {db_size / 1e6:.0f} MB on disk")
            times = time_queries(store)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"search ({len(times)} queries, limit 20): median {statistics.median(times):.1f} ms, "
              f"p95 {p95:.1f} ms, max {max(times):.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
