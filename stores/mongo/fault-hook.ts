/**
 * Called between the steps of a multi-step write (reassign, erase, FAQ revision). The
 * crash-between-steps tests throw from it to stop a write halfway, then check that a
 * re-run or the next start finishes it. Production passes nothing.
 */
export type FaultHook = (step: string) => void | Promise<void>;

export const noFaults: FaultHook = () => undefined;
