// The page's own notice for a lost connection, in the page's language, in place of
// Streamlit's English developer dialog ("Connection error ... streamlit run yourscript.py").
// While the connection is down Streamlit shows its connection status in the header
// (`stConnectionStatus`); this shows the notice for as long as that is there, hides the
// status word and closes the dialog Streamlit opens meanwhile (any dialog that opens while
// the connection is down is that one). The notice sits on <body>, outside the page's
// elements, so it stays readable whatever Streamlit does to them. Its words come in `data`
// from the page's translation table and are set as text, never as markup. Static code.
const STATUS = "[data-testid='stConnectionStatus']";
const DIALOG = "[data-testid='stDialog']";

export default function ({ data, parentElement }) {
  // The element itself shows nothing: out of the layout, it takes no gap between the
  // page's parts (the presentation fits a window to the pixel).
  const root = parentElement && parentElement.getRootNode();
  const host = root && root.host ? root.host : parentElement;
  const own = host && host.closest("[class*='st-key-connection_notice']");
  if (own) own.style.display = "none";
  const notice = window.__ikmConnection || (window.__ikmConnection = setUp());
  notice.use(data || {});
}

function setUp() {
  const box = document.createElement("div");
  box.id = "ikm-connection";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "assertive");
  box.hidden = true;
  Object.assign(box.style, {
    position: "fixed",
    top: "0.75rem",
    left: "0.75rem",
    right: "0.75rem",
    margin: "0 auto",
    width: "fit-content",
    zIndex: "1000100",
    maxWidth: "34rem",
    boxSizing: "border-box",
    padding: "0.8rem 1.1rem",
    borderRadius: "0.5rem",
    border: "2px solid #8A5A00",
    background: "#FFF8E6",
    color: "#1A1A1A",
    boxShadow: "0 4px 16px rgba(0, 0, 0, 0.25)",
    fontFamily: "inherit",
    fontSize: "1rem",
    lineHeight: "1.4",
  });
  const title = document.createElement("strong");
  title.style.display = "block";
  const body = document.createElement("span");
  box.append(title, body);
  document.body.append(box);

  function check() {
    const status = document.querySelector(STATUS);
    const down = !!status;
    if (status) status.style.visibility = "hidden"; // its word is English; the notice says it
    if (down) {
      for (const dialog of document.querySelectorAll(DIALOG)) {
        dialog.style.display = "none";
        const close = dialog.querySelector("button[aria-label]");
        // Dismissed, Streamlit does not open it again until the connection is back.
        if (close && !dialog.dataset.ikmClosed) {
          dialog.dataset.ikmClosed = "1";
          close.click();
        }
      }
    }
    if (box.hidden === down) box.hidden = !down;
  }

  new MutationObserver(check).observe(document.body, { subtree: true, childList: true });
  return {
    use(data) {
      title.textContent = data.title || "";
      body.textContent = data.body || "";
      box.lang = data.lang || "";
      check();
    },
  };
}
