export interface DemoPageOptions {
  /** Where the page loads the widget from (default `/widget.js`, same origin). */
  scriptSrc?: string;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * GET `/`: a fictional shop that embeds the widget with the one-line snippet.
 * No inline script, so it works under the server's Content-Security-Policy.
 */
export function demoPageHtml(opts: DemoPageOptions = {}): string {
  const src = escapeAttr(opts.scriptSrc ?? '/widget.js');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley Demo Store</title>
<style>
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #222; background: #faf7f2; }
  header { background: #2b2d42; color: #fff; padding: 18px 32px; }
  header h1 { margin: 0; font-size: 26px; }
  main { max-width: 860px; margin: 0 auto; padding: 24px 32px 80px; }
  .products { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 16px; margin: 20px 0; }
  .product { background: #fff; border: 1px solid #e5e0d8; border-radius: 10px; padding: 16px; }
  .product b { display: block; font-size: 18px; }
  .try { background: #fff; border-left: 4px solid #3b5bdb; padding: 12px 18px; }
  code { background: #eee; padding: 1px 5px; border-radius: 4px; }
  button.open-chat { font: inherit; padding: 8px 14px; border-radius: 8px; border: 1px solid #3b5bdb; background: #fff; color: #3b5bdb; cursor: pointer; }
  footer { font-size: 14px; color: #666; }
  /* Theming the widget from the host page: custom properties cross its shadow root. */
  #parley-widget { --parley-accent: #3b5bdb; }
</style>
</head>
<body>
<header><h1>Parley Demo Store</h1><p>Handmade mugs, teapots and everything for a good cup.</p></header>
<main>
  <section class="products" aria-label="Products">
    <div class="product"><b>Stoneware mug</b>Glazed by hand, 350 ml. 24 EUR</div>
    <div class="product"><b>Cast-iron teapot</b>Keeps tea warm for an hour. 59 EUR</div>
    <div class="product"><b>Tea sampler</b>Twelve loose-leaf teas. 18 EUR</div>
  </section>
  <section class="try">
    <h2>Try the assistant</h2>
    <p>The chat button in the bottom-right corner is the Parley widget, embedded with one script tag.
       Ask it a question such as <code>how long does shipping take?</code> or <code>how do I return an item?</code>,
       or type <code>talk to a human</code> to be handed over to an agent.</p>
    <p>Agents answer in the <a href="/console/">staff console</a>. Service status: <a href="/healthz">/healthz</a>.</p>
    <p><button type="button" class="open-chat" data-parley-open>Open the chat</button></p>
  </section>
  <footer>This shop is fictional. Embed snippet: <code>&lt;script src="https://your-parley/widget.js" async&gt;&lt;/script&gt;</code></footer>
</main>
<script src="${src}" async></script>
</body>
</html>
`;
}
