// Sent to owners already invited when the session gets a new date.
import type { TemplateProps } from './layout.js';
import { Layout, Paragraph } from './layout.js';

export function MovedEmail({ model }: TemplateProps) {
  const words = model.t.moved;
  return (
    <Layout model={model} words={words}>
      {/* The intro names the old date too when the message carries it (it is optional). */}
      <Paragraph>{words.intro(model.facts)}</Paragraph>
    </Layout>
  );
}
