// The customer model: profile service, orders and products, CRM models as of a date (see crm/README.md).
export {};
