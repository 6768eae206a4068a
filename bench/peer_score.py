#!/usr/bin/python3
"""The Python peer of the benchmark: scores evaluation files (JSON Lines) by
the national-2020 rules, written the way an analyst would write it - the json
module and one plain function per rule (docs/rules.md, rules.md §3-§4).

It covers what the benchmark data holds (bench/generate_evaluations.cc):
>=/>/=/<=/< targets with units, bare numbers, durations ("24小时内"), deadlines
("2021年12月前"), grades (优/良/中), the three qualitative tiers, yes/no,
not-applicable rows, unreadable figures, stated scores, budget execution,
roll-ups, rescaling, the total and the grade. It is not a second jixiao: no
department figures, expert panels, linear deductions or findings.

Usage:
  peer_score.py FILE.jsonl                  score the file, print a JSON summary
  peer_score.py FILE.jsonl --limit N        only the first N evaluations
  peer_score.py FILE.jsonl --compare OUT    compare with `jixiao score --json` output
                                            (line by line, as many lines as OUT has)
"""

import argparse
import functools
import json
import math
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "rules", "national-2020.json"), encoding="utf-8") as f:
    RULES = json.load(f)

GRADE_WORDS = [set(g["words"]) for g in RULES["qualitative_grades"]]
GRADE_SHARES = [g["share"] for g in RULES["qualitative_grades"]]
TIERS = RULES["qualitative_tiers"]
YES_WORDS = set(RULES["yes_words"])
NO_WORDS = set(RULES["no_words"])
LOWER_NAMES = RULES["lower_is_better_names"]
LOWER_CATEGORIES = RULES.get("lower_is_better_categories", [])  # 成本指标: bare targets are ceilings
GRADE_BANDS = RULES["grades"]  # highest first
EXECUTION_WEIGHT = RULES["execution"]["self_weight"]
OVER_EPS = 1e-9


def round2(v):
    """Half-up to 2 decimals, with the engine's slack for printed decimals."""
    r = math.floor(abs(v) * 100 + 0.5 + 1e-7) / 100
    return -r if v < 0 else r


# ---- reading a written target or actual -------------------------------------

FOLD = {"≧": "≥", "⩾": "≥", "≦": "≤", "⩽": "≤", "═": "=", "﹥": ">", "﹤": "<", "\u3000": " "}


def normalize(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:  # full-width ASCII
            ch = chr(o - 0xFEE0)
        out.append(FOLD.get(ch, ch))
    return "".join(out).strip()


NOT_APPLICABLE = {"/", "-", "--", "---", "//", "\\", "N/A", "n/a", "NA", "不适用", "不涉及", "无需"}

UNITS = {  # written unit -> (canonical unit, factor)
    "": ("", 1),
    "元": ("元", 1), "万元": ("元", 1e4), "亿元": ("元", 1e8), "亿": ("", 1e8), "万": ("", 1e4),
    "%": ("%", 1),
    "小时": ("小时", 1), "天": ("小时", 24), "日": ("小时", 24), "周": ("小时", 168),
    "分钟": ("小时", 1 / 60),
    "个工作日": ("工作日", 1), "工作日": ("工作日", 1),
    "米": ("米", 1), "公里": ("米", 1000), "千米": ("米", 1000),
    "平方米": ("平方米", 1), "亩": ("平方米", 2000 / 3), "公顷": ("平方米", 10000),
    "千克": ("千克", 1), "公斤": ("千克", 1), "吨": ("千克", 1000),
}

PREFIX_OPS = [("≥", "ge"), (">=", "ge"), ("≤", "le"), ("<=", "le"), (">", "gt"), ("<", "lt"),
              ("=", "eq"), ("不少于", "ge"), ("不低于", "ge"), ("至少", "ge"), ("达到", "ge"),
              ("不超过", "le"), ("不高于", "le"), ("控制在", "le"), ("大于", "gt"), ("小于", "lt")]
SUFFIX_OPS = [("以上", "ge"), ("以下", "le"), ("以内", "le"), ("之内", "le"), ("内", "le"),
              ("之前", "le"), ("前", "le")]

NUMBER_RE = re.compile(r"^(-?\d+(?:\.\d+)?)\s*(.*)$")
CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}
DATE_RE = re.compile(
    r"^(?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})[日号])?|第([一二三四1-4])季度)"
    r"(底|末)?(之前|以前|前|内)?(?:完成)?$")


class Value:
    __slots__ = ("kind", "op", "number", "unit", "factor", "date", "text")

    def __init__(self, kind, op=None, number=0.0, unit="", factor=1, date=None, text=""):
        self.kind = kind  # empty, na, number, date, text, invalid
        self.op = op
        self.number = number
        self.unit = unit
        self.factor = factor
        self.date = date  # (year, month, day), 0 = not written
        self.text = text


