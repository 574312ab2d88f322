/* The study modes around the map: the mode buttons in the header, which part of the page
   each mode shows (<body data-mode="…">: the stylesheet hides the rest), and the links from
   a concept into the other modes ("show on the map", "read in the text", "compare") that
   the details panel and the mode views share. Switching mode pushes an address, so back
   and forward move between modes (kamgraph.routing). */
kamgraph.modes = (function () {
  var el = kamgraph.dom.el;
  var NAMES = { map: "modeMap", read: "modeRead", practise: "modePractise", compare: "modeCompare" };

  /* Open ``id`` in ``mode``: one history entry for both. */
  function go(app, mode, id) {
    if (id !== undefined && id !== app.state.selected) {
      app.store.select(id, { focus: mode === "map", history: "replace" });
    }
    app.store.setMode(mode, { history: "push", focus: mode === "map" });
  }

  function link(app, text, mode, id) {
    var a = el("a", text, "mode-link");
    a.href = kamgraph.routing.format({ concept: id ? app.model.routeName(id) : null, lang: app.state.lang,
                                       mode: mode, topic: app.model.topic });
    a.addEventListener("click", function (event) { event.preventDefault(); go(app, mode, id); });
    return a;
  }

  /* The links from concept ``c`` into the modes other than the current one, or null. */
  function conceptLinks(app, c) {
    var ui = app.ui, state = app.state, box = el("p", null, "mode-links");
    if (state.mode !== "map") { box.appendChild(link(app, ui("showOnMap"), "map", c.id)); }
    if (state.mode !== "read" && kamgraph.read.hasText(app.model, c)) { box.appendChild(link(app, ui("readInText"), "read", c.id)); }
    if (state.mode !== "compare" && kamgraph.compare.comparison(app.model, c.id)) {
      box.appendChild(link(app, ui("compareThis"), "compare", c.id));
    }
    if (state.mode === "read" && app.readReturn && app.readReturn.isConnected) {
      var back = el("button", ui("backToText"), "link-button");
      back.type = "button";
      var mention = app.readReturn;
      back.addEventListener("click", function () { mention.scrollIntoView({ block: "center" }); mention.focus(); });
      box.appendChild(back);
    }
    return box.children.length ? box : null;
  }

  function mount(app) {
    var state = app.state, ui = app.ui;
    var nav = document.getElementById("modes");
    var buttons = {};
    var mapLaidOut = state.mode === "map";
    kamgraph.routing.MODES.forEach(function (mode) {
      var button = el("button", null, "mode");
      button.type = "button";
      button.dataset.mode = mode;
      button.addEventListener("click", function () { go(app, mode); });
      buttons[mode] = button;
      nav.appendChild(button);
    });

    function render(changed) {
      if (changed.language) {
        nav.setAttribute("aria-label", ui("modes"));
        Object.keys(buttons).forEach(function (mode) { buttons[mode].textContent = ui(NAMES[mode]); });
      }
      if (changed.mode || changed.language) {
        document.body.dataset.mode = state.mode;
        Object.keys(buttons).forEach(function (mode) { buttons[mode].setAttribute("aria-pressed", String(mode === state.mode)); });
        ["read", "practise", "compare"].forEach(function (mode) { document.getElementById(mode).hidden = mode !== state.mode; });
      }
      if (changed.mode && state.mode === "map" && !mapLaidOut) {
        mapLaidOut = true;  // the page opened in another mode: the map had no size to fit until now
        window.requestAnimationFrame(function () {
          app.map.network.redraw();
          app.map.fitStart();
          if (state.selected && app.map.drawn(state.selected)) { app.map.network.focus(state.selected, { animation: false }); }
        });
      }
    }
    return render;
  }

  return { go: go, link: link, conceptLinks: conceptLinks, mount: mount };
}());
