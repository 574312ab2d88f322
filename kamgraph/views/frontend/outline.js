/* Every concept by section or by category: the canvas' text twin for keyboard and screen
   reader users, in step with the selection; arrow keys move through it (one tab stop). */
kamgraph.outline = (function () {
  var LINE_REM = 1.25;  // one outline entry: .9rem text and its padding (map.css)

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words, ui = app.ui;
    var el = kamgraph.dom.el;
    var nav = document.getElementById("outline");
    var bySection = document.getElementById("outline-by-section");
    var byCategory = document.getElementById("outline-by-category");

    function groups() {
      var found = [];
      if (state.outlineMode === "section") {
        var perSection = new Map();
        model.order.forEach(function (id) {
          var key = model.concepts.get(id).section || "";
          (perSection.get(key) || perSection.set(key, []).get(key)).push(id);
        });
        model.data.sections.forEach(function (s) { if (perSection.has(s.id)) { found.push([words.section(s), perSection.get(s.id)]); } });
        if (perSection.has("")) { found.push([ui("noSection"), perSection.get("")]); }
      } else {
        model.data.categories.forEach(function (cat) {
          var members = model.order.filter(function (id) { return model.concepts.get(id).category === cat.id; });
          if (members.length) { found.push([words.pick(cat.labels, cat.localName || cat.id), members]); }
        });
      }
      return found;
    }

    function markVisited(link) {
      link.classList.add("visited");
      var tick = el("span", " ✓", "tick");
      tick.setAttribute("aria-label", ui("visited"));
      link.appendChild(tick);
    }

    function renderOutline() {
      var focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.concept : null;
      nav.replaceChildren();
      var first = true;
      groups().forEach(function (group, groupIndex) {
        var heading = el("h3", group[0]);
        heading.id = "outline-group-" + groupIndex;
        var list = el("ul");
        list.setAttribute("aria-labelledby", heading.id);
        /* Its height until it is first laid out (map.css: a group out of view is skipped), so the outline's
           scroll bar is about right from the start: one line per concept. */
        list.style.containIntrinsicBlockSize = "auto " + (group[1].length * LINE_REM) + "rem";
        group[1].forEach(function (id) {
          var item = el("li");
          var link = el("a", words.concept(model.concepts.get(id)));
          link.href = app.hashFor(id);
          link.dataset.concept = id;
          link.tabIndex = (state.selected ? id === state.selected : first) ? 0 : -1;
          first = false;
          if (id === state.selected) { link.setAttribute("aria-current", "true"); }
          if (state.visited.has(id)) { markVisited(link); }
          link.addEventListener("click", function (event) { event.preventDefault(); store.select(id, { focus: true, history: "push" }); });
          item.appendChild(link);
          list.appendChild(item);
        });
        nav.appendChild(heading);
        nav.appendChild(list);
      });
      bySection.setAttribute("aria-pressed", String(state.outlineMode === "section"));
      byCategory.setAttribute("aria-pressed", String(state.outlineMode === "category"));
      if (focusedId) {
        var again = nav.querySelector("a[data-concept=\"" + CSS.escape(focusedId) + "\"]");
        if (again) { again.focus(); }
      }
    }

    /* The selection moved: mark it current (and visited), keep it in view inside the outline's own scroll. */
    function syncOutline() {
      var current = null;
      nav.querySelectorAll("a").forEach(function (link) {
        var mine = link.dataset.concept === state.selected;
        link.tabIndex = mine ? 0 : -1;
        if (mine) { link.setAttribute("aria-current", "true"); current = link; } else { link.removeAttribute("aria-current"); }
      });
      if (!current) { return; }
      var top = current.offsetTop;  // #outline is the offset parent (position: relative)
      if (top < nav.scrollTop || top > nav.scrollTop + nav.clientHeight - current.offsetHeight) {
        nav.scrollTop = top - nav.clientHeight / 2;
      }
      if (state.visited.has(state.selected) && !current.classList.contains("visited")) { markVisited(current); }
    }

    nav.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(nav.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) { return; }
      var target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[event.key];
      if (target === undefined) { return; }
      event.preventDefault();
      target = Math.max(0, Math.min(links.length - 1, target));
      links.forEach(function (link, i) { link.tabIndex = i === target ? 0 : -1; });
      links[target].focus();
    });
    bySection.addEventListener("click", function () { store.setOutlineMode("section"); });
    byCategory.addEventListener("click", function () { store.setOutlineMode("category"); });

    return function render(changed) {
      if (changed.language || changed.outline || changed.reset || changed.mode) { renderOutline(); }
      else if (changed.selection) { syncOutline(); }
    };
  }

  return { mount: mount };
}());
