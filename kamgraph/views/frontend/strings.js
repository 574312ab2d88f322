/* UI text: one table per language, looked up by key. A key missing from a table is a bug
   (tests/browser/test_frontend_units.py checks every table): it shows as the bare key and
   is reported on the console, never filled in from another language. A page language with
   no table of its own (a vocabulary in German, say) reads the English table. */
kamgraph.strings = (function () {
  var TABLES = {
    nl: {
      skip: "Naar het overzicht van alle begrippen", searchLabel: "Zoek een begrip",
      mapHeading: "Begrippenkaart", focus: "Focus", focusOff: "uit", focusStep: "stap", focusDepth: "stappen",
      fit: "Hele kaart", export: "Bewaar als PNG", exported: "Afbeelding bewaard.",
      legend: "Categorieën", legendHint: "Klik om een categorie te tonen of te verbergen.",
      showAll: "Alles tonen", relationTypes: "Soorten relaties",
      previous: "Vorige", next: "Volgende", reset: "Voortgang wissen", outline: "Alle begrippen",
      bySection: "Per paragraaf", byCategory: "Per categorie", maps: "Kaarten per onderwerp",
      fullMap: "Hele kaart", pick: "Kies een begrip op de kaart, in het overzicht of via zoeken.",
      category: "Categorie", also: "Ook", otherLanguage: "In het Engels", scope: "Toelichting",
      standard: "Standaarddefinitie (buiten de samenvatting)", editorial: "Opmerking",
      explanation: "Uitleg van de redactie, niet uit de samenvatting",
      relations: "Relaties", origin: "Herkomst", fromSource: "Uit de samenvatting",
      beyond: "Buiten de samenvatting", reference: "Bron", passage: "Bronpassage", lines: "regels",
      noDefinition: "Geen definitie in de bron.", language: "Taal", noResults: "Geen begrippen gevonden.",
      selected: "Gekozen", section: "Paragraaf", noSection: "Zonder paragraaf", visited: "bezocht",
      of: "van", start: "Begin", concept: "Begrip", focusedOn: "Deze kaart toont één categorie en haar directe buren.",
      overview: "Overzicht", draftFindings: "Bevindingen (concept)", draftFix: "Oplossing",
      draftAddedSince: "Nieuw sinds", draftChangedSince: "Gewijzigd sinds",
      line: "regel", statusStated: "in de bron", statusImplied: "afgeleid", statusBeyond: "buiten de bron",
      evidence: "Onderbouwing", outside: "(buiten deze pagina)", statusKey: "Lijnen",
      skipDetails: "Naar de details van het gekozen begrip", inSearch: "in de uitleg",
      mapKeys: "Begrippenkaart: pijltjestoetsen verschuiven, + en − zoomen, Enter opent de details",
      modes: "Weergave", modeMap: "Kaart", modeRead: "Lezen", modePractise: "Oefenen", modeCompare: "Vergelijken",
      readIntro: "De tekst van de bron, per paragraaf. Klik op een begrip om het te openen.", noText: "Geen brontekst.",
      showOnMap: "Op de kaart tonen", readInText: "Lezen in de tekst", compareThis: "Vergelijken",
      backToText: "Terug naar de tekst", conceptLines: "Regels van dit begrip",
      comparePick: "Kies wat je wilt vergelijken:", compareGroup: "Soorten van", compareTimeline: "Tijdlijn",
      compareNothing: "Hier valt niets te vergelijken: dit begrip heeft geen smallere begrippen en staat niet in een reeks.",
      practiseIntro: "Toets jezelf. Je voortgang blijft bewaard in deze browser.", practiseScope: "Oefen",
      allSections: "alle paragrafen", showAnswer: "Toon antwoord", knewIt: "Goed", notYet: "Nog niet",
      nextQuestion: "Volgende vraag", right: "Goed!", wrong: "Niet goed. Het juiste antwoord:",
      practiseReset: "Oefenvoortgang wissen", practiseDone: "Alles is voor nu geoefend. Kom later terug of kies een paragraaf.",
      noQuestions: "Geen vragen voor deze kaart.", sectionProgress: "Voortgang per paragraaf", known: "gekend",
      answered: "beantwoord", box: "bak", question: "vraag",
      askLabel: "Wat houdt dit begrip in?", askDefinition: "Welk begrip wordt hier beschreven?",
      askCategory: "In welke categorie valt dit begrip?", askRelation: "Welk begrip hoort op de open plek?",
      askNotMember: "Welke hoort er níét bij?", notMemberOf: "Geen soort van",
      beyondQuestion: "Deze vraag steunt op inhoud van buiten de bron.",
      tourOf: "Rondleiding door", tourBegin: "Begin de rondleiding", tourResume: "Ga verder", tourClose: "Sluiten",
      inSection: "in deze paragraaf",
      languageNames: { nl: "Nederlands", en: "Engels" }
    },
    en: {
      skip: "Skip to the list of all concepts", searchLabel: "Search a concept",
      mapHeading: "Concept map", focus: "Focus", focusOff: "off", focusStep: "step", focusDepth: "steps",
      fit: "Whole map", export: "Save as PNG", exported: "Picture saved.",
      legend: "Categories", legendHint: "Click to show or hide a category.",
      showAll: "Show all", relationTypes: "Relation types",
      previous: "Previous", next: "Next", reset: "Reset progress", outline: "All concepts",
      bySection: "By section", byCategory: "By category", maps: "Maps per topic",
      fullMap: "Whole map", pick: "Pick a concept on the map, in the outline, or by searching.",
      category: "Category", also: "Also", otherLanguage: "In Dutch", scope: "Scope note",
      standard: "Standard definition (beyond the summary)", editorial: "Note",
      explanation: "Editors' explanation, not from the summary",
      relations: "Relations", origin: "Origin", fromSource: "From the summary",
      beyond: "Beyond the summary", reference: "Reference", passage: "Source passage", lines: "lines",
      noDefinition: "No definition in the source.", language: "Language", noResults: "No concepts found.",
      selected: "Selected", section: "Section", noSection: "No section", visited: "visited",
      of: "of", start: "Start", concept: "Concept", focusedOn: "This map shows one category and its direct neighbours.",
      overview: "Overview", draftFindings: "Findings (draft)", draftFix: "Fix",
      draftAddedSince: "New since", draftChangedSince: "Changed since",
      line: "line", statusStated: "stated", statusImplied: "implied", statusBeyond: "beyond the source",
      evidence: "Evidence", outside: "(outside this page)", statusKey: "Lines",
      skipDetails: "Skip to the details of the selected concept", inSearch: "in the explanation",
      mapKeys: "Concept map: arrow keys pan, + and − zoom, Enter opens the details",
      modes: "View", modeMap: "Map", modeRead: "Read", modePractise: "Practise", modeCompare: "Compare",
      readIntro: "The source text, section by section. Click a concept to open it.", noText: "No source text.",
      showOnMap: "Show on the map", readInText: "Read in the text", compareThis: "Compare",
      backToText: "Back to the text", conceptLines: "This concept's lines",
      comparePick: "Pick what to compare:", compareGroup: "Kinds of", compareTimeline: "Timeline",
      compareNothing: "Nothing to compare here: this concept has no narrower concepts and is in no sequence.",
      practiseIntro: "Test yourself. Your progress is kept in this browser.", practiseScope: "Practise",
      allSections: "all sections", showAnswer: "Show answer", knewIt: "Knew it", notYet: "Not yet",
      nextQuestion: "Next question", right: "Right!", wrong: "Not right. The answer:",
      practiseReset: "Reset practice progress", practiseDone: "Everything is practised for now. Come back later or pick a section.",
      noQuestions: "No questions for this map.", sectionProgress: "Progress per section", known: "known",
      answered: "answered", box: "box", question: "question",
      askLabel: "What does this concept mean?", askDefinition: "Which concept is described here?",
      askCategory: "Which category is this concept in?", askRelation: "Which concept fills the gap?",
      askNotMember: "Which one does not belong?", notMemberOf: "Not a kind of",
      beyondQuestion: "This question rests on content beyond the source.",
      tourOf: "Tour of", tourBegin: "Start the tour", tourResume: "Resume", tourClose: "Close",
      inSection: "in this section",
      languageNames: { nl: "Dutch", en: "English" }
    }
  };
  var FALLBACK_TABLE = "en";
  var has = Object.prototype.hasOwnProperty;

  function tableFor(lang) { return has.call(TABLES, lang) ? TABLES[lang] : TABLES[FALLBACK_TABLE]; }

  /* The text of ``key`` in the UI language ``lang``. */
  function text(lang, key) {
    var table = tableFor(lang);
    if (!has.call(table, key)) {
      if (window.console) { window.console.error("kamgraph: no UI text '" + key + "' in the table for '" + lang + "'"); }
      return key;
    }
    return table[key];
  }

  /* "lang.key" for every key (nested ones too) that one table has and another lacks. */
  function missing(tables) {
    tables = tables || TABLES;
    var names = Object.keys(tables), gaps = [];
    function walk(path, objects) {
      var keys = {};
      objects.forEach(function (o) { if (o && typeof o === "object") { Object.keys(o).forEach(function (k) { keys[k] = true; }); } });
      Object.keys(keys).sort().forEach(function (key) {
        var values = objects.map(function (o) { return o && typeof o === "object" && has.call(o, key) ? o[key] : undefined; });
        values.forEach(function (value, i) {
          if (value === undefined || value === null || value === "") { gaps.push(names[i] + "." + path.concat([key]).join(".")); }
        });
        if (values.some(function (v) { return v && typeof v === "object"; })) { walk(path.concat([key]), values); }
      });
    }
    walk([], names.map(function (n) { return tables[n]; }));
    return gaps;
  }

  return { tables: TABLES, text: text, missing: missing };
}());
