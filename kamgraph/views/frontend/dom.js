/* Small DOM helpers. Text goes in through textContent only. */
kamgraph.dom = (function () {
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  /* Marks ``node`` as being in ``language`` when that is not the page's current language. */
  function withLanguage(node, language, current) { if (language && language !== current) { node.lang = language; } return node; }

  function safeColour(colour) { return /^#[0-9a-fA-F]{3,8}$/.test(colour || "") ? colour : "#cccccc"; }

  /* window.localStorage, or null where the browser blocks it (then progress lives for one visit). */
  function storage() {
    try {
      var probe = "kamgraph.probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) { return null; }
  }

  return { el: el, withLanguage: withLanguage, safeColour: safeColour, storage: storage };
}());
