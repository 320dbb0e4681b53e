// The names a screen reader hears for Streamlit's and Vega's own parts, in the page's
// language. Streamlit and Vega name some of their controls in fixed English ("Help for …",
// "Open", "Collapse sidebar", "visualization"); on the Indonesian page this swaps each such
// name for the page's word (or drops a role description that says nothing), and keeps the
// original so that the English page gets it back. Names the page gives itself are never
// touched. Static code: the words come in `data` from the page's own table, and are set as
// attribute text, never as markup.
const ATTRIBUTES = ["aria-label", "aria-roledescription", "title"];
const KEPT = "ikmName"; // dataset prefix of an original name and of the name set here

export default function ({ data }) {
  const names = window.__ikmNames || (window.__ikmNames = setUp());
  names.use(data || {});
}

function setUp() {
  let exact = new Map(); // English name -> page word ("" drops the attribute)
  let prefixes = []; // [English start, page start]

  const key = (attr, what) => KEPT + what + attr.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());

  function rename(attr, original) {
    if (exact.has(original)) return exact.get(original);
    for (const [from, to] of prefixes) {
      if (original.startsWith(from)) return to + original.slice(from.length);
    }
    return null; // not one of theirs: left as it is
  }

  function fix(el, attr) {
    const now = el.getAttribute(attr);
    const set = el.dataset[key(attr, "Set")];
    // A name written here is ours; anything else is the page's latest (keep it as original).
    const original = now !== null && now === set ? el.dataset[key(attr, "Was")] : now;
    if (original === null || original === undefined) return;
    const word = rename(attr, original);
    if (word === null) {
      if (now !== original) el.setAttribute(attr, original);
      delete el.dataset[key(attr, "Was")];
      delete el.dataset[key(attr, "Set")];
      return;
    }
    el.dataset[key(attr, "Was")] = original;
    el.dataset[key(attr, "Set")] = word;
    if (now !== word) el.setAttribute(attr, word); // "" : a role description that says nothing
  }

  function fixTree(root) {
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    for (const attr of ATTRIBUTES) {
      if (root.hasAttribute(attr)) fix(root, attr);
      for (const el of root.querySelectorAll(`[${attr}]`)) fix(el, attr);
    }
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes") fix(record.target, record.attributeName);
      else for (const node of record.addedNodes) fixTree(node);
    }
  });

  return {
    use(data) {
      exact = new Map(Object.entries(data.exact || {}));
      prefixes = Object.entries(data.prefixes || {});
      observer.disconnect();
      fixTree(document.body);
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ATTRIBUTES,
      });
    },
  };
}
