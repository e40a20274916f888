// What the session endpoints' HTTP tests share: a world (a team, its people and plan) made once per
// file, and short ways to sign in as one of its people and to post a session.
import { addDays, todayIn } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { useTestApp } from './test-app.js';
import { createWorld, type World } from './world.js';

export function useSessionsHttp() {
  const testApp = useTestApp();
  let world: World | undefined;
  beforeAll(async () => {
    world = await createWorld(testApp());
  });
  const theWorld = () =>
    world ??
    (() => {
      throw new Error('the world is made in beforeAll');
    })();
  const as = (actor: keyof World['users']) => `Bearer ${theWorld().tokens[actor]}`;
  const sessionsPath = () => `/api/teams/${theWorld().team.id}/sessions`;
  const today = () => todayIn('Europe/Amsterdam', new Date());
  return {
    testApp,
    world: theWorld,
    as,
    sessionsPath,
    today,
    ahead: (days: number) => addDays(today(), days),
    post: (body: object, actor: keyof World['users'] = 'processOwner') =>
      testApp().http.post(sessionsPath()).set('Authorization', as(actor)).send(body),
    rows: () => testApp().orm.em.fork().find(Session, { team: theWorld().team.id }),
  };
}
