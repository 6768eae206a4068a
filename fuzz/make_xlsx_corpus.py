#!/usr/bin/env python3
"""Seeds fuzz/corpus/xlsx from the workbook fixtures: each fixture whole, and
each one's first worksheet plus shared strings (joined by a NUL byte), the
form fuzz::xlsx packs into a valid workbook. Run from the repository root."""
import os
import zipfile

src = "test/office/fixtures"
out = "fuzz/corpus/xlsx"
os.makedirs(out, exist_ok=True)
for name in sorted(os.listdir(src)):
    if not name.endswith(".xlsx"):
        continue
    path = os.path.join(src, name)
    with open(path, "rb") as f:
        whole = f.read()
    if len(whole) < 16384:
        with open(os.path.join(out, "whole-" + name), "wb") as f:
            f.write(whole)
    with zipfile.ZipFile(path) as z:
        sheets = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        shared = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in z.namelist() else b""
        with open(os.path.join(out, "sheet-" + name[:-5] + ".xml"), "wb") as f:
            f.write(z.read(sheets[-1]) + b"\0" + shared)
