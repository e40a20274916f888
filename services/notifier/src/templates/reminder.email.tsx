// Three days before the session: the workflow passes only the items still without a report.
import type { TemplateProps } from './layout.js';
import { Layout, Paragraph } from './layout.js';

export function ReminderEmail({ model }: TemplateProps) {
  const words = model.t.reminder;
  return (
    <Layout model={model} words={words}>
      <Paragraph>{words.intro(model.facts)}</Paragraph>
    </Layout>
  );
}
