/* The page data's wire form, decoded once at start-up into the page data every view reads
   (the form is described in kamgraph/views/wire.py, whose decode() is this one in Python).
   Tables (concepts, edges, practise) come as [mask, value, ...] rows: bit i of mask set means
   fields[i]'s value follows; unset means the field's default, its derivation, or absent.
   Integers in a table's id fields stand for names[n]: the ids of concepts, categories,
   relation types and sections, in that order. Pure: the wire object is not changed. */
kamgraph.wire = (function () {
  var VERSION = 1;
  var NAMED = ["concepts", "categories", "relationTypes", "sections"];

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* What a row gets for a field it does not write: a function making a fresh default (so no two
     rows share one object), a null placeholder for a derived field (filled in after), or null: absent. */
  function filler(table, field) {
    if (table.derived.indexOf(field) >= 0) { return function () { return null; }; }
    if (!has(table.defaults, field)) { return null; }
    var value = table.defaults[field];
    if (value === null || typeof value !== "object") { return function () { return value; }; }
    var text = JSON.stringify(value);
    if (text === "{}") { return function () { return {}; }; }
    if (text === "[]") { return function () { return []; }; }
    return function () { return JSON.parse(text); };
  }

  /* As kamgraph.names.local_name: the part after the last # or / (the whole text if there is none). */
  function localName(iri) {
    var text = iri.replace(/[/#]+$/, "");
    var cut = Math.max(text.lastIndexOf("#"), text.lastIndexOf("/"));
    return cut >= 0 && cut + 1 < text.length ? text.slice(cut + 1) : text;
  }

  function derive(field, row, namespaces) {
    if (field === "iri") {
      var id = row.id;
      if (typeof id !== "string") { return null; }
      if (id.charAt(0) === "<" && id.charAt(id.length - 1) === ">") { return id.slice(1, -1); }
      var colon = id.indexOf(":");
      var prefix = colon >= 0 ? id.slice(0, colon) : null;
      return prefix !== null && has(namespaces, prefix) ? namespaces[prefix] + id.slice(colon + 1) : null;
    }
    if (field === "localName") { return typeof row.iri === "string" && row.iri ? localName(row.iri) : null; }
    throw new Error("no derivation for " + field);
  }

  /* The rows of one table; ids are resolved when ``names`` is given (else left as numbers). */
  function rows(table, namespaces, names) {
    var fields = table.fields, count = fields.length;
    var fill = fields.map(function (f) { return filler(table, f); });
    var isRef = fields.map(function (f) { return names !== null && table.refs.indexOf(f) >= 0; });
    var derivedAt = table.derived.map(function (f) { return fields.indexOf(f); });
    var bitValue = derivedAt.map(function (i) { return Math.pow(2, i); });
    return table.rows.map(function (encoded) {
      var mask = encoded[0], next = 1, row = {};
      for (var i = 0; i < count; i++) {
        var bit = mask % 2;
        mask = (mask - bit) / 2;
        if (bit) { row[fields[i]] = isRef[i] ? resolve(encoded[next++], names) : encoded[next++]; }
        else if (fill[i] !== null) { row[fields[i]] = fill[i](); }
      }
      for (var d = 0; d < derivedAt.length; d++) {  // in derivation order: the iri, then its local name
        var field = fields[derivedAt[d]];
        if (Math.floor(encoded[0] / bitValue[d]) % 2 === 0) { row[field] = derive(field, row, namespaces); }
      }
      return row;
    });
  }

  function resolve(value, names) {
    if (Array.isArray(value)) { return value.map(function (v) { return resolve(v, names); }); }
    return typeof value === "number" ? names[value] : value;
  }

  /* The page data a wire form stands for. The concepts come first: their ids are most of ``names``. */
  function decode(wire) {
    var header = wire.wire;
    if (!header || header.version !== VERSION) { throw new Error("page data wire form: version " + (header && header.version)); }
    var data = {};
    Object.keys(wire).sort().forEach(function (key) { if (key !== "wire") { data[key] = wire[key]; } });
    var first = header.tables.indexOf("concepts") >= 0 ? ["concepts"] : [];
    first.forEach(function (name) { data[name] = rows(wire[name], header.namespaces, null); });
    var names = [];
    NAMED.forEach(function (key) { (data[key] || []).forEach(function (row) { names.push(typeof row.id === "string" ? row.id : null); }); });
    first.forEach(function (name) {
      var refs = wire[name].refs;
      data[name].forEach(function (row) {
        refs.forEach(function (f) { if (has(row, f)) { row[f] = resolve(row[f], names); } });
      });
    });
    header.tables.forEach(function (name) {
      if (first.indexOf(name) < 0) { data[name] = rows(wire[name], header.namespaces, names); }
    });
    if (header.tables.indexOf("edges") >= 0) {  // not sent: always from|relation|to
      data.edges.forEach(function (e) { e.id = e.from + "|" + e.relation + "|" + e.to; });
    }
    return data;
  }

  return { decode: decode };
}());
