/* The legend is the category filter (click to hide or show, with counts); below it the
   relation types can be switched off; "Show all" undoes both; the focus choice dims what
   lies beyond 1–3 steps of the selection. Pressed and checked states come from the state. */
kamgraph.legend = (function () {
  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words, ui = app.ui;
    var el = kamgraph.dom.el;
    var legend = document.getElementById("legend");
    var relationList = document.getElementById("relations");
    var showAll = document.getElementById("show-all");
    var depthChoice = document.getElementById("focus-depth");

    function renderLegend() {
      legend.replaceChildren();
      model.data.categories.forEach(function (cat) {
        var item = el("li");
        var button = el("button", null, "category");
        button.type = "button";
        button.dataset.category = cat.id;
        var swatch = el("span", null, "swatch");
        swatch.style.backgroundColor = kamgraph.dom.safeColour(cat.colour);
        button.appendChild(swatch);
        button.appendChild(el("span", words.pick(cat.labels, cat.localName || cat.id), "name"));
        button.appendChild(el("span", String(cat.count), "count"));
        var definition = words.pick(cat.definitions, "");
        if (definition) { button.title = definition; }
        button.addEventListener("click", function () { store.toggleCategory(cat.id); });
        item.appendChild(button);
        legend.appendChild(item);
      });
      relationList.replaceChildren();
      model.data.relationTypes.forEach(function (r, position) {
        var item = el("li");
        var box = el("input");
        box.type = "checkbox";
        box.id = "relation-" + position;
        box.dataset.relation = r.id;
        box.addEventListener("change", function () { store.showRelation(r.id, box.checked); });
        var label = el("label", words.pick(r.labels, r.id));
        label.htmlFor = box.id;
        label.appendChild(el("span", " " + (model.relationCounts.get(r.id) || 0), "count"));
        item.appendChild(box);
        item.appendChild(label);
        relationList.appendChild(item);
      });
      document.getElementById("relation-filter").hidden = model.data.relationTypes.length === 0;
      renderStatusKey();
    }

    /* How each relation status present on this page is drawn: a line sample and its name. */
    function renderStatusKey() {
      var box = document.getElementById("status-key"), list = box.querySelector("ul");
      var present = new Set(model.data.edges.map(function (e) { return e.status; }));
      list.replaceChildren();
      Object.keys(kamgraph.relationStatus.STYLES).forEach(function (status) {
        if (!present.has(status)) { return; }
        var item = el("li", null, "status-" + status);
        item.dataset.status = status;
        item.appendChild(el("span", null, "line-sample"));
        item.appendChild(el("span", ui(kamgraph.relationStatus.textKey(status))));
        list.appendChild(item);
      });
      box.hidden = list.children.length === 0;
    }

    function renderFilters() {
      legend.querySelectorAll("button.category").forEach(function (button) {
        button.setAttribute("aria-pressed", String(!state.hiddenCategories.has(button.dataset.category)));
      });
      relationList.querySelectorAll("input[data-relation]").forEach(function (box) {
        box.checked = !state.hiddenRelations.has(box.dataset.relation);
      });
      showAll.hidden = !kamgraph.visibility.filtered(state);
    }

    function renderDepthChoices() {
      depthChoice.replaceChildren();
      [0, 1, 2, 3].forEach(function (depth) {
        var option = el("option", depth ? depth + " " + ui(depth === 1 ? "focusStep" : "focusDepth") : ui("focusOff"));
        option.value = String(depth);
        option.selected = depth === state.depth;
        depthChoice.appendChild(option);
      });
    }

    showAll.addEventListener("click", function () { store.showAll(); });
    depthChoice.addEventListener("change", function (event) { store.setDepth(event.target.value); });

    return function render(changed) {
      if (changed.language) { renderLegend(); renderDepthChoices(); }
      if (changed.language || changed.visibility) { renderFilters(); }
    };
  }

  return { mount: mount };
}());
