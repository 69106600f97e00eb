"""Traditional r08 (run after to_traditional.py, from the repository root): convert @@i name= values, add pinyin glosses outside spans, add mojibake lines."""
from opencc import OpenCC
cc = OpenCC("s2t")
p = 'benchmarks/gold_src/r08_traditional_qinhuai_2021.txt'
lines = open(p, encoding='utf-8').read().split("\n")
GLOSS = {"區": "區(qū)", "鎮": "鎮(zhèn)", "經": "經(jīng)", "發": "發(fā)", "實": "實(shí)"}
# paragraphs (by their opening words) where the reading aid left its glosses
GLOSSED = ("【轉載】", "五年來,我們始終把發展", "五年來,城市面貌", "同時,我們也清醒地認識到", "今後五年", "實現上述目標")
def gloss(line):
    out, depth = [], 0
    for ch in line:
        out.append(ch)
        if ch == "⟦": depth += 1
        elif ch == "⟧": depth -= 1
        elif depth == 0 and ch in GLOSS:
            out[-1] = GLOSS[ch]
    return "".join(out)
def moji(t):
    return t.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")
MOJI_AFTER = {"五年來,城市面貌": "综合发展实力", "同時,我們也清醒地認識到": "政府工作报告全文", "實現上述目標": "经济社会发展"}
out = []
for ln in lines:
    if ln.startswith("@@i ") and "name=" in ln:
        parts = ln.split(" ")
        ln = " ".join(("name=" + cc.convert(x[5:])) if x.startswith("name=") else x for x in parts)
    if not ln.startswith("@@") and ln.startswith(GLOSSED):
        ln = gloss(ln)
    out.append(ln)
    for key, t in MOJI_AFTER.items():
        if not ln.startswith("@@") and ln.replace("(qū)", "").replace("(fā)", "").replace("(shí)", "").replace("(jīng)", "").startswith(key):
            out.append(moji(t))
open(p, "w", encoding="utf-8").write("\n".join(out))
