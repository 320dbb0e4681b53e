// The scenario view: the headline cards and the results charts, drawn in the browser.
//
// What it shows is a function of numbers: the current scenario's series (from the page's
// run, put on the window by view_data.js) or, while a lever is dragged or stepped with keys,
// the point of that lever's sweep under the thumb (the lever asks `drive`). The texts come
// from the recipes and the formatter of view_format.js (the same as the server's); the
// charts are the page's own chart specs compiled to Vega on the server, drawn with the Vega
// the app serves (static/vendor), their data swapped in place. Nothing is redrawn that did
// not change: when the page's run for a released value arrives with the numbers already
// shown, no text and no chart is touched. Static code: every text is set as text.
const STORE = "__ikmView";

export default function ({ data, parentElement, setTriggerValue }) {
  const root = parentElement.querySelector(".ikm-view");
  const view = root.__view || (root.__view = setUp(root));
  view.send = setTriggerValue;
  view.configure(data);
  const store = shared();
  store.views.add(view);
  store.schedule();
  return () => {
    // Gone from the page (another tab, another layout): let its charts go.
    setTimeout(() => {
      if (!root.isConnected) {
        store.views.delete(view);
        view.destroy();
      }
    }, 0);
  };
}

// --- the shared state: current scenario, sweeps, the point shown -------------------------

function shared() {
  const store = window[STORE] || (window[STORE] = { sweeps: {}, raw: {} });
  if (store.ready) return store;
  store.ready = true;
  store.views = new Set();
  store.point = null; // {lever, value, seq}: a sweep point shown ahead of the page's run
  store.dragging = null;
  store.mode = null;
  store.modeSent = null;
  let frame = 0;
  store.schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const view of store.views) view.render();
    });
  };
  store.sweep = (lever) => {
    const raw = store.raw[lever];
    if (!raw) return null;
    if (!store.sweeps[lever] || store.sweeps[lever].bytes !== raw) {
      store.sweeps[lever] = { ...decodeSweep(raw), bytes: raw };
    }
    return store.sweeps[lever];
  };
  // The sweep of `lever` if it fits the current scenario (made for its other values).
  store.fitting = (lever) => {
    const now = store.now;
    if (!now || !now.live) return null;
    const sweep = store.sweep(lever);
    return sweep && now.keys && sweep.key === now.keys[lever] ? sweep : null;
  };
  // A lever moved to `value`: shown from its sweep at once, if it has one (true), or left
  // to the page's run (false: the lever streams the value as before sweeps existed).
  store.drive = (lever, value, dragging) => {
    const sweep = store.fitting(lever);
    if (!sweep || sweep.grid.indexOf(value) < 0) return false;
    store.point = { lever, value, seq: null };
    store.dragging = dragging ? lever : null;
    store.schedule();
    return true;
  };
  // The lever let go: the page takes the value as step `seq`; the point stays shown until
  // the page's run for it has arrived (then the page's own numbers are the same).
  store.released = (lever, seq) => {
    store.dragging = null;
    if (store.point && store.point.lever === lever) {
      if (seq === null) store.point = null;
      else store.point.seq = seq;
    }
    store.schedule();
  };
  store.setNow = (now) => {
    store.now = now;
    const point = store.point;
    if (point && store.dragging !== point.lever) {
      const taken = (now.acks || {})[point.lever] ?? 0;
      if (point.seq !== null && taken >= point.seq) store.point = null;
    }
    if (store.modeSent !== null && now.mode === store.modeSent) store.modeSent = null;
    if (store.modeSent === null) store.mode = now.mode;
    store.schedule();
  };
  store.setMode = (mode, view) => {
    if (mode === store.mode) return;
    store.mode = mode;
    store.modeSent = mode;
    store.schedule();
    if (view && view.send) view.send("mode", mode);
  };
  // What is shown: the point under a lever's thumb, or the page's current scenario.
  store.shown = (rules) => {
    const now = store.now;
    const point = store.point;
    const sweep = point ? store.fitting(point.lever) : null;
    if (!sweep) return { frame: frameAt(now, null, 0, rules), ahead: false };
    const index = sweep.grid.indexOf(point.value);
    if (index < 0) return { frame: frameAt(now, null, 0, rules), ahead: false };
    const ahead = now.values[point.lever] !== point.value;
    return { frame: frameAt(now, sweep, index, rules), ahead };
  };
  if (store.now) store.setNow(store.now);
  return store;
}

