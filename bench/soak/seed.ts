// The soak's people and plans, written straight to the database (the API has no route that makes
// users): SOAK_TEAMS teams, each with an administrator, a member who only reads, and owners of one
// action each. Their bearer tokens are signed here with the API's HS256 secret, as an identity
// provider would issue them, so the API runs as deployed (NODE_ENV=production, no dev sign-in).
import { Membership, PlanItem, Team, User, type Orm } from '@rhythm/persistence';
import { SignJWT } from 'jose';

export const JWT_SECRET = 'soak-benchmark-secret-of-at-least-32-characters';
const ISSUER = 'rhythm-api'; // The API's defaults when AUTH_ISSUER and AUTH_AUDIENCE are unset.
const AUDIENCE = 'rhythm';

export interface Caller {
  userId: string;
  authorization: string;
}

export interface SoakTeam {
  id: string;
  admin: Caller;
  member: Caller;
  /** Each owns one action, so each may report on it in any session of the team. */
  owners: (Caller & { itemId: string })[];
  /** Scheduled sessions the run may read, move, report on or cancel. */
  sessions: string[];
}

export async function seedTeams(orm: Orm, teams: number, ownersPerTeam: number): Promise<SoakTeam[]> {
  const em = orm.em.fork();
  const plans = [];
  for (let t = 0; t < teams; t++) {
    const team = em.create(Team, {
      name: `Soak ${t}`,
      timeZone: 'Europe/Amsterdam',
      locale: 'en',
      sendHour: 9,
    });
    const person = (role: 'administrator' | 'member', name: string) => {
      const user = em.create(User, {
        name,
        email: `${name.replace(/\W/g, '.')}@soak.example.com`,
        locale: 'en',
      });
      em.create(Membership, { team, user, roles: [role] });
      return user;
    };
    const admin = person('administrator', `admin ${t}`);
    const member = person('member', `member ${t}`);
    const strategy = em.create(PlanItem, { team, type: 'strategy', title: 'Steady', owner: admin });
    const owners = Array.from({ length: ownersPerTeam }, (_, o) => {
      const owner = person('member', `owner ${t} ${o}`);
      const action = em.create(PlanItem, { team, type: 'action', title: `Action ${o}`, owner, strategy });
      return { owner, action };
    });
    plans.push({ team, admin, member, owners });
  }
  await em.flush();
  return Promise.all(
    plans.map(async ({ team, admin, member, owners }) => ({
      id: team.id,
      admin: await caller(admin.id),
      member: await caller(member.id),
      owners: await Promise.all(
        owners.map(async ({ owner, action }) => ({ ...(await caller(owner.id)), itemId: action.id })),
      ),
      sessions: [],
    })),
  );
}

/** A token for `userId` valid for a day: longer than any soak. */
export async function caller(userId: string): Promise<Caller> {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1 day')
    .sign(new TextEncoder().encode(JWT_SECRET));
  return { userId, authorization: `Bearer ${token}` };
}
