# A seeded synthetic scenario for timing the analytics: synthetic-scenario.py PARTIES ISSUES OPTIONS SEED > s.json
import json, random, sys
parties, issues, options, seed = map(int, sys.argv[1:5])
frac = len(sys.argv) > 5
r = random.Random(seed)
P = [f"p{i}" for i in range(parties)]
I = [f"i{i}" for i in range(issues)]
O = [f"o{i}" for i in range(options)]
profiles = {}
for p in P:
    cuts = sorted(r.randint(0,100) for _ in range(issues-1))
    cuts = [0]+cuts+[100]
    w = {I[i]: cuts[i+1]-cuts[i] for i in range(issues)}
    if frac:
        w = {k: round(r.random(), 3) for k in I}
    profiles[p] = {"weights": w, "values": {i: {o: r.randint(0,100) for o in O} for i in I}, "reservation": 50, "briefing": "Synthetic."}
doc = {"formatVersion":1,"id":"synthetic","title":"Synthetic","summary":"Synthetic.","rounds":6,"publicBackground":"Synthetic.",
 "parties":[{"id":p,"name":p,"leader":p} for p in P],
 "issues":[{"id":i,"name":i,"group":"S","description":"S.","options":[{"id":o,"label":o} for o in O],"noDeal":O[0],"signatories":[P[0]]} for i in I],
 "profiles":profiles}
print(json.dumps(doc))
