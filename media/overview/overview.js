// The overview page's only script (loaded by nonce). The extension builds the page and sends it;
// this shows it, keeps it with setState for a reload, and posts back what the user clicked.
// Every control is a <button>, so Tab and Enter reach everything a mouse does.
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('overview');

  /** Replaces the page, keeping keyboard focus on the same control when it is still there. */
  function show(html) {
    const active = document.activeElement;
    const focusKey = active && active.dataset ? `${active.dataset.action || ''}|${active.dataset.value || ''}` : undefined;
    main.innerHTML = html;
    main.setAttribute('aria-busy', 'false');
    if (focusKey && focusKey !== '|') {
      for (const button of main.querySelectorAll('button[data-action]')) {
        if (`${button.dataset.action}|${button.dataset.value || ''}` === focusKey) {
          button.focus();
          break;
        }
      }
    }
  }

  const saved = vscode.getState();
  if (saved && typeof saved.html === 'string') show(saved.html);

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    show(message.html);
    vscode.setState({ ...(message.state || {}), html: message.html });
  });

  main.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const button = target.closest('button[data-action]');
    if (button) {
      vscode.postMessage({ type: button.dataset.action, value: button.dataset.value });
      return;
    }
    // The charts are pictures for assistive technology (their tables carry the same controls);
    // for a mouse, a month's bar and a criterion's row are clickable too.
    const month = target.closest('[data-month]');
    if (month) {
      vscode.postMessage({ type: 'filterMonth', value: month.getAttribute('data-month') });
      return;
    }
    const criterion = target.closest('[data-criterion]');
    if (criterion) vscode.postMessage({ type: 'revealCriterion', value: criterion.getAttribute('data-criterion') });
  });

  vscode.postMessage({ type: 'ready' });
})();
