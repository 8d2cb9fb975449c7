/** The fake payment sheet's look: Google's sheet, light or dark like the page's colour scheme. */
export const SHEET_CSS = `
:host { all: initial; }
.scrim { position: fixed; inset: 0; z-index: 2147483646; background: rgba(32,33,36,.6); }
.sheet {
  --bg: #fff; --fg: #202124; --muted: #5f6368; --line: #dadce0; --hover: #f1f3f4; --accent: #1a73e8; --accent-fg: #fff;
  --selected: #e8f0fe; --error-bg: #fce8e6; --error: #c5221f; --good: #188038;
  position: fixed; z-index: 2147483647; left: 50%; top: 50%; transform: translate(-50%, -50%);
  width: min(420px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto; box-sizing: border-box;
  background: var(--bg); color: var(--fg); border-radius: 8px; box-shadow: 0 4px 24px rgba(0,0,0,.3);
  font: 400 14px/1.45 'Google Sans', Roboto, system-ui, -apple-system, sans-serif;
}
.sheet.dark {
  --bg: #202124; --fg: #e8eaed; --muted: #bdc1c6; --line: #5f6368; --hover: #2d2e31; --accent: #8ab4f8; --accent-fg: #202124;
  --selected: #394457; --error-bg: #5c2b29; --error: #f6aea9; --good: #81c995;
}
@media (max-width: 600px) {
  .sheet { left: 0; right: 0; top: auto; bottom: 0; transform: none; width: 100%; max-height: 90vh; border-radius: 16px 16px 0 0; }
}
.head { display: flex; align-items: center; gap: 8px; padding: 12px 12px 12px 20px; border-bottom: 1px solid var(--line); }
.mark { display: inline-flex; align-items: center; gap: 4px; font-size: 20px; font-weight: 500; color: var(--muted); }
.account { margin-left: auto; display: inline-flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; min-width: 0; }
.account span:last-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.avatar { flex: none; width: 28px; height: 28px; border-radius: 50%; background: #7b1fa2; color: #fff; display: grid; place-items: center; font-weight: 500; }
.close { flex: none; width: 40px; height: 40px; border: 0; border-radius: 50%; background: transparent; color: var(--muted); font: 400 24px/1 inherit; cursor: pointer; }
.close:hover { background: var(--hover); }
.merchant { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; padding: 16px 20px; }
.merchant h2 { margin: 0; font-size: 16px; font-weight: 500; }
.total { text-align: right; }
.total small { display: block; color: var(--muted); font-size: 12px; }
.total strong { font-size: 20px; font-weight: 500; }
fieldset { border: 0; margin: 0; padding: 0 12px; }
legend { padding: 0 8px 8px; color: var(--muted); font-size: 12px; font-weight: 500; text-transform: uppercase; letter-spacing: .5px; }
.card { display: flex; align-items: center; gap: 12px; padding: 10px 8px; border-radius: 8px; cursor: pointer; }
.card:hover { background: var(--hover); }
.card:has(input:checked) { background: var(--selected); }
.card input { margin: 0; accent-color: var(--accent); width: 18px; height: 18px; }
.card input:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.brand { flex: none; width: 44px; height: 28px; border-radius: 4px; border: 1px solid var(--line); background: #fff; display: grid; place-items: center; font: italic 800 12px/1 Arial, sans-serif; color: #1a1f71; }
.brand.mastercard::before { content: ''; width: 26px; height: 16px; background: radial-gradient(circle at 8px 8px, #eb001b 7.5px, transparent 8px), radial-gradient(circle at 18px 8px, #f79e1b 7.5px, transparent 8px); }
.text { display: grid; min-width: 0; }
.hint { color: var(--muted); font-size: 12px; }
.error { margin: 8px 20px 0; padding: 10px 12px; border-radius: 8px; background: var(--error-bg); color: var(--error); }
.footer { padding: 16px 20px 8px; }
.pay { width: 100%; min-height: 44px; border: 0; border-radius: 22px; background: var(--accent); color: var(--accent-fg); font: 500 15px/1 inherit; cursor: pointer; }
.pay:disabled { opacity: .5; cursor: default; }
.pay:focus-visible, .close:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.progress:empty { display: none; }
.progress { display: flex; align-items: center; justify-content: center; gap: 10px; min-height: 44px; color: var(--muted); }
.spinner { width: 22px; height: 22px; border-radius: 50%; border: 3px solid var(--line); border-top-color: var(--accent); animation: spin .9s linear infinite; }
.done { color: var(--good); font-weight: 500; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } }
.fine { margin: 0; padding: 4px 20px 14px; color: var(--muted); font-size: 11px; text-align: center; }
[hidden] { display: none !important; }
`;