# Tables repeat the same targets and actuals: remember readings, as jixiao
# does (Values are never changed after reading).
@functools.lru_cache(maxsize=4096)
def parse_value(written):
    s = normalize(written or "")
    if not s:
        return Value("empty")
    if s in NOT_APPLICABLE:
        return Value("na")
    m = DATE_RE.match(s)
    if m:
        year = int(m.group(1) or 0)
        if m.group(4):
            q = m.group(4)
            month, day = (CN_QUARTER.get(q) or int(q)) * 3, 0
        else:
            month, day = int(m.group(2)), int(m.group(3) or 0)
        if m.group(5):
            day = 0
        return Value("date", op="le" if m.group(6) else None, date=(year, month, day))
    if not any(c.isdigit() for c in s):
        return Value("text", text=s)
    op = None
    for word, o in PREFIX_OPS:
        if s.startswith(word):
            op, s = o, s[len(word):].lstrip()
            break
    m = NUMBER_RE.match(s)
    if not m:
        return Value("text", text=s)
    number, unit = float(m.group(1)), m.group(2).strip()
    for word, o in SUFFIX_OPS:
        if unit.endswith(word):
            unit = unit[: -len(word)]
            op = op or o
            break
    if any(c in ":;,.()*+'\"[]" for c in unit) or any(c.isdigit() for c in unit):
        return Value("invalid", text=s)
    canonical, factor = UNITS.get(unit, (unit, 1))
    return Value("number", op=op, number=number * factor, unit=canonical, factor=factor)


# ---- qualitative words --------------------------------------------------------

def classify(text):
    """('grade', i), ('tier', i), ('yes', 0), ('no', 0) or (None, -1)."""
    s = text.strip("。.!；;\"“”「」 ")
    if not s:
        return None, -1
    for i, words in enumerate(GRADE_WORDS):
        if s in words:
            return "grade", i
    if s in YES_WORDS:
        return "yes", 0
    if s in NO_WORDS:
        return "no", 0
    short = len(s) <= 24
    for i in range(len(TIERS) - 1, -1, -1):  # the worst tier first: 部分达成 is not 达成
        for w in TIERS[i]["words"]:
            if s == w or (short and len(w) >= 2 and w in s):
                return "tier", i
    return None, -1


def tier_score(i, w, stated):
    lo, hi = TIERS[i]["min"] * w, TIERS[i]["max"] * w
    if stated is not None and w > 0:
        return min(max(stated, lo), hi)  # inside the band: the evaluator's; else the nearest edge
    return hi


def score_words(target, actual, w, stated):
    """An actual written in words. None: cannot be judged."""
    c, level = classify(actual.text) if actual.kind == "text" else (None, -1)
    if c == "tier":
        return tier_score(level, w, stated)
    if c == "grade":
        tc, tlevel = classify(target.text) if target.kind == "text" else (None, -1)
        if tc == "grade" and level <= tlevel:
            return w
        return GRADE_SHARES[level] * w
    if c in ("yes", "no"):
        tc, _ = classify(target.text) if target.kind == "text" else (None, -1)
        wanted_yes = tc != "no"
        return w if (c == "yes") == wanted_yes else 0
    return None


def score_higher(a, t, w):
    if a < 0:
        return 0
    if t <= 0 or a >= t:
        return w
    return a * w / t


def score_lower(a, t, w):
    if t <= 0:
        return w if a <= 0 else 0
    if a <= t:
        return w
    if a >= 2 * t:
        return 0
    return w * (2 * t - a) / t


def score_equal(a, t, w):
    if a < 0:
        return 0
    if t == 0:
        return w if a <= 0 else 0
    return score_higher(a, t, w)


def later(d, other):
    """Deadline check: compares (year, month, day); missing parts are the latest possible."""
    (ay, am, ad), (by, bm, bd) = d, other
    if ay and by and ay != by:
        return ay > by
    am, bm = am or 13, bm or 13
    if am != bm:
        return am > bm
    return (ad or 32) > (bd or 32)


def numbers(target, actual):
    """Both values in the target's unit, or None when they cannot be compared."""
    if target.kind != "number" or actual.kind != "number":
        return None
    t, a = target.number, actual.number
    if target.unit != actual.unit:
        if target.unit and actual.unit:
            return None
        if target.unit == "%" and not actual.unit and abs(a) <= 1 and t > 1:
            return None
        if actual.unit == "%" and not target.unit and abs(t) <= 1 and a > 1:
            return None
        if not actual.unit and actual.factor == 1:
            a *= target.factor
        if not target.unit and target.factor == 1:
            t *= actual.factor
    return a, t


