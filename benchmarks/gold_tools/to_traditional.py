"""Turn a simplified-script annotated source into a traditional-script one (text lines only).

    python benchmarks/gold_tools/to_traditional.py benchmarks/gold_src/templates/X.simp.txt benchmarks/gold_src/X.txt

Directive lines (@@...) are kept as written (meta and slogan expansions stay simplified; the
scorer compares strings after t2s). The markup tags are ASCII and survive the conversion.
"""
import sys

from opencc import OpenCC


def main(src: str, dst: str) -> None:
    cc = OpenCC("s2t")
    out = []
    for line in open(src, encoding="utf-8").read().split("\n"):
        out.append(line if line.startswith("@@") else cc.convert(line))
    open(dst, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
