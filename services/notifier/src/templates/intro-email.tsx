// The templates whose own words are a single paragraph (invitation, reminder, escalation): the
// shared frame with that step's intro. One component per step, so React Email sees no difference.
import type { FunctionComponent } from 'react';
import type { TemplateProps } from './layout.js';
import { Layout, Paragraph } from './layout.js';

export function introEmail(step: 'invitation' | 'reminder' | 'escalation'): FunctionComponent<TemplateProps> {
  return function IntroEmail({ model }: TemplateProps) {
    const words = model.t[step];
    return (
      <Layout model={model} words={words}>
        <Paragraph>{words.intro(model.facts)}</Paragraph>
      </Layout>
    );
  };
}
