# ruff: noqa: E501
"""a02 – lägesrapport, UTF-8 with CRLF line ends, plain-text participant table.
Audit: same initiative and period as a06, but actual women = 14 here and 16 there."""

FILE = "a02_lagesrapport_steget_vidare_vt2021.txt"
FORMAT = "txt"
TXT_OPTS = {"encoding": "utf-8", "newline": "\r\n"}

TEXT = """LÄGESRAPPORT
Samordningsförbundet Östra Södertörn

Projektnamn: Steget vidare 2.0
Rapportperiod: 2021-01-01-2021-06-30
Projektägare: Haninge kommun, Arbetsmarknadsavdelningen
Kontaktperson: Ahmed Yusuf, projektledare, tfn 070-123 45 67

1. Sammanfattning av perioden

Våren 2021 präglades fortfarande av pandemin. Merparten av kontakterna med deltagarna har skett digitalt eller utomhus, och först i maj kunde vi återgå till gruppträffar i våra lokaler i Handen. Trots detta har inskrivningen gått bättre än under hösten: hittills har 26 deltagare skrivits in sedan starten i augusti 2020.

Steget vidare 2.0 bygger på erfarenheterna från en tidigare insats för unga vuxna som pågick 2017–2019 i Haninge och Nynäshamn. Den största skillnaden är att Tyresö kommun nu är med som tredje kommun och att Försäkringskassan deltar i styrgruppen.

2. Genomförda aktiviteter

Projektets tre handledare har under perioden haft ett 40-tal individuella samtal per månad. Sju digitala informationsträffar har hållits för handläggare på Arbetsförmedlingen och socialtjänsten, och i genomsnitt deltog 18 handläggare per träff.

I mars startade en kurs i svenska för arbetslivet tillsammans med Södertörns folkhögskola. Kursen har 11 deltagare, varav 8 kvinnor. Därutöver har sex deltagare fått praktikplats hos det sociala företaget Gröna Händer ekonomisk förening i Nynäshamn.

3. Samverkan

Samverkan med Nynäshamns kommun och Tyresö kommun har fungerat väl. Region Stockholm har bidragit med en arbetsterapeut på 50 procent sedan februari. Ett avtal med Försäkringskassan om gemensamma kartläggningssamtal skrevs under i april.

4. Deltagare

Hur många deltagare har ni haft sedan projektets start?

                 Planerat   Utfall
Kvinnor              20       14
Män                  20       12
Totalt               40       26

Målet för hela projekttiden är 40 deltagare. Andelen kvinnor är lägre än planerat, eftersom färre kvinnor anvisats från Arbetsförmedlingen.

5. Resultat

Under perioden har 5 deltagare fått arbete, varav tre på heltid. Två deltagare har påbörjat studier på Komvux och en person har gått vidare till Arbetsförmedlingens program Introduktion till arbete.

6. Ekonomi

Projektets totala budget är 2 MSEK för perioden augusti 2020 – juli 2022. Till och med juni har knappt 40 procent av budgeten förbrukats, vilket motsvarar cirka 780 000 kronor. Underförbrukningen beror främst på att lokalkostnaderna blivit lägre än beräknat.

7. Planering inför hösten

Under hösten planerar vi att återuppta arbetsgivarträffarna och att anordna en öppen föreläsning om psykisk ohälsa och arbete. Styrgruppen sammanträder nästa gång den 14 september.

Haninge den 8 juli 2021

Ahmed Yusuf
Projektledare
"""

