/**
 * Records a capability above crm keeps about a customer in its own documents (analytics' per-customer state,
 * rankings, imported labels). crm may not import those capabilities, so customer export and erase reach them
 * through this port, wired in by the composition.
 */
export interface CustomerRecords {
  /** Everything kept about the customer, JSON-ready; an empty object when nothing is kept. */
  recordsOf(customerId: string): Promise<Record<string, unknown>>;
  /** Removes every such record; running it again (a retried erase) is harmless. */
  forget(customerId: string): Promise<void>;
}
