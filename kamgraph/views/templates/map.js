/* kamgraph concept map. Ontology text is data: it reaches the page only through
   textContent and vis-network's canvas, never as markup. */
(function () {
  "use strict";

  var UI = {
    nl: { legend: "Legenda", pick: "Kies een begrip op de kaart.", category: "Categorie",
          definition: "Definitie", scope: "Toelichting", standard: "Standaarddefinitie (buiten de bron)",
          relations: "Relaties", source: "Bron", lines: "regels", beyond: "buiten de samenvatting",
          fromSource: "uit de samenvatting", language: "Taal", noDefinition: "Geen definitie in de bron." },
    en: { legend: "Legend", pick: "Pick a concept on the map.", category: "Category",
          definition: "Definition", scope: "Scope note", standard: "Standard definition (beyond the source)",
          relations: "Relations", source: "Source", lines: "lines", beyond: "beyond the summary",
          fromSource: "from the summary", language: "Language", noDefinition: "No definition in the source." }
  };

  var data = JSON.parse(document.getElementById("kamgraph-data").textContent);
  var languages = data.languages.length ? data.languages : ["en"];
  var lang = languages[0];
  var concepts = new Map(data.concepts.map(function (c) { return [c.id, c]; }));
  var categories = new Map(data.categories.map(function (c) { return [c.id, c]; }));
  var relations = new Map(data.relationTypes.map(function (r) { return [r.id, r]; }));
  var sections = new Map(data.sections.map(function (s) { return [s.id, s]; }));
  var selected = null;

  function ui(key) { return (UI[lang] || UI.en)[key]; }

  /* Current language, then the others in the ontology's order, then untagged, then the fallback. */
  function pick(values, fallback) {
    values = values || {};
    var order = [lang].concat(languages, [""]);
    for (var i = 0; i < order.length; i++) {
      var v = values[order[i]];
      if (typeof v === "string" ? v.trim() : (v && v.length)) { return v; }
    }
    for (var k in values) { if (values[k] && values[k].length) { return values[k]; } }
    return fallback;
  }
  function conceptLabel(c) { return pick(c.labels, c.localName); }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function tooltip(c) {
    var box = el("div", null, "tip");
    box.appendChild(el("strong", conceptLabel(c)));
    var definition = pick(c.definitions, null) || pick(c.standardDefinitions, null);
    box.appendChild(el("span", definition || ui("noDefinition")));
    return box;
  }

  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  var container = document.getElementById("map");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.vis.options);
  window.network = network;
  window.kamgraph = { data: data, nodes: nodes, edges: edges, setLanguage: setLanguage, select: select };

  function relabel() {
    nodes.update(data.concepts.map(function (c) {
      return { id: c.id, label: conceptLabel(c), title: tooltip(c) };
    }));
    edges.update(data.edges.map(function (e) {
      var r = relations.get(e.relation);
      return { id: e.id, label: r ? pick(r.labels, e.relation) : e.relation };
    }));
  }

  function renderLegend() {
    document.getElementById("legend-title").textContent = ui("legend");
    var list = document.getElementById("legend");
    list.replaceChildren();
    data.categories.forEach(function (cat) {
      var item = el("li");
      var swatch = el("span", null, "swatch");
      swatch.style.background = cat.colour;
      item.appendChild(swatch);
      item.appendChild(el("span", pick(cat.labels, cat.id)));
      item.appendChild(el("span", String(cat.count), "count"));
      item.title = pick(cat.definitions, "");
      list.appendChild(item);
    });
  }

  function sentence(c, e, outgoing) {
    var r = relations.get(e.relation);
    var reading = r ? pick(outgoing ? r.labels : r.inverseLabels, e.relation) : e.relation;
    var other = concepts.get(outgoing ? e.to : e.from);
    var item = el("li");
    item.appendChild(document.createTextNode(conceptLabel(c) + " — " + reading + " → "));
    var link = el("a", conceptLabel(other));
    link.href = "#";
    link.addEventListener("click", function (event) { event.preventDefault(); select(other.id, true); });
    item.appendChild(link);
    return item;
  }

  function renderDetails() {
    var title = document.getElementById("details-title");
    var body = document.getElementById("details-body");
    body.replaceChildren();
    if (!selected) { title.textContent = ""; body.appendChild(el("p", ui("pick"), "meta")); return; }
    var c = concepts.get(selected);
    title.textContent = conceptLabel(c);
    var others = languages.filter(function (l) { return l !== lang && c.labels[l]; })
      .map(function (l) { return l + ": " + c.labels[l]; });
    if (others.length) { body.appendChild(el("p", others.join(" · "), "meta")); }
    var cat = categories.get(c.category);
    body.appendChild(el("p", ui("category") + ": " + (cat ? pick(cat.labels, cat.id) : c.category), "meta"));
    var definition = pick(c.definitions, null);
    if (definition) { body.appendChild(el("p", definition)); }
    var scope = pick(c.scopeNotes, null);
    if (scope) { scope.forEach(function (s) { body.appendChild(el("p", ui("scope") + ": " + s)); }); }
    var standard = pick(c.standardDefinitions, null);
    if (standard) { body.appendChild(el("p", ui("standard") + ": " + standard)); }
    if (!definition && !standard) { body.appendChild(el("p", ui("noDefinition"), "meta")); }
    var section = c.section ? sections.get(c.section) : null;
    var origin = c.origin === "beyond-source" ? ui("beyond") : ui("fromSource");
    var where = section ? pick(section.labels, section.id) : pick(c.sourceLabels, c.citation || "");
    var lines = c.sourceLines ? " (" + ui("lines") + " " + c.sourceLines.replace(/L/g, "") + ")" : "";
    body.appendChild(el("p", ui("source") + ": " + where + lines + " — " + origin, "meta"));
    var list = el("ul");
    data.edges.forEach(function (e) {
      if (e.from === c.id) { list.appendChild(sentence(c, e, true)); }
      else if (e.to === c.id) { list.appendChild(sentence(c, e, false)); }
    });
    if (list.children.length) { body.appendChild(el("h3", ui("relations"))); body.appendChild(list); }
    renderDraftFindings(c, body);
  }

  function select(id, focus) {
    if (!concepts.has(id)) { return; }
    selected = id;
    network.selectNodes([id]);
    if (focus) { network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false }); }
    renderDetails();
  }

  function renderLanguages() {
    var nav = document.getElementById("languages");
    nav.replaceChildren();
    nav.setAttribute("aria-label", ui("language"));
    languages.forEach(function (l) {
      var button = el("button", l.toUpperCase());
      button.type = "button";
      button.lang = l;
      button.setAttribute("aria-pressed", String(l === lang));
      button.addEventListener("click", function () { setLanguage(l); });
      nav.appendChild(button);
    });
  }

  function setLanguage(l) {
    if (languages.indexOf(l) < 0) { return; }
    lang = l;
    document.documentElement.lang = l;
    var title = pick(data.title, document.title);
    document.title = title;
    document.getElementById("title").textContent = title;
    relabel();
    renderLegend();
    renderLanguages();
    renderDetails();
  }

  /* ---- Draft maps only (kamgraph build --draft): data.findings exists only there. ----
     A badge on every concept with findings, and the findings in its details panel. */
  var DRAFT_TITLE = { nl: "Bevindingen (concept)", en: "Findings (draft)" };
  function renderDraftFindings(c, body) {
    var found = (data.findings && data.findings[c.id]) || [];
    if (!found.length) { return; }
    var box = el("div", null, "draft-findings");
    box.appendChild(el("h3", DRAFT_TITLE[lang] || DRAFT_TITLE.en));
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
      if (!concepts.has(id)) { return; }
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
    container.setAttribute("data-draft-badges", String(Object.keys(data.findings).length));
  }

  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0], false); }
  });

  network.once("afterDrawing", function () {
    network.fit({ animation: false });
    document.documentElement.setAttribute("data-ready", "true");
  });
  setLanguage(lang);
})();
