// Share island of guide pages: "copy link" and, where the phone offers it, the system share sheet. Without
// JavaScript the page shows the link itself, which can be long-pressed or copied by hand.

/** Starts the share buttons inside `root` (a `data-module="share"` element). */
export function share(root: HTMLElement): void {
  const link = root.querySelector<HTMLAnchorElement>('[data-js-share-link]');
  const actions = root.querySelector<HTMLElement>('[data-js-share-actions]');
  const copy = root.querySelector<HTMLButtonElement>('[data-js-share-copy]');
  const native = root.querySelector<HTMLButtonElement>('[data-js-share-native]');
  const status = root.querySelector<HTMLElement>('[data-js-share-status]');
  if (!link || !actions) return;
  const url = link.href;
  let shown = false;
  if (copy && navigator.clipboard && window.isSecureContext) {
    shown = true;
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(url).then(
        () => {
          if (status) status.textContent = copy.dataset.done ?? '';
        },
        () => undefined,
      );
    });
  } else if (copy) {
    copy.hidden = true;
  }
  if (native && typeof navigator.share === 'function') {
    shown = true;
    native.hidden = false;
    native.addEventListener('click', () => {
      navigator.share({ title: root.dataset.shareTitle ?? document.title, url }).catch(() => undefined);
    });
  }
  actions.hidden = !shown;
}
