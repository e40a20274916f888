// The frame every email shares: header with team, kind and date, the template's own words, the
// recipient's items with their report links, and the links to the session and its calendar file.
import {
  Body,
  Button,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { ReactNode } from 'react';
import type { EmailModel } from './email-model.js';
import type { TemplateMessages } from './messages.js';

export interface TemplateProps {
  model: EmailModel;
}

interface LayoutProps extends TemplateProps {
  words: TemplateMessages;
  children: ReactNode;
}

export function Layout({ model, words, children }: LayoutProps) {
  const { t, facts } = model;
  return (
    <Html lang={model.locale}>
      <Head />
      <Preview>{words.preview(facts)}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.team}>{facts.team}</Text>
          <Text style={styles.session}>
            {capitalize(facts.kind, t.intlLocale)} · {facts.date}
          </Text>
          <Hr style={styles.rule} />
          <Paragraph>{t.greeting(model.recipientName)}</Paragraph>
          {children}
          <Text style={styles.heading}>{words.itemsHeading}</Text>
          <ul style={styles.list}>
            {model.items.map((item) => (
              <li key={item.id} style={styles.item}>
                <strong>{item.title}</strong> ({item.typeLabel}) ·{' '}
                <Link href={item.reportUrl}>{t.reportLink}</Link>
                {item.ownerName === undefined ? null : ` · ${t.itemOwner(item.ownerName)}`}
              </li>
            ))}
          </ul>
          <Section style={styles.actions}>
            <Button href={model.sessionUrl} style={styles.button}>
              {t.sessionLink}
            </Button>
          </Section>
          <Paragraph>
            <Link href={model.calendarUrl}>{words.calendarLink}</Link>
          </Paragraph>
          <Hr style={styles.rule} />
          <Text style={styles.footer}>{t.timeZoneNote(model.timeZone)}</Text>
          <Text style={styles.footer}>{t.signature}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** One paragraph of a template's own copy. */
export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

// "actiesessie" → "Actiesessie" for the header; the phrases stay lower case inside sentences.
function capitalize(phrase: string, intlLocale: string): string {
  return phrase.charAt(0).toLocaleUpperCase(intlLocale) + phrase.slice(1);
}

// Inline styles: many email clients drop <style> blocks. Shared with the team invitation's frame.
export const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', color: '#1f2933' },
  container: {
    backgroundColor: '#ffffff',
    margin: '24px auto',
    padding: '24px 32px',
    maxWidth: '560px',
    borderRadius: '8px',
  },
  team: { fontSize: '20px', fontWeight: 'bold', margin: '0' },
  session: { fontSize: '16px', color: '#52606d', margin: '4px 0 0' },
  rule: { borderColor: '#e4e7eb', margin: '20px 0' },
  paragraph: { fontSize: '15px', lineHeight: '22px' },
  heading: { fontSize: '15px', fontWeight: 'bold', margin: '20px 0 8px' },
  list: { paddingLeft: '20px', margin: '0' },
  item: { fontSize: '15px', lineHeight: '22px', marginBottom: '6px' },
  actions: { margin: '24px 0 8px' },
  button: {
    backgroundColor: '#2563eb',
    color: '#ffffff',
    padding: '10px 18px',
    borderRadius: '6px',
    fontSize: '15px',
  },
  footer: { fontSize: '13px', color: '#7b8794', margin: '4px 0' },
} as const;
