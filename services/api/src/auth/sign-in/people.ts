// The Rhythm user an address signs in as: the one with that address (compared without case), or a
// new one. Signing in is how a person joins Rhythm (issue 13: "a new user gets from nothing to a
// scheduled session through the web app alone"); joining a team still takes an invitation or
// creating one's own.
import type { Locale } from '@rhythm/domain';
import { UniqueConstraintViolationException, User, type EntityManager } from '@rhythm/persistence';

export async function userWithEmail(em: EntityManager, email: string): Promise<User | null> {
  const pattern = email.replace(/[\\%_]/g, (c) => `\\${c}`);
  return em.findOne(User, { email: { $ilike: pattern } });
}

export async function userSigningIn(
  em: EntityManager,
  email: string,
  about: { name?: string | undefined; locale?: Locale | undefined } = {},
): Promise<User> {
  const found = await userWithEmail(em, email);
  if (found) return found;
  const address = email.toLowerCase();
  const user = em.create(User, {
    name: about.name?.trim() || address.split('@')[0]!,
    email: address,
    locale: about.locale ?? null,
  });
  try {
    await em.flush();
    return user;
  } catch (error) {
    // The same person signing in twice at once: the other request made the user.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    em.clear();
    return (await userWithEmail(em, email))!;
  }
}
