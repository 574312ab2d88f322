/* Relation status, from the ontology's kamo:relationStatus axioms (the edge rows' ``status``:
   the status's local name): how the map draws a relation of each status, and the UI text
   that names it. Stated relations are solid lines, implied ones dashed, those beyond the
   source dotted and amber; a relation with no status (any other vocabulary) is solid. Pure. */
kamgraph.relationStatus = (function () {
  var STYLES = {
    Stated: { dashes: false },
    Implied: { dashes: [8, 6] },
    BeyondSource: { dashes: [2, 5], color: { color: "#c07a00", highlight: "#7a4d00", hover: "#7a4d00" } }
  };
  var KEYS = { Stated: "statusStated", Implied: "statusImplied", BeyondSource: "statusBeyond" };

  /* The vis-network edge options for ``status`` (a fresh object). */
  function lineStyle(status) {
    var style = STYLES[status] || STYLES.Stated;
    var options = { dashes: style.dashes, width: 1.4 };
    if (style.color) { options.color = Object.assign({}, style.color); }
    return options;
  }

  /* The UI text key naming ``status``, or null for a status this page has no words for. */
  function textKey(status) { return Object.prototype.hasOwnProperty.call(KEYS, status) ? KEYS[status] : null; }

  return { STYLES: STYLES, lineStyle: lineStyle, textKey: textKey };
}());
