# ruff: noqa: E501
"""a01 – lägesrapport, form layout, UTF-8 with BOM, linearised participant table (as seed 003)."""

FILE = "a01_lagesrapport_jobbsteget_ht2019.txt"
FORMAT = "txt"
TXT_OPTS = {"encoding": "utf-8-sig"}

TEXT = """


Lägesrapport

Skickas till Samordningsförbundet Gästrike Väst två gånger per år

Insatsens namn: Jobbsteget

Tidsperiod (som rapporten avser): 2019-07-01 – 2019-12-31

Beskriv det senaste halvårets aktiviteter kopplade till de beskrivna målen i ansökan:

Individuellt stöd och coachning

Under hösten har projektets två jobbcoacher arbetat med individuellt stöd till deltagarna. Ett 60-tal coachningssamtal har genomförts, de flesta i Arbetsmarknadsenhetens lokaler i Sandviken men också i Hofors, där vi sedan i augusti lånar ett rum på biblioteket två dagar i veckan. Deltagarna anvisas främst från Arbetsförmedlingen och socialtjänsten i Sandvikens kommun. Under perioden har även Försäkringskassan anvisat tre personer, vilket är första gången sedan starten.

Många deltagare har behov av stöd i vardagen innan arbetsträning kan bli aktuell. Coacherna har därför följt med på ett tjugotal besök hos vårdcentral, bank och hyresvärd.

Gruppverksamhet

Tre workshops om digitalt jobbsökande har hållits tillsammans med Hofors folkbibliotek. Till varje workshop var mellan 8 och 12 personer anmälda och närvaron har varit god. I november ordnade vi en rekryteringsträff med fem företag från lokalvård, lager och bygg, och ett 30-tal deltog. Två av företagen har efteråt tagit emot deltagare för praktik.

Den 1:a oktober startade en samtalsgrupp för kvinnor med utländsk bakgrund i samarbete med Kvinnoforum Gästrikland. Gruppen träffas varje tisdag kl. 13.00 och har haft 10–15 personer per träff.

Samverkan med arbetsgivare

Deltagarna har gjort 12 studiebesök hos arbetsgivare, bland annat hos Ockelbo Trä AB och det sociala företaget Returhuset i Sandviken. Genom studiebesöken har flera deltagare fått en tydligare bild av vad olika yrken innebär.

Beskriv eventuella avvikelser i förhållande till ansökan och orsaker till dem:

En av jobbcoacherna var sjukskriven under större delen av oktober. Ersättare kom på plats först i november, vilket gjorde att inskrivningen av nya deltagare gick långsammare än planerat. Samtalsgruppen för kvinnor fanns inte med i ansökan men har tillkommit eftersom behovet visade sig vara stort.

Ligger det ekonomiska utfallet i linje med budget, utifrån den tidsperiod som gått? Svar: Ja

Om inte ange varför:

Projektet har hittills förbrukat 612 tkr av årets budget på 1 250 000 kr. Resterande medel beräknas förbrukas under första kvartalet, bland annat för den utbildning i motiverande samtal som personalen ska gå.

Hur många deltagare har ni haft sedan projektets start?

Planerat antal Faktiskt antal

Kvinnor 25

Män

20

Faktiskt

antal: 21

kvinnor

Faktiskt

antal: 17

män

Om det faktiska antalet ligger under det planerade antalet, vad beror det på?

Inskrivningen påverkades av personalbristen i oktober. Vi har också märkt att färre män än väntat anvisas från socialtjänsten. Under våren kommer vi att informera om Jobbsteget på Arbetsförmedlingens kontor i Hofors för att nå fler.

Beskriv kommande aktiviteter kopplat till målen:

Jobbmässa i Sandviken

En jobbmässa planeras till den 12 mars kl. 10.00–14.00 i samarbete med Sandvikens kommun och Arbetsförmedlingen. Vi räknar med att omkring 20 arbetsgivare ställer ut.

Utbildning för personal

Personalen i projektet ska under våren gå en utbildning i motiverande samtal som ges av Region Gävleborg.

Om insatsen är individriktad,

Beskriv eventuella förändringar gällande deltagarnas försörjning och sysselsättning eller andra positiva resultat:

Sedan projektstart har 9 deltagare gått vidare till arbete, varav fyra med lönestöd. 4 har börjat studera, tre av dem på Forsbacka folkhögskola. Två deltagare har gått från försörjningsstöd till egen försörjning.

Underskrift ordförande i styrgrupp:

Maria Lindqvist

Datum:

20/01/15
"""

