import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library default, OWASP parameters: 19 MiB, 2 passes).
 * The algorithm and parameters live in the encoded hash, so raising them later keeps old hashes verifiable.
 */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as "wrong password", never as a 500 that reveals the account exists.
    return false;
  }
}

/** Verifying against a fixed hash keeps the response time of unknown emails close to that of known ones. */
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('parley-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
