/* Draft maps only (kamgraph build --draft; the page data has "findings" only then): an
   orange (warning) or red (error) badge on every drawn concept with findings, and the
   findings in its details panel. Built with --since REV, the page data also has "changes":
   a blue badge ("+" added, "~" changed) at the top-left of each concept changed since REV,
   and what changed in its details panel. */
kamgraph.draft = (function () {
  function findingsOf(app, id) { return (app.model.data.findings && app.model.data.findings[id]) || []; }
  function changeOf(app, id) {
    var changes = app.model.data.changes;
    return (changes && changes.concepts[id]) || null;
  }

  /* The panel's box of what changed in concept ``c`` since the --since version, or null. */
  function changeSection(app, c) {
    var change = changeOf(app, c.id);
    if (!change) { return null; }
    var el = kamgraph.dom.el;
    var box = el("div", null, "draft-changes");
    var heading = change.status === "added" ? app.ui("draftAddedSince") : app.ui("draftChangedSince");
    box.appendChild(el("h3", heading + " " + app.model.data.changes.since));
    if (change.fields.length) {
      var list = el("ul");
      change.fields.forEach(function (f) { list.appendChild(el("li", f)); });
      box.appendChild(list);
    }
    return box;
  }

  /* The panel's findings box for concept ``c`` (and what changed in it), or null. */
  function section(app, c) {
    var found = findingsOf(app, c.id);
    var changed = changeSection(app, c);
    if (!found.length) { return changed; }
    var el = kamgraph.dom.el;
    var box = el("div", null, "draft-findings");
    if (changed) { box.appendChild(changed); }
    box.appendChild(el("h3", app.ui("draftFindings")));
    var list = el("ul");
    found.forEach(function (f) {
      /* where the author fixes it (file:line:column), what is wrong, and the fix, each on its own line */
      var item = el("li", null, "finding-" + f.severity);
      if (f.where) { item.appendChild(el("code", f.where, "finding-where")); }
      item.appendChild(el("span", f.severity + " [" + f.code + "]: " + f.message, "finding-message"));
      if (f.hint) { item.appendChild(el("span", app.ui("draftFix") + ": " + f.hint, "finding-hint")); }
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function mountChanges(app) {
    var changes = app.model.data.changes;
    if (!changes) { return; }
    var network = app.map.network;
    var ids = Object.keys(changes.concepts).filter(function (id) { return app.model.concepts.has(id); });
    network.on("afterDrawing", function (ctx) {
      ids.forEach(function (id) {
        if (!app.map.drawn(id)) { return; }
        var box = network.getBoundingBox(id);
        ctx.beginPath();
        ctx.arc(box.left, box.top, 9, 0, 2 * Math.PI);
        ctx.fillStyle = "#1565c0";
        ctx.fill();
        ctx.fillStyle = "#ffffff";
        ctx.font = "bold 13px sans-serif";
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText(changes.concepts[id].status === "added" ? "+" : "~", box.left, box.top + 1);
      });
    });
    app.map.container.setAttribute("data-draft-changes", String(ids.length));
  }

  function mount(app) {
    mountChanges(app);
    var findings = app.model.data.findings;
    if (!findings) { return; }
    var network = app.map.network;
    var ids = Object.keys(findings).filter(function (id) { return app.model.concepts.has(id); });
    network.on("afterDrawing", function (ctx) {
      ids.forEach(function (id) {
        if (!app.map.drawn(id)) { return; }
        var box = network.getBoundingBox(id);
        var error = findings[id].some(function (f) { return f.severity === "error"; });
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
    });
    app.map.container.setAttribute("data-draft-badges", String(ids.length));
  }

  return { section: section, mount: mount };
}());
