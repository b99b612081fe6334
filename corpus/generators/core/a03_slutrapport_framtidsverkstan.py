# ruff: noqa: E501
"""a03 – slutrapport, UTF-8, paragraphs hard-wrapped at 70 characters.
Audit: actual participants (71) exceed planned (40)."""

FILE = "a03_slutrapport_framtidsverkstan.txt"
FORMAT = "txt"
TXT_OPTS = {"encoding": "utf-8", "wrap": 70}

TEXT = """SLUTRAPPORT

Framtidsverkstan – arbetsinriktad rehabilitering i norra Bohuslän

Projekttid: 2016-02-01 – 2018-01-31

Finansiär: Samordningsförbundet Norra Bohuslän

Bakgrund

I Strömstad, Tanum och Sotenäs fanns 2015 en stor grupp unga vuxna som under lång tid varken arbetat eller studerat och som hade kontakt med flera myndigheter samtidigt. Många av dem hade försörjningsstöd och en oklar hälsosituation. Framtidsverkstan startades för att samla stödet på ett ställe, med personal från Arbetsförmedlingen, Försäkringskassan, kommunernas socialtjänst och primärvården i Västra Götalandsregionen.

Syfte och mål

Syftet var att deltagarna skulle komma närmare arbetsmarknaden genom ett samordnat och individuellt anpassat stöd. Målet var 40 deltagare under projekttiden, och minst hälften av dem skulle vid avslut ha gått vidare till arbete, studier eller annan lämplig insats.

Genomförande

Verksamheten har bedrivits i lokaler i centrala Tanumshede, med filial i Kungshamn en dag i veckan. Varje deltagare fick en egen coach och en individuell handlingsplan. Under projekttiden har coacherna genomfört drygt 900 individuella samtal. Deltagarna har dessutom kunnat delta i gruppaktiviteter som friskvård, studiecirklar och praktisk arbetsträning i projektets egen verkstad.

En viktig del har varit samarbetet med Tanums kommuns fritidsförvaltning och med arbetskooperativet Kustens Återbruk, där 14 deltagare haft arbetsträning. Vi har också haft ett nära samarbete med Dingle naturbruksgymnasium och med Bohusläns folkhögskola, som tagit emot flera deltagare på förberedande kurser.

Under 2017 ordnades fyra öppna föreläsningar om psykisk hälsa och arbete. Den mest välbesökta var Irène Bergs föreläsning om stresshantering, som lockade 95 personer. Totalt deltog omkring 230 personer i föreläsningsserien.

Deltagare

Intresset för Framtidsverkstan blev betydligt större än vi räknat med. Totalt har 71 personer deltagit i projektet, 43 kvinnor och 28 män. Medelåldern var 26 år. Ungefär 60 procent av deltagarna hade försörjningsstöd när de skrevs in och cirka 20 procent hade sjukpenning eller aktivitetsersättning.

Att antalet deltagare blev så mycket högre än målet beror främst på att Försäkringskassan anvisade fler personer än planerat under 2017. Styrgruppen beslutade i april 2017 att ta emot fler deltagare utan att utöka personalstyrkan.

Resultat

Av de 71 deltagarna har 22 gått vidare till arbete, varav 9 med någon form av lönestöd. 15 har börjat studera, de flesta på folkhögskola eller Komvux. 11 deltagare har gått över till annan insats, exempelvis rehabilitering inom Region Västra Götaland, och 6 har avbrutit. Sammantaget har 37 deltagare nått egen försörjning eller studier, vilket motsvarar 52 procent.

Ekonomi

Samordningsförbundet beviljade totalt 3,6 mkr för hela projektperioden. Utfallet blev 3 412 000 kr. Kommunerna bidrog därutöver med lokaler till ett värde av cirka 300 000 kronor.

Lärdomar och fortsättning

Den samlade bedömningen är att samlokaliseringen av flera myndigheter har gjort stor skillnad för deltagarna. Från och med februari 2018 permanentas verksamheten som en del av Tanums kommuns arbetsmarknadsenhet, med stöd av Sotenäs kommun och Strömstads kommun.

Rapporten fastställd av styrgruppen 2018-03-22.

Lena Ohlsson
Projektledare Framtidsverkstan
"""

