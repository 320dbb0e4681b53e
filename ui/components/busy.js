// While a download is being made (Streamlit disables its button and puts a small spinner
// in it), a line in the page's language says so, so a briefing that takes a few seconds
// does not look stuck. The words come in `data` from the page's translation table and are
// set as text, never as markup. Static code.
const BUSY = "[data-testid='stDownloadButton'] button:disabled [data-testid='stSpinnerIcon']";
const SHOW_AFTER_MS = 300; // a quick file shows no line at all

export default function ({ data, parentElement }) {
  const root = parentElement && parentElement.getRootNode();
  const host = root && root.host ? root.host : parentElement;
  const own = host && host.closest("[class*='st-key-download_busy']");
  if (own) own.style.display = "none"; // shows nothing in its place
  const line = window.__ikmBusy || (window.__ikmBusy = setUp());
  line.use(data || {});
}

function setUp() {
  const box = document.createElement("div");
  box.id = "ikm-download-busy";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  box.hidden = true;
  Object.assign(box.style, {
    position: "fixed",
    bottom: "1rem",
    left: "0.75rem",
    right: "0.75rem",
    margin: "0 auto",
    width: "fit-content",
    maxWidth: "30rem",
    zIndex: "1000090",
    padding: "0.6rem 1rem",
    borderRadius: "0.5rem",
    background: "#00538A",
    color: "#FFFFFF",
    boxShadow: "0 4px 16px rgba(0, 0, 0, 0.25)",
    fontFamily: "inherit",
    fontSize: "1rem",
    lineHeight: "1.4",
  });
  document.body.append(box);
  let timer = null;
  let text = "";

  function check() {
    const busy = !!document.querySelector(BUSY);
    if (busy && box.hidden && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        if (document.querySelector(BUSY)) {
          box.textContent = text;
          box.hidden = false;
        }
      }, SHOW_AFTER_MS);
    } else if (!busy) {
      clearTimeout(timer);
      timer = null;
      box.hidden = true;
    }
  }

  new MutationObserver(check).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["disabled"],
  });
  return {
    use(data) {
      text = data.text || "";
      box.lang = data.lang || "";
      if (!box.hidden) box.textContent = text;
      check();
    },
  };
}
