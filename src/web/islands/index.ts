// Island loader: every element with data-module="name" gets its module started once. One island's failure never
// breaks the page (govuk-frontend's pattern). Islands find their elements through data-js-* hooks.
import { share } from './share.js';
import { geolocate } from './geolocate.js';

type Island = (root: HTMLElement) => void;

const islands: Record<string, Island> = {
  share,
  geolocate,
  /** Confirms destructive actions before a form is sent (works without JS: the server asks again). */
  confirm(root) {
    root.addEventListener('submit', (e) => {
      const message = root.getAttribute('data-confirm') ?? '';
      if (message && !window.confirm(message)) e.preventDefault();
    });
  },
  /** Filters a list as the user types (the server-side search still works without JS). */
  'live-filter'(root) {
    const input = root.querySelector<HTMLInputElement>('[data-js-filter-input]');
    const items = Array.from(root.querySelectorAll<HTMLElement>('[data-js-filter-item]'));
    if (!input) return;
    input.addEventListener('input', () => {
      const q = input.value.trim().toLocaleLowerCase();
      for (const item of items) item.hidden = q !== '' && !(item.textContent ?? '').toLocaleLowerCase().includes(q);
    });
  },
};

function start(): void {
  document.querySelectorAll<HTMLElement>('[data-module]').forEach((el) => {
    if (el.dataset.moduleStarted) return;
    el.dataset.moduleStarted = '1';
    for (const name of (el.dataset.module ?? '').split(/\s+/)) {
      try {
        islands[name]?.(el);
      } catch (err) {
        console.error(`island ${name} failed`, err);
      }
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
