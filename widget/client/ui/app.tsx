import { useEffect, useRef } from 'preact/hooks';
import type { WidgetController } from '../controller.js';
import { Launcher } from './launcher.js';
import { Panel } from './panel.js';
import { useView } from './use-view.js';

export interface AppProps {
  ctrl: WidgetController;
  title: string;
}

export function App({ ctrl, title }: AppProps) {
  const view = useView(ctrl);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(view.open);
  // Closing returns focus to the launcher so keyboard users are not lost on the page.
  useEffect(() => {
    if (wasOpen.current && !view.open) launcher.current?.focus();
    wasOpen.current = view.open;
  }, [view.open]);
  return (
    <div class="parley">
      {view.open && <Panel ctrl={ctrl} view={view} title={title} />}
      <Launcher buttonRef={launcher} open={view.open} unread={view.unread} onClick={() => (view.open ? ctrl.close() : ctrl.open())} />
    </div>
  );
}
