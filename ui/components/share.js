// Copy and share buttons for the scenario's link. Everything shown comes from `data` and is
// set as text or as an attribute's value (never as markup). The Web Share API opens the
// phone's share sheet where the browser offers it. On a plain-http intranet page the
// browser offers neither the clipboard nor the share sheet (they need a secure context):
// the copy button then shows the link in a selected text field and copies it the older
// way, and a WhatsApp link (wa.me, the text and link URL-encoded) is always offered where
// there is no share sheet. Static code.
const WHATSAPP = "https://wa.me/?text=";

export default function ({ data, parentElement }) {
  const root = parentElement.querySelector(".ikm-share");
  const copy = root.querySelector("button.copy");
  const share = root.querySelector("button.share");
  const whatsapp = root.querySelector("a.whatsapp");
  const field = root.querySelector("input.field");
  const status = root.querySelector(".status");
  copy.textContent = data.copyLabel;
  share.textContent = data.shareLabel;
  whatsapp.textContent = data.whatsappLabel;
  field.value = data.link;
  field.setAttribute("aria-label", data.fieldLabel);
  const canShare = window.isSecureContext && typeof navigator.share === "function";
  share.hidden = !canShare;
  // The link and words travel as one URL-encoded parameter of a fixed address.
  whatsapp.href = WHATSAPP + encodeURIComponent(`${data.text} ${data.link}`);
  whatsapp.hidden = canShare;

  function copyFromField() {
    field.hidden = false;
    field.focus();
    field.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    status.textContent = copied ? data.copiedLabel : data.failedLabel;
  }

  async function copyLink() {
    if (!window.isSecureContext || !navigator.clipboard) {
      copyFromField();
      return;
    }
    try {
      await navigator.clipboard.writeText(data.link);
      status.textContent = data.copiedLabel;
    } catch (error) {
      // A refused permission: the link in a selected field instead.
      copyFromField();
    }
  }
  copy.onclick = copyLink;
  share.onclick = async () => {
    try {
      await navigator.share({ title: data.title, text: data.text, url: data.link });
    } catch (error) {
      if (error && error.name !== "AbortError") await copyLink();
    }
  };
}
