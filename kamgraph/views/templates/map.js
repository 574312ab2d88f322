/* kamgraph concept map explorer. Ontology text is data: it reaches the page only
   through textContent, attribute values and vis-network's canvas, never as markup.
   Sections: UI text · data · helpers · network · view (filters, focus) · details ·
   search · legend and filters · tour and progress · outline · map links · URL hash ·
   export · language · start-up. */
(function () {
  "use strict";

  /* ---- UI text ------------------------------------------------------------ */

  var UI = {
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
      relations: "Relaties", origin: "Herkomst", fromSource: "Uit de samenvatting",
      beyond: "Buiten de samenvatting", reference: "Bron", passage: "Bronpassage", lines: "regels",
      noDefinition: "Geen definitie in de bron.", language: "Taal", noResults: "Geen begrippen gevonden.",
      selected: "Gekozen", section: "Paragraaf", noSection: "Zonder paragraaf", visited: "bezocht",
      of: "van", start: "Begin", concept: "Begrip", focusedOn: "Deze kaart toont één categorie en haar directe buren.",
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
      relations: "Relations", origin: "Origin", fromSource: "From the summary",
      beyond: "Beyond the summary", reference: "Reference", passage: "Source passage", lines: "lines",
      noDefinition: "No definition in the source.", language: "Language", noResults: "No concepts found.",
      selected: "Selected", section: "Section", noSection: "No section", visited: "visited",
      of: "of", start: "Start", concept: "Concept", focusedOn: "This map shows one category and its direct neighbours.",
      languageNames: { nl: "Dutch", en: "English" }
    }
  };

  /* ---- data --------------------------------------------------------------- */

  var data = JSON.parse(document.getElementById("kamgraph-data").textContent);
  var languages = data.languages.length ? data.languages : ["en"];
  var concepts = new Map(data.concepts.map(function (c) { return [c.id, c]; }));
  var categories = new Map(data.categories.map(function (c) { return [c.id, c]; }));
  var relations = new Map(data.relationTypes.map(function (r) { return [r.id, r]; }));
  var sections = new Map(data.sections.map(function (s) { return [s.id, s]; }));
  var order = data.concepts.map(function (c) { return c.id; });  // the summary's reading order
  var byLocalName = new Map();
  data.concepts.forEach(function (c) { if (!byLocalName.has(c.localName)) { byLocalName.set(c.localName, c.id); } });
  var outgoing = new Map(), incoming = new Map();
  data.edges.forEach(function (e) {
    (outgoing.get(e.from) || outgoing.set(e.from, []).get(e.from)).push(e);
    (incoming.get(e.to) || incoming.set(e.to, []).get(e.to)).push(e);
  });

  var startLanguage = new URLSearchParams(location.hash.replace(/^#/, "")).get("lang");
  var state = {
    lang: languages.indexOf(startLanguage) >= 0 ? startLanguage : languages[0], selected: null, depth: 0, outlineMode: "section",
    hiddenCategories: new Set(), hiddenRelations: new Set()
  };

  /* ---- helpers ------------------------------------------------------------ */

  function ui(key) { var table = UI[state.lang] || UI.en; return key in table ? table[key] : UI.en[key]; }
  function languageOrder() { return [state.lang].concat(languages, [""]); }

  /* Value and its language: current language, then the others, then untagged, then anything. */
  function pickWithLanguage(values) {
    values = values || {};
    var tried = languageOrder();
    for (var i = 0; i < tried.length; i++) {
      var v = values[tried[i]];
      if (typeof v === "string" ? v.trim() : (v && v.length)) { return [v, tried[i]]; }
    }
    for (var k in values) {
      if (Object.prototype.hasOwnProperty.call(values, k) && values[k] && values[k].length) { return [values[k], k]; }
    }
    return [null, ""];
  }
  function pick(values, fallback) { var found = pickWithLanguage(values)[0]; return found === null ? fallback : found; }
  function conceptLabel(c) { return pick(c.labels, c.localName); }
  function categoryLabel(id) { var cat = categories.get(id); return cat ? pick(cat.labels, cat.localName || id) : id; }
  function sectionLabel(s) {
    var heading = pick(s.labels, s.id);
    return s.number !== null && s.number !== undefined ? s.number + ". " + heading : heading;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function withLanguage(node, language) { if (language && language !== state.lang) { node.lang = language; } return node; }

  /* Search key: decomposed, combining marks removed, lower case ("Één" -> "een"). */
  function fold(text) { return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }

  function safeColour(colour) { return /^#[0-9a-fA-F]{3,8}$/.test(colour || "") ? colour : "#cccccc"; }

  var storage = (function () {
    try {
      var probe = "kamgraph.probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) { return null; }
  }());

  /* ---- network ------------------------------------------------------------ */

  /* Smallest zoom at which 14 px labels stay readable: ~8.5 px on a laptop, ~10 px on a phone's sharper screen. */
  var MIN_READABLE_SCALE = window.matchMedia("(max-width: 700px)").matches ? 0.72 : 0.6;
  var DIM = 0.15;
  var nodeColours = new Map(data.vis.nodes.map(function (n) { return [n.id, n.color]; }));
  data.vis.nodes.forEach(function (n) { n.color = safeColour(n.color); });
  function tooltip(c) {
    var box = el("div", null, "tip");
    box.appendChild(el("strong", conceptLabel(c)));
    var definition = pick(c.definitions, null) || pick(c.standardDefinitions, null);
    box.appendChild(el("span", definition || ui("noDefinition")));
    return box;
  }

  /* Labels and tooltips in the starting language go in before the first drawing (updates cost more). */
  data.vis.nodes.forEach(function (n) { var c = concepts.get(n.id); n.label = conceptLabel(c); n.title = tooltip(c); });
  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  var container = document.getElementById("map");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.vis.options);
  window.network = network;
  var labelledIn = state.lang;

  function relabel() {
    if (labelledIn === state.lang) { return; }
    labelledIn = state.lang;
    nodes.update(data.concepts.map(function (c) { return { id: c.id, label: conceptLabel(c), title: tooltip(c) }; }));
  }

  /* Whole map in view, but never so small that labels cannot be read: then the start of the summary. */
  function overview() {
    network.fit({ animation: false });
    if (network.getScale() < MIN_READABLE_SCALE) {
      var first = order.find(function (id) { return !nodes.get(id).hidden; });
      if (first) { network.focus(first, { scale: MIN_READABLE_SCALE, animation: false }); }
    }
  }

  function centre(id) {
    network.focus(id, { scale: Math.max(network.getScale(), MIN_READABLE_SCALE + 0.2), animation: false });
  }

  /* ---- view: category and relation filters, neighbourhood focus ------------ */

  function edgeVisible(e) {
    return !state.hiddenRelations.has(e.relation) && nodeVisible(e.from) && nodeVisible(e.to);
  }
  function nodeVisible(id) { return !state.hiddenCategories.has(concepts.get(id).category); }

  /* Concepts within ``depth`` steps of the selection, over visible relations, either direction. */
  function neighbourhood(id, depth) {
    var near = new Set([id]), frontier = [id];
    for (var step = 0; step < depth; step++) {
      var next = [];
      frontier.forEach(function (current) {
        (outgoing.get(current) || []).concat(incoming.get(current) || []).forEach(function (e) {
          if (!edgeVisible(e)) { return; }
          var other = e.from === current ? e.to : e.from;
          if (!near.has(other)) { near.add(other); next.push(other); }
        });
      });
      frontier = next;
    }
    return near;
  }

  /* What was last handed to vis-network, so only changed items are updated (each update re-measures). */
  var drawnNodes = new Map(), drawnEdges = new Map();
  data.concepts.forEach(function (c) { drawnNodes.set(c.id, "false|1"); });
  data.edges.forEach(function (e) { drawnEdges.set(e.id, "false||1"); });

  function applyView() {
    var focusing = state.depth > 0 && state.selected;
    var near = focusing ? neighbourhood(state.selected, state.depth) : null;
    var nodeChanges = [], edgeChanges = [];
    data.concepts.forEach(function (c) {
      var hidden = !nodeVisible(c.id), opacity = near && !near.has(c.id) ? DIM : 1;
      var key = hidden + "|" + opacity;
      if (drawnNodes.get(c.id) !== key) { drawnNodes.set(c.id, key); nodeChanges.push({ id: c.id, hidden: hidden, opacity: opacity }); }
    });
    data.edges.forEach(function (e) {
      var touches = state.selected && (e.from === state.selected || e.to === state.selected);
      var r = relations.get(e.relation);
      var hidden = !edgeVisible(e);
      var label = touches ? (r ? pick(r.labels, e.relation) : e.relation) : "";
      var opacity = near && !(near.has(e.from) && near.has(e.to)) ? DIM : 1;
      var key = hidden + "|" + label + "|" + opacity;
      if (drawnEdges.get(e.id) !== key) {
        drawnEdges.set(e.id, key);
        edgeChanges.push({ id: e.id, hidden: hidden, label: label, color: { opacity: opacity } });
      }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    if (state.selected && nodeVisible(state.selected)) { network.selectNodes([state.selected]); }
    else if (network.getSelectedNodes().length) { network.unselectAll(); }
    document.getElementById("show-all").hidden = !state.hiddenCategories.size && !state.hiddenRelations.size;
  }

  /* ---- details panel -------------------------------------------------------- */

  function conceptLink(c) {
    var link = el("a", conceptLabel(c));
    link.href = hashFor(c.id, state.lang);
    link.addEventListener("click", function (event) { event.preventDefault(); select(c.id, true, "push"); });
    return link;
  }

  function sentence(c, e, isOutgoing) {
    var r = relations.get(e.relation);
    var reading = r ? pick(isOutgoing ? r.labels : r.inverseLabels, pick(r.labels, e.relation)) : e.relation;
    var other = concepts.get(isOutgoing ? e.to : e.from);
    var item = el("li");
    item.appendChild(document.createTextNode(conceptLabel(c) + " — " + reading + " → "));
    item.appendChild(conceptLink(other));
    if (e.status) { item.dataset.status = e.status; }
    return item;
  }

  /* "L4–L7, L38" -> [[4, 7], [38, 38]] */
  function lineRanges(text) {
    var ranges = [];
    String(text || "").split(",").forEach(function (part) {
      var found = part.match(/L?(\d+)(?:\s*[–-]\s*L?(\d+))?/);
      if (found) { ranges.push([Number(found[1]), Number(found[2] || found[1])]); }
    });
    return ranges;
  }
  function inRanges(line, ranges) { return ranges.some(function (r) { return line >= r[0] && line <= r[1]; }); }

  /* The sections that hold the concept's lines (its own section first), each with those lines marked. */
  function passage(c) {
    var ranges = lineRanges(c.sourceLines);
    var shown = [];
    var own = c.section ? sections.get(c.section) : null;
    if (own) { shown.push(own); }
    data.sections.forEach(function (s) {
      if (shown.indexOf(s) < 0 && s.firstLine && ranges.some(function (r) { return r[0] <= s.lastLine && r[1] >= s.firstLine; })) {
        shown.push(s);
      }
    });
    var box = el("div", null, "passages");
    shown.forEach(function (s) {
      var figure = el("figure", null, "passage");
      var caption = el("figcaption", sectionLabel(s));
      if (s.firstLine) { caption.appendChild(el("span", " (" + ui("lines") + " " + s.firstLine + "–" + s.lastLine + ")", "meta")); }
      figure.appendChild(caption);
      if (s.text) {
        var quote = el("blockquote");
        var lines = s.text.split("\n");
        var numbered = s.firstLine && lines.length === s.lastLine - s.firstLine + 1;
        lines.forEach(function (line, index) {
          var number = numbered ? s.firstLine + index : null;
          var row = el(number !== null && inRanges(number, ranges) ? "mark" : "span", line, "line");
          if (number !== null) { row.dataset.line = String(number); }
          quote.appendChild(row);
        });
        figure.appendChild(quote);
      }
      box.appendChild(figure);
    });
    return shown.length ? box : null;
  }

  function renderDetails() {
    var title = document.getElementById("details-title");
    var body = document.getElementById("details-body");
    body.replaceChildren();
    if (!state.selected) { title.textContent = ui("concept"); body.appendChild(el("p", ui("pick"), "meta")); return; }
    var c = concepts.get(state.selected);
    var label = pickWithLanguage(c.labels);
    title.textContent = label[0] === null ? c.localName : label[0];
    withLanguage(title, label[1]);
    if (!label[1] || label[1] === state.lang) { title.removeAttribute("lang"); }

    languages.filter(function (l) { return l !== state.lang && c.labels[l]; }).forEach(function (l) {
      var line = el("p", null, "other-language");
      line.appendChild(el("span", l.toUpperCase() + ": ", "meta"));
      line.appendChild(withLanguage(el("span", c.labels[l]), l));
      body.appendChild(line);
    });
    var alternatives = pickWithLanguage(c.altLabels);
    if (alternatives[0]) {
      body.appendChild(withLanguage(el("p", ui("also") + ": " + alternatives[0].join(", "), "meta"), alternatives[1]));
    }

    var categoryLine = el("p", null, "category-line");
    var swatch = el("span", null, "swatch");
    swatch.style.backgroundColor = safeColour(nodeColours.get(c.id));
    categoryLine.appendChild(swatch);
    categoryLine.appendChild(el("span", ui("category") + ": " + categoryLabel(c.category)));
    body.appendChild(categoryLine);

    var definition = pickWithLanguage(c.definitions);
    if (definition[0]) { body.appendChild(withLanguage(el("p", definition[0], "definition"), definition[1])); }
    var scope = pickWithLanguage(c.scopeNotes);
    if (scope[0]) {
      scope[0].forEach(function (s) { body.appendChild(withLanguage(el("p", ui("scope") + ": " + s), scope[1])); });
    }
    var standard = pickWithLanguage(c.standardDefinitions);
    if (standard[0]) { body.appendChild(withLanguage(el("p", ui("standard") + ": " + standard[0]), standard[1])); }
    if (!definition[0] && !standard[0]) { body.appendChild(el("p", ui("noDefinition"), "meta")); }

    var origin = el("p", null, "origin");
    origin.appendChild(el("strong", ui("origin") + ": "));
    origin.appendChild(document.createTextNode(c.origin === "beyond-source" ? ui("beyond") : ui("fromSource")));
    var reference = pick(c.sourceLabels, c.citation);
    if (reference) {
      origin.appendChild(document.createTextNode(" — " + ui("reference") + ": "));
      if (c.source) {
        var link = el("a", reference);
        link.href = c.source;  // only http(s): checked at build time
        link.rel = "noopener noreferrer";
        origin.appendChild(link);
      } else { origin.appendChild(document.createTextNode(reference)); }
      if (c.citation && c.citation !== reference) { origin.appendChild(el("span", " (" + c.citation + ")", "meta")); }
    }
    if (c.sourceLines) { origin.appendChild(el("span", " · " + ui("lines") + " " + c.sourceLines.replace(/L/g, ""), "meta")); }
    body.appendChild(origin);

    var source = passage(c);
    if (source) { body.appendChild(el("h3", ui("passage"))); body.appendChild(source); }

    var list = el("ul", null, "sentences");
    (outgoing.get(c.id) || []).forEach(function (e) { list.appendChild(sentence(c, e, true)); });
    (incoming.get(c.id) || []).forEach(function (e) { list.appendChild(sentence(c, e, false)); });
    if (list.children.length) { body.appendChild(el("h3", ui("relations"))); body.appendChild(list); }
    renderDraftFindings(c, body);
  }

  /* ---- draft maps only (kamgraph build --draft): data.findings exists only there ----
     A badge on every concept with findings, and the findings in its details panel. */

  var DRAFT_TITLE = { nl: "Bevindingen (concept)", en: "Findings (draft)" };
  function renderDraftFindings(c, body) {
    var found = (data.findings && data.findings[c.id]) || [];
    if (!found.length) { return; }
    var box = el("div", null, "draft-findings");
    box.appendChild(el("h3", DRAFT_TITLE[state.lang] || DRAFT_TITLE.en));
    var list = el("ul");
    found.forEach(function (f) {
      list.appendChild(el("li", f.severity + " [" + f.code + "]: " + f.message + (f.hint ? " (" + f.hint + ")" : ""),
                          "finding-" + f.severity));
    });
    box.appendChild(list);
    body.appendChild(box);
  }
  function drawDraftBadges(ctx) {
    Object.keys(data.findings).forEach(function (id) {
      if (!concepts.has(id) || nodes.get(id).hidden) { return; }
      var box = network.getBoundingBox(id);
      var error = data.findings[id].some(function (f) { return f.severity === "error"; });
      ctx.beginPath();
      ctx.arc(box.right, box.top, 9, 0, 2 * Math.PI);
      ctx.fillStyle = error ? "#c62828" : "#e07b00";
      ctx.fill();
      ctx.fillStyle = "#ffffff";
      ctx.font = "bold 13px sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText("!", box.right, box.top + 1);
    });
  }
  if (data.findings) {
    network.on("afterDrawing", drawDraftBadges);
    container.setAttribute("data-draft-badges", String(Object.keys(data.findings).filter(function (id) {
      return concepts.has(id);
    }).length));
  }

  /* ---- search (ARIA combobox with a listbox popup) ------------------------- */

  var searchIndex = data.concepts.map(function (c) {
    var terms = [];
    Object.keys(c.labels).forEach(function (l) { terms.push({ text: c.labels[l], lang: l, pref: true }); });
    Object.keys(c.altLabels).forEach(function (l) {
      c.altLabels[l].forEach(function (t) { terms.push({ text: t, lang: l, pref: false }); });
    });
    terms.forEach(function (t) { t.key = fold(t.text); });
    return { id: c.id, terms: terms };
  });
  var searchInput = document.getElementById("search");
  var resultList = document.getElementById("search-results");
  var results = [], active = -1;

  function searchConcepts(query) {
    var key = fold(query).trim();
    if (!key) { return []; }
    var found = [];
    searchIndex.forEach(function (entry, position) {
      var best = null;
      entry.terms.forEach(function (t) {
        var at = t.key.indexOf(key);
        if (at < 0) { return; }
        var rank = (at === 0 ? 0 : /\s|-/.test(t.key.charAt(at - 1)) ? 1 : 2) * 4 + (t.pref ? 0 : 2) + (t.lang === state.lang ? 0 : 1);
        if (!best || rank < best.rank) { best = { rank: rank, term: t }; }
      });
      if (best) { found.push({ id: entry.id, rank: best.rank, term: best.term, position: position }); }
    });
    found.sort(function (a, b) { return a.rank - b.rank || a.position - b.position; });
    return found.slice(0, 15);
  }

  function renderResults() {
    resultList.replaceChildren();
    results.forEach(function (r, index) {
      var c = concepts.get(r.id);
      var option = el("li", null, "result");
      option.id = "search-option-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", String(index === active));
      option.appendChild(el("span", conceptLabel(c)));
      if (r.term.text !== conceptLabel(c)) {
        option.appendChild(withLanguage(el("span", " — " + r.term.text, "meta"), r.term.lang));
      }
      option.appendChild(el("span", " · " + categoryLabel(c.category), "meta"));
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { choose(index); });
      resultList.appendChild(option);
    });
    if (searchInput.value.trim() && !results.length) {
      var none = el("li", ui("noResults"), "meta");
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      resultList.appendChild(none);
    }
    var open = resultList.children.length > 0;
    resultList.hidden = !open;
    searchInput.setAttribute("aria-expanded", String(open));
    if (active >= 0) {
      searchInput.setAttribute("aria-activedescendant", "search-option-" + active);
      resultList.children[active].scrollIntoView({ block: "nearest" });
    } else { searchInput.removeAttribute("aria-activedescendant"); }
  }

  function closeResults() { results = []; active = -1; resultList.replaceChildren(); renderResults(); resultList.hidden = true; }

  function choose(index) {
    var r = results[index];
    if (!r) { return; }
    searchInput.value = conceptLabel(concepts.get(r.id));
    closeResults();
    select(r.id, true, "push");
  }

  searchInput.addEventListener("input", function () { results = searchConcepts(searchInput.value); active = -1; renderResults(); });
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!results.length) { results = searchConcepts(searchInput.value); }
      if (!results.length) { return; }
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + results.length + (active < 0 && step < 0 ? 1 : 0)) % results.length;
      renderResults();
    } else if (event.key === "Enter") {
      if (results.length) { event.preventDefault(); choose(active >= 0 ? active : 0); }
    } else if (event.key === "Escape") {
      if (!resultList.hidden) { event.preventDefault(); closeResults(); } else { searchInput.value = ""; }
    }
  });
  searchInput.addEventListener("blur", function () { window.setTimeout(closeResults, 0); });

  /* ---- legend (the category filter) and relation filter --------------------- */

  function renderLegend() {
    var list = document.getElementById("legend");
    list.replaceChildren();
    data.categories.forEach(function (cat) {
      var item = el("li");
      var button = el("button", null, "category");
      button.type = "button";
      button.dataset.category = cat.id;
      button.setAttribute("aria-pressed", String(!state.hiddenCategories.has(cat.id)));
      var swatch = el("span", null, "swatch");
      swatch.style.backgroundColor = safeColour(cat.colour);
      button.appendChild(swatch);
      button.appendChild(el("span", pick(cat.labels, cat.localName || cat.id), "name"));
      button.appendChild(el("span", String(cat.count), "count"));
      var definition = pick(cat.definitions, "");
      if (definition) { button.title = definition; }
      button.addEventListener("click", function () { toggleCategory(cat.id); });
      item.appendChild(button);
      list.appendChild(item);
    });
    var relationList = document.getElementById("relations");
    relationList.replaceChildren();
    data.relationTypes.forEach(function (r, index) {
      var count = data.edges.filter(function (e) { return e.relation === r.id; }).length;
      var item = el("li");
      var box = el("input");
      box.type = "checkbox";
      box.id = "relation-" + index;
      box.dataset.relation = r.id;
      box.checked = !state.hiddenRelations.has(r.id);
      box.addEventListener("change", function () {
        if (box.checked) { state.hiddenRelations.delete(r.id); } else { state.hiddenRelations.add(r.id); }
        applyView();
      });
      var label = el("label", pick(r.labels, r.id));
      label.htmlFor = box.id;
      label.appendChild(el("span", " " + count, "count"));
      item.appendChild(box);
      item.appendChild(label);
      relationList.appendChild(item);
    });
    document.getElementById("relation-filter").hidden = data.relationTypes.length === 0;
  }

  function toggleCategory(id) {
    if (state.hiddenCategories.has(id)) { state.hiddenCategories.delete(id); } else { state.hiddenCategories.add(id); }
    renderLegend();
    applyView();
  }

  document.getElementById("show-all").addEventListener("click", function () {
    state.hiddenCategories.clear();
    state.hiddenRelations.clear();
    renderLegend();
    applyView();
  });

  function renderFocusChoices() {
    var choice = document.getElementById("focus-depth");
    choice.replaceChildren();
    [0, 1, 2, 3].forEach(function (depth) {
      var option = el("option", depth ? depth + " " + ui(depth === 1 ? "focusStep" : "focusDepth") : ui("focusOff"));
      option.value = String(depth);
      option.selected = depth === state.depth;
      choice.appendChild(option);
    });
  }
  document.getElementById("focus-depth").addEventListener("change", function (event) {
    state.depth = Number(event.target.value) || 0;
    applyView();
  });

  /* ---- tour in the summary's order, visited concepts and progress ----------- */

  var visitedKey = "kamgraph.visited:" + pick(data.title, "map");
  var visited = new Set();
  if (storage) {
    try {
      var stored = JSON.parse(storage.getItem(visitedKey) || "[]");
      if (Array.isArray(stored)) { stored.forEach(function (id) { if (concepts.has(id)) { visited.add(id); } }); }
    } catch (error) { visited = new Set(); }
  }
  function saveVisited() {
    if (!storage) { return; }
    try {
      var all = JSON.parse(storage.getItem(visitedKey) || "[]");
      var merged = new Set(Array.isArray(all) ? all : []);  // keeps concepts visited on other maps of this summary
      visited.forEach(function (id) { merged.add(id); });
      storage.setItem(visitedKey, JSON.stringify(Array.from(merged).sort()));
    } catch (error) { /* storage full or blocked: progress lives for this visit only */ }
  }

  function renderTour() {
    var index = state.selected ? order.indexOf(state.selected) : -1;
    var c = index >= 0 ? concepts.get(order[index]) : null;
    var s = c && c.section ? sections.get(c.section) : null;
    document.getElementById("tour-section").textContent = s ? ui("section") + " " + sectionLabel(s) : "";
    document.getElementById("tour-position").textContent = index >= 0 ? (index + 1) + " / " + order.length : "";
    document.getElementById("tour-previous").disabled = index <= 0;
    document.getElementById("tour-next").textContent = index < 0 ? ui("start") : ui("next");
    document.getElementById("tour-next").disabled = index >= order.length - 1;
    var seen = order.filter(function (id) { return visited.has(id); }).length;
    var bar = document.getElementById("tour-progress");
    bar.max = order.length || 1;
    bar.value = seen;
    document.getElementById("tour-progress-text").textContent = seen + " " + ui("of") + " " + order.length + " " + ui("visited");
  }
  function tourStep(step) {
    var index = state.selected ? order.indexOf(state.selected) : -1;
    var next = Math.min(order.length - 1, Math.max(0, index + step));
    if (index < 0) { next = 0; }
    if (order[next]) { select(order[next], true, "push"); }
  }
  document.getElementById("tour-previous").addEventListener("click", function () { tourStep(-1); });
  document.getElementById("tour-next").addEventListener("click", function () { tourStep(1); });
  document.getElementById("tour-reset").addEventListener("click", function () {
    visited.clear();
    if (storage) { try { storage.removeItem(visitedKey); } catch (error) { /* nothing stored */ } }
    if (state.selected) { visited.add(state.selected); saveVisited(); }
    renderTour();
    renderOutline();
  });

  /* ---- outline: every concept by section or category (the canvas' text twin) -- */

  function renderOutline() {
    var nav = document.getElementById("outline");
    var focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.concept : null;
    nav.replaceChildren();
    var groups = [];
    if (state.outlineMode === "section") {
      var bySection = new Map();
      order.forEach(function (id) {
        var key = concepts.get(id).section || "";
        (bySection.get(key) || bySection.set(key, []).get(key)).push(id);
      });
      data.sections.forEach(function (s) { if (bySection.has(s.id)) { groups.push([sectionLabel(s), bySection.get(s.id)]); } });
      if (bySection.has("")) { groups.push([ui("noSection"), bySection.get("")]); }
    } else {
      data.categories.forEach(function (cat) {
        var members = order.filter(function (id) { return concepts.get(id).category === cat.id; });
        if (members.length) { groups.push([pick(cat.labels, cat.localName || cat.id), members]); }
      });
    }
    var first = true;
    groups.forEach(function (group, groupIndex) {
      var heading = el("h3", group[0]);
      heading.id = "outline-group-" + groupIndex;
      var list = el("ul");
      list.setAttribute("aria-labelledby", heading.id);
      group[1].forEach(function (id) {
        var c = concepts.get(id);
        var item = el("li");
        var link = el("a", conceptLabel(c));
        link.href = hashFor(id, state.lang);
        link.dataset.concept = id;
        link.tabIndex = (state.selected ? id === state.selected : first) ? 0 : -1;
        first = false;
        if (id === state.selected) { link.setAttribute("aria-current", "true"); }
        if (visited.has(id)) {
          link.classList.add("visited");
          link.appendChild(el("span", " ✓", "tick"));
          link.lastChild.setAttribute("aria-label", ui("visited"));
        }
        link.addEventListener("click", function (event) { event.preventDefault(); select(id, true, "push"); });
        item.appendChild(link);
        list.appendChild(item);
      });
      nav.appendChild(heading);
      nav.appendChild(list);
    });
    document.getElementById("outline-by-section").setAttribute("aria-pressed", String(state.outlineMode === "section"));
    document.getElementById("outline-by-category").setAttribute("aria-pressed", String(state.outlineMode === "category"));
    if (focusedId) {
      var again = nav.querySelector("a[data-concept=\"" + CSS.escape(focusedId) + "\"]");
      if (again) { again.focus(); }
    }
  }

  /* Arrow keys move through the outline (one tab stop for the whole list). */
  document.getElementById("outline").addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(document.querySelectorAll("#outline a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) { return; }
    var target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[event.key];
    if (target === undefined) { return; }
    event.preventDefault();
    target = Math.max(0, Math.min(links.length - 1, target));
    links.forEach(function (link, i) { link.tabIndex = i === target ? 0 : -1; });
    links[target].focus();
  });
  document.getElementById("outline-by-section").addEventListener("click", function () { state.outlineMode = "section"; renderOutline(); });
  document.getElementById("outline-by-category").addEventListener("click", function () { state.outlineMode = "category"; renderOutline(); });

  function syncOutline() {
    var current = null;
    document.querySelectorAll("#outline a").forEach(function (link) {
      var mine = link.dataset.concept === state.selected;
      link.tabIndex = mine ? 0 : -1;
      if (mine) { link.setAttribute("aria-current", "true"); current = link; } else { link.removeAttribute("aria-current"); }
    });
    if (current) {
      var nav = document.getElementById("outline");  // scrolls on its own, so the panel stays where it is
      var top = current.offsetTop;  // #outline is the offset parent (position: relative)
      if (top < nav.scrollTop || top > nav.scrollTop + nav.clientHeight - current.offsetHeight) {
        nav.scrollTop = top - nav.clientHeight / 2;
      }
      if (visited.has(state.selected) && !current.classList.contains("visited")) { renderOutline(); }
    }
  }

  /* ---- links to the other maps of this build --------------------------------- */

  function renderMapLinks() {
    var list = document.getElementById("map-links");
    list.replaceChildren();
    data.maps.forEach(function (m) {
      var item = el("li");
      var link = el("a", m.category ? pick(m.labels, categoryLabel(m.category)) : ui("fullMap"));
      link.href = m.href;  // a relative file name written by the build, never ontology text
      if (m.category && m.category === data.scope) { link.setAttribute("aria-current", "page"); }
      item.appendChild(link);
      list.appendChild(item);
    });
    document.getElementById("maps").hidden = data.maps.length === 0;
  }

  /* ---- URL hash: #concept=<local name>&lang=<language> ------------------------- */

  function hashFor(id, language) {
    var params = new URLSearchParams();
    if (id) {
      var c = concepts.get(id);
      params.set("concept", byLocalName.get(c.localName) === id ? c.localName : id);
    }
    params.set("lang", language);
    return "#" + params.toString();
  }

  function writeHash(mode) {
    var wanted = hashFor(state.selected, state.lang);
    if (location.hash === wanted || mode === "none") { return; }
    try {
      if (mode === "push") { location.hash = wanted; } else { history.replaceState(null, "", wanted); }
    } catch (error) { /* a sandboxed page: the view still works, without a shareable address */ }
  }

  function applyHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var language = params.get("lang");
    if (language && language !== state.lang && languages.indexOf(language) >= 0) { setLanguage(language, "none"); }
    var name = params.get("concept");
    var id = name ? (byLocalName.get(name) || (concepts.has(name) ? name : null)) : null;
    if (id && id !== state.selected) { select(id, true, "none"); }
    else if (!name && state.selected) { select(null, false, "none"); }
  }
  window.addEventListener("hashchange", applyHash);

  /* ---- export the current view as PNG ------------------------------------------ */

  function exportPicture() {
    var source = container.querySelector("canvas");
    var picture = document.createElement("canvas");
    picture.width = source.width;
    picture.height = source.height;
    var context = picture.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, picture.width, picture.height);
    context.drawImage(source, 0, 0);
    picture.toBlob(function (blob) {
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      var c = state.selected ? concepts.get(state.selected) : null;
      link.href = url;
      link.download = "kamgraph-" + (c ? c.localName.replace(/[^A-Za-z0-9_-]/g, "_") : "map") + ".png";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      document.getElementById("status").textContent = ui("exported");
    }, "image/png");
  }
  document.getElementById("export").addEventListener("click", exportPicture);
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

  /* ---- selection ------------------------------------------------------------ */

  /* Select a concept (or nothing); ``focus`` centres it; ``history`` is "push", "replace" or "none". */
  function select(id, focus, history) {
    if (id !== null && !concepts.has(id)) { return; }
    state.selected = id;
    if (id) {
      var category = concepts.get(id).category;
      if (state.hiddenCategories.has(category)) { state.hiddenCategories.delete(category); renderLegend(); }
      visited.add(id);
      saveVisited();
    }
    applyView();
    if (id && focus) { centre(id); }
    renderDetails();
    renderTour();
    syncOutline();
    document.getElementById("status").textContent = id ? ui("selected") + ": " + conceptLabel(concepts.get(id)) : "";
    writeHash(history || "replace");
  }

  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0], false, "push"); }
  });

  /* ---- language ---------------------------------------------------------------- */

  function renderLanguages() {
    var nav = document.getElementById("languages");
    nav.replaceChildren();
    nav.setAttribute("aria-label", ui("language"));
    languages.forEach(function (l) {
      var button = el("button", l.toUpperCase());
      button.type = "button";
      button.lang = l;
      button.title = (ui("languageNames") || {})[l] || l;
      button.setAttribute("aria-pressed", String(l === state.lang));
      button.addEventListener("click", function () { setLanguage(l, "replace"); });
      nav.appendChild(button);
    });
  }

  function setLanguage(l, history) {
    if (languages.indexOf(l) < 0) { return; }
    state.lang = l;
    document.documentElement.lang = l;
    var title = pick(data.title, document.title);
    if (data.scope) { title += " — " + categoryLabel(data.scope); }
    document.title = title;
    document.getElementById("title").textContent = title;
    document.querySelectorAll("[data-ui]").forEach(function (node) { node.textContent = ui(node.dataset.ui); });
    searchInput.placeholder = ui("searchLabel") + "…";
    relabel();
    renderLanguages();
    renderFocusChoices();
    renderLegend();
    applyView();
    renderDetails();
    renderTour();
    renderOutline();
    renderMapLinks();
    if (results.length) { renderResults(); }
    writeHash(history || "replace");
  }

  /* ---- start-up ---------------------------------------------------------------- */

  window.kamgraph = {
    data: data, nodes: nodes, edges: edges, network: network, state: state,
    select: function (id, focus) { select(id, focus, "push"); },
    setLanguage: function (l) { setLanguage(l, "replace"); },
    search: searchConcepts, fold: fold
  };

  setLanguage(state.lang, "none");
  overview();
  if (location.hash) { applyHash(); }
  network.once("afterDrawing", function () { document.documentElement.setAttribute("data-ready", "true"); });
  network.redraw();
})();
