/* The page around the map in the current language: the document's language and title,
   every element marked data-ui (its text from kamgraph.strings), the language buttons, and
   the links to the topic views (and, on a topic, back to the whole map). */
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
      var topics = data.topics || [];
      function add(text, topic) {
        var item = el("li");
        var link = el("a", text);
        link.href = kamgraph.routing.format({ lang: state.lang, topic: topic });  // names made by the build
        if (topic === model.topic) { link.setAttribute("aria-current", "page"); }
        item.appendChild(link);
        list.appendChild(item);
      }
      if (model.topic && topics.length) { add(ui("fullMap"), null); }
      topics.forEach(function (t) { add(words.pick(t.labels, words.category(t.category)), t.name); });
      document.getElementById("maps").hidden = topics.length === 0;
    }

    return function render(changed) {
      if (changed.language) { renderText(); renderLanguages(); renderMapLinks(); }
    };
  }

  return { mount: mount };
}());
