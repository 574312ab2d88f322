/* The page around the map in the current language: the document's language and title,
   every element marked data-ui (its text from kamgraph.strings), the language buttons, and
   the links to the other maps of the build. */
kamgraph.interface = (function () {
  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words, ui = app.ui;
    var el = kamgraph.dom.el;
    var data = model.data;

    function renderText() {
      document.documentElement.lang = state.lang;
      var title = words.pick(data.title, document.title);
      if (data.scope) { title += " — " + words.category(data.scope); }
      document.title = title;
      document.getElementById("title").textContent = title;
      document.querySelectorAll("[data-ui]").forEach(function (node) { node.textContent = ui(node.dataset.ui); });
    }

    function renderLanguages() {
      var nav = document.getElementById("languages");
      nav.replaceChildren();
      nav.setAttribute("aria-label", ui("language"));
      model.languages.forEach(function (l) {
        var button = el("button", l.toUpperCase());
        button.type = "button";
        button.lang = l;
        button.title = ui("languageNames")[l] || l;
        button.setAttribute("aria-pressed", String(l === state.lang));
        button.addEventListener("click", function () { store.setLanguage(l, { history: "replace" }); });
        nav.appendChild(button);
      });
    }

    function renderMapLinks() {
      var list = document.getElementById("map-links");
      list.replaceChildren();
      data.maps.forEach(function (m) {
        var item = el("li");
        var link = el("a", m.category ? words.pick(m.labels, words.category(m.category)) : ui("fullMap"));
        link.href = m.href;  // a relative file name written by the build, never ontology text
        if (m.category && m.category === data.scope) { link.setAttribute("aria-current", "page"); }
        item.appendChild(link);
        list.appendChild(item);
      });
      document.getElementById("maps").hidden = data.maps.length === 0;
    }

    return function render(changed) {
      if (changed.language) { renderText(); renderLanguages(); renderMapLinks(); }
    };
  }

  return { mount: mount };
}());
