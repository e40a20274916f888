// Renders one message into subject, HTML and plain text, in the recipient's locale. React Email
// renders each template structure once (compile.ts, ~10 ms); every email after that is the compiled
// pieces filled with its values (fill.ts), byte for byte what React Email would have written
// (render.equivalence.test.ts) at a small fraction of the CPU: rendering was most of the
// notifier's CPU, and it must keep up with the provider's rate.
import type { EmailMessage } from '@rhythm/domain';
import { compileTemplate, type CompiledTemplate } from './compile.js';
import { buildEmailModel, type EmailModel, type Links } from './email-model.js';
import { fillTemplate } from './fill.js';
import { structureKey, structureOf } from './placeholders.js';
import { assertTemplate, renderWithReactEmail } from './react-email.js';

export type { Links } from './email-model.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

// A few dozen structures at most (templates × locales × kinds × optional parts); kept for the
// process's life. Promises, so a batch's first emails share one compilation.
const compiled = new Map<string, Promise<CompiledTemplate>>();

export async function renderEmail(message: EmailMessage, links: Links): Promise<RenderedEmail> {
  assertTemplate(message.template);
  const model = buildEmailModel(message, links);
  const structure = structureOf(message.template, model);
  const key = structureKey(structure);
  let template = compiled.get(key);
  if (!template) {
    template = compileTemplate(structure);
    compiled.set(key, template);
    // A failed compilation (a malformed kind, say) is not kept: the next email tries again.
    template.catch(() => compiled.delete(key));
  }
  const filled = fillTemplate(await template, message.template, model);
  return {
    subject: subjectOf(message, model),
    ...(filled ?? (await renderWithReactEmail(message.template, model))),
  };
}

export function subjectOf(message: EmailMessage, model: EmailModel): string {
  // A subject is one header line: a line break in a team name must not split it.
  return model.t[message.template].subject(model.facts).replace(/\s+/g, ' ').trim();
}