def score_leaf(ind, lower_category=False):
    """(score or None, weight, applicable weight) of a leaf."""
    w = ind.get("weight")
    w = float(w) if w is not None else None
    stated = ind.get("stated_score")
    target, actual = parse_value(ind.get("target")), parse_value(ind.get("actual"))
    if target.kind == "empty" and actual.kind == "empty" and stated is not None:
        return stated, w or 0, w or 0
    if ind.get("not_applicable") or target.kind == "na" or actual.kind == "na" or (
            target.kind == "empty" and actual.kind == "empty"):
        return None, w or 0, 0
    if w is None:
        return None, 0, 0
    score = None
    if target.kind == "invalid":
        pass
    elif target.kind == "number":
        if actual.kind == "text":
            score = score_words(target, actual, w, stated)
        else:
            op = target.op
            if op is None:
                lower = lower_category or any(n in ind["name"] for n in LOWER_NAMES)
                op = "le" if lower else "ge"
            pair = numbers(target, actual)
            if pair is not None:
                a, t = pair
                if op in ("le", "lt"):
                    score = score_lower(a, t, w)
                elif op == "eq":
                    score = score_equal(a, t, w)
                else:
                    score = score_higher(a, t, w)
    elif target.kind == "date":
        if actual.kind == "text":
            score = score_words(target, actual, w, stated)
        elif actual.kind == "date":
            score = 0 if later(actual.date, target.date) else w
    elif target.kind == "text":
        c, _ = classify(target.text)
        if c is None and actual.kind == "text":
            c, _ = classify(actual.text)
        if c is not None:
            score = score_words(target, actual, w, stated)
        elif stated is not None:  # words nobody can judge: the evaluator's score
            return stated, w, w
    if score is None:  # could not be computed: the table's score, else 0
        return (stated if stated is not None else 0), w, w
    return round2(score), w, w


def score_node(ind, lower_category=False):
    """(score or None, weight, applicable weight) of a node and its subtree."""
    children = ind.get("children")
    if not children:
        return score_leaf(ind, lower_category)
    lower_category = lower_category or any(c in ind["name"] for c in LOWER_CATEGORIES)
    total, weight_sum, not_applicable = 0, 0, 0
    any_scored = False
    for child in children:
        s, w, aw = score_node(child, lower_category)
        if s is not None:
            total += s
            any_scored = True
        weight_sum += w
        not_applicable += w - aw
    weight = float(ind["weight"]) if ind.get("weight") is not None else weight_sum
    return (round2(total) if any_scored else None), weight, max(0.0, weight - not_applicable)


def execution_score(budget):
    if budget is None:
        return 0, 0
    w = budget.get("weight", EXECUTION_WEIGHT)
    den = budget.get("adjusted", budget.get("initial"))
    executed = budget.get("executed")
    if executed is not None and den:
        return round2(min(w, executed / den * w)), w
    stated = budget.get("stated_score")
    return (stated if stated is not None else 0), w


def grade_of(total):
    printed = round2(total)
    for band in GRADE_BANDS:
        if printed + 1e-9 >= band["min"]:
            return band["label"]
    return GRADE_BANDS[-1]["label"]


def score_evaluation(e):
    raw, weight = execution_score(e.get("budget"))
    applicable = weight
    for ind in e["indicators"]:
        s, w, aw = score_node(ind)
        weight += w
        applicable += aw
        if s is not None:
            raw += s
    raw = round2(raw)
    total = raw
    if 0 < applicable < weight - 1e-9:
        total = round2(raw * 100 / applicable)
    return total, grade_of(total)


def count_leaves(nodes):
    return sum(count_leaves(n["children"]) if n.get("children") else 1 for n in nodes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--limit", type=int, default=0, help="only the first N evaluations")
    ap.add_argument("--compare", help="`jixiao score --json` output of the same file")
    args = ap.parse_args()

    results = []
    rows = 0
    start = time.perf_counter()
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            e = json.loads(line)
            results.append(score_evaluation(e))
            rows += count_leaves(e["indicators"])
            if args.limit and len(results) >= args.limit:
                break
    seconds = time.perf_counter() - start

    summary = {"evaluations": len(results), "rows": rows, "seconds": seconds,
               "rows_per_second": rows / seconds if seconds > 0 else 0}
    if args.compare:
        compared = disagreements = 0
        examples = []
        with open(args.compare, encoding="utf-8") as f:
            for i, line in enumerate(f):
                j = json.loads(line)
                if i >= len(results):
                    break
                compared += 1
                total, grade = results[i]
                if j["total"] != total or j["grade"] != grade:
                    disagreements += 1
                    if len(examples) < 5:
                        examples.append({"line": i + 1, "jixiao": [j["total"], j["grade"]],
                                         "peer": [total, grade]})
        summary.update({"compared": compared, "disagreements": disagreements,
                        "examples": examples})
    json.dump(summary, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
