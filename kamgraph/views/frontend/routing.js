/* The address is a public contract: #concept=<local name>&lang=<language>&mode=<mode>, and
   &topic=<name> on a topic view (kamgraph.topics). ``mode`` is written only when it is not
   "map", so the addresses of the map view stay as they always were; an unknown mode reads as
   "map". Picking a concept pushes an entry, so back and forward move through the concepts
   looked at; an address naming another topic starts the page again on that topic. */
kamgraph.routing = (function () {
  var MODES = ["map", "read", "practise", "compare"];
  var DEFAULT_MODE = "map";

  /* {concept, lang, mode, topic} from a hash: concept and topic as written (null when absent),
     lang only when it is one of ``languages`` (null otherwise), mode always one of MODES. Pure. */
  function parse(hash, languages) {
    var params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
    var lang = params.get("lang"), mode = params.get("mode");
    return {
      concept: params.get("concept") || null,
      lang: lang && (!languages || languages.indexOf(lang) >= 0) ? lang : null,
      mode: MODES.indexOf(mode) >= 0 ? mode : DEFAULT_MODE,
      topic: params.get("topic") || null
    };
  }

  /* The hash for {concept, lang, mode, topic}, in that order. Pure. */
  function format(route) {
    var params = new URLSearchParams();
    if (route.concept) { params.set("concept", route.concept); }
    if (route.lang) { params.set("lang", route.lang); }
    if (route.mode && route.mode !== DEFAULT_MODE && MODES.indexOf(route.mode) >= 0) { params.set("mode", route.mode); }
    if (route.topic) { params.set("topic", route.topic); }
    return "#" + params.toString();
  }

  function mount(app) {
    var state = app.state, store = app.store, model = app.model;

    app.hashFor = function (id) {
      return format({ concept: id ? model.routeName(id) : null, lang: state.lang, mode: state.mode,
                      topic: model.topic });
    };

    /* The address into the state (start-up, back, forward, an edited address). */
    function apply() {
      var route = parse(location.hash, model.languages);
      var topic = kamgraph.topics.find(model.whole, route.topic);
      if ((topic ? topic.name : null) !== model.topic) { window.location.reload(); return; }
      if (route.lang && route.lang !== state.lang) { store.setLanguage(route.lang, { history: "none" }); }
      if (route.mode !== state.mode) { store.setMode(route.mode, { history: "none" }); }
      var id = route.concept ? model.resolve(route.concept) : null;
      if (id && id !== state.selected) { store.select(id, { focus: true, history: "none" }); }
      else if (!route.concept && state.selected) { store.select(null, { history: "none" }); }
    }
    window.addEventListener("hashchange", apply);

    /* The state into the address, after a change of what the address carries. */
    function render(changed, how) {
      if (!(changed.selection || changed.language || changed.mode)) { return; }
      var history = how.history || "replace";
      var wanted = app.hashFor(state.selected);
      if (history === "none" || location.hash === wanted) { return; }
      try {
        if (history === "push") { location.hash = wanted; } else { window.history.replaceState(null, "", wanted); }
      } catch (error) { /* a sandboxed page: the view still works, without a shareable address */ }
    }

    return { apply: apply, render: render };
  }

  return { MODES: MODES, parse: parse, format: format, mount: mount };
}());
