import { useEffect, useState } from 'preact/hooks';
import type { WidgetController } from '../controller.js';
import type { ViewState } from '../types.js';

/** Re-renders on every controller state change. */
export function useView(ctrl: WidgetController): ViewState {
  const [, setVersion] = useState(0);
  useEffect(() => ctrl.subscribe(() => setVersion((v) => v + 1)), [ctrl]);
  return ctrl.state;
}