GOLD = {
    "file": FILE,
    "report_type": "lägesrapport",
    "project_name": "Steget vidare 2.0",
    "period": {"start": "2021-01-01", "end": "2021-06-30"},
    "report_date": "2021-07-08",
    "title_lines": [
        "LÄGESRAPPORT",
        "Samordningsförbundet Östra Södertörn",
        "Projektnamn: Steget vidare 2.0",
        "Rapportperiod: 2021-01-01-2021-06-30",
        "Projektägare: Haninge kommun, Arbetsmarknadsavdelningen",
        "Kontaktperson: Ahmed Yusuf, projektledare, tfn 070-123 45 67",
    ],
    "headings": [
        "1. Sammanfattning av perioden",
        "2. Genomförda aktiviteter",
        "3. Samverkan",
        "4. Deltagare",
        "Hur många deltagare har ni haft sedan projektets start?",
        "5. Resultat",
        "6. Ekonomi",
        "7. Planering inför hösten",
    ],
    "figures": [
        {"value": 26, "category": "participants", "measure": "actual", "note": "hittills har 26 deltagare skrivits in"},
        {"value": 3, "category": ["other", "organisations"], "optional": True, "note": "tredje kommun (ordinal) / tre handledare"},
        {"value": 40, "approx": True, "category": "activities", "unit": "samtal", "note": "ett 40-tal individuella samtal per månad"},
        {"value": 7, "category": "activities", "unit": "informationsträff", "note": "Sju digitala informationsträffar"},
        {"value": 18, "category": "attendance", "unit": "handläggare", "note": "i genomsnitt deltog 18 handläggare per träff"},
        {"value": 11, "category": ["participants", "attendance"], "note": "Kursen har 11 deltagare"},
        {"value": 8, "gender": "women", "category": ["participants", "attendance"], "note": "varav 8 kvinnor"},
        {"value": 6, "category": ["outcomes", "participants", "other"], "unit": "person", "note": "sex deltagare fått praktikplats"},
        {"value": 50, "category": "percent", "unit": "%", "note": "arbetsterapeut på 50 procent"},
        {"value": 20, "category": "participants", "measure": "planned", "gender": "women", "note": "Kvinnor Planerat 20"},
        {"value": 14, "category": "participants", "measure": "actual", "gender": "women", "note": "Kvinnor Utfall 14"},
        {"value": 20, "category": "participants", "measure": "planned", "gender": "men", "note": "Män Planerat 20"},
        {"value": 12, "category": "participants", "measure": "actual", "gender": "men", "note": "Män Utfall 12"},
        {"value": 40, "category": "participants", "measure": "planned", "note": "Totalt Planerat 40"},
        {"value": 26, "category": "participants", "measure": "actual", "note": "Totalt Utfall 26"},
        {"value": 40, "category": "participants", "measure": "planned", "note": "Målet för hela projekttiden är 40 deltagare"},
        {"value": 5, "category": "outcomes", "unit": "person", "note": "5 deltagare har fått arbete"},
        {"value": 3, "category": "outcomes", "unit": "person", "note": "varav tre på heltid"},
        {"value": 2, "category": "outcomes", "unit": "person", "note": "Två deltagare har påbörjat studier"},
        {"value": 1, "category": "outcomes", "unit": "person", "note": "en person har gått vidare till ... Introduktion till arbete"},
        {"value": 2000000, "category": "money", "unit": "kr", "note": "2 MSEK"},
        {"value": 40, "approx": True, "category": "percent", "unit": "%", "note": "knappt 40 procent"},
        {"value": 780000, "approx": True, "category": "money", "unit": "kr", "note": "cirka 780 000 kronor"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "note": "en öppen föreläsning"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Östra Södertörn", "label": "ORG"},
        {"text": "Haninge kommun", "label": "ORG"},
        {"text": "Arbetsmarknadsavdelningen", "label": "ORG", "optional": True},
        {"text": "Ahmed Yusuf", "label": "PER"},
        {"text": "Handen", "label": "LOC"},
        {"text": "Haninge", "label": "LOC"},
        {"text": "Nynäshamn", "label": "LOC"},
        {"text": "Tyresö kommun", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Arbetsförmedlingens", "normalized": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Södertörns folkhögskola", "label": "ORG"},
        {"text": "Gröna Händer ekonomisk förening", "label": "ORG"},
        {"text": "Nynäshamns kommun", "label": "ORG"},
        {"text": "Region Stockholm", "label": "ORG"},
        {"text": "Komvux", "label": "ORG", "optional": True},
        {"text": "Steget vidare 2.0", "label": "ORG", "optional": True},
        {"text": "Introduktion till arbete", "label": "ORG", "optional": True},
    ],
    "audit": ["conflicting_figure"],
}
