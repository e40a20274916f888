// Three days before the session: the workflow passes only the items still without a report.
import { introEmail } from './intro-email.js';

export const ReminderEmail = introEmail('reminder');
