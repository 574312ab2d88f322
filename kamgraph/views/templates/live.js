/* kamgraph serve only: reload the page when the server has a newer good build.
   Never part of a built file; the served page's CSP allows connect-src 'self' for it. */
(function () {
  "use strict";
  var shown = "__KAMGRAPH_BUILD__";
  function poll() {
    fetch("/__kamgraph/build", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : shown; })
      .then(function (latest) {
        if (latest.trim() !== shown) { window.location.reload(); } else { window.setTimeout(poll, 400); }
      }, function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 400);
})();
