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
      showAll: "Alles tonen", relationTypes: "Soorten relaties", tour: "Rondleiding door de samenvatting",
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
      overview: "Overzicht", draftFindings: "Bevindingen (concept)",
      languageNames: { nl: "Nederlands", en: "Engels" }
    },
    en: {
      skip: "Skip to the list of all concepts", searchLabel: "Search a concept",
      mapHeading: "Concept map", focus: "Focus", focusOff: "off", focusStep: "step", focusDepth: "steps",
      fit: "Whole map", export: "Save as PNG", exported: "Picture saved.",
      legend: "Categories", legendHint: "Click to show or hide a category.",
      showAll: "Show all", relationTypes: "Relation types", tour: "Tour of the summary",
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
      overview: "Overview", draftFindings: "Findings (draft)",
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
