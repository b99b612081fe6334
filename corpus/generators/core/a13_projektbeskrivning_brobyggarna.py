# ruff: noqa: E501
"""a13 – projektbeskrivning as .docx whose headings are only bold short
paragraphs in Normal style (no heading styles), with List Bullet items.
Audit: no period and no date of any kind."""

FILE = "a13_projektbeskrivning_brobyggarna.docx"
FORMAT = "docx"
OPTS = {"title": "", "author": "", "bold_headings": True}

BLOCKS = [
    ("title", "Projektbeskrivning"),
    ("meta", "Brobyggarna – samhällsvägledning på modersmål i Roslagen"),
    ("h1", "Organisation och resurser"),
    ("p", "Brobyggarna drivs av Norrtälje kommun och finansieras av Samordningsförbundet Roslagen tillsammans med Östhammars kommun. Insatsen har åtta brobyggare anställda, samtliga med egen erfarenhet av att ha kommit till Sverige som vuxna, och en samordnare på heltid. Brobyggarna talar tillsammans knappt 20 språk. Insatsen finansieras med 1 150 000 kr per år, varav förbundet står för 70 procent."),
    ("h1", "Målgrupp och mål"),
    ("p", "Målgruppen är utrikes födda kvinnor och män som står långt från arbetsmarknaden och som har svårt att ta del av det stöd som Arbetsförmedlingen, Försäkringskassan och kommunen erbjuder. Målet är att fler ska:"),
    ("bullets", [
        "förstå hur myndigheterna fungerar och vilka rättigheter och skyldigheter de har,",
        "delta i svenskundervisning eller annan utbildning,",
        "närma sig arbete eller egen försörjning.",
    ]),
    ("h1", "Arbetssätt"),
    ("p", "Brobyggarna möter deltagarna där de finns: i hemmet, på biblioteket, i moskén eller på öppna förskolan. De följer med till möten hos myndigheter, tolkar inte men förklarar och bygger förtroende. När deltagaren är redo slussas hen vidare till Arbetsförmedlingen, till Väddö folkhögskola eller till arbetsträning hos det sociala företaget Skärgårdsfixarna ekonomisk förening i Östhammar."),
    ("h1", "Aktiviteter"),
    ("bullets", [
        "Ett 50-tal hembesök per månad.",
        "Öppet hus på biblioteken i Norrtälje och Östhammar två gånger i veckan, med 10–15 besökare per tillfälle.",
        "Fyra temakvällar om svensk arbetsmarknad, som lockade mellan 20 och 25 personer vardera.",
        "Föräldragrupper i samarbete med Region Stockholms barnhälsovård.",
    ]),
    ("h1", "Resultat"),
    ("p", "Totalt har 64 personer deltagit sedan starten, varav 38 kvinnor. Av dem har 12 fått arbete, fem av dem som brobyggare eller språkstöd i andra verksamheter. Ytterligare 17 har börjat studera, de flesta på SFI. Yasmin Haddads berättelse om hur hon gick från att inte våga ringa Försäkringskassan till att själv arbeta som brobyggare har spridits i länet och visats för Region Stockholms politiker."),
    ("p", "Handläggare hos Arbetsförmedlingen och socialtjänsten beskriver att kontakten med deltagarna blivit enklare och att färre möten ställs in."),
    ("h1", "Kontakt"),
    ("p", "Nadia Rahimi, samordnare, Norrtälje kommun, tfn 0176-123 45"),
]

GOLD = {
    "file": FILE,
    "report_type": "projektbeskrivning",
    "project_name": "Brobyggarna",
    "period": {"start": None, "end": None},
    "report_date": None,
    "title_lines": [
        "Projektbeskrivning",
        "Brobyggarna – samhällsvägledning på modersmål i Roslagen",
    ],
    "headings": [
        "Organisation och resurser",
        "Målgrupp och mål",
        "Arbetssätt",
        "Aktiviteter",
        "Resultat",
        "Kontakt",
    ],
    "figures": [
        {"value": 8, "category": "other", "unit": "brobyggare", "note": "åtta brobyggare anställda"},
        {"value": 1, "category": "other", "optional": True, "note": "en samordnare på heltid"},
        {"value": 20, "approx": True, "category": "other", "unit": "språk", "note": "knappt 20 språk"},
        {"value": 1150000, "category": "money", "unit": "kr", "note": "1 150 000 kr per år"},
        {"value": 70, "category": "percent", "unit": "%", "note": "70 procent"},
        {"value": 50, "approx": True, "category": "activities", "unit": "hembesök", "note": "Ett 50-tal hembesök per månad"},
        {"value": 2, "category": "other", "optional": True, "note": "två gånger i veckan"},
        {"value": 10, "value_max": 15, "category": "attendance", "unit": "besökare", "note": "10–15 besökare per tillfälle"},
        {"value": 4, "category": "activities", "unit": "temakväll", "note": "Fyra temakvällar"},
        {"value": 20, "value_max": 25, "category": "attendance", "unit": "person", "note": "mellan 20 och 25 personer vardera"},
        {"value": 64, "category": "participants", "measure": "actual", "note": "Totalt har 64 personer deltagit"},
        {"value": 38, "category": "participants", "measure": "actual", "gender": "women", "note": "varav 38 kvinnor"},
        {"value": 12, "category": "outcomes", "unit": "person", "note": "12 fått arbete"},
        {"value": 5, "category": "outcomes", "unit": "person", "note": "fem av dem som brobyggare eller språkstöd"},
        {"value": 17, "category": "outcomes", "unit": "person", "note": "Ytterligare 17 har börjat studera"},
    ],
    "entities": [
        {"text": "Roslagen", "label": "LOC"},
        {"text": "Norrtälje kommun", "label": "ORG"},
        {"text": "Samordningsförbundet Roslagen", "label": "ORG"},
        {"text": "Östhammars kommun", "label": "ORG"},
        {"text": "Sverige", "label": "LOC"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Väddö folkhögskola", "label": "ORG"},
        {"text": "Skärgårdsfixarna ekonomisk förening", "label": "ORG"},
        {"text": "Östhammar", "label": "LOC"},
        {"text": "Norrtälje", "label": "LOC"},
        {"text": "Region Stockholms barnhälsovård", "normalized": "Region Stockholm", "label": "ORG", "optional": True},
        {"text": "Region Stockholms", "normalized": "Region Stockholm", "label": "ORG"},
        {"text": "SFI", "label": "ORG", "optional": True},
        {"text": "Yasmin Haddads", "normalized": "Yasmin Haddad", "label": "PER"},
        {"text": "Nadia Rahimi", "label": "PER"},
        {"text": "Brobyggarna", "label": "ORG", "optional": True},
    ],
    "audit": ["no_period"],
}
