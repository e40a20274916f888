// One week before the session: asks the owner to report on every item of theirs involved.
import type { TemplateProps } from './layout.js';
import { Layout, Paragraph } from './layout.js';

export function InvitationEmail({ model }: TemplateProps) {
  const words = model.t.invitation;
  return (
    <Layout model={model} words={words}>
      <Paragraph>{words.intro(model.facts)}</Paragraph>
    </Layout>
  );
}