// --- Vega, loaded once from the app ------------------------------------------------------

let vegaLoading = null;

function loadVega(path) {
  if (window.vega) return Promise.resolve(window.vega);
  if (!vegaLoading) {
    vegaLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(path, document.baseURI).href;
      script.async = true;
      script.onload = () => resolve(window.vega);
      script.onerror = () => {
        vegaLoading = null;
        reject(new Error(`Vega did not load from ${path}`));
      };
      document.head.appendChild(script);
    });
  }
  return vegaLoading;
}

// Vega's expression interpreter (npm vega-interpreter, served unchanged beside Vega): Vega
// compiles its expressions with the Function constructor, which the page's script policy
// forbids (no 'unsafe-eval'); the interpreter evaluates them without it. The file is an ES
// module importing three helpers from vega-util, which the Vega bundle already exports: the
// import line is pointed at the loaded bundle and the module imported from a blob: address.
let interpreterLoading = null;

function loadInterpreter(vega, path) {
  // No path: the offline briefing, whose file holds the interpreter inline (it sets
  // window.ikmExpressionInterpreter); without either, Vega compiles its expressions.
  if (!path) return Promise.resolve({ vega, expr: window.ikmExpressionInterpreter || null });
  if (!interpreterLoading) {
    interpreterLoading = fetch(new URL(path, document.baseURI).href)
      .then((response) => {
        if (!response.ok) throw new Error(`the expression interpreter did not load from ${path}`);
        return response.text();
      })
      .then((code) => {
        const source = code
          .replace(/^import \{([^}]*)\} from 'vega-util';$/m, "const {$1} = window.vega;")
          .replace(/^\/\/# sourceMappingURL=.*$/m, "");
        const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
        return import(url).then((module) => {
          URL.revokeObjectURL(url);
          return { vega, expr: module.expressionInterpreter };
        });
      })
      .catch((error) => {
        interpreterLoading = null;
        throw error;
      });
  }
  return interpreterLoading;
}

// --- one view: its cards, sentence, mode switch and charts --------------------------------

