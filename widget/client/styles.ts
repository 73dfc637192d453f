/**
 * Widget CSS, scoped by the shadow root. Host pages theme it with CSS variables
 * set on `#parley-widget` (custom properties cross the shadow boundary), e.g.
 * `#parley-widget { --parley-accent: #0a7d38; }`.
 */
export const styles = `
:host { all: initial; }
.parley {
  --accent: var(--parley-accent, #3b5bdb);
  --accent-fg: var(--parley-accent-fg, #fff);
  --bg: var(--parley-bg, #fff);
  --fg: var(--parley-fg, #1f2328);
  --muted: var(--parley-muted, #5f6b7a);
  --bubble: var(--parley-bubble, #f1f3f5);
  --radius: var(--parley-radius, 14px);
  --font: var(--parley-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --z: var(--parley-z-index, 2147483000);
  position: fixed; right: var(--parley-offset, 20px); bottom: var(--parley-offset, 20px); z-index: var(--z);
  font: 14px/1.45 var(--font); color: var(--fg);
  display: flex; flex-direction: column; align-items: flex-end; gap: 12px;
}
*, *::before, *::after { box-sizing: border-box; }
button { font: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.launcher {
  position: relative; width: 58px; height: 58px; border-radius: 50%; border: 0;
  background: var(--accent); color: var(--accent-fg); display: grid; place-items: center;
  box-shadow: 0 6px 20px rgba(0,0,0,.22);
}
.badge {
  position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;
  background: #e03131; color: #fff; font-size: 12px; line-height: 20px; text-align: center;
}
.panel {
  width: min(370px, calc(100vw - 24px)); height: min(580px, calc(100vh - 110px));
  background: var(--bg); border-radius: var(--radius); box-shadow: 0 12px 40px rgba(0,0,0,.25);
  display: flex; flex-direction: column; overflow: hidden;
}
.header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: var(--accent); color: var(--accent-fg); }
.titles { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 600; }
.status { margin: 2px 0 0; font-size: 12px; opacity: .9; }
.ghost { background: transparent; color: inherit; border: 1px solid currentColor; border-radius: 999px; padding: 4px 10px; font-size: 12px; }
.icon { background: transparent; color: inherit; border: 0; font-size: 24px; line-height: 1; padding: 0 4px; }
.banner, .notice { margin: 0; padding: 8px 14px; font-size: 12px; background: #fff3bf; color: #5c4700; }
.notice { background: #ffe3e3; color: #7d1a1a; }
.scroller { flex: 1; overflow-y: auto; padding: 12px 14px; }
.messages { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; display: flex; flex-direction: column; }
.msg .who { font-size: 11px; color: var(--muted); margin: 0 4px 2px; }
.msg .text { margin: 0; padding: 8px 12px; border-radius: var(--radius); background: var(--bubble); white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.customer { align-self: flex-end; align-items: flex-end; }
.msg.customer .text { background: var(--accent); color: var(--accent-fg); }
.msg.system { align-self: center; max-width: 100%; }
.msg.system .text { background: transparent; color: var(--muted); font-size: 12px; padding: 2px; text-align: center; }
.delivery { font-size: 11px; color: var(--muted); margin: 2px 4px 0; }
.link { background: none; border: 0; color: var(--accent); text-decoration: underline; padding: 0 0 0 4px; font-size: 11px; }
.end { height: 1px; }
.typing { margin: 8px 0 0; }
.dots { display: inline-flex; gap: 4px; padding: 10px 12px; border-radius: var(--radius); background: var(--bubble); }
.dots i { width: 6px; height: 6px; border-radius: 50%; background: var(--muted); animation: blink 1.2s infinite; }
.dots i:nth-child(2) { animation-delay: .2s; } .dots i:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .dots i { animation: none; } }
.suggestions { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 14px 8px; }
.chip { border: 1px solid var(--accent); color: var(--accent); background: var(--bg); border-radius: 999px; padding: 4px 10px; font-size: 13px; }
.csat { padding: 10px 14px; border-top: 1px solid var(--bubble); display: flex; flex-direction: column; gap: 6px; margin: 0; }
.csat-q { margin: 0; font-weight: 600; }
.stars { display: flex; gap: 4px; }
.star { background: none; border: 0; font-size: 26px; line-height: 1; color: #ced4da; padding: 0 2px; }
.star.on { color: #f59f00; }
.primary { align-self: flex-start; background: var(--accent); color: var(--accent-fg); border: 0; border-radius: 8px; padding: 6px 12px; }
.composer { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--bubble); align-items: flex-end; }
textarea { flex: 1; resize: none; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid #ced4da; border-radius: 10px; padding: 8px 10px; max-height: 120px; }
.send { border: 0; border-radius: 50%; width: 38px; height: 38px; background: var(--accent); color: var(--accent-fg); display: grid; place-items: center; }
.send:disabled { opacity: .45; cursor: default; }
`;
