// claimgraph explorer: search and read claims, claim groups and actors; a SPARQL editor.
// Every string from the store is put in the page as text (textContent, text nodes),
// never as HTML. Pages are hash routes (#/claims?..., #/claim/ID, #/group/ID,
// #/actor/ID, #/groups, #/actors, #/sparql?query=...), so every page has a URL to share.
(() => {
"use strict";

const config = JSON.parse(document.getElementById("kg-config").textContent);
const XSD = "http://www.w3.org/2001/XMLSchema#";
const NUMERIC = new Set(["integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger"].map(t => XSD + t));
const SAFE_IRI = /^[^<>"{}|^`\\\s]+$/;
const PAGE_SIZE = 25;
const KINDS = ["direct", "indirect", "mixed"];
const POLARITIES = ["supports", "opposes", "neutral"];

// --- data layer: SPARQL through the server, or the rows embedded in a standalone file --------

const prefixes = () => Object.entries(config.prefixes).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join("\n") + "\n";

function cell(binding) {
  if (!binding) return null;
  if (binding.type === "literal" && NUMERIC.has(binding.datatype)) return Number(binding.value);
  if (binding.type === "literal" && binding.datatype === XSD + "boolean") return binding.value === "true";
  return binding.value;
}

function oneLine(text) {
  const lines = String(text).split(/\r?\n/).map(l => l.trim()).filter(Boolean);
  return lines.length ? lines[0].slice(0, 400) : "";
}

async function sparql(text) {
  const response = await fetch("query", {
    method: "POST", body: text, credentials: "same-origin",
    headers: {"Content-Type": "application/sparql-query",
              "Accept": "application/sparql-results+json, application/n-triples;q=0.5, text/plain;q=0.1"},
  });
  const body = await response.text();
  if (!response.ok) throw new Error(oneLine(body) || `the endpoint answered ${response.status}`);
  const type = response.headers.get("Content-Type") || "";
  if (!type.includes("json")) return {vars: [], rows: [], raw: body};
  const json = JSON.parse(body);
  if ("boolean" in json) return {vars: ["boolean"], rows: [{boolean: json.boolean}]};
  const vars = json.head.vars;
  return {vars, rows: json.results.bindings.map(b => Object.fromEntries(vars.map(v => [v, cell(b[v])])))};
}

function bindIri(query, variable, iri) {
  if (!SAFE_IRI.test(iri)) throw new Error(`not an IRI: ${iri}`);
  return query.replace(/\bWHERE\s*\{/i, m => `${m}\n  VALUES ?${variable} { <${iri}> }\n`);
}

const source = config.mode === "served" ? {
  table: async name => (await sparql(prefixes() + config.tables[name])).rows,
  text: async doc => {
    const rows = (await sparql(prefixes() + bindIri(config.tables.texts, "doc", doc))).rows;
    return rows.length ? rows[0].text : null;
  },
  sparql,
} : {
  table: async name => config.data[name],
  text: async doc => (config.data.texts.find(r => r.doc === doc) || {}).text ?? null,
  sparql: async () => { throw new Error("this standalone file has no SPARQL endpoint: run kg serve to query the store"); },
};

// --- the model: the tables joined once ---------------------------------------------------------

const db = {claims: [], claim: new Map(), actor: new Map(), doc: new Map(), group: new Map(), byId: {}};
const localId = iri => iri.slice(iri.lastIndexOf("/") + 1);

async function load() {
  const names = ["claims", "about", "stances", "actors", "documents", "mentions", "groups", "contradictions", "relations"];
  const tables = Object.fromEntries(await Promise.all(names.map(async n => [n, await source.table(n)])));
  db.byId = {claim: new Map(), actor: new Map(), group: new Map(), doc: new Map()};
  for (const a of tables.actors) {
    if (db.actor.has(a.actor)) continue;
    const actor = {iri: a.actor, id: localId(a.actor), label: a.label, type: a.type};
    db.actor.set(a.actor, actor); db.byId.actor.set(actor.id, actor);
  }
  for (const d of tables.documents) {
    const doc = {iri: d.doc, id: d.id, title: d.title || d.id, publisher: d.publisher || "", date: d.date || "",
                 url: d.url || "", actors: new Set()};
    db.doc.set(d.doc, doc); db.byId.doc.set(localId(d.doc), doc);
  }
  for (const m of tables.mentions) if (db.doc.has(m.doc)) db.doc.get(m.doc).actors.add(m.actor);
  for (const g of tables.groups) {
    const group = {iri: g.group, id: localId(g.group), label: g.label, members: g.members, sources: g.sources,
                   speakers: g.speakers, firstSeen: g.firstSeen || "", firstClaim: g.firstClaim, claims: []};
    db.group.set(g.group, group); db.byId.group.set(group.id, group);
  }
  for (const r of tables.claims) {
    if (db.claim.has(r.claim)) continue;
    const doc = db.doc.get(r.doc) || {iri: r.doc, title: localId(r.doc), publisher: "", date: "", url: "", actors: new Set()};
    const claim = {iri: r.claim, id: r.id, speaker: r.speaker || "(no speaker)", speakerActor: r.speakerActor,
                   speakerText: r.speakerText || "", cue: r.cue, content: r.content, kind: r.kind, date: r.date || "",
                   doc, group: r.group, about: [], stances: [], contradictions: [],
                   spans: [["speaker", r.speakerStart, r.speakerEnd], ["cue", r.cueStart, r.cueEnd],
                           ["content", r.contentStart, r.contentEnd]]};
    db.claim.set(r.claim, claim); db.byId.claim.set(String(r.id), claim); db.claims.push(claim);
    if (db.group.has(r.group)) db.group.get(r.group).claims.push(claim);
  }
  for (const a of tables.about) if (db.claim.has(a.claim) && db.actor.has(a.actor)) db.claim.get(a.claim).about.push(a.actor);
  for (const s of tables.stances) if (db.claim.has(s.claim)) db.claim.get(s.claim).stances.push(s);
  for (const c of tables.contradictions) {
    const [a, b] = [db.claim.get(c.a), db.claim.get(c.b)];
    if (!a || !b) continue;
    a.contradictions.push({other: b, similarity: c.similarity, evidence: c.evidence || ""});
    b.contradictions.push({other: a, similarity: c.similarity, evidence: c.evidence || ""});
  }
  db.relations = tables.relations;
  for (const claim of db.claims) {
    const labels = claim.about.map(a => db.actor.get(a).label);
    claim.haystack = [claim.content, claim.speaker, claim.speakerText, claim.cue, ...labels, claim.doc.title]
      .join("\n").toLowerCase();
  }
}

// --- small DOM helpers: text only -----------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const route = (...parts) => "#/" + parts.map(encodeURIComponent).join("/");
const link = (href, text, attrs = {}) => el("a", {href, ...attrs}, text);
const plural = (n, one, many = one + "s") => `${n} ${n === 1 ? one : many}`;
const webUrl = url => /^https?:\/\//i.test(url || "") ? url : null;

function actorLink(iri, fallback) {
  const actor = db.actor.get(iri);
  return actor ? link(route("actor", actor.id), actor.label, {class: "actor"}) : document.createTextNode(fallback || "");
}

function speakerCell(claim) {
  if (claim.speakerActor && db.actor.has(claim.speakerActor)) return actorLink(claim.speakerActor);
  return el("span", {class: "muted", title: "no actor"}, claim.speakerText || "(no speaker)");
}

function sourceCell(claim) {
  return el("span", {}, link(route("claim", claim.id), claim.doc.title, {class: "source"}),
            claim.doc.publisher ? el("span", {class: "muted"}, ` · ${claim.doc.publisher}`) : null);
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === "" || a === null || a === undefined) return 1;  // empty last
  if (b === "" || b === null || b === undefined) return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

function setStatus(text) { document.getElementById("status").textContent = text; }

// --- routing -----------------------------------------------------------------------------------------

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const at = hash.indexOf("?");
  const path = at < 0 ? hash : hash.slice(0, at);
  const params = new URLSearchParams(at < 0 ? "" : hash.slice(at + 1));
  const parts = path.split("/").filter(Boolean).map(p => { try { return decodeURIComponent(p); } catch { return p; } });
  return {parts, params};
}

const PAGES = {claims: searchPage, claim: claimPage, group: groupPage, groups: groupsPage, actor: actorPage,
               actors: actorsPage, sparql: sparqlPage};

function render() {
  const {parts, params} = parseHash();
  const name = PAGES[parts[0]] ? parts[0] : "claims";
  const main = document.getElementById("main");
  main.replaceChildren();
  for (const a of document.querySelectorAll("nav a")) {
    a.classList.toggle("current", a.getAttribute("href") === "#/" + (name === "claim" ? "claims" : name));
  }
  try {
    PAGES[name](main, parts.slice(1), params);
  } catch (err) {
    main.append(el("p", {class: "error"}, oneLine(err.message)));
  }
  document.body.dataset.page = name;
  window.scrollTo(0, 0);
}

function notFound(main, what, id) {
  main.append(el("h1", {}, `No ${what} ${id}`), el("p", {}, link("#/claims", "Back to the claims")));
}

// --- claims: search, filters, sortable and paged table ----------------------------------------------

const COLUMNS = [
  {key: "date", label: "Date", value: c => c.date},
  {key: "speaker", label: "Speaker", value: c => c.speaker.toLowerCase()},
  {key: "cue", label: "Cue", value: c => c.cue.toLowerCase()},
  {key: "content", label: "Content", value: c => c.content.toLowerCase()},
  {key: "source", label: "Source", value: c => c.doc.title.toLowerCase()},
];
const FILTERS = ["q", "speaker", "about", "kind", "stance", "from", "to", "publisher"];

function options(entries, anyLabel) {
  return [el("option", {value: ""}, anyLabel), ...entries.map(([value, label]) => el("option", {value}, label))];
}

function countedActors(pick) {
  const counts = new Map();
  for (const claim of db.claims) for (const iri of pick(claim)) if (db.actor.has(iri)) counts.set(iri, (counts.get(iri) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compare(db.actor.get(a[0]).label, db.actor.get(b[0]).label))
    .map(([iri, n]) => [db.actor.get(iri).id, `${db.actor.get(iri).label} (${n})`]);
}

function filterClaims(params) {
  const words = (params.get("q") || "").toLowerCase().split(/\s+/).filter(Boolean);
  const speaker = db.byId.actor.get(params.get("speaker") || "");
  const about = db.byId.actor.get(params.get("about") || "");
  const [kind, stance, from, to, publisher] = ["kind", "stance", "from", "to", "publisher"].map(k => params.get(k) || "");
  return db.claims.filter(c =>
    words.every(w => c.haystack.includes(w)) &&
    (!params.get("speaker") || (speaker && c.speakerActor === speaker.iri)) &&
    (!params.get("about") || (about && c.about.includes(about.iri))) &&
    (!kind || c.kind === kind) &&
    (!stance || c.stances.some(s => s.polarity === stance && (!about || s.target === about.iri))) &&
    (!from || (c.date && c.date >= from)) &&
    (!to || (c.date && c.date <= to)) &&
    (!publisher || c.doc.publisher === publisher));
}

function searchPage(main, _, params) {
  const publishers = [...new Set(db.claims.map(c => c.doc.publisher).filter(Boolean))].sort(compare);
  const field = (label, control, wide) => el("label", {class: wide ? "wide" : null}, label, control);
  const controls = {
    q: el("input", {type: "search", id: "q", name: "q", placeholder: "Words of the claim, speaker, actor or title",
                     "aria-label": "Search claims"}),
    speaker: el("select", {id: "f-speaker", name: "speaker"}, options(countedActors(c => [c.speakerActor]), "any speaker")),
    about: el("select", {id: "f-about", name: "about"}, options(countedActors(c => c.about), "any actor")),
    kind: el("select", {id: "f-kind", name: "kind"}, options(KINDS.map(k => [k, k]), "any kind")),
    stance: el("select", {id: "f-stance", name: "stance"}, options(POLARITIES.map(p => [p, p]), "any stance")),
    from: el("input", {type: "date", id: "f-from", name: "from"}),
    to: el("input", {type: "date", id: "f-to", name: "to"}),
    publisher: el("select", {id: "f-publisher", name: "publisher"}, options(publishers.map(p => [p, p]), "any publisher")),
  };
  for (const key of FILTERS) controls[key].value = params.get(key) || "";
  const form = el("form", {class: "filters", role: "search", onsubmit: e => e.preventDefault()},
    field("Search", controls.q, true), field("Speaker", controls.speaker), field("About", controls.about),
    field("Kind", controls.kind), field("Stance", controls.stance), field("From", controls.from),
    field("To", controls.to), field("Publisher", controls.publisher),
    el("div", {class: "wide"}, el("button", {type: "button", id: "clear", onclick: () => {
      for (const key of FILTERS) controls[key].value = "";
      update(true);
    }}, "Clear filters")));
  const results = el("section", {id: "results"});
  main.append(el("h1", {}, "Claims"), form, results);

  const state = new URLSearchParams(params);
  function update(resetPage) {
    for (const key of FILTERS) {
      const value = controls[key].value.trim();
      if (value) state.set(key, value); else state.delete(key);
    }
    if (resetPage) state.delete("page");
    history.replaceState(null, "", "#/claims" + (state.toString() ? "?" + state : ""));
    showResults(results, state, update);
  }
  for (const key of FILTERS) controls[key].addEventListener(key === "q" ? "input" : "change", () => update(true));
  showResults(results, state, update);
}

function showResults(results, state, update) {
  const found = filterClaims(state);
  const sortKey = COLUMNS.some(c => c.key === state.get("sort")) ? state.get("sort") : "date";
  const dir = state.get("dir") === "desc" ? -1 : 1;
  const column = COLUMNS.find(c => c.key === sortKey);
  found.sort((a, b) => dir * compare(column.value(a), column.value(b)) || compare(a.doc.title, b.doc.title)
                        || compare(a.spans[2][1], b.spans[2][1]));
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, parseInt(state.get("page") || "1", 10) || 1));
  const shown = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const go = changes => { for (const [k, v] of Object.entries(changes)) state.set(k, v); update(false); };

  const header = el("tr", {}, COLUMNS.map(c => el("th", {
    "aria-sort": c.key === sortKey ? (dir === 1 ? "ascending" : "descending") : "none", "data-key": c.key},
    el("button", {type: "button", onclick: () => go({sort: c.key, dir: c.key === sortKey && dir === 1 ? "desc" : "asc", page: 1})},
       c.label))));
  const rows = shown.map(c => el("tr", {"data-claim": c.id},
    el("td", {class: "date"}, c.date), el("td", {class: "speaker"}, speakerCell(c)), el("td", {class: "cue"}, c.cue),
    el("td", {class: "content"}, link(route("claim", c.id), c.content)), el("td", {class: "source"}, sourceCell(c))));
  const first = found.length ? (page - 1) * PAGE_SIZE + 1 : 0;
  const earliest = found.filter(c => c.date).sort(byDate)[0];
  const sameDay = earliest ? found.filter(c => c.date === earliest.date).length : 0;
  const pager = el("div", {class: "pager"},
    el("button", {type: "button", id: "prev", disabled: page <= 1, onclick: () => go({page: page - 1})}, "‹ Previous"),
    el("span", {id: "page-info"}, `page ${page} of ${pages}`),
    el("button", {type: "button", id: "next", disabled: page >= pages, onclick: () => go({page: page + 1})}, "Next ›"));
  results.replaceChildren(...[  // a part that is not there is null: left out, never written as "null"
    el("div", {class: "summary"}, el("strong", {id: "count"}, plural(found.length, "claim")),
       found.length ? el("span", {class: "muted"}, `showing ${first}–${first + shown.length - 1}`) : null),
    earliest ? el("p", {class: "first-said", id: "first-said"}, "Said first: ", speakerCell(earliest), ` on ${earliest.date}, `,
                  link(route("claim", earliest.id), `“${earliest.content}”`), el("span", {class: "muted"}, ` (${earliest.doc.title})`),
                  sameDay > 1 ? el("span", {class: "muted"}, ` — one of ${sameDay} claims that day`) : null) : null,
    found.length ? el("table", {id: "claims-table"}, el("thead", {}, header), el("tbody", {}, rows))
                 : el("p", {class: "muted"}, "No claim matches: loosen the filters."),
    pages > 1 ? pager : null].filter(Boolean));
}

// --- one claim: its facts and the article with the evidence highlighted --------------------------------

const ROLE_NAMES = {speaker: "source (speaker)", cue: "cue", content: "content"};

function highlighted(text, spans) {
  // offsets count Unicode code points (as Python does), not UTF-16 units: slice by code point
  const chars = Array.from(text);
  const valid = spans.filter(([, s, e]) => Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s < e && e <= chars.length);
  const cuts = [...new Set([0, chars.length, ...valid.flatMap(([, s, e]) => [s, e])])].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = chars.slice(a, b).join("");
    const roles = valid.filter(([, s, e]) => s <= a && b <= e).map(([role]) => role);
    fragment.append(roles.length
      ? el("mark", {class: roles.join(" "), "data-role": roles.join(" "), title: roles.map(r => ROLE_NAMES[r]).join(", ")}, piece)
      : document.createTextNode(piece));
  }
  return fragment;
}

function facts(pairs) {
  return el("dl", {class: "facts"}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

function stanceBadges(stances) {
  return stances.filter(s => s.polarity !== "neutral").map(s => el("span", {class: `badge ${s.polarity}`},
    `${s.polarity} ${db.actor.has(s.target) ? db.actor.get(s.target).label : localId(s.target)}`));
}

function claimPage(main, [id]) {
  const claim = db.byId.claim.get(id);
  if (!claim) return notFound(main, "claim", id);
  const group = db.group.get(claim.group);
  const url = webUrl(claim.doc.url);
  main.append(el("h1", {}, "Claim"), el("div", {class: "card", id: "claim-facts"}, facts([
    ["Speaker", speakerCell(claim)],
    ["Cue", claim.cue],
    ["Content", el("span", {id: "claim-content"}, claim.content)],
    ["Kind", claim.kind],
    ["Date", claim.date],
    ["Source", el("span", {}, claim.doc.title, claim.doc.publisher ? ` · ${claim.doc.publisher}` : "",
                  url ? el("span", {}, " · ", link(url, "original", {rel: "noopener noreferrer", target: "_blank"})) : null)],
    ["About", claim.about.length ? el("span", {}, claim.about.flatMap((a, i) => [i ? ", " : "", actorLink(a)])) : ""],
    ["Stance", claim.stances.some(s => s.polarity !== "neutral") ? el("span", {}, stanceBadges(claim.stances)) : ""],
    ["Group", group ? el("span", {}, link(route("group", group.id), group.label, {id: "group-link"}),
                         el("span", {class: "muted"}, ` — ${plural(group.claims.length, "claim")} in ${plural(group.sources || 0, "source")}, first seen ${group.firstSeen || "?"}`))
                    : ""],
  ])));
  if (claim.contradictions.length) {
    main.append(el("h2", {}, "Contradictions (candidates)"), el("ul", {}, claim.contradictions.map(c =>
      el("li", {}, speakerCell(c.other), ": ", link(route("claim", c.other.id), c.other.content),
         el("span", {class: "muted"}, ` — ${c.evidence}`)))));
  }
  const article = el("div", {class: "article", id: "article", lang: ""}, "Loading the article…");
  main.append(el("h2", {}, "In the article"),
    el("p", {class: "key"}, el("span", {class: "speaker"}, "source"), el("span", {class: "cue"}, "cue"),
       el("span", {class: "content"}, "content")), article);
  source.text(claim.doc.iri).then(text => {
    if (text === null) {
      article.textContent = "This store holds no text for the article (it was built before claimgraph kept it): rebuild it to see the evidence.";
      return;
    }
    article.replaceChildren(highlighted(text, claim.spans));
    const mark = article.querySelector("mark.content") || article.querySelector("mark");
    if (mark) article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 80);
    article.dataset.ready = "true";
  }).catch(err => { article.replaceChildren(el("span", {class: "error"}, oneLine(err.message))); });
  const others = db.claims.filter(c => c.doc === claim.doc && c !== claim);
  if (others.length) {
    main.append(el("h2", {}, `Other claims in this article (${others.length})`), claimTable(others));
  }
}

function claimTable(claims, id) {
  return el("table", {id}, el("thead", {}, el("tr", {}, ["Date", "Speaker", "Cue", "Content", "Source"].map(h => el("th", {}, h)))),
    el("tbody", {}, claims.map(c => el("tr", {"data-claim": c.id}, el("td", {class: "date"}, c.date),
      el("td", {}, speakerCell(c)), el("td", {}, c.cue), el("td", {}, link(route("claim", c.id), c.content)),
      el("td", {}, sourceCell(c))))));
}

const byDate = (a, b) => compare(a.date, b.date) || compare(a.doc.title, b.doc.title) || compare(a.spans[2][1], b.spans[2][1]);

// --- a claim group: its timeline ------------------------------------------------------------------------

function groupPage(main, [id]) {
  const group = db.byId.group.get(id);
  if (!group) return notFound(main, "claim group", id);
  const claims = [...group.claims].sort(byDate);
  const first = db.claim.get(group.firstClaim) || claims[0];
  main.append(el("h1", {}, group.label), el("div", {class: "card"}, facts([
    ["Claims", String(claims.length)], ["Sources", String(group.sources ?? "")], ["Speakers", String(group.speakers ?? "")],
    ["First seen", first ? el("span", {}, first.date || "?", " in ", first.doc.title, " — ", speakerCell(first)) : ""],
  ])));
  main.append(el("h2", {}, "Timeline"), el("ol", {class: "timeline", id: "timeline"}, claims.map(c =>
    el("li", {class: c === first ? "first" : null, "data-claim": c.id},
      el("div", {}, el("strong", {}, c.date || "undated"), " · ", c.doc.title,
         c.doc.publisher ? el("span", {class: "muted"}, ` (${c.doc.publisher})`) : null,
         c === first ? el("span", {class: "badge first"}, "first appearance") : null),
      el("div", {}, speakerCell(c), ` ${c.cue}: `, link(route("claim", c.id), c.content))))));
  const seen = new Set();
  const contradictions = claims.flatMap(c => c.contradictions.map(x => ({claim: c, ...x})))
    .filter(x => { const key = [x.claim.iri, x.other.iri].sort().join(" "); return !seen.has(key) && seen.add(key); });
  main.append(el("h2", {}, `Contradictions (${contradictions.length})`), contradictions.length
    ? el("ul", {id: "contradictions"}, contradictions.map(x => el("li", {},
        speakerCell(x.claim), ": ", link(route("claim", x.claim.id), x.claim.content), el("br"),
        "vs. ", speakerCell(x.other), ": ", link(route("claim", x.other.id), x.other.content), el("br"),
        el("span", {class: "muted"}, `why: ${x.evidence}`, x.similarity !== null && x.similarity !== undefined
          ? ` (similarity ${Number(x.similarity).toFixed(2)})` : ""))))
    : el("p", {class: "muted"}, "No claim of this group is contradicted in the store."));
}

function groupsPage(main) {
  const groups = [...db.group.values()].sort((a, b) => (b.sources || 0) - (a.sources || 0) || b.claims.length - a.claims.length
                                                   || compare(a.firstSeen, b.firstSeen));
  main.append(el("h1", {}, `Claim groups (${groups.length})`),
    el("p", {class: "muted"}, "Claims that say the same thing, most widely reported first."),
    el("table", {id: "groups-table"}, el("thead", {}, el("tr", {}, ["Claim", "Claims", "Sources", "Speakers", "First seen"].map(h => el("th", {}, h)))),
      el("tbody", {}, groups.map(g => el("tr", {}, el("td", {}, link(route("group", g.id), g.label)),
        el("td", {}, String(g.claims.length)), el("td", {}, String(g.sources ?? "")), el("td", {}, String(g.speakers ?? "")),
        el("td", {class: "date"}, g.firstSeen))))));
}

// --- an actor: claims made and about it, relations, stances, co-mentions, counts over time ---------------

function tally(items) {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
}

function actorPage(main, [id]) {
  const actor = db.byId.actor.get(id);
  if (!actor) return notFound(main, "actor", id);
  const made = db.claims.filter(c => c.speakerActor === actor.iri).sort(byDate);
  const about = db.claims.filter(c => c.about.includes(actor.iri)).sort(byDate);
  main.append(el("h1", {}, actor.label, el("span", {class: "badge"}, actor.type)),
    el("p", {}, `${plural(made.length, "claim")} made, ${plural(about.length, "claim")} about ${actor.label}. `,
       link(`#/claims?speaker=${encodeURIComponent(actor.id)}`, "Search what it said"), " · ",
       link(`#/claims?about=${encodeURIComponent(actor.id)}`, "search what was said about it")));

  const months = new Map();
  for (const [list, key] of [[made, "made"], [about, "about"]]) for (const c of list) {
    const month = c.date ? c.date.slice(0, 7) : "undated";
    const row = months.get(month) || {made: 0, about: 0};
    row[key] += 1; months.set(month, row);
  }
  const most = Math.max(1, ...[...months.values()].flatMap(r => [r.made, r.about]));
  const bar = (n, cls) => { const b = el("span", {class: `bar ${cls}`}); b.style.width = `${Math.round(100 * n / most)}px`; return b; };
  main.append(el("h2", {}, "Claims over time"), el("table", {id: "over-time"},
    el("thead", {}, el("tr", {}, ["Month", "Claims made", "Claims about it"].map(h => el("th", {}, h)))),
    el("tbody", {}, [...months].sort((a, b) => compare(a[0], b[0])).map(([m, r]) => el("tr", {"data-month": m},
      el("td", {class: "date"}, m), el("td", {}, bar(r.made, "made"), String(r.made)), el("td", {}, bar(r.about, "about"), String(r.about)))))));

  const label = iri => db.actor.has(iri) ? db.actor.get(iri).label : localId(iri);
  const relations = db.relations.filter(r => r.subject === actor.iri || r.object === actor.iri);
  const relationRows = tally(relations.map(r => JSON.stringify([r.subject, r.lemma, r.object])));
  const stancesBy = tally(made.flatMap(c => c.stances.filter(s => s.polarity !== "neutral").map(s => JSON.stringify([s.polarity, s.target]))));
  const stancesTo = tally(db.claims.flatMap(c => c.stances.filter(s => s.target === actor.iri && s.polarity !== "neutral" && c.speakerActor)
    .map(s => JSON.stringify([c.speakerActor, s.polarity]))));
  const docs = [...db.doc.values()].filter(d => d.actors.has(actor.iri));
  const co = tally(docs.flatMap(d => [...d.actors].filter(a => a !== actor.iri && db.actor.has(a))));
  const list = (id, items, empty) => items.length ? el("ul", {id}, items) : el("p", {class: "muted", id}, empty);

  main.append(el("div", {class: "cols"},
    el("section", {}, el("h2", {}, "Relations"), list("relations", relationRows.slice(0, 40).map(([key, n]) => {
      const [s, lemma, o] = JSON.parse(key);
      return el("li", {}, actorLink(s), ` ${lemma} `, actorLink(o), el("span", {class: "muted"}, ` (${plural(n, "statement")})`));
    }), "No relation stated.")),
    el("section", {}, el("h2", {}, "Stances"),
      el("h3", {}, `By ${actor.label}`), list("stances-by", stancesBy.map(([key, n]) => {
        const [polarity, target] = JSON.parse(key);
        return el("li", {}, el("span", {class: `badge ${polarity}`}, polarity), " ", actorLink(target, label(target)), ` (${plural(n, "claim")})`);
      }), "None."),
      el("h3", {}, `Towards ${actor.label}`), list("stances-to", stancesTo.map(([key, n]) => {
        const [who, polarity] = JSON.parse(key);
        return el("li", {}, actorLink(who, label(who)), " ", el("span", {class: `badge ${polarity}`}, polarity), ` (${plural(n, "claim")})`);
      }), "None.")),
    el("section", {}, el("h2", {}, "Mentioned with"), list("co-mentioned", co.slice(0, 20).map(([a, n]) =>
      el("li", {}, actorLink(a), el("span", {class: "muted"}, ` (${plural(n, "document")})`))), "No other actor."))));
  main.append(el("h2", {}, `Claims made (${made.length})`), made.length ? claimTable(made, "claims-made") : el("p", {class: "muted"}, "None."),
              el("h2", {}, `Claims about ${actor.label} (${about.length})`), about.length ? claimTable(about, "claims-about") : el("p", {class: "muted"}, "None."));
}

function actorsPage(main) {
  const made = tally(db.claims.map(c => c.speakerActor).filter(Boolean));
  const about = new Map(tally(db.claims.flatMap(c => c.about)));
  const madeMap = new Map(made);
  const actors = [...db.actor.values()].map(a => ({a, made: madeMap.get(a.iri) || 0, about: about.get(a.iri) || 0}))
    .filter(x => x.made || x.about).sort((x, y) => (y.made + y.about) - (x.made + x.about) || compare(x.a.label, y.a.label));
  main.append(el("h1", {}, `Actors (${actors.length})`), el("p", {class: "muted"}, "Actors who made claims or whom claims are about."),
    el("table", {id: "actors-table"}, el("thead", {}, el("tr", {}, ["Actor", "Kind", "Claims made", "Claims about"].map(h => el("th", {}, h)))),
      el("tbody", {}, actors.map(x => el("tr", {}, el("td", {}, actorLink(x.a.iri)), el("td", {}, x.a.type),
        el("td", {}, String(x.made)), el("td", {}, String(x.about)))))));
}

// --- SPARQL editor ----------------------------------------------------------------------------------------

const EXAMPLE = `SELECT ?speaker ?cue ?content ?date WHERE {
  ?claim a cg:Claim ; cg:cue ?cue ; cg:content ?content ; cg:about ?actor .
  ?actor rdfs:label "Ukraine" .
  OPTIONAL { ?claim cg:claimant/rdfs:label ?speaker }
  OPTIONAL { ?claim dcterms:date ?date }
} ORDER BY ?date
LIMIT 100`;

function csvText(vars, rows) {
  const quote = v => { const s = v === null || v === undefined ? "" : String(v); return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  return [vars.map(quote).join(","), ...rows.map(r => vars.map(v => quote(r[v])).join(","))].join("\r\n") + "\r\n";
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = el("a", {href: url, download: name});
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function withParams(query) {
  // each parameter of a named query as a commented VALUES line, to fill in
  const examples = {actor: "actor:ukraine", date: '"2024-03-01"^^xsd:date', int: "2"};
  const lines = query.params.map(p => `  # VALUES ?${p.name} { ${examples[p.type] || '"..."'} }  # ${p.usage}: ${p.description}`);
  const text = query.text.split("\n").filter(l => !/^#\s*(param|example):/.test(l)).join("\n");
  return lines.length ? text.replace(/\bWHERE\s*\{/i, m => `${m}\n${lines.join("\n")}`) : text;
}

const UPDATE = /^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i;

function withPrefixes(query) {
  // the project's prefixes, as kg query knows them, for those the query does not declare
  const declared = new Set([...query.matchAll(/PREFIX\s+([A-Za-z][\w.-]*)?:/gi)].map(m => m[1] || ""));
  const missing = Object.entries(config.prefixes).filter(([p]) => !declared.has(p));
  return missing.map(([p, ns]) => `PREFIX ${p}: <${ns}> `).join("") + query;  // one line: error line numbers stay right
}

function sparqlPage(main, _, params) {
  main.append(el("h1", {}, "SPARQL"));
  if (config.mode !== "served") {
    main.append(el("p", {class: "error"}, "This standalone file has no SPARQL endpoint: run kg serve and open the address it prints to query the store."));
    return;
  }
  const text = el("textarea", {id: "sparql-text", spellcheck: "false", "aria-label": "SPARQL query"});
  text.value = params.get("query") || prefixes() + "\n" + EXAMPLE;
  const error = el("p", {class: "error", id: "sparql-error", hidden: true});
  const output = el("div", {id: "sparql-results"});
  let last = null;
  const csv = el("button", {type: "button", id: "download-csv", disabled: true,
                            onclick: () => download("query.csv", "text/csv", csvText(last.vars, last.rows))}, "Download CSV");
  const json = el("button", {type: "button", id: "download-json", disabled: true,
                             onclick: () => download("query.json", "application/json", JSON.stringify(last.rows, null, 1))}, "Download JSON");
  const run = el("button", {type: "button", id: "run", onclick: execute}, "Run");
  const info = el("span", {class: "muted", id: "sparql-info"});
  async function execute() {
    history.replaceState(null, "", "#/sparql?" + new URLSearchParams({query: text.value}));
    error.hidden = true; run.disabled = true; info.textContent = "running…";
    const started = performance.now();
    try {
      if (UPDATE.test(text.value.replace(/^\s*#.*$/gm, ""))) throw new Error("updates are not allowed: the store is served read-only");
      last = await source.sparql(withPrefixes(text.value));
      info.textContent = last.raw !== undefined ? "" :
        `${plural(last.rows.length, "row")} in ${Math.round(performance.now() - started)} ms`;
      csv.disabled = json.disabled = last.raw !== undefined;
      output.replaceChildren(last.raw !== undefined ? el("pre", {class: "raw"}, last.raw) :
        el("table", {id: "sparql-table"}, el("thead", {}, el("tr", {}, last.vars.map(v => el("th", {}, v)))),
           el("tbody", {}, last.rows.map(r => el("tr", {}, last.vars.map(v => el("td", {}, r[v] === null ? "" : String(r[v]))))))));
    } catch (err) {
      last = null; csv.disabled = json.disabled = true; info.textContent = "";
      error.textContent = oneLine(err.message) || "the query failed"; error.hidden = false;
      output.replaceChildren();
    } finally { run.disabled = false; }
  }
  text.addEventListener("keydown", e => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); execute(); } });
  main.append(
    el("p", {class: "muted"}, "Read-only SPARQL 1.1 over every graph of the store (the endpoint is /query); the prefixes above are known even when left out. Ctrl-Enter runs. Named queries:"),
    el("div", {class: "named", id: "named-queries"}, config.named.map(q => el("button", {type: "button", title: q.description,
      "data-name": q.name, onclick: () => { text.value = prefixes() + "\n" + withParams(q); text.focus(); }}, q.name))),
    text, el("div", {class: "toolbar"}, run, csv, json, info), error, output);
  if (params.get("query") && params.get("run") !== "0") execute();
}

// --- start ------------------------------------------------------------------------------------------------

document.body.classList.add(config.mode);
window.addEventListener("hashchange", render);
load().then(() => {
  setStatus(`${plural(db.claims.length, "claim")} · ${plural(db.doc.size, "document")} · ${plural(db.actor.size, "actor")}`);
  render();
  document.body.dataset.ready = "true";
}).catch(err => {
  setStatus("");
  document.getElementById("main").replaceChildren(el("p", {class: "error"}, `Cannot read the store: ${oneLine(err.message)}`));
  document.body.dataset.ready = "error";
});
})();
