// One day before the session, to the process owner: the items still without a current report, each
// with its owner and its report link (the workflow sends nothing when every item has one).
import { introEmail } from './intro-email.js';

export const EscalationEmail = introEmail('escalation');
