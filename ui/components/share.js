// Copy and share buttons for the scenario's link. Everything shown comes from `data` and is
// set as text (never as markup). The Web Share API opens the phone's share sheet where the
// browser offers it; elsewhere the share button copies, as the copy button does.
export default function ({ data, parentElement }) {
  const root = parentElement.querySelector(".ikm-share");
  const copy = root.querySelector("button.copy");
  const share = root.querySelector("button.share");
  const status = root.querySelector(".status");
  copy.textContent = data.copyLabel;
  share.textContent = data.shareLabel;
  const canShare = typeof navigator.share === "function";
  share.hidden = !canShare;

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(data.link);
      status.textContent = data.copiedLabel;
    } catch (error) {
      // No clipboard (an insecure page or a refused permission): select the text instead.
      status.textContent = data.failedLabel;
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
