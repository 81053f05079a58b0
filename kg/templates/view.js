// claimgraph view: draws the graph embedded as JSON in #kg-data with vis-network.
// Every string from the data is put into the page as text (textContent, or a label that
// vis-network paints on the canvas), never parsed as HTML.
(function () {
  "use strict";
  window.kgStartMs = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var hidden = new Set(data.hidden);
  var minWeight = data.minWeight;
  // A large graph opens on its focus (its most connected actors) and grows by expanding
  // nodes; "all" shows everything.
  var focus = new Set(data.focus);
  var focusOn = focus.size > 0;
  var inFocus = new Set();
  // The date range, as indices into data.dates; the full range keeps undated items too.
  var from = 0, until = Math.max(0, data.dates.length - 1);

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

  function fullRange() { return from === 0 && until >= data.dates.length - 1; }

  function dated(item) {
    if (fullRange()) { return true; }
    var lo = data.dates[from], hi = data.dates[until];
    return item.dates.some(function (d) { return d >= lo && d <= hi; });
  }

  function edgeKept(e) {
    return !hidden.has(e.kind) && !(e.kind === data.weighted && e.weight < minWeight) && dated(e);
  }

  function edgeShown(e) {
    return edgeKept(e) && (!focusOn || (inFocus.has(e.from) && inFocus.has(e.to)));
  }

  // The focus and, around each node of it, its neighbours over the strongest kept links.
  function findFocus() {
    inFocus = new Set(focus);
    var around = {};
    edges.forEach(function (e) {
      if (!edgeKept(e) || hidden.has(nodes.get(e.from).kind) || hidden.has(nodes.get(e.to).kind)) { return; }
      [[e.from, e.to], [e.to, e.from]].forEach(function (ends) {
        if (focus.has(ends[0])) { (around[ends[0]] = around[ends[0]] || []).push([e.weight, ends[1]]); }
      });
    });
    Object.keys(around).forEach(function (id) {
      around[id].sort(function (a, b) { return b[0] - a[0]; });
      around[id].slice(0, data.neighbours).forEach(function (pair) { inFocus.add(pair[1]); });
    });
  }

  // The nodes at either end of an edge that is shown between two shown kinds of node.
  function findLinked() {
    if (focusOn) { findFocus(); }
    linked = new Set();
    edges.forEach(function (e) {
      if (edgeShown(e) && !hidden.has(nodes.get(e.from).kind) && !hidden.has(nodes.get(e.to).kind)) {
        linked.add(e.from);
        linked.add(e.to);
      }
    });
  }

  function nodeShown(n) {
    if (hidden.has(n.kind) || (focusOn && !inFocus.has(n.id))) { return false; }
    if (!fullRange()) { return linked.has(n.id) || (dated(n) && n.dates.length > 0); }
    return showUnlinked || linked.has(n.id) || focus.has(n.id);
  }

  findLinked();
  var nodeView = new vis.DataView(nodes, { filter: nodeShown });
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
  options.nodes.scaling.label.drawThreshold = 8;  // a label too small to read is not drawn
  var network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, options);

  // With many edges shown, edge labels appear only on the edges of what is hovered or
  // selected; with many nodes shown, so do the labels of claims (actors keep theirs).
  var quietEdges = null, quietClaims = null;
  var hiddenInk = { color: "rgba(0,0,0,0)", strokeColor: "rgba(255,255,255,0)" };
  var shownInk = { color: "#343434", strokeColor: "#ffffff" };
  function showLabel(values) { values.color = "#222222"; values.strokeColor = "#ffffff"; values.strokeWidth = 3; }
  function edgeLabels() {
    var quiet = edgeView.length > data.labelledEdges;
    if (quiet !== quietEdges) {
      quietEdges = quiet;
      network.setOptions({ edges: { font: quiet ? hiddenInk : shownInk, chosen: { label: showLabel, edge: true } } });
    }
    quiet = nodeView.length > data.labelledNodes;
    if (quiet !== quietClaims) {
      quietClaims = quiet;
      nodes.update(nodes.get({ filter: function (n) { return n.kind.indexOf("claim:") === 0; } }).map(function (n) {
        return { id: n.id, font: quiet ? hiddenInk : shownInk, chosen: { label: showLabel, node: true } };
      }));
    }
  }
  edgeLabels();
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
      nodeView.length + " of " + nodes.length + " nodes, " + edgeView.length + " of " + edges.length + " edges" +
      (focusOn ? " (focus: double-click a node to show its neighbours)" : "");
  }

  // Re-filter, then let the layout move a little and stop again.
  function refresh() {
    findLinked();
    nodeView.refresh();
    edgeView.refresh();
    edgeLabels();
    summary();
    if (nodeView.length === 0) { settle(); return; }
    document.body.setAttribute("data-settled", "false");
    network.setOptions({ physics: { enabled: true } });
    // stop after those steps even if it is still moving: disconnected parts drift apart
    // for ever, so "stabilized" may never come
    network.once("stabilizationIterationsDone", settle);
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
    weightBox.min = String(data.weightFloor);  // a large view carries no weaker edges
    weightBox.addEventListener("change", function () {
      minWeight = Math.max(data.weightFloor, parseInt(weightBox.value, 10) || 1);
      refresh();
    });
  } else {
    document.getElementById("weight-filter").hidden = true;
  }
  summary();

  // Focus: a double click adds a node (and so its neighbours); "all" shows every node.
  var focusBox = document.getElementById("focus-on");
  if (data.focus.length) {
    focusBox.checked = true;
    focusBox.addEventListener("change", function () { focusOn = focusBox.checked; refresh(); });
    document.getElementById("focus-reset").addEventListener("click", function () {
      focus = new Set(data.focus);
      focusOn = focusBox.checked = true;
      refresh();
    });
  } else {
    document.getElementById("focus-filter").hidden = true;
  }
  network.on("doubleClick", function (params) {
    if (!focusOn || !params.nodes.length) { return; }
    params.nodes.forEach(function (id) { focus.add(id); });
    refresh();
  });

  // Dates: two sliders over the days the evidence has; the full range keeps everything.
  var fromBox = document.getElementById("date-from"), untilBox = document.getElementById("date-until");
  function showDates() {
    document.getElementById("date-range").textContent = data.dates.length
      ? data.dates[from] + " – " + data.dates[until] + (fullRange() ? " (all, undated too)" : "") : "";
  }
  if (data.dates.length > 1) {
    fromBox.max = untilBox.max = String(data.dates.length - 1);
    fromBox.value = "0";
    untilBox.value = String(until);
    [fromBox, untilBox].forEach(function (box) {
      box.addEventListener("input", function () {
        from = Math.min(parseInt(fromBox.value, 10), parseInt(untilBox.value, 10));
        until = Math.max(parseInt(fromBox.value, 10), parseInt(untilBox.value, 10));
        showDates();
        refresh();
      });
    });
    showDates();
  } else {
    document.getElementById("date-filter").hidden = true;
  }

  // Search: select every matching node (a focused view adds the matches to its focus), and go to the first.
  document.getElementById("search").addEventListener("input", function (event) {
    var needle = event.target.value.trim().toLowerCase();
    var matches = document.getElementById("matches");
    if (!needle) { network.unselectAll(); matches.textContent = ""; return; }
    function found(n) { return n.search.indexOf(needle) >= 0; }
    if (focusOn) {
      var added = nodes.get({ filter: function (n) { return found(n) && !focus.has(n.id); } }).slice(0, 5);
      if (added.length) {
        added.forEach(function (n) { focus.add(n.id); });
        refresh();
      }
    }
    var hits = nodeView.get({ filter: found });
    network.selectNodes(hits.map(function (n) { return n.id; }));
    matches.textContent = hits.length + (hits.length === 1 ? " match" : " matches");
    if (hits.length) { network.focus(hits[0].id, { scale: 1.1, animation: { duration: 300 } }); }
  });

  window.kgNetwork = network;
  window.kgNodes = nodeView;
  window.kgEdges = edgeView;
  window.kgExpand = function (id) { focus.add(id); refresh(); };  // what a double click does
})();
