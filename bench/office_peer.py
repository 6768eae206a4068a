#!/usr/bin/python3
"""The same office work in Python, for comparison (bench/office_run.sh):

  office_peer.py import DIR     openpyxl reads every workbook, finds the
                                indicator header by its text and reads every
                                indicator row (names, targets, actuals,
                                weights, scores) and the funds block
  office_peer.py reports DIR N  python-docx writes N reports like jixiao's:
                                title page, headings, paragraphs, the score
                                table, the indicator table with merged
                                category cells

Both print files/s as JSON. Debian's python3-openpyxl and python3-docx.
"""
import json
import os
import sys
import time


def import_dir(path):
    import openpyxl
    files = sorted(f for f in os.listdir(path) if f.endswith(".xlsx"))
    start = time.perf_counter()
    indicators = 0
    for name in files:
        wb = openpyxl.load_workbook(os.path.join(path, name), data_only=True)
        ws = wb.worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
        header = None
        for i, row in enumerate(rows):
            if row and "三级指标" in row:
                header = i
                break
        cols = {v: c for c, v in enumerate(rows[header]) if v}
        merged = {}
        for rng in ws.merged_cells.ranges:
            top = ws.cell(row=rng.min_row, column=rng.min_col).value
            for r in range(rng.min_row, rng.max_row + 1):
                merged[(r - 1, rng.min_col - 1)] = top
        for r in range(header + 1, len(rows)):
            row = rows[r]
            first = row[0] if row else None
            if first in ("总分", "自评结论"):
                break
            names = [row[c] if row[c] is not None else merged.get((r, c)) for c in range(3)]
            record = (names, row[cols["年度指标值"]], row[cols["实际完成值"]], row[cols["分值"]],
                      row[cols["得分"]])
            if record[0][2]:
                indicators += 1
        for row in rows:
            if row and row[1] == "年度资金总额":
                _funds = row[2:8]
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(files), "indicators": indicators, "seconds": seconds,
                      "files_per_second": len(files) / seconds}))


def reports(path, n):
    import docx
    from docx.shared import Pt
    from docx.oxml.ns import qn
    os.makedirs(path, exist_ok=True)
    categories = [("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)]
    leaves = [(categories[i % 3][0], "二级指标%d" % (i % 5), "三级指标第%d项" % i, "≥100家", "97家",
               5, 4.85) for i in range(20)]
    leaves.sort(key=lambda x: x[0])
    start = time.perf_counter()
    for k in range(n):
        d = docx.Document()
        style = d.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(16)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
        d.add_heading("第%d号项目绩效自评报告" % k, 0)
        for chapter in ("基本情况", "绩效评价工作开展情况", "综合评价情况及评价结论",
                        "绩效评价指标分析", "主要经验及做法、存在的问题及原因分析", "有关建议",
                        "其他需要说明的问题"):
            d.add_heading(chapter, 1)
            d.add_paragraph("项目全年预算资金480.00万元，实际支出240.00万元，预算执行率为50%。" * 3)
        t = d.add_table(rows=1 + len(categories) + 2, cols=4)
        for c, h in enumerate(("评价内容", "标准分值", "评价得分", "得分率")):
            t.cell(0, c).text = h
        for r, (name, w) in enumerate(categories, start=1):
            for c, v in enumerate((name, str(w), str(w - 1), "98%")):
                t.cell(r, c).text = v
        t = d.add_table(rows=1 + len(leaves), cols=7)
        for c, h in enumerate(("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")):
            t.cell(0, c).text = h
        start_row = 1
        for r, leaf in enumerate(leaves, start=1):
            for c, v in enumerate(leaf[1:], start=1):
                t.cell(r, c).text = str(v)
            if r == len(leaves) or leaves[r][0] != leaf[0]:
                merged = t.cell(start_row, 0).merge(t.cell(r, 0))
                merged.text = leaf[0]
                start_row = r + 1
        d.save(os.path.join(path, "report-%05d.docx" % k))
    seconds = time.perf_counter() - start
    print(json.dumps({"files": n, "seconds": seconds, "files_per_second": n / seconds}))


if __name__ == "__main__":
    if sys.argv[1] == "import":
        import_dir(sys.argv[2])
    else:
        reports(sys.argv[2], int(sys.argv[3]))
