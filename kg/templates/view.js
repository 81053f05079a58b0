// claimgraph view: draws the graph embedded as JSON in #kg-data with vis-network.
// Every string from the data is put into the page as text (textContent, or a label that
// vis-network paints on the canvas), never parsed as HTML.
(function () {
  "use strict";
  window.kgStartMs = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var hidden = new Set(data.hidden);
  var minWeight = data.minWeight;

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text) { el.textContent = text; }
    return el;
  }

  // A tooltip as a DOM element: a heading, facts, then each evidence sentence and its source.
  function tooltip(info) {
    var box = element("div", "kg-tip");
    box.appendChild(element("strong", "", info.heading));
    info.facts.forEach(function (fact) { box.appendChild(element("div", "fact", fact)); });
    info.evidence.forEach(function (proof) {
      var quote = element("blockquote", "", "“" + proof.sentence + "”");
      box.appendChild(quote);
      box.appendChild(element("div", "source", "— " + proof.source + (proof.note ? ", " + proof.note : "")));
    });
    if (info.more) { box.appendChild(element("div", "fact", info.more)); }
    return box;
  }

  data.nodes.forEach(function (n) { n.title = tooltip(n.info); });
  data.edges.forEach(function (e) { e.title = tooltip(e.info); });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var showUnlinked = !data.hideUnlinked;
  var linked = new Set();

  function edgeShown(e) {
    return !hidden.has(e.kind) && !(e.kind === data.weighted && e.weight < minWeight);
  }

  // The nodes at either end of an edge that is shown between two shown kinds of node.
  function findLinked() {
    linked = new Set();
    edges.forEach(function (e) {
      if (edgeShown(e) && !hidden.has(nodes.get(e.from).kind) && !hidden.has(nodes.get(e.to).kind)) {
        linked.add(e.from);
        linked.add(e.to);
      }
    });
  }

  findLinked();
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hidden.has(n.kind) && (showUnlinked || linked.has(n.id)); }
  });
  var edgeView = new vis.DataView(edges, { filter: edgeShown });
  // Large graphs get a coarser, shorter layout so that they settle in a few seconds:
  // 300 layout steps up to 200 nodes, fewer above (60 at 1,000 nodes, never under 40).
  var big = data.nodes.length > 300;
  var steps = Math.round(Math.max(40, Math.min(300, 60000 / Math.max(1, data.nodes.length))));
  var options = {
    nodes: { shape: "dot", scaling: { min: 8, max: 36, label: { enabled: true, min: 12, max: 22, drawThreshold: 6 } },
             font: { size: 13, strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1 },
    edges: { font: { size: 10, align: "middle", strokeWidth: 3 },
             smooth: big ? false : { type: "continuous" }, selectionWidth: 2 },
    layout: { randomSeed: 7, improvedLayout: !big },
    physics: { solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.4, theta: big ? 0.9 : 0.5 },
               stabilization: { iterations: steps, updateInterval: 50, fit: true } },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, navigationButtons: false }
  };
  var network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, options);
  window.kgDrawnMs = performance.now();

  function settle() {
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    window.kgSettleMs = performance.now();
    document.body.setAttribute("data-settled", "true");
  }
  network.once("stabilizationIterationsDone", settle);
  if (nodeView.length === 0) { settle(); }

  function summary() {
    document.getElementById("summary").textContent =
      nodeView.length + " of " + nodes.length + " nodes, " + edgeView.length + " of " + edges.length + " edges";
  }

  // Re-filter, then let the layout move a little and stop again.
  function refresh() {
    findLinked();
    nodeView.refresh();
    edgeView.refresh();
    summary();
    if (nodeView.length === 0) { settle(); return; }
    document.body.setAttribute("data-settled", "false");
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", settle);  // converged or not: stop after the steps
    network.stabilize(100);
  }

  function legend(listId, styles, counts) {
    var list = document.getElementById(listId);
    styles.forEach(function (style) {
      if (!counts[style.kind]) { return; }
      var item = element("li");
      var label = element("label");
      var box = element("input");
      box.type = "checkbox";
      box.checked = !hidden.has(style.kind);
      box.dataset.kind = style.kind;
      box.addEventListener("change", function () {
        if (box.checked) { hidden.delete(style.kind); } else { hidden.add(style.kind); }
        refresh();
      });
      var swatch = element("span", "swatch " + (style.shape || "line"));
      swatch.style.background = style.color;
      if (style.dashes) { swatch.classList.add("dashed"); }
      label.appendChild(box);
      label.appendChild(swatch);
      label.appendChild(document.createTextNode(style.label + " (" + counts[style.kind] + ")"));
      item.appendChild(label);
      list.appendChild(item);
    });
  }

  function countKinds(items) {
    var counts = {};
    items.forEach(function (item) { counts[item.kind] = (counts[item.kind] || 0) + 1; });
    return counts;
  }

  legend("node-kinds", data.nodeStyles, countKinds(data.nodes));
  legend("edge-kinds", data.edgeStyles, countKinds(data.edges));
  var unlinkedBox = document.getElementById("unlinked");
  unlinkedBox.checked = showUnlinked;
  unlinkedBox.addEventListener("change", function () { showUnlinked = unlinkedBox.checked; refresh(); });
  var weightBox = document.getElementById("min-weight");
  if (data.weighted && countKinds(data.edges)[data.weighted]) {
    weightBox.value = String(minWeight);
    weightBox.addEventListener("change", function () {
      minWeight = Math.max(1, parseInt(weightBox.value, 10) || 1);
      refresh();
    });
  } else {
    document.getElementById("weight-filter").hidden = true;
  }
  summary();

  // Search: select every visible node whose label contains the text, and focus the first.
  document.getElementById("search").addEventListener("input", function (event) {
    var needle = event.target.value.trim().toLowerCase();
    var matches = document.getElementById("matches");
    if (!needle) { network.unselectAll(); matches.textContent = ""; return; }
    var hits = nodeView.get({ filter: function (n) { return n.search.indexOf(needle) >= 0; } });
    network.selectNodes(hits.map(function (n) { return n.id; }));
    matches.textContent = hits.length + (hits.length === 1 ? " match" : " matches");
    if (hits.length) { network.focus(hits[0].id, { scale: 1.1, animation: { duration: 300 } }); }
  });

  window.kgNetwork = network;
  window.kgNodes = nodeView;
  window.kgEdges = edgeView;
})();
