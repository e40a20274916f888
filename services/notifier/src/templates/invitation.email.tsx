// One week before the session: asks the owner to report on every item of theirs involved.
import { introEmail } from './intro-email.js';

export const InvitationEmail = introEmail('invitation');
