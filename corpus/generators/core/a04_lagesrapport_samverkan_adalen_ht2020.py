# ruff: noqa: E501
"""a04 – lägesrapport, Windows-1252, form layout; a structure-oriented initiative
with no participant figures at all. Audit: no_participants."""

FILE = "a04_lagesrapport_samverkan_adalen_ht2020.txt"
FORMAT = "txt"
TXT_OPTS = {"encoding": "cp1252"}

TEXT = """Samordningsförbundet Ådalen
Lägesrapport

Insatsens namn: Gemensam kartläggning Ådalen
Tidsperiod (som rapporten avser): juli-december 2020
Rapportör: Göran Sjöström, processledare

Beskriv det senaste halvårets aktiviteter kopplade till de beskrivna målen i ansökan:

Insatsen syftar till att ta fram en gemensam modell för kartläggning av arbetsförmåga som kan användas av Arbetsförmedlingen, Försäkringskassan, socialtjänsten i Kramfors kommun, Sollefteå kommun och Härnösands kommun samt primärvården i Region Västernorrland. Under hösten har arbetsgruppen fokuserat på att pröva ett första utkast till bedömningsstöd.

Två utbildningsdagar i bedömningsstödet hölls i Kramfors i oktober. 45 personer var anmälda men på grund av smittläget kom bara 31. Utbildningen leddes av Anna-Karin Öhman från Mittuniversitetet, och efter Anna-Karin Öhmans genomgång fick handläggarna öva på fiktiva ärenden i blandade grupper.

Processledaren har besökt sex arbetsplatsträffar i de fyra organisationerna för att förankra arbetet. Dessutom har ett tjugotal handläggare intervjuats om hur kartläggning går till i dag.

Beskriv eventuella avvikelser i förhållande till ansökan och orsaker till dem:

Testperioden i ordinarie verksamhet var planerad att starta den 1 november men har skjutits upp till februari 2021. Försäkringskassan har behövt mer tid för att få bedömningsstödet godkänt internt. En workshop med brukarorganisationer – som skulle ha hållits i december – ställdes in, eftersom flera av de inbjudna inte kunde delta digitalt.

Ligger det ekonomiska utfallet i linje med budget, utifrån den tidsperiod som gått? Svar: Nej

Om inte ange varför:

Av årets budget på 1,1 mkr har knappt 300 000 kr förbrukats, vilket är ungefär 27 procent. Underskottet i förbrukning beror på uppskjuten testperiod och inställda resor. Processledartjänsten är på 75 % i stället för de planerade 100 %.

Hur många deltagare har ni haft sedan projektets start?

Insatsen är inte individriktad och har därför inga deltagare. Målgruppen är personal hos parterna.

Beskriv kommande aktiviteter kopplat till målen:

Under våren 2021 ska bedömningsstödet testas i skarpa ärenden i Sollefteå och Härnösand. Arbetsgruppen planerar också en uppföljande utbildningsdag för de handläggare som inte kunde delta i oktober samt en avslutande konferens där resultaten presenteras för förbundets styrelse.

Beskriv hur insatsen ligger till i förhållande till planerad implementering:

Arbetet ligger ungefär tre månader efter tidplanen. Styrelsen i Samordningsförbundet Ådalen informerades vid mötet den 10 december och beslutade att förlänga insatsen till och med december 2021.

Datum: 2021-01-20

Underskrift: Göran Sjöström
"""

GOLD = {
    "file": FILE,
    "report_type": "lägesrapport",
    "project_name": "Gemensam kartläggning Ådalen",
    "period": {"start": "2020-07-01", "end": "2020-12-31"},
    "report_date": "2021-01-20",
    "title_lines": [
        "Samordningsförbundet Ådalen",
        "Lägesrapport",
        "Insatsens namn: Gemensam kartläggning Ådalen",
        "Tidsperiod (som rapporten avser): juli-december 2020",
        "Rapportör: Göran Sjöström, processledare",
    ],
    "headings": [
        "Beskriv det senaste halvårets aktiviteter kopplade till de beskrivna målen i ansökan:",
        "Beskriv eventuella avvikelser i förhållande till ansökan och orsaker till dem:",
        "Hur många deltagare har ni haft sedan projektets start?",
        "Beskriv kommande aktiviteter kopplat till målen:",
        "Beskriv hur insatsen ligger till i förhållande till planerad implementering:",
    ],
    "optional_headings": [
        "Ligger det ekonomiska utfallet i linje med budget, utifrån den tidsperiod som gått? Svar: Nej",
        "Om inte ange varför:",
        "Datum: 2021-01-20",
        "Underskrift: Göran Sjöström",
    ],
    "figures": [
        {"value": 2, "category": "activities", "unit": "utbildningsdag", "note": "Två utbildningsdagar"},
        {"value": 45, "category": "registrations", "unit": "person", "note": "45 personer var anmälda"},
        {"value": 31, "category": "attendance", "unit": "person", "note": "kom bara 31"},
        {"value": 6, "category": "activities", "unit": "arbetsplatsträff", "note": "sex arbetsplatsträffar"},
        {"value": 4, "category": "organisations", "unit": "organisation", "note": "de fyra organisationerna"},
        {"value": 20, "approx": True, "category": ["activities", "other"], "unit": "handläggare", "note": "ett tjugotal handläggare intervjuats"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "note": "En workshop ... ställdes in"},
        {"value": 1100000, "category": "money", "unit": "kr", "note": "1,1 mkr"},
        {"value": 300000, "approx": True, "category": "money", "unit": "kr", "note": "knappt 300 000 kr"},
        {"value": 27, "approx": True, "category": "percent", "unit": "%", "note": "ungefär 27 procent"},
        {"value": 75, "category": "percent", "unit": "%", "note": "75 %"},
        {"value": 100, "category": "percent", "unit": "%", "note": "de planerade 100 %"},
        {"value": 3, "approx": True, "category": "other", "optional": True, "note": "ungefär tre månader efter tidplanen"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "note": "en uppföljande utbildningsdag / en avslutande konferens"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Ådalen", "label": "ORG"},
        {"text": "Göran Sjöström", "label": "PER"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Kramfors kommun", "label": "ORG"},
        {"text": "Sollefteå kommun", "label": "ORG"},
        {"text": "Härnösands kommun", "label": "ORG"},
        {"text": "Region Västernorrland", "label": "ORG"},
        {"text": "Kramfors", "label": "LOC"},
        {"text": "Anna-Karin Öhman", "label": "PER"},
        {"text": "Anna-Karin Öhmans", "normalized": "Anna-Karin Öhman", "label": "PER"},
        {"text": "Mittuniversitetet", "label": "ORG"},
        {"text": "Sollefteå", "label": "LOC"},
        {"text": "Härnösand", "label": "LOC"},
        {"text": "Ådalen", "label": "LOC", "optional": True},
    ],
    "audit": ["no_participants"],
}
