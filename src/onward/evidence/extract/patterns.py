"""Word patterns that describe people and clauses in reporting prose: who counts as a person, what ends a noun
phrase, what marks a clause as being about an institution rather than a transfer.

They are shared by the subject finder (``people``), the context builder and the extractor; keeping them in one
place keeps the vocabulary consistent.
"""

from __future__ import annotations

import re

PERSON = re.compile(
    r"\b(?:people|persons?|individuals?|m[ae]n|wom[ae]n|child(?:ren)?|famil(?:y|ies)|nationals?|citizens?|residents?|"
    r"journalists?|reporters?|editors?|activists?|dissidents?|bloggers?|critics?|lawyers?|students?|workers?|"
    r"migrants?|refugees?|asylum[- ]seekers?|members?|leaders?|officials?|officers?|teachers?|pastors?|priests?|"
    r"imams?|monks?|missionar(?:y|ies)|doctors?|experts?|researchers?|academics?|scholars?|author|writers?|"
    r"business(?:man|men|woman|person)|tycoons?|crews?|teams?|delegation|staff|employees?|correspondents?|"
    r"photographers?|filmmakers?|artists?|rappers?|musicians?|singers?|directors?|founders?|head|chairman|"
    r"president|minister|mayor|governor|general|colonel|soldiers?|fighters?|suspects?|opponents?|figures?|"
    r"politicians?|candidates?|lawmakers?|deputies|deputy|brothers?|sons?|sisters?|daughters?|wife|husband|"
    r"relatives?|nuns?|Christians|Muslims|clerics?|preachers?|diplomats?|ambassadors?|envoys?|expatriates?|"
    r"detainees?|prisoners?|defenders?|expatriates?|exiles?|opposition|protesters?|commanders?|owners?|"
    r"investors?|bankers?|defendants?|convicts?|those|anyone|someone|person|guards?|commissioner|rapporteurs?|"
    r"observers?|volunteers?|nurses?|aid workers?|representatives?|spokes(?:man|woman|person))\b",
    re.I,
)
# After an active verb comes its object: "deported a pastor", "extradited journalist X", "expelled 12 monks".
ACTIVE_NEXT = re.compile(
    r"^\s*(?:\w+ly\s+)*(?:(?:a|an|the|his|her|their|its|this|these|those|some|several|many|more|dozens|hundreds|"
    r"thousands|him|them|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|at\s+least|over|nearly|about|"
    r"another|both|all|scores|members|journalists?|activists?|dissidents?|bloggers?|critics?|lawyers?|students?|"
    r"workers|migrants|refugees|asylum|opposition|foreign|former|prominent)\b|\d|[A-Z])",
)
ANTECEDENT = re.compile(
    r"(?:\b\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|several|the)\b)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:sons|brothers|people|men|women|journalists|activists|nationals|citizens|members|leaders|students|refugees|"
    r"asylum seekers|Egyptians|Uzbeks|workers|children|individuals|teachers|brothers)\b",
)
# "foreigners", "foreign academics", "refugees continued": a class of people, not an identifiable group.
SPECIFIED = re.compile(
    r"\b(?:associated with|belonging to|affiliated with|members of|working for|employed by|of|from|at|with)\s+"
    r"(?:the|a|an|its|his|her|their)\b"
)
BARE_PLURAL = re.compile(
    r"^(?!(?:thousands|hundreds|dozens|several|many|some|numerous|scores|tens|most|all)\b)(?:[a-z-]+\s+){0,2}[a-z-]+s\b(?!\s+(?:of|from)\b)"
)
INSTITUTION_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,4}?from\s+(?:the|their|his|her|its|a)?\s*(?:[\w-]+\s+){0,2}?(?:party|parties|school|schools|"
    r"university|universities|college|parliament|assembly|bar|association|union|church|classes|institutions?|"
    r"faculty|legislature|movement|club|federation|league|academy|seminary|dormitor\w*|chamber|senate|council)\b",
    re.I,
)
# Deporting someone presupposes they are foreign: without a destination, the words must say so.
FOREIGN = re.compile(
    r"\b(?:foreign\w*|migrants?|expatriates?|expats?|international|refugees?|asylum|diplomats?|ambassadors?|envoys?|"
    r"correspondents?|nationals|non-?citizens?|non-?nationals|visitors?|tourists?|missionar(?:y|ies)|aliens?|"
    r"stateless|undocumented|UN|U\.N\.|NGO|WHO|MSF|UNHCR|UNHRC|OHCHR|Doctors Without Borders|Commission of Inquiry)\b"
)
INSTITUTION_BEFORE = re.compile(
    r"\b(?:party|parties|union|club|association|school|university|federation|league|church|movement|council|"
    r"assembly|parliament|senate|speaker|committee|bar)\s+(?:(?:has|have|had|also|then|later|\w+ly)\s+)*$",
    re.I,
)
FACING = re.compile(
    r"([^,;]*?\S)\s+(?:\w+ly\s+)?(?:faces|faced|facing|awaits|awaited|awaiting|fought|fights|fighting|challenged|"
    r"challenges|resisted|contested|appealed against|avoided|escaped|won|lost|feared|fears)\s+"
    r"(?:(?:his|her|their|an?|the|possible|imminent|likely|forced)\s+)*$",
    re.I,
)
SINGULAR_NP = re.compile(
    r"\b(?:a|an|the|another)\s+(?:[\w-]+\s+){0,4}?(?:journalist|activist|dissident|blogger|critic|lawyer|student|"
    r"refugee|asylum seeker|businessman|businesswoman|politician|official|officer|teacher|pastor|imam|writer|author|"
    r"leader|member|citizen|national|man|woman|opponent|defender|cleric|scholar|researcher|rapper|artist)\b",
    re.I,
)
AUX_NEAR = re.compile(r"\b(?:was|were|been|being|be|is|are|got|get)\b[^;]{0,240}$", re.I)
PREPOSITION = re.compile(r"^(?:in|to|from|on|at|by|for|with|into|during|after|before)\b", re.I)
PRONOUN_PLURAL = re.compile(r"^(?:they|them|their)$", re.I)