function setUp(root) {
  const view = { send: null, config: null, cards: [], charts: [], destroyed: false };
  const cardsTop = root.querySelector(".ikm-cards.first");
  const cardsRest = root.querySelector(".ikm-cards.rest");
  const sentence = root.querySelector(".ikm-sentence");
  const modes = root.querySelector(".ikm-modes");
  const grid = root.querySelector(".ikm-charts");
  const tip = document.createElement("div");
  tip.className = "ikm-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  root.appendChild(tip);
  let signature = "";

  view.configure = (config) => {
    const next = JSON.stringify([config.part, config.lang, config.cards, config.charts.map((c) => c.id), config.layout]);
    view.config = config;
    if (next === signature) return;
    signature = next;
    root.dataset.part = config.part;
    root.lang = config.lang;
    buildCards(config);
    buildModes(config);
    buildCharts(config);
  };

  function buildCards(config) {
    view.cards = [];
    for (const place of [cardsTop, cardsRest]) place.replaceChildren();
    config.cards.forEach((recipe, i) => {
      const card = makeCard(recipe, config);
      (i < config.split ? cardsTop : cardsRest).appendChild(card.el);
      view.cards.push(card);
    });
    cardsTop.hidden = !config.cards.length;
    cardsRest.hidden = config.cards.length <= config.split;
    sentence.hidden = !config.sentence;
  }

  function makeCard(recipe, config) {
    const el = document.createElement("div");
    el.className = "ikm-card";
    el.setAttribute("role", "group");
    el.dataset.key = recipe.key;
    const head = document.createElement("div");
    head.className = "ikm-card-head";
    const label = document.createElement("span");
    label.className = "ikm-card-label";
    label.id = `ikm-${config.part}-${recipe.key}`;
    el.setAttribute("aria-labelledby", label.id);
    const help = document.createElement("button");
    help.type = "button";
    help.className = "ikm-help";
    help.textContent = "?";
    help.setAttribute("aria-expanded", "false");
    const helpText = document.createElement("p");
    helpText.className = "ikm-card-helptext";
    helpText.hidden = true;
    help.addEventListener("click", () => {
      helpText.hidden = !helpText.hidden;
      help.setAttribute("aria-expanded", String(!helpText.hidden));
    });
    head.append(label, help);
    const value = document.createElement("div");
    value.className = "ikm-card-value";
    // The change; its arrow is drawn by the style sheet (not read out: the sign says it).
    const delta = document.createElement("div");
    delta.className = "ikm-card-delta";
    const total = document.createElement("div");
    total.className = "ikm-card-total";
    el.append(head, helpText, value, delta, total);
    const shown = {};
    const set = (node, key, text) => {
      if (shown[key] !== text) {
        shown[key] = text;
        node.textContent = text;
      }
    };
    return {
      el,
      recipe,
      paint(texts) {
        set(label, "label", texts.label);
        set(value, "value", texts.value);
        set(helpText, "help", texts.help);
        const name = fill(config.texts.help, { label: texts.label });
        if (shown.helpName !== name) {
          shown.helpName = name;
          help.setAttribute("aria-label", name);
          help.title = name;
        }
        const down = texts.delta.startsWith("-");
        let tone = "off";
        if (texts.changed && texts.colour !== "off") {
          tone = (texts.colour === "inverse") !== down ? "bad" : "good";
        }
        const kind = texts.changed ? `${tone} ${down ? "down" : "up"}` : "caption";
        if (shown.kind !== kind) {
          shown.kind = kind;
          delta.className = `ikm-card-delta ${kind}`;
        }
        set(delta, "delta", texts.changed ? texts.delta : texts.caption);
        set(total, "total", texts.total);
        if (total.hidden !== !texts.total) total.hidden = !texts.total;
      },
    };
  }

  function buildModes(config) {
    modes.replaceChildren();
    modeShown = null; // new buttons (another language): paint them, whatever the mode
    modes.hidden = !config.modes.length;
    if (!config.modes.length) return;
    modes.setAttribute("role", "radiogroup");
    modes.setAttribute("aria-label", config.texts.modes);
    const title = document.createElement("span");
    title.className = "ikm-modes-title";
    title.textContent = config.texts.modes;
    title.setAttribute("aria-hidden", "true");
    modes.appendChild(title);
    for (const { code, label } of config.modes) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.mode = code;
      button.setAttribute("role", "radio");
      button.textContent = label;
      button.addEventListener("click", () => shared().setMode(code, view));
      modes.appendChild(button);
    }
    // Arrow keys move between the choices, as in a radio group.
    modes.addEventListener("keydown", (event) => {
      const buttons = [...modes.querySelectorAll("button")];
      const at = buttons.indexOf(document.activeElement);
      if (at < 0 || !["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(event.key)) return;
      event.preventDefault();
      event.stopPropagation();
      const step = event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 1;
      const next = buttons[(at + step + buttons.length) % buttons.length];
      next.focus();
      next.click();
    });
  }

  let modeShown = null;
  function paintModes(mode) {
    if (mode === modeShown) return; // touching nothing: the page watches this subtree
    modeShown = mode;
    for (const button of modes.querySelectorAll("button")) {
      const on = button.dataset.mode === mode;
      button.setAttribute("aria-checked", String(on));
      button.tabIndex = on ? 0 : -1;
    }
  }

  function buildCharts(config) {
    for (const chart of view.charts) chart.destroy();
    grid.replaceChildren();
    view.charts = config.charts.map((chart) => makeChart(chart, config));
  }

  function makeChart(chart, config) {
    const el = document.createElement("div");
    el.className = `ikm-chart${chart.wide ? " wide" : ""}`;
    el.dataset.chart = chart.id;
    el.setAttribute("role", "figure");
    el.setAttribute("aria-label", chart.label);
    const holder = document.createElement("div");
    holder.className = "ikm-vega";
    holder.setAttribute("aria-hidden", "true");
    // The chart's numbers for a screen reader: its summary (the text alternative the
    // server's chart carries in its summary data), in the page language.
    const summary = document.createElement("p");
    summary.className = "ikm-summary";
    el.append(holder, summary);
    grid.appendChild(el);
    const state = { vega: null, pushed: {}, mode: null, height: null, gone: false };
    const pending = loadVega(config.vega).then((vega) => loadInterpreter(vega, config.interpreter)).then(({ vega, expr }) => {
      if (state.gone) return;
      const runtime = expr ? vega.parse(chart.spec, null, { ast: true }) : vega.parse(chart.spec);
      // Canvas: about twice as fast as SVG while dragged (measured); what a screen reader
      // needs is the summary beside it.
      const options = { renderer: "canvas", container: holder, hover: true };
      if (expr) options.expr = expr;
      state.vega = new vega.View(runtime, options);
      el.vegaView = state.vega; // for tests and tools: the drawn scene can be read from it
      state.vega.tooltip((handler, event, item, value) => tooltip(event, value));
      shared().schedule();
    });
    pending.catch(() => {
      el.classList.add("failed");
      el.textContent = config.texts.failed;
    });
    // Synchronous: every chart of a frame is drawn in the same task (the page's observers
    // of the tab panel then look once a frame, not once a chart).
    function draw(frame, staticSets, mode, height) {
      if (!state.vega) return;
      const changes = [];
      for (const [name, recipe] of Object.entries(chart.recipe)) {
        const data = rows(recipe, frame);
        const text = JSON.stringify(data);
        if (state.pushed[name] !== text) changes.push([name, data, text]);
        if (name === "summary" && data.length && summary.textContent !== data[0].text) {
          summary.textContent = data[0].text;
        }
      }
      for (const [name, data] of Object.entries(staticSets || {})) {
        const text = JSON.stringify(data);
        if (state.pushed[name] !== text) changes.push([name, data, text]);
      }
      const modeChange = chart.modes && mode && state.mode !== mode;
      const heightChange = height && state.height !== height;
      if (!changes.length && !modeChange && !heightChange) return;
      for (const [name, data, text] of changes) {
        state.vega.data(name, data);
        state.pushed[name] = text;
      }
      if (modeChange) {
        state.vega.signal("mode", mode);
        state.mode = mode;
      }
      if (heightChange) {
        state.vega.height(height);
        state.height = height;
      }
      state.vega.run();
      el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
    }
    return {
      el,
      draw,
      destroy() {
        state.gone = true;
        if (state.vega) state.vega.finalize();
      },
    };
  }

  function tooltip(event, value) {
    if (value === null || value === undefined || value === "") {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren();
    const entries = typeof value === "object" ? Object.entries(value) : [["", String(value)]];
    for (const [key, text] of entries) {
      const line = document.createElement("div");
      if (key) {
        const k = document.createElement("span");
        k.className = "key";
        k.textContent = `${key}: `;
        line.appendChild(k);
      }
      line.appendChild(document.createTextNode(String(text)));
      tip.appendChild(line);
    }
    tip.hidden = false;
    const box = root.getBoundingClientRect();
    const x = Math.min(event.clientX - box.left + 12, box.width - tip.offsetWidth - 4);
    tip.style.left = `${Math.max(0, x)}px`;
    tip.style.top = `${event.clientY - box.top + 14}px`;
  }

  // The plot height that fills the window below where this view's charts row begins (the
  // cards and the sentence above it change with the text), between room.min and room.max;
  // room.below is what the chart's title, axis, legend and the page's footer take [px].
  function roomHeight() {
    const room = view.config.room;
    if (!room) return null;
    const top = grid.getBoundingClientRect().top + window.scrollY;
    const height = Math.floor(window.innerHeight - top - room.below);
    return Math.min(room.max, Math.max(room.min, height));
  }

  view.render = () => {
    const store = shared();
    const config = view.config;
    if (!config || !store.now || view.destroyed) return;
    const { frame, ahead } = store.shown(config.rules);
    for (const card of view.cards) {
      const texts = {};
      for (const [key, e] of Object.entries(card.recipe)) {
        if (key !== "key") texts[key] = evaluate(e, frame);
      }
      card.paint(texts);
    }
    // Only what changed is touched (the page watches these parts for changes).
    if (config.sentence) {
      if (sentence.textContent !== store.now.sentence) sentence.textContent = store.now.sentence;
      if (sentence.classList.contains("ahead") !== ahead) {
        sentence.classList.toggle("ahead", ahead);
        sentence.setAttribute("aria-busy", String(ahead));
      }
    }
    if (config.modes.length) paintModes(store.mode);
    const height = roomHeight();
    for (const chart of view.charts) {
      chart.draw(frame, (store.now.datasets || {})[chart.el.dataset.chart], store.mode, height);
    }
    const shownNow = ahead ? "ahead" : "page";
    if (root.dataset.shown !== shownNow) root.dataset.shown = shownNow;
  };

  view.destroy = () => {
    view.destroyed = true;
    for (const chart of view.charts) chart.destroy();
  };

  window.addEventListener("resize", () => {
    if (view.config && view.config.room) shared().schedule();
  });
  return view;
}
