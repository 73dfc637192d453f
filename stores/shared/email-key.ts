/** Staff emails are unique case-insensitively: `Ann@x.io` and `ann@x.io` are one account. */
export const emailKey = (email: string): string => email.trim().toLowerCase();
