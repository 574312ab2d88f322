/* The page data's wire form, decoded once at start-up into the page data every view reads
   (the form is described in kamgraph/views/wire.py, whose decode() is this one in Python).
   Tables (concepts, edges, practise) come as [mask, value, ...] rows: bit i of mask set means
   fields[i]'s value follows; unset means the field's default, its derivation, or absent.
   Integers in a table's id fields stand for names[n]: the ids of concepts, categories,
   relation types and sections, in that order. Pure: the wire object is not changed. */
kamgraph.wire = (function () {
  var VERSION = 1;
  var NAMED = ["concepts", "categories", "relationTypes", "sections"];

  /* A fresh copy of a default, so no two rows share one object. */
  function copy(value) {
    if (value === null || typeof value !== "object") { return value; }
    if (Array.isArray(value)) { return value.length ? JSON.parse(JSON.stringify(value)) : []; }
    return Object.keys(value).length ? JSON.parse(JSON.stringify(value)) : {};
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
      return prefix !== null && Object.prototype.hasOwnProperty.call(namespaces, prefix)
        ? namespaces[prefix] + id.slice(colon + 1) : null;
    }
    if (field === "localName") { return typeof row.iri === "string" && row.iri ? localName(row.iri) : null; }
    throw new Error("no derivation for " + field);
  }

  function rows(table, namespaces) {
    var fields = table.fields, defaults = table.defaults, derived = table.derived;
    var hasDefault = fields.map(function (f) { return Object.prototype.hasOwnProperty.call(defaults, f); });
    var isDerived = fields.map(function (f) { return derived.indexOf(f) >= 0; });
    return table.rows.map(function (encoded) {
      var mask = encoded[0], next = 1, row = {}, written = {};
      for (var i = 0; i < fields.length; i++) {
        var bit = mask % 2;
        mask = (mask - bit) / 2;
        if (bit) { row[fields[i]] = encoded[next++]; written[fields[i]] = true; }
        else if (hasDefault[i]) { row[fields[i]] = copy(defaults[fields[i]]); }
        else if (isDerived[i]) { row[fields[i]] = null; }  // filled in below, in derivation order
      }
      derived.forEach(function (f) { if (!written[f]) { row[f] = derive(f, row, namespaces); } });
      return row;
    });
  }

  function resolve(value, names) {
    if (Array.isArray(value)) { return value.map(function (v) { return resolve(v, names); }); }
    return typeof value === "number" ? names[value] : value;
  }

  /* The page data a wire form stands for. */
  function decode(wire) {
    var header = wire.wire;
    if (!header || header.version !== VERSION) { throw new Error("page data wire form: version " + (header && header.version)); }
    var data = {};
    Object.keys(wire).sort().forEach(function (key) { if (key !== "wire") { data[key] = wire[key]; } });
    header.tables.forEach(function (name) { data[name] = rows(wire[name], header.namespaces); });
    var names = [];
    NAMED.forEach(function (key) { (data[key] || []).forEach(function (row) { names.push(String(row.id)); }); });
    header.tables.forEach(function (name) {
      var refs = wire[name].refs;
      data[name].forEach(function (row) {
        refs.forEach(function (f) { if (Object.prototype.hasOwnProperty.call(row, f)) { row[f] = resolve(row[f], names); } });
      });
      if (name === "edges") {
        data.edges.forEach(function (e) { e.id = e.from + "|" + e.relation + "|" + e.to; });
      }
    });
    return data;
  }

  return { decode: decode };
}());
