"""List numbers in a document that no indicator span covers (to check each is excluded on purpose).

    python benchmarks/gold_tools/uncovered.py seed-000
"""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build_gold import SRC, parse_source  # noqa: E402

NUM = re.compile(r"\d+(?:[.,]\d+)*(?:[十百千万亿萬億]+)?[^\s\d，。,；;、]{0,3}|[一二两三四五六七八九十百千万亿]{2,}[余多]?[^\s，。,；;、]{0,2}")


def main(doc_id: str) -> None:
    for path in sorted(SRC.glob("*.txt")):
        doc = parse_source(path)
        if doc["id"] != doc_id:
            continue
        text = doc["text"]
        covered = [0] * (len(text) + 1)
        for tag, a, b in doc["_spans"]:
            if tag[:1] in "vcgSTm" or tag.startswith("n"):
                for i in range(a, b):
                    covered[i] = 1
        for m in NUM.finditer(text):
            if not covered[m.start()]:
                ctx = text[max(0, m.start() - 8):m.end() + 4].replace("\n", " ")
                print(f"{m.start():6} {m.group(0)!r:14} …{ctx}…")


if __name__ == "__main__":
    main(sys.argv[1])