GOLD = {
    "file": FILE,
    "report_type": "slutrapport",
    "project_name": "Framtidsverkstan",
    "period": {"start": "2016-02-01", "end": "2018-01-31"},
    "report_date": "2018-03-22",
    "title_lines": [
        "SLUTRAPPORT",
        "Framtidsverkstan – arbetsinriktad rehabilitering i norra Bohuslän",
        "Projekttid: 2016-02-01 – 2018-01-31",
        "Finansiär: Samordningsförbundet Norra Bohuslän",
    ],
    "headings": [
        "Bakgrund",
        "Syfte och mål",
        "Genomförande",
        "Deltagare",
        "Resultat",
        "Ekonomi",
        "Lärdomar och fortsättning",
    ],
    "figures": [
        {"value": 40, "category": "participants", "measure": "planned", "note": "Målet var 40 deltagare"},
        {"value": 50, "approx": True, "category": ["percent", "outcomes", "other"], "unit": "%", "optional": True, "note": "minst hälften av dem"},
        {"value": 900, "approx": True, "category": "activities", "unit": "samtal", "note": "drygt 900 individuella samtal"},
        {"value": 14, "category": ["participants", "outcomes", "other"], "note": "14 deltagare haft arbetsträning"},
        {"value": 4, "category": "activities", "unit": "föreläsning", "note": "fyra öppna föreläsningar"},
        {"value": 95, "category": "attendance", "unit": "person", "note": "lockade 95 personer"},
        {"value": 230, "approx": True, "category": "attendance", "unit": "person", "note": "omkring 230 personer"},
        {"value": 71, "category": "participants", "measure": "actual", "note": "Totalt har 71 personer deltagit"},
        {"value": 43, "category": "participants", "measure": "actual", "gender": "women", "note": "43 kvinnor"},
        {"value": 28, "category": "participants", "measure": "actual", "gender": "men", "note": "28 män"},
        {"value": 26, "category": "other", "optional": True, "note": "Medelåldern var 26 år"},
        {"value": 60, "approx": True, "category": "percent", "unit": "%", "note": "Ungefär 60 procent"},
        {"value": 20, "approx": True, "category": "percent", "unit": "%", "note": "cirka 20 procent"},
        {"value": 71, "category": "participants", "measure": "actual", "optional": True, "note": "Av de 71 deltagarna (repeat)"},
        {"value": 22, "category": "outcomes", "unit": "person", "note": "22 gått vidare till arbete"},
        {"value": 9, "category": "outcomes", "unit": "person", "note": "varav 9 med lönestöd"},
        {"value": 15, "category": "outcomes", "unit": "person", "note": "15 har börjat studera"},
        {"value": 11, "category": "outcomes", "unit": "person", "note": "11 deltagare ... annan insats"},
        {"value": 6, "category": ["outcomes", "other"], "unit": "person", "note": "6 har avbrutit"},
        {"value": 37, "category": "outcomes", "unit": "person", "note": "37 deltagare har nått egen försörjning eller studier"},
        {"value": 52, "category": "percent", "unit": "%", "note": "52 procent"},
        {"value": 3600000, "category": "money", "unit": "kr", "note": "3,6 mkr"},
        {"value": 3412000, "category": "money", "unit": "kr", "note": "3 412 000 kr"},
        {"value": 300000, "approx": True, "category": "money", "unit": "kr", "note": "cirka 300 000 kronor"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Norra Bohuslän", "label": "ORG"},
        {"text": "Samordningsförbundet", "label": "ORG", "optional": True},
        {"text": "Bohuslän", "label": "LOC", "optional": True},
        {"text": "Strömstad", "label": "LOC"},
        {"text": "Tanum", "label": "LOC"},
        {"text": "Sotenäs", "label": "LOC"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Västra Götalandsregionen", "label": "ORG"},
        {"text": "Tanumshede", "label": "LOC"},
        {"text": "Kungshamn", "label": "LOC"},
        {"text": "Tanums kommuns fritidsförvaltning", "normalized": "Tanums kommun", "label": "ORG"},
        {"text": "Kustens Återbruk", "label": "ORG"},
        {"text": "Dingle naturbruksgymnasium", "label": "ORG"},
        {"text": "Bohusläns folkhögskola", "label": "ORG"},
        {"text": "Irène Bergs", "normalized": "Irène Berg", "label": "PER"},
        {"text": "Komvux", "label": "ORG", "optional": True},
        {"text": "Region Västra Götaland", "label": "ORG"},
        {"text": "Tanums kommuns arbetsmarknadsenhet", "normalized": "Tanums kommun", "label": "ORG", "optional": True},
        {"text": "Tanums kommuns", "normalized": "Tanums kommun", "label": "ORG", "optional": True},
        {"text": "Sotenäs kommun", "label": "ORG"},
        {"text": "Strömstads kommun", "label": "ORG"},
        {"text": "Lena Ohlsson", "label": "PER"},
        {"text": "Framtidsverkstan", "label": "ORG", "optional": True},
    ],
    "audit": ["actual_exceeds_planned"],
}
