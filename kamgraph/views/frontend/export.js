/* "Save as PNG": the map's canvas as drawn now, on white, downloaded as
   kamgraph-<selected concept>.png (kamgraph-map.png with nothing selected). */
kamgraph.export = (function () {
  function fileName(c) { return "kamgraph-" + (c ? c.localName.replace(/[^A-Za-z0-9_-]/g, "_") : "map") + ".png"; }

  function mount(app) {
    var state = app.state;
    function save() {
      var source = app.map.container.querySelector("canvas");
      var picture = document.createElement("canvas");
      picture.width = source.width;
      picture.height = source.height;
      var context = picture.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, picture.width, picture.height);
      context.drawImage(source, 0, 0);
      picture.toBlob(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = document.createElement("a");
        link.href = url;
        link.download = fileName(state.selected ? app.model.concepts.get(state.selected) : null);
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        document.getElementById("status").textContent = app.ui("exported");
      }, "image/png");
    }
    document.getElementById("export").addEventListener("click", save);
  }

  return { fileName: fileName, mount: mount };
}());
