# Copies docs/efficiency-fit.json into src/catalog/efficiency.ts (rounded to 3 significant digits), so that the
# reviewed catalog file stays the single source of the numbers. Usage: python3 scripts/apply-fit.py
import json, re
fit = json.load(open("docs/efficiency-fit.json"))
path = "src/catalog/efficiency.ts"
text = open(path).read()
def fmt(key, v):
    if key.endswith("Seconds"):
        return ("%.3g * MICROSECOND" % (v * 1e6)) if v < 1e-3 else ("%.3g * MILLISECOND" % (v * 1e3))
    if key == "maxBatchSequences" or key == "gemmHalfEfficiencyTokens":
        return str(int(round(v)))
    return "%.3g" % v
def update(block):
    pid = re.search(r'id: "([^"]+)"', block).group(1)
    values = fit.get(pid)
    if not values:
        return block
    for key, v in values.items():
        if key == "fp4":
            block = re.sub(r"computeFractionByFormat: \{[^}]*\}", "computeFractionByFormat: { fp4: %s }" % fmt(key, v), block)
        else:
            block = re.sub(r"(\n    %s: )[^,\n]+," % key, lambda m: m.group(1) + fmt(key, v) + ",", block)
    return block
text = re.sub(r"  \{\n    id: .*?\n  \},", lambda m: update(m.group(0)), text, flags=re.S)
open(path, "w").write(text)
print("applied", ", ".join(fit))
