"""The corrections made to govnlp's drafts of the three passages, written down as a script.

    python benchmarks/finetune/corrections.py tasks.json corrected.json

Each call does what an annotator does in Label Studio: move a span, fix kind, period or reading,
delete a wrong region, draw a missing one. The result goes under ``annotations`` (the drafts stay
under ``predictions``), as in a Label Studio export; see README.md in this folder.
"""
import copy
import json
import sys

tasks = json.load(open(sys.argv[1]))
by_doc = {t["data"]["doc_id"]: t for t in tasks}


class Ann:
    def __init__(self, task):
        self.text = task["data"]["text"]
        self.res = copy.deepcopy(task["predictions"][0]["result"])
        task["annotations"] = [{"id": task["id"], "completed_by": 1, "was_cancelled": False, "result": self.res}]

    def regions(self, rid):
        return [r for r in self.res if r.get("id") == rid]

    def find(self, surface, near):
        """Offset of ``surface`` nearest to ``near``."""
        hits = [i for i in range(len(self.text)) if self.text.startswith(surface, i)]
        assert hits, surface
        return min(hits, key=lambda i: abs(i - near))

    def move(self, rid, surface):
        """Redraw region ``rid`` over ``surface`` (the occurrence nearest the old span)."""
        rs = self.regions(rid)
        s = self.find(surface, rs[0]["value"]["start"])
        for r in rs:
            r["value"]["start"], r["value"]["end"] = s, s + len(surface)
            if "text" in r["value"] and isinstance(r["value"]["text"], str):
                r["value"]["text"] = surface

    def kind(self, rid, kind):
        for r in self.regions(rid):
            if r.get("from_name") == "kind":
                r["value"]["choices"] = [kind]

    def period(self, rid, period):
        for r in self.regions(rid):
            if r.get("from_name") == "period":
                r["value"]["text"] = [period]

    def reading(self, rid, text):
        for r in self.regions(rid):
            if r.get("from_name") == "reading":
                r["value"]["text"] = [text]

    def delete(self, rid):
        self.res[:] = [r for r in self.res if r.get("id") != rid and rid not in (r.get("from_id"), r.get("to_id"))]

    def draw(self, rid, label, surface, near, of=None):
        """A new region (and its relation to the anchor ``of``)."""
        s = self.find(surface, near)
        self.res.append({"id": rid, "from_name": "role", "to_name": "text", "type": "labels",
                         "value": {"start": s, "end": s + len(surface), "text": surface, "labels": [label]}})
        if of:
            self.res.append({"from_id": rid, "to_id": of, "type": "relation", "direction": "right", "labels": ["of"]})

    def start_of(self, rid):
        return self.regions(rid)[0]["value"]["start"]


# ---- ft01: a county's annual review and its targets ---------------------------------------------
a = Ann(by_doc["ft01_county_review_targets"])
a.draw("i0-rank", "RANK", "居全市第三", a.start_of("i0-value"), of="i0-value")
a.move("i1-change", "增长8.4%")                 # the first item of a 分别 list keeps its verb
a.move("i4-change", "增长5.3%")
a.move("i16-value", "5.5%以内")                  # 控制在 is the verb, not part of the value span

# ---- ft02: a city's half-year report ------------------------------------------------------------
a = Ann(by_doc["ft02_city_half_year"])
for k in range(0, 10):                          # the review part is actual, first half of 2024
    a.kind(f"i{k}-value", "actual")
    a.period(f"i{k}-value", "2024H1")
for k in (4, 5, 6):                             # 1-6月，…；…；…。
    a.period(f"i{k}-value", "2024M1-6")
a.draw("i0-rank", "RANK", "居全省第二", a.start_of("i0-value"), of="i0-value")
# 金融机构本外币存、贷款余额分别为2865亿元、2410亿元，比年初分别增加196亿元、173亿元
a.delete("i9-value")
a.delete("i9-name")                              # its name region goes with it
a.move("i7-name", "金融机构本外币存、贷款余额")
a.move("i8-name", "金融机构本外币存、贷款余额")
a.delete("i8-change")
a.draw("i7-change", "CHANGE", "增加196亿元", a.start_of("i7-value"), of="i7-value")
a.draw("i8-change", "CHANGE", "173亿元", a.start_of("i8-value") + 15, of="i8-value")
a.reading("i7-value", "name=金融机构本外币存款余额; value=286500000000; unit=元; change=19600000000 元")
a.reading("i8-value", "name=金融机构本外币贷款余额; value=241000000000; unit=元; change=17300000000 元")
for rid in ("i7-value", "i8-value"):            # the readings are typed for the spans as now drawn
    for r in a.regions(rid):
        if r.get("from_name") == "reading":
            r["meta"]["surfaces"] = {"name": "金融机构本外币存、贷款余额",
                                     "value": a.text[r["value"]["start"]:r["value"]["end"]],
                                     "change": "增加196亿元" if rid == "i7-value" else "173亿元"}
# 确保地区生产总值增长6%—6.5%: a range target, no change
a.delete("i10-change")
for k in (10, 11, 12, 13):
    a.period(f"i{k}-{'change' if k == 11 else 'value'}", "2024")
a.period("i14-change", "2024")

# ---- ft03: a district's livelihood review -------------------------------------------------------
a = Ann(by_doc["ft03_district_livelihood"])
for k in range(1, 16):
    a.period(f"i{k}-value", "2023")
a.move("i1-name", "新建、改扩建中小学和幼儿园")
a.draw("i9-rank", "RANK", "排名全市首位", a.start_of("i9-value"), of="i9-value")
a.delete("i14-value")                            # 超过50万元 defines the villages counted: a threshold
a.delete("i14-name")
a.move("i15-name", "集体经济年收入超过50万元的村")

json.dump(tasks, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
