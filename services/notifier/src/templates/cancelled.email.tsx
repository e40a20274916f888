// Sent to owners already invited when the session is cancelled, with the reason when one was given.
import type { TemplateProps } from './layout.js';
import { Layout, Paragraph } from './layout.js';

export function CancelledEmail({ model }: TemplateProps) {
  const words = model.t.cancelled;
  return (
    <Layout model={model} words={words}>
      <Paragraph>{words.intro(model.facts)}</Paragraph>
      {model.reason && <Paragraph>{model.t.reason(model.reason)}</Paragraph>}
    </Layout>
  );
}