GOLD = {
    "file": FILE,
    "report_type": "lägesrapport",
    "project_name": "Jobbsteget",
    "period": {"start": "2019-07-01", "end": "2019-12-31"},
    "report_date": "2020-01-15",
    "title_lines": [
        "Lägesrapport",
        "Skickas till Samordningsförbundet Gästrike Väst två gånger per år",
        "Insatsens namn: Jobbsteget",
        "Tidsperiod (som rapporten avser): 2019-07-01 – 2019-12-31",
    ],
    "headings": [
        "Beskriv det senaste halvårets aktiviteter kopplade till de beskrivna målen i ansökan:",
        "Individuellt stöd och coachning",
        "Gruppverksamhet",
        "Samverkan med arbetsgivare",
        "Beskriv eventuella avvikelser i förhållande till ansökan och orsaker till dem:",
        "Hur många deltagare har ni haft sedan projektets start?",
        "Om det faktiska antalet ligger under det planerade antalet, vad beror det på?",
        "Beskriv kommande aktiviteter kopplat till målen:",
        "Jobbmässa i Sandviken",
        "Utbildning för personal",
        "Beskriv eventuella förändringar gällande deltagarnas försörjning och sysselsättning eller andra positiva resultat:",
    ],
    "optional_headings": [
        "Ligger det ekonomiska utfallet i linje med budget, utifrån den tidsperiod som gått? Svar: Ja",
        "Om inte ange varför:",
        "Planerat antal Faktiskt antal",
        "Om insatsen är individriktad,",
        "Underskrift ordförande i styrgrupp:",
        "Datum:",
    ],
    "figures": [
        {"value": 60, "approx": True, "category": "activities", "unit": "coachningssamtal", "note": "Ett 60-tal coachningssamtal"},
        {"value": 3, "category": ["participants", "other"], "optional": True, "note": "Försäkringskassan anvisat tre personer"},
        {"value": 20, "approx": True, "category": "activities", "unit": "besök", "note": "ett tjugotal besök hos vårdcentral, bank och hyresvärd"},
        {"value": 3, "category": "activities", "unit": "workshop", "note": "Tre workshops"},
        {"value": 8, "value_max": 12, "category": "registrations", "unit": "person", "note": "mellan 8 och 12 personer anmälda"},
        {"value": 5, "category": "organisations", "unit": "företag", "note": "fem företag"},
        {"value": 30, "approx": True, "category": "attendance", "unit": "person", "note": "ett 30-tal deltog"},
        {"value": 2, "category": "organisations", "unit": "företag", "note": "Två av företagen har efteråt tagit emot deltagare"},
        {"value": 10, "value_max": 15, "category": "attendance", "unit": "person", "note": "10–15 personer per träff"},
        {"value": 12, "category": "activities", "unit": "studiebesök", "note": "12 studiebesök"},
        {"value": 612000, "category": "money", "unit": "kr", "note": "612 tkr"},
        {"value": 1250000, "category": "money", "unit": "kr", "note": "1 250 000 kr"},
        {"value": 25, "category": "participants", "measure": "planned", "gender": "women", "note": "Planerat antal Kvinnor 25"},
        {"value": 20, "category": "participants", "measure": "planned", "gender": "men", "note": "Män 20"},
        {"value": 21, "category": "participants", "measure": "actual", "gender": "women", "note": "Faktiskt antal: 21 kvinnor"},
        {"value": 17, "category": "participants", "measure": "actual", "gender": "men", "note": "Faktiskt antal: 17 män"},
        {"value": 20, "approx": True, "category": ["organisations", "other"], "unit": "arbetsgivare", "note": "omkring 20 arbetsgivare ställer ut"},
        {"value": 9, "category": "outcomes", "unit": "person", "note": "9 deltagare gått vidare till arbete"},
        {"value": 4, "category": "outcomes", "unit": "person", "note": "varav fyra med lönestöd"},
        {"value": 4, "category": "outcomes", "unit": "person", "note": "4 har börjat studera"},
        {"value": 3, "category": "outcomes", "unit": "person", "note": "tre av dem på Forsbacka folkhögskola"},
        {"value": 2, "category": "outcomes", "unit": "person", "note": "Två deltagare ... egen försörjning"},
        {"value": 2, "category": ["other"], "optional": True, "note": "projektets två jobbcoacher"},
        {"value": 2, "category": ["other"], "optional": True, "note": "två dagar i veckan"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Gästrike Väst", "label": "ORG"},
        {"text": "Arbetsmarknadsenhetens", "normalized": "Arbetsmarknadsenheten", "label": "ORG", "optional": True},
        {"text": "Sandviken", "label": "LOC"},
        {"text": "Hofors", "label": "LOC"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Arbetsförmedlingens", "normalized": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Sandvikens kommun", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Hofors folkbibliotek", "label": "ORG"},
        {"text": "Kvinnoforum Gästrikland", "label": "ORG"},
        {"text": "Ockelbo Trä AB", "label": "ORG"},
        {"text": "Returhuset", "label": "ORG"},
        {"text": "Region Gävleborg", "label": "ORG"},
        {"text": "Forsbacka folkhögskola", "label": "ORG"},
        {"text": "Maria Lindqvist", "label": "PER"},
        {"text": "Jobbsteget", "label": "ORG", "optional": True},
        {"text": "Gästrikland", "label": "LOC", "optional": True},
    ],
    "audit": [],
}
